package dev.licensing.core.vip;

import dev.licensing.api.vip.VipOrder;

import java.util.List;

/**
 * One page of a customer's order history, newest first.
 *
 * @param next {@code null} on the last page
 * @param prev {@code null} on the first page
 */
public record VipOrderPage(int totalCount, int offset, int limit, List<VipOrder> orders, String self, String next,
                           String prev) {
    public VipOrderPage {
        orders = List.copyOf(orders);
    }
}
