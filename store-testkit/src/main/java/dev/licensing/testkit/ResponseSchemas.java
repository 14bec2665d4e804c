package dev.licensing.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an engine response against the corrected LicenseSpring response schemas that engine-core ships
 * ({@code schemas/licensespring/*.schema.json}), for tests of any module.
 */
public final class ResponseSchemas {
    private static final String ORDER_RESPONSE = "/schemas/licensespring/order-response.schema.json";
    private static final String BUNDLE_ORDER_RESPONSE = "/schemas/licensespring/bundle-order-response.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseSchemas() {
    }

    /**
     * @param bundle whether the response is to a bundle order ({@code Licenses}) or a plain one ({@code licenses})
     * @throws AssertionError listing the validator's messages when the response does not conform
     */
    public static void assertValidResponse(String responseJson, boolean bundle) {
        JsonNode response;
        try {
            response = JSON.readTree(responseJson);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the response is not JSON: " + e.getOriginalMessage() + "\n" + responseJson, e);
        }
        Set<ValidationMessage> messages = (bundle ? Loaded.BUNDLE_ORDER_RESPONSE : Loaded.ORDER_RESPONSE)
                .validate(response);
        if (!messages.isEmpty()) {
            throw new AssertionError("the response does not conform to "
                    + (bundle ? BUNDLE_ORDER_RESPONSE : ORDER_RESPONSE) + ":\n"
                    + messages.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("\n  ", "  ", "\n"))
                    + responseJson);
        }
    }

    /** Loaded once, on first use; a JsonSchema is thread-safe. */
    private static final class Loaded {
        static final JsonSchema ORDER_RESPONSE = load(ResponseSchemas.ORDER_RESPONSE);
        static final JsonSchema BUNDLE_ORDER_RESPONSE = load(ResponseSchemas.BUNDLE_ORDER_RESPONSE);

        private static JsonSchema load(String resource) {
            try (InputStream schema = ResponseSchemas.class.getResourceAsStream(resource)) {
                if (schema == null) {
                    throw new IllegalStateException(resource + " is not on the classpath (it ships in engine-core)");
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
