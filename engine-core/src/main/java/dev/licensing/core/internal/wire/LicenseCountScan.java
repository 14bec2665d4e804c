package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.licensing.core.internal.rules.OrderSize;

import java.io.IOException;

/**
 * Counts a request's licenses on the token stream, before its JSON tree is built: a tree of a 4 MiB request of a
 * million empty licenses takes hundreds of megabytes, which is what {@link OrderSize#MAX_LICENSES} exists to prevent.
 * Only large bodies are scanned; a small one cannot make a large tree, and the order's own check then counts.
 */
final class LicenseCountScan {
    /** Bodies up to this many characters are decoded without a scan. */
    static final int SCAN_ABOVE_CHARS = 64 * 1024;

    private LicenseCountScan() {
    }

    /**
     * The index of the item whose licenses cross {@link OrderSize#MAX_LICENSES} (in a bundle order each item's bundle
     * license counts too), or -1 when none does or the text is not well-formed JSON (the decoder reports that).
     */
    static int crossingItem(String json) {
        try (JsonParser parser = WireJson.MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            boolean bundle = false;
            int crossingPlain = -1;
            int crossingBundle = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("is_bundle".equals(name)) {
                    bundle = value == JsonToken.VALUE_TRUE;
                } else if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                    long licenses = 0;
                    for (int item = 0; parser.nextToken() != JsonToken.END_ARRAY; item++) {
                        licenses += licensesOf(parser);
                        if (crossingPlain < 0 && licenses > OrderSize.MAX_LICENSES) {
                            crossingPlain = item;
                        }
                        if (crossingBundle < 0 && licenses + item + 1 > OrderSize.MAX_LICENSES) {
                            crossingBundle = item;
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return bundle ? crossingBundle : crossingPlain;
        } catch (IOException malformed) {
            return -1;
        }
    }

    /** The number of entries of the item's {@code licenses}; the parser stands on the item's first token. */
    private static long licensesOf(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return 0;
        }
        long count = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && "licenses".equals(name)) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    count++;
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
        return count;
    }
}
