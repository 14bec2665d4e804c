package dev.licensing.core.internal.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Request bytes as text (DESIGN §3 "Import files are messy"): strict UTF-8, where a {@code Reader} would replace or
 * throw, so that bytes of another encoding are a rejection that says where, and a byte-order mark in front is skipped.
 * Not thread-safe: one decoder is reused.
 */
public final class Utf8Text {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The text, or why the bytes are not UTF-8; exactly one is set. */
    public record Decoded(String text, String problem) {
    }

    /** Whether {@code bytes[from, to)} starts with a UTF-8 byte-order mark. */
    public static boolean startsWithByteOrderMark(byte[] bytes, int from, int to) {
        return to - from >= 3 && bytes[from] == BYTE_ORDER_MARK[0] && bytes[from + 1] == BYTE_ORDER_MARK[1]
                && bytes[from + 2] == BYTE_ORDER_MARK[2];
    }

    /** Decodes a whole body: a byte-order mark in front is skipped. */
    public Decoded decodeBody(byte[] bytes) {
        int from = startsWithByteOrderMark(bytes, 0, bytes.length) ? BYTE_ORDER_MARK.length : 0;
        return decode(bytes, from, bytes.length, "the request");
    }

    /** Decodes {@code bytes[from, to)}; {@code what} names it in the problem ("the line", "the request"). */
    public Decoded decode(byte[] bytes, int from, int to, String what) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            return new Decoded(null, String.format(Locale.ROOT, "%s is not valid UTF-8: byte 0x%02X at byte %d (was it "
                    + "saved as Windows-1252 or Latin-1?)", what, bytes[at] & 0xff, at - from + 1));
        }
        return new Decoded(out.flip().toString(), null);
    }
}
