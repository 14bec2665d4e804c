package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;

import java.util.Locale;

/**
 * The most bytes one request may have (an import line, a create-order body), so that one request cannot exhaust the
 * engine's memory before anything else is checked: a request is decoded into a JSON tree several times its size, and a
 * 150 MB import line ended a whole import out of memory. Far above any real order (10,000 licenses with a key each are
 * well under 1 MiB); checked on the bytes as they are read, so an oversize request is never held whole.
 */
public final class RequestSize {
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private RequestSize() {
    }

    /** The message of {@link ErrorCode#REQUEST_TOO_LARGE}; {@code what} names the request ("the line", "the request"). */
    public static String tooLarge(String what) {
        return String.format(Locale.ROOT, "%s has more than %d bytes (4 MiB), the most one request may have: split "
                + "it into several orders, or add to one with append", what, MAX_BYTES);
    }
}
