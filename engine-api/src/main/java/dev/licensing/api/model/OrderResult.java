package dev.licensing.api.model;

import java.util.List;

/**
 * What one request created: the order header with the items this request created (for {@code append}, only the new
 * ones), the passwords of users new to the company, and any warnings.
 */
public record OrderResult(Order order, List<NewPassword> newPasswords, List<Warning> warnings) {
    public OrderResult {
        newPasswords = newPasswords == null ? List.of() : List.copyOf(newPasswords);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
