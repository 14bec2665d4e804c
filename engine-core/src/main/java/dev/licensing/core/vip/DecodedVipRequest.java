package dev.licensing.core.vip;

import dev.licensing.api.vip.VipOrderRequest;

import java.util.List;

/**
 * A Create Order body as read: the request (fields of the wrong type left {@code null}) and the paths that break the
 * wire's rules, which the engine reports in Adobe's order (1121, then 1122, then 1117).
 *
 * @param unknownFields fields no request type knows (1121)
 * @param invalidFields fields of the wrong JSON type, or an {@code orderType} outside the five (1117)
 */
public record DecodedVipRequest(VipOrderRequest request, List<String> unknownFields, List<String> invalidFields) {
    public DecodedVipRequest {
        unknownFields = List.copyOf(unknownFields);
        invalidFields = List.copyOf(invalidFields);
    }
}
