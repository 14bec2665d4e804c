package dev.licensing.core.vip;

import java.util.List;

/**
 * Get Order History's parameters.
 *
 * @param orderTypes NEW, RETURN or RENEWAL, ORed; empty: every type
 * @param statuses   status codes, ORed; empty: every status
 * @param limit      {@code null}: 25; above 100: 100
 */
public record VipOrderQuery(List<String> orderTypes, List<String> statuses, Integer limit, Integer offset) {
    public static final VipOrderQuery ALL = new VipOrderQuery(List.of(), List.of(), null, null);

    public VipOrderQuery {
        orderTypes = orderTypes == null ? List.of() : List.copyOf(orderTypes);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
