package dev.licensing.core.internal.settle;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.Warning;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.core.internal.rules.IdempotencyKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Idempotency keys (DESIGN §3 "Retried deliveries"), inside the store transaction: a key kept for the same request
 * answers that request's first response again, a key kept for another request is refused, and a key kept longer than
 * {@link #KEPT_FOR} by the engine's clock is new again. What is kept is the order's id and the ids of the items the
 * request created: the stored order, which never changes, rebuilds the response exactly (its passwords aside, which
 * are shown once).
 */
public final class KeptKeys {
    public static final Duration KEPT_FOR = Duration.ofDays(30);

    /**
     * A request under an idempotency key.
     *
     * @param fingerprint what the request asks ({@code RequestFingerprint})
     * @param now         the engine's clock as the request is written
     */
    public record Keyed(String key, String fingerprint, Instant now) {
    }

    private KeptKeys() {
    }

    /**
     * The first response again when the company keeps the key, within its days, for this request.
     *
     * @param warnings what decoding this request reported; the replay adds its own
     * @throws OrderRejectedException {@code idempotency_key_reused} when the key is kept for another request
     */
    public static Optional<OrderResult> replay(StoreTransaction tx, String company, Keyed keyed,
                                               List<Warning> warnings) {
        Optional<KeptIdempotencyKey> found = tx.findIdempotencyKey(company, keyed.key())
                .filter(kept -> !kept.keptAt().isBefore(expiredBefore(keyed)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeptIdempotencyKey kept = found.get();
        if (!kept.fingerprint().equals(keyed.fingerprint())) {
            throw new OrderRejectedException(List.of(new LicensingError(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "idempotency key '" + kept.key() + "' was used at " + kept.keptAt() + " for a different request "
                            + "(order '" + kept.orderId() + "'): a key names one request; send a new key for a new "
                            + "request", IdempotencyKeys.FIELD.render())));
        }
        Order order = tx.findOrder(company, kept.orderId()).orElseThrow(() -> new IllegalStateException(
                "idempotency key '" + kept.key() + "' names order '" + kept.orderId() + "', which is not stored"));
        Set<Long> created = new HashSet<>(kept.itemIds());
        List<OrderItem> items = order.items().stream().filter(item -> created.contains(item.id())).toList();
        List<Warning> replayed = new ArrayList<>(warnings);
        replayed.add(new Warning(Warning.REPLAYED, "the first response to idempotency key '" + kept.key()
                + "' (written at " + kept.keptAt() + ") again: nothing was written, and new passwords are shown "
                + "only in the first response"));
        return Optional.of(new OrderResult(order.withItems(items), List.of(), replayed));
    }

    /**
     * Keeps the key with the order {@code result} wrote, in the same transaction.
     *
     * @return {@code false} when another writer kept the key meanwhile: the transaction must roll back
     */
    public static boolean keep(StoreTransaction tx, String company, Keyed keyed, OrderResult result) {
        Order order = result.order();
        return tx.keepIdempotencyKey(company, new KeptIdempotencyKey(keyed.key(), keyed.fingerprint(), order.orderId(),
                order.items().stream().map(OrderItem::id).toList(), keyed.now()), expiredBefore(keyed));
    }

    /** A key kept before this instant has expired. */
    private static Instant expiredBefore(Keyed keyed) {
        return keyed.now().minus(KEPT_FOR);
    }
}
