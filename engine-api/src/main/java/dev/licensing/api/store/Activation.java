package dev.licensing.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An active device of a license: at most one per (license, hardware id).
 *
 * @param id            the id of the event that activated it
 * @param userId        the user who activated it on a user-based license, else {@code null}
 * @param seatUntil     the end of its floating seat taken by a check, or {@code null}
 * @param borrowedUntil the end of its borrowed seat, or {@code null}
 */
public record Activation(long id, String hardwareId, Long userId, Instant activatedAt, boolean vm, Instant seatUntil,
                         Instant borrowedUntil) {
    public Activation {
        Objects.requireNonNull(hardwareId, "hardwareId");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }

    /** The end of the seat it holds, checked or borrowed, or {@code null}. */
    public Instant seatEnd() {
        if (seatUntil == null) {
            return borrowedUntil;
        }
        return borrowedUntil == null || seatUntil.isAfter(borrowedUntil) ? seatUntil : borrowedUntil;
    }

    public Activation withSeat(Instant newSeatUntil, Instant newBorrowedUntil) {
        return new Activation(id, hardwareId, userId, activatedAt, vm, newSeatUntil, newBorrowedUntil);
    }
}
