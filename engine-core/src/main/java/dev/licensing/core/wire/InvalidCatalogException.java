package dev.licensing.core.wire;

import dev.licensing.api.LicensingError;

import java.util.List;

/** A catalog that cannot be used: malformed JSON or inconsistent content. Carries every violation found. */
public class InvalidCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<LicensingError> errors;

    public InvalidCatalogException(List<LicensingError> errors) {
        super(errors.isEmpty() ? "invalid catalog" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<LicensingError> errors() {
        return errors;
    }
}
