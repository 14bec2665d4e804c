package dev.licensing.api;

import java.util.List;

/** A request the engine refused; nothing was written. Carries every violation found, not only the first. */
public final class OrderRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<LicensingError> errors;

    public OrderRejectedException(List<LicensingError> errors) {
        super(summary(errors), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public OrderRejectedException(LicensingError error) {
        this(List.of(error));
    }

    public List<LicensingError> errors() {
        return errors;
    }

    private static String summary(List<LicensingError> errors) {
        if (errors.isEmpty()) {
            return "rejected";
        }
        LicensingError first = errors.get(0);
        String where = first.field() == null ? "" : first.field() + ": ";
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return first.code().code() + ": " + where + first.message() + more;
    }
}
