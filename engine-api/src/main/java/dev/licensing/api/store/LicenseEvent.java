package dev.licensing.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a license's append-only event log.
 *
 * @param id          from {@link StoreTransaction#reserveIds}, so events of a license are ordered by id
 * @param feature     for CONSUMED: the feature, {@link ConsumptionCounter#LICENSE} for the license; else {@code null}
 * @param amount      for CONSUMED: the consumptions applied; else 0
 * @param periodStart for CONSUMED: the start of the counter's period it was added to; else {@code null}
 * @param requestId   for CONSUMED: the request id it was applied under, or {@code null}; unique per license
 * @param fingerprint for CONSUMED with a request id: what the request asked (feature, amount, hardware id)
 */
public record LicenseEvent(long id, long licenseId, Instant at, Kind kind, String hardwareId, String feature,
                           long amount, Instant periodStart, String requestId, String fingerprint) {

    /** What happened. */
    public enum Kind {
        ACTIVATED, DEACTIVATED, CONSUMED, SEAT_TAKEN, BORROWED, RELEASED;

        /** The name stored and shown: lower case. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public LicenseEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
