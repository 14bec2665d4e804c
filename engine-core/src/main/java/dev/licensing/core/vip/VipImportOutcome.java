package dev.licensing.core.vip;

import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipOrderResult;

import java.util.Objects;

/**
 * What became of one line of a VIP order history import. {@code line} counts from 1, blank lines included;
 * {@code customerId} is the line's, or {@code null} when it has none that can be read.
 */
public sealed interface VipImportOutcome {
    long line();

    String customerId();

    /** The order was placed (or previewed) as {@code vip-order} would at the line's {@code creationDate}. */
    record Created(long line, String customerId, VipOrderResult result) implements VipImportOutcome {
        public Created {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Nothing was written: the line's correlation id already has a kept answer (replayed, or an order placed before
     * a {@code skipExisting} import).
     */
    record Skipped(long line, String customerId) implements VipImportOutcome {
    }

    /** The line was refused with Adobe's error; nothing of it was written, and its neighbours went on. */
    record Rejected(long line, String customerId, VipError error) implements VipImportOutcome {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
