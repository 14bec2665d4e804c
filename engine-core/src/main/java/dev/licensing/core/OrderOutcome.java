package dev.licensing.core;

import dev.licensing.api.LicensingError;
import dev.licensing.api.model.OrderResult;

import java.util.List;

/**
 * What became of one request of {@link LicenseEngine#createOrders}: created ({@code result}) or rejected
 * ({@code errors}, every violation found).
 *
 * @param orderId the request's order id (may be {@code null} for a request rejected for lacking one)
 */
public record OrderOutcome(String orderId, OrderResult result, List<LicensingError> errors) {
    public OrderOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if ((result == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("an outcome has a result or errors, never both or neither");
        }
    }

    public boolean created() {
        return result != null;
    }
}
