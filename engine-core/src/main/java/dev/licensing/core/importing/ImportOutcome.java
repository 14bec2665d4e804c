package dev.licensing.core.importing;

import dev.licensing.api.LicensingError;
import dev.licensing.api.model.OrderResult;

import java.util.List;
import java.util.Objects;

/**
 * What became of one line of an import. {@code line} counts from 1, blank lines included, so that it matches an
 * editor's; {@code orderId} is the request's {@code id}, or {@code null} when the line has none that can be read.
 */
public sealed interface ImportOutcome {
    long line();

    String orderId();

    /** The order was created (or, with {@code append}, its items added); {@code result} as {@code createOrder} gives it. */
    record Created(long line, String orderId, OrderResult result) implements ImportOutcome {
        public Created {
            Objects.requireNonNull(result, "result");
        }
    }

    /** Under {@link ImportOptions#skipExisting}, the order's id existed before the import: nothing was written. */
    record Skipped(long line, String orderId) implements ImportOutcome {
    }

    /** The line was refused with every violation found; nothing of it was written, and its neighbours went on. */
    record Rejected(long line, String orderId, List<LicensingError> errors) implements ImportOutcome {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }
}
