package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

/**
 * An idempotency key (DESIGN §3 "Retried deliveries") is an identifier: a non-empty string of at most
 * {@link #MAX_LENGTH} characters without white space, format or control characters ({@link Identifiers}), so that a
 * key pasted with an invisible character is refused rather than kept as a second key.
 */
public final class IdempotencyKeys {
    public static final int MAX_LENGTH = 255;
    public static final FieldPath FIELD = FieldPath.ROOT.field("idempotency_key");

    private IdempotencyKeys() {
    }

    /** Records {@link ErrorCode#VALIDATION_ERROR} at {@code idempotency_key} when {@code key} is not a valid key. */
    public static void check(String key, Problems violations) {
        if (key.isEmpty()) {
            violations.add(ErrorCode.VALIDATION_ERROR, FIELD, "an idempotency key is a non-empty string");
        } else if (key.length() > MAX_LENGTH) {
            violations.add(ErrorCode.VALIDATION_ERROR, FIELD,
                    "an idempotency key has at most " + MAX_LENGTH + " characters, not " + key.length());
        } else {
            Identifiers.check(key, FIELD, violations);
        }
    }
}
