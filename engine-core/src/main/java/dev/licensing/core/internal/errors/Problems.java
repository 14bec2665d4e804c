package dev.licensing.core.internal.errors;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.Warning;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found in one document or one request, each at its {@link FieldPath}, in the order found: the one
 * collector of the codecs, the catalog's validation, planning and settlement, so that a rejection reports all of them
 * and not only the first.
 */
public final class Problems {
    private final boolean ignoreUnknownFields;
    private final List<LicensingError> errors = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    /** A collector for which an unknown field is an error. */
    public Problems() {
        this(false);
    }

    /** @param ignoreUnknownFields report unknown fields as warnings instead of errors */
    public Problems(boolean ignoreUnknownFields) {
        this.ignoreUnknownFields = ignoreUnknownFields;
    }

    /** @param at where, or {@link FieldPath#ROOT} when no one field is at fault */
    public void add(ErrorCode code, FieldPath at, String message) {
        errors.add(new LicensingError(code, message, at.render()));
    }

    public void addAll(List<LicensingError> more) {
        errors.addAll(more);
    }

    /** A field the document's type does not know: an error, or under {@code ignoreUnknownFields} a warning. */
    public void unknownField(FieldPath at) {
        if (ignoreUnknownFields) {
            warnings.add(new Warning(at.render(), "unknown field ignored"));
        } else {
            add(ErrorCode.UNKNOWN_FIELD, at, "unknown field");
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<LicensingError> errors() {
        return List.copyOf(errors);
    }

    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws the rejection when anything was found. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new OrderRejectedException(errors);
        }
    }
}
