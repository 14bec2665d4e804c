package dev.licensing.api.vip;

/**
 * What Create Order answered.
 *
 * @param order      the response's order (Create's view: status "1002", line subscription ids "")
 * @param httpStatus 201 for a placed order, 200 for a preview
 * @param replayed   whether this is the kept answer of an earlier request with the same correlation id
 */
public record VipOrderResult(VipOrder order, int httpStatus, boolean replayed) {
}
