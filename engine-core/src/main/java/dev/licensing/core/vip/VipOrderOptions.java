package dev.licensing.core.vip;

import java.time.Instant;

/**
 * How to place one Create Order request.
 *
 * @param fetchPrice    PREVIEW lines and the order carry their prices ({@code --fetch-price})
 * @param correlationId the first answer for it is kept 10 days and given again; {@code null}: nothing kept
 * @param creationDate  the order's time instead of the engine's clock (history import), or {@code null}
 */
public record VipOrderOptions(boolean fetchPrice, String correlationId, Instant creationDate) {
    public static final VipOrderOptions DEFAULTS = new VipOrderOptions(false, null, null);

    public VipOrderOptions withFetchPrice(boolean fetch) {
        return new VipOrderOptions(fetch, correlationId, creationDate);
    }

    public VipOrderOptions withCorrelationId(String id) {
        return new VipOrderOptions(fetchPrice, id, creationDate);
    }
}
