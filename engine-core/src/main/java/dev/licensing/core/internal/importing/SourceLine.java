package dev.licensing.core.internal.importing;

import dev.licensing.api.LicensingError;

/**
 * One line of an import's input as read: its text, or, when its bytes cannot be read as a request (not valid UTF-8,
 * above {@link dev.licensing.core.internal.rules.RequestSize#MAX_BYTES}), the error that rejects it. Exactly one of the
 * two is set.
 */
public record SourceLine(String text, LicensingError problem) {
    public SourceLine {
        if ((text == null) == (problem == null)) {
            throw new IllegalArgumentException("a line has its text or a problem, never both or neither");
        }
    }
}
