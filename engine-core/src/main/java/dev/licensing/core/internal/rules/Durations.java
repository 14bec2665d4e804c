package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseDuration;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

/** Checks {@code valid_duration} and {@code maintenance_duration}: the page's {@code <positive integer><y|m|d|h>}. */
public final class Durations {
    private Durations() {
    }

    /** Records {@link ErrorCode#INVALID_DURATION} at {@code field} unless {@code text} is absent or a duration. */
    /** As {@link #check(String, FieldPath, Problems)} at {@code path.field}, the path built only for a violation. */
    public static void check(String text, FieldPath path, String field, Problems violations) {
        if (text != null) {
            check(text, path.field(field), violations);
        }
    }

    public static void check(String text, FieldPath field, Problems violations) {
        if (text == null) {
            return;
        }
        try {
            LicenseDuration.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(ErrorCode.INVALID_DURATION, field, "'" + text + "': " + e.getMessage());
        }
    }
}
