package dev.licensing.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Writing one of the command's output files failed (a full disk, say): one line naming the file, exit 3. */
final class OutputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    OutputFileException(Path file, IOException cause) {
        super("cannot write " + file + ": " + cause.getMessage(), cause);
        this.file = file;
    }

    Path file() {
        return file;
    }
}
