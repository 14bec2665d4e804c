package dev.licensing.core.wire;

import dev.licensing.api.LicensingError;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.OrderRequest;

import java.util.List;

/**
 * A LicenseSpring request as read: the request when it is well-formed, else every structural violation found.
 *
 * @param request  {@code null} when {@code errors} is non-empty
 * @param warnings fields ignored under {@code ignoreUnknownFields}
 */
public record DecodedOrder(OrderRequest request, List<LicensingError> errors, List<Warning> warnings) {
    public DecodedOrder {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() == (request == null)) {
            throw new IllegalArgumentException("a decoded order has a request or errors, never both or neither");
        }
    }
}
