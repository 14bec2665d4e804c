package dev.licensing.api.store;

import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipOrder;

import java.time.Instant;
import java.util.Objects;

/**
 * The first answer to a correlation id: the response's order or the rejection, exactly one of them.
 *
 * @param answeredAt the engine's clock when it answered (the replay window counts from it)
 */
public record VipReplay(String correlationId, Instant answeredAt, int httpStatus, VipOrder order, VipError error) {
    public VipReplay {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if ((order == null) == (error == null)) {
            throw new IllegalArgumentException("a kept answer is an order or an error");
        }
    }
}
