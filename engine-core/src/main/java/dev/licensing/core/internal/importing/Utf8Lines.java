package dev.licensing.core.internal.importing;

import dev.licensing.core.internal.wire.Utf8Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a file of UTF-8 bytes, each decoded alone (DESIGN §3 "Import files are messy"): a line that is not valid
 * UTF-8 is one line with an encoding problem, and the next line reads on, where a decoding {@code Reader} would throw
 * mid-stream and end the import. A byte-order mark before line 1 is skipped; a line ends at LF, and a CR before it is
 * dropped; a last line without LF is a line like any other.
 */
final class Utf8Lines implements Iterator<SourceLine> {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final Utf8Text utf8 = new Utf8Text();
    private final byte[] chunk = new byte[CHUNK];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private boolean firstLine = true;
    private boolean ended;
    private SourceLine next;

    /** @param in the bytes; read in chunks, so it need not be buffered; the caller closes it */
    Utf8Lines(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public SourceLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceLine line = next;
        next = null;
        return line;
    }

    /** The next line, or {@code null} at the end of the input. */
    private SourceLine readLine() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (chunkStart == chunkEnd && !fill()) {
                if (!any) {
                    ended = true;
                    return null;
                }
                break;
            }
            any = true;
            int newline = indexOf((byte) '\n', chunkStart, chunkEnd);
            int end = newline < 0 ? chunkEnd : newline;
            length = append(length, end);
            chunkStart = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = firstLine && Utf8Text.startsWithByteOrderMark(line, 0, length) ? 3 : 0;
        firstLine = false;
        Utf8Text.Decoded decoded = utf8.decode(line, start, length, "the line");
        return new SourceLine(decoded.text(), decoded.problem());
    }

    private int append(int length, int end) {
        int count = end - chunkStart;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, chunkStart, line, length, count);
        return length + count;
    }

    private boolean fill() {
        try {
            int read = in.read(chunk);
            chunkStart = 0;
            chunkEnd = Math.max(read, 0);
            return read > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int indexOf(byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
