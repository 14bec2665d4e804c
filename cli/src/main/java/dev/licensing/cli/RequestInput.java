package dev.licensing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A request body from a file, or from stdin for {@code -}. */
final class RequestInput {
    private RequestInput() {
    }

    /** The body as text (UTF-8; malformed bytes become U+FFFD, which the decoder then refuses as JSON). */
    static String read(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /**
     * The body's bytes, for a codec that decodes them itself (so that bytes that are not UTF-8 are a rejection,
     * not exit 2).
     */
    static byte[] bytes(String file) {
        if (!"-".equals(file)) {
            try {
                return Files.readAllBytes(Path.of(file));
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + e, e);
            }
        }
        try (InputStream in = System.in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UsageException("cannot read stdin: " + e, e);
        }
    }
}
