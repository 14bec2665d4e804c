package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.List;

/**
 * The most licenses one order may create, so that one request cannot exhaust the engine's memory (a 200,000-license
 * order took 1.8 GB): every license counts, and in a bundle order each item's bundle license too. Far above any real
 * order; a bigger delivery is several orders, or {@code append}s to one.
 */
public final class OrderSize {
    public static final int MAX_LICENSES = 10_000;

    private OrderSize() {
    }

    /** The message of {@link ErrorCode#TOO_MANY_LICENSES}. */
    public static final String TOO_MANY = "the order asks for more than " + MAX_LICENSES + " licenses (in a bundle "
            + "order each item's bundle license counts too): split it into several orders, or add to one with append";

    /** How many licenses {@code request} asks for: every license, and in a bundle order each item's bundle license. */
    public static long count(OrderRequest request) {
        long count = 0;
        for (ItemRequest item : request.items()) {
            count += item.licenses().size() + (request.bundle() ? 1 : 0);
        }
        return count;
    }

    /**
     * Whether {@code request} stays within the limit; records {@link ErrorCode#TOO_MANY_LICENSES} at
     * {@code items[i].licenses} of the item that crosses it when it does not.
     */
    public static boolean check(OrderRequest request, Problems violations) {
        List<ItemRequest> items = request.items();
        long count = 0;
        for (int i = 0; i < items.size(); i++) {
            count += items.get(i).licenses().size() + (request.bundle() ? 1 : 0);
            if (count > MAX_LICENSES) {
                violations.add(ErrorCode.TOO_MANY_LICENSES, FieldPath.ROOT.field("items").index(i).field("licenses"), TOO_MANY);
                return false;
            }
        }
        return true;
    }
}
