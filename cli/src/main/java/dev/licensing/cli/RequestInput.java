package dev.licensing.cli;

import dev.licensing.core.LicenseEngine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A request body from a file, or from stdin for {@code -}. */
final class RequestInput {
    private RequestInput() {
    }

    /**
     * The body's bytes up to one past {@link LicenseEngine#MAX_REQUEST_BYTES}: enough for the engine to refuse an
     * oversize body as {@code request_too_large} without holding it whole.
     */
    private static byte[] atMostOneOverTheLimit(InputStream in) throws IOException {
        return in.readNBytes(LicenseEngine.MAX_REQUEST_BYTES + 1);
    }

    /**
     * The body's bytes, for a codec that decodes them itself (so that bytes that are not UTF-8 are a rejection,
     * not exit 2).
     */
    static byte[] bytes(String file) {
        if (!"-".equals(file)) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return atMostOneOverTheLimit(in);
            } catch (IOException e) {
                throw new UsageException("cannot read " + file + ": " + IoReason.of(e), e);
            }
        }
        try (InputStream in = System.in) {
            return atMostOneOverTheLimit(in);
        } catch (IOException e) {
            throw new UsageException("cannot read stdin: " + IoReason.of(e), e);
        }
    }
}
