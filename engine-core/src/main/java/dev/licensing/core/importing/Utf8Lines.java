package dev.licensing.core.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
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
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
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
        int start = 0;
        if (firstLine && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            start = 3;
        }
        firstLine = false;
        return decode(start, length);
    }

    private SourceLine decode(int start, int end) {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            return new SourceLine(null, String.format(Locale.ROOT, "the line is not valid UTF-8: byte 0x%02X at byte "
                    + "%d of the line (was the file saved as Windows-1252 or Latin-1?)", line[at] & 0xff, at - start + 1));
        }
        return new SourceLine(chars.flip().toString(), null);
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
