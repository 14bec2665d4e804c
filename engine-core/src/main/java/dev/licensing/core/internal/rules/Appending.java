package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.model.Order;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.Optional;

/**
 * {@code append} (DESIGN §3): the id taken and {@code append: true}: the request's items are added to that order, whose
 * own fields do not change; the id taken without it: {@link ErrorCode#ORDER_ID_EXISTS}; the id free: a new order
 * either way. A plain order cannot be appended to a bundle order, nor the reverse.
 */
public final class Appending {
    private Appending() {
    }

    /**
     * @param orderId  the request's order id
     * @param append   the request's {@code append}
     * @param bundle   the request's {@code is_bundle}
     * @param existing the header of the order that already has the request's id, or {@code null}
     * @return the order to append to, or empty for a new order (also when a violation was recorded)
     */
    public static Optional<Order> target(String orderId, boolean append, boolean bundle, Order existing,
                                         Problems violations) {
        if (existing == null) {
            return Optional.empty();
        }
        if (!append) {
            violations.add(ErrorCode.ORDER_ID_EXISTS, FieldPath.ROOT.field("id"), "order '" + orderId + "' exists; set append: true "
                    + "to add these items to it");
            return Optional.empty();
        }
        if (existing.bundle() != bundle) {
            violations.add(ErrorCode.BUNDLE_MISMATCH, FieldPath.ROOT.field("is_bundle"), "order '" + orderId + "' is "
                    + (existing.bundle() ? "a bundle order" : "a plain order") + "; an append must be one too");
            return Optional.empty();
        }
        return Optional.of(existing);
    }
}
