package dev.licensing.core.internal.wire;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.model.Warning;

import java.util.ArrayList;
import java.util.List;

/** Every violation and warning found while reading one document, each at its JSON path, in document order. */
final class Findings {
    private final boolean ignoreUnknownFields;
    private final List<LicensingError> errors = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    Findings(boolean ignoreUnknownFields) {
        this.ignoreUnknownFields = ignoreUnknownFields;
    }

    void error(ErrorCode code, String path, String message) {
        errors.add(new LicensingError(code, message, path));
    }

    void unknownField(String path) {
        if (ignoreUnknownFields) {
            warnings.add(new Warning(path, "unknown field ignored"));
        } else {
            error(ErrorCode.UNKNOWN_FIELD, path, "unknown field");
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<LicensingError> errors() {
        return List.copyOf(errors);
    }

    List<Warning> warnings() {
        return List.copyOf(warnings);
    }
}
