package dev.licensing.core.wire;

import dev.licensing.api.LicensingError;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog file that cannot be read; carries every violation found, each {@code invalid_catalog} at its JSON path. */
public final class InvalidCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<LicensingError> errors;

    public InvalidCatalogException(List<LicensingError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid catalog has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<LicensingError> errors() {
        return errors;
    }

    private static String summary(List<LicensingError> errors) {
        return "invalid catalog: " + errors.stream()
                .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
    }
}
