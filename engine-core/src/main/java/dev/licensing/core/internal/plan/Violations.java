package dev.licensing.core.internal.plan;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of one request, so that a rejection reports all of them and not only the first. */
public final class Violations {
    private final List<LicensingError> errors = new ArrayList<>();

    public void add(ErrorCode code, String field, String message) {
        errors.add(new LicensingError(code, message, field));
    }

    public void addAll(List<LicensingError> more) {
        errors.addAll(more);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<LicensingError> list() {
        return List.copyOf(errors);
    }

    /** Throws the rejection when anything was found. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new OrderRejectedException(errors);
        }
    }
}
