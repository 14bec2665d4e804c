package dev.licensing.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    /**
     * The file at {@code path} (created or truncated), or {@code null} when the option was not given; a file that
     * cannot be opened is an {@link OutputFileException} like a failed write (exit 3).
     */
    static OutputFile create(Path path) {
        return open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /**
     * The file at {@code path} (created, or continued after its last line), or {@code null} when the option was not
     * given: a resumed import adds to the responses of the run it finishes, whose passwords exist nowhere else.
     */
    static OutputFile append(Path path) {
        boolean cutOff = path != null && Files.isRegularFile(path) && endsMidLine(path);
        OutputFile file = open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        if (cutOff) {
            // A run killed while writing left a cut-off line: the first new response starts on a line of its own.
            file.writeLine("");
        }
        return file;
    }

    private static boolean endsMidLine(Path path) {
        try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(size - 1).read(last);
            return last.get(0) != '\n';
        } catch (IOException e) {
            throw OutputFileException.opening(path, e);
        }
    }

    private static OutputFile open(Path path, OpenOption... options) {
        if (path == null) {
            return null;
        }
        try {
            return new OutputFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, options));
        } catch (IOException e) {
            throw OutputFileException.opening(path, e);
        }
    }

    /** Whether {@code path} is a file with something in it (a missing or unreadable one is not: opening it says why). */
    static boolean holdsLines(Path path) {
        try {
            return path != null && Files.isRegularFile(path) && Files.size(path) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    void writeLine(String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            failed = true;
            throw OutputFileException.writing(path, e);
        }
    }

    /** Hands what was written to the operating system: a line of a committed batch is never only in this buffer. */
    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            failed = true;
            throw OutputFileException.writing(path, e);
        }
    }

    /** Closes the file; after a failure of this file, what is still buffered is dropped without a second error. */
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            if (!failed) {
                throw OutputFileException.writing(path, e);
            }
        }
    }
}
