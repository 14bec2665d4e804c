package dev.licensing.cli;

/** The command's exit codes (DESIGN §4 "Command line"). */
final class ExitCode {
    static final int OK = 0;
    /** The input was refused: a rejected order, an unknown order id, an invalid catalog. */
    static final int REJECTED = 1;
    /** The command line itself was wrong. */
    static final int USAGE = 2;
    /** The store failed. */
    static final int STORE_FAILED = 3;

    private ExitCode() {
    }
}
