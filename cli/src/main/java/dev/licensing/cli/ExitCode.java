package dev.licensing.cli;

/** The command's exit codes (DESIGN §4 "Command line"; the README's exit table). */
final class ExitCode {
    static final int OK = 0;
    /** The input was refused: a rejected order, an unknown order id, an invalid catalog. */
    static final int REJECTED = 1;
    /** The command line itself was wrong. */
    static final int USAGE = 2;
    /** I/O failed: the store, or a file the command reads or writes (a full disk, say). */
    static final int STORE_FAILED = 3;
    /**
     * The command itself failed: out of memory, or a bug. Never the input's fault, so never {@link #REJECTED}, which
     * scripts read as "the input was refused".
     */
    static final int INTERNAL_ERROR = 4;
    /**
     * An import stopped by SIGINT (Ctrl-C) after settling the batch it was reading; SIGTERM ends the process with 143
     * (the JVM exits with 128 + the signal's number once the import has finished).
     */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
