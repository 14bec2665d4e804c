package dev.licensing.core.internal.importing;

/**
 * One line of an import's input as read: its text, or, when its bytes are not valid UTF-8, what is wrong with them.
 * Exactly one of the two is set.
 */
record SourceLine(String text, String encodingProblem) {
    SourceLine {
        if ((text == null) == (encodingProblem == null)) {
            throw new IllegalArgumentException("a line has its text or an encoding problem, never both or neither");
        }
    }
}
