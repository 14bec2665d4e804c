package dev.licensing.core.wire;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The corrected schemas (and the page's original) with a 2020-12 validator, and the page's examples as text. */
final class Schemas {
    static final String ORDER_REQUEST = "/schemas/licensespring/order-request.schema.json";
    static final String BUNDLE_ORDER_REQUEST = "/schemas/licensespring/bundle-order-request.schema.json";
    static final String ORDER_RESPONSE = "/schemas/licensespring/order-response.schema.json";
    static final String BUNDLE_ORDER_RESPONSE = "/schemas/licensespring/bundle-order-response.schema.json";
    static final String PAGE_ORIGINAL_ORDER_REQUEST = "/page-examples/original-order-request.schema.json";

    /** Reads the page's examples as they are, // comments included. */
    static final ObjectMapper COMMENTED_JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Schemas() {
    }

    /** The validator's messages for {@code json} (comments stripped) against the schema resource; empty when valid. */
    static List<String> violations(String schemaResource, String json) {
        try (InputStream schemaText = Objects.requireNonNull(Schemas.class.getResourceAsStream(schemaResource),
                schemaResource)) {
            JsonSchema schema = FACTORY.getSchema(schemaText);
            JsonNode document = COMMENTED_JSON.readTree(json);
            return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(Schemas.class.getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return COMMENTED_JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
