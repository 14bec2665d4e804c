package dev.licensing.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Writing one of the command's output files failed (a full disk, say): one line naming the file, exit 3. */
final class OutputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final boolean fullDisk;
    private final boolean whileOpening;

    private OutputFileException(Path file, IOException cause, boolean whileOpening) {
        super("cannot write " + file + ": " + IoReason.of(cause), cause);
        this.file = file;
        this.fullDisk = IoReason.isFullDisk(cause);
        this.whileOpening = whileOpening;
    }

    /** The file could not be opened (a missing directory, a directory, no permission): nothing was written yet. */
    static OutputFileException opening(Path file, IOException cause) {
        return new OutputFileException(file, cause, true);
    }

    /** Writing or flushing lines failed. */
    static OutputFileException writing(Path file, IOException cause) {
        return new OutputFileException(file, cause, false);
    }

    Path file() {
        return file;
    }

    boolean whileOpening() {
        return whileOpening;
    }

    /** Whether the disk was full, the one cause that freeing space cures. */
    boolean fullDisk() {
        return fullDisk;
    }
}
