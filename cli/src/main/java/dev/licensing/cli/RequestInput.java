package dev.licensing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A request body from a file, or from stdin for {@code -}. */
final class RequestInput {
    private RequestInput() {
    }

    static String read(String file) {
        if (!"-".equals(file)) {
            return EngineOptions.readFile(Path.of(file));
        }
        try (InputStream in = System.in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read stdin: " + e, e);
        }
    }
}
