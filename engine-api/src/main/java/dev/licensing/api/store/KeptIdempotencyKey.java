package dev.licensing.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an idempotency key keeps of the order request that first used it (DESIGN §3 "Retried deliveries"), so that a
 * retry is answered with that request's response, by any engine on the same store.
 *
 * @param key         the caller's key: one per company
 * @param fingerprint what the request asked, as the engine compares requests (equal for the same decoded request)
 * @param orderId     the caller's id of the order the request created, or appended to
 * @param itemIds     the ids of the order items that request created, in order: its response lists those
 * @param keptAt      the engine's clock when the request was written (the key's 30 days count from it)
 */
public record KeptIdempotencyKey(String key, String fingerprint, String orderId, List<Long> itemIds,
                                 Instant keptAt) {
    public KeptIdempotencyKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(keptAt, "keptAt");
        itemIds = List.copyOf(itemIds);
    }
}
