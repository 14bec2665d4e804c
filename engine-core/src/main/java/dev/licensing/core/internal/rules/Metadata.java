package dev.licensing.core.internal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Metadata is a string that holds a serialized JSON object (the page: "in the format of a serialized JSON object"). A
 * license's metadata is its own, else its policy's, else {@code {}}.
 */
public final class Metadata {
    static final String EMPTY = "{}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Metadata() {
    }

    public static boolean isJsonObject(String text) {
        try {
            return text != null && JSON.readTree(text).isObject();
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
