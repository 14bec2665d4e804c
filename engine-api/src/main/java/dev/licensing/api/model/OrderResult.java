package dev.licensing.api.model;

import java.util.List;

/**
 * What one request created: the order header with the items this request created (for {@code append}, only the new
 * ones), the passwords of users new to the company, and any warnings. A retry answered under its idempotency key has
 * the first request's order and items, no passwords (they are shown once) and a {@link Warning#replayed} warning.
 */
public record OrderResult(Order order, List<NewPassword> newPasswords, List<Warning> warnings) {
    public OrderResult {
        newPasswords = newPasswords == null ? List.of() : List.copyOf(newPasswords);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Whether this is the first response of a request again, answered to a retry: nothing was written. */
    public boolean replayed() {
        return warnings.stream().anyMatch(Warning::replayed);
    }
}
