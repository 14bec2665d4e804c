package dev.licensing.core.internal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.licensing.core.internal.wire.WireJson;

/**
 * Metadata is a string that holds a serialized JSON object (the page: "in the format of a serialized JSON object"). A
 * license's metadata is its own, else its policy's, else {@code {}}.
 */
public final class Metadata {
    static final String EMPTY = "{}";

    private Metadata() {
    }

    /** As strict as the response writer that shows it: one JSON object, no comments, nothing after it. */
    public static boolean isJsonObject(String text) {
        try {
            return text != null && WireJson.parseStrict(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static String forLicense(String licenseMetadata, String policyMetadata) {
        if (licenseMetadata != null) {
            return licenseMetadata;
        }
        return policyMetadata != null ? policyMetadata : EMPTY;
    }
}
