package dev.licensing.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of JSON lines the import writes (rejects, responses): every failure names the file, as
 * {@link OutputFileException}, so that a full disk is one clear line and not a stack trace.
 */
final class OutputFile implements AutoCloseable {
    private final Path path;
    private final BufferedWriter writer;
    private boolean failed;

    private OutputFile(Path path, BufferedWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    /** The file at {@code path} (created or truncated), or {@code null} when the option was not given. */
    static OutputFile create(Path path) {
        if (path == null) {
            return null;
        }
        try {
            return new OutputFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException("cannot write " + path + ": " + e, e);
        }
    }

    void writeLine(String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            failed = true;
            throw new OutputFileException(path, e);
        }
    }

    /** Hands what was written to the operating system: a line of a committed batch is never only in this buffer. */
    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            failed = true;
            throw new OutputFileException(path, e);
        }
    }

    /** Closes the file; after a failure of this file, what is still buffered is dropped without a second error. */
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            if (!failed) {
                throw new OutputFileException(path, e);
            }
        }
    }
}
