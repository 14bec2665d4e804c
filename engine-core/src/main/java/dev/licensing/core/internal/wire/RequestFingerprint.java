package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.api.order.OrderRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an order request asks, as an idempotency key compares requests (DESIGN §3 "Retried deliveries"): the SHA-256
 * of the canonical JSON of the decoded {@link OrderRequest}: its components by name, in alphabetical order, and every
 * {@code metadata} object (a request carries metadata as serialized JSON text) with its members sorted too. So the
 * white space and the member order of a body never matter, and a Java request equals the body that decodes to it.
 */
public final class RequestFingerprint {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RequestFingerprint() {
    }

    public static String of(OrderRequest request) {
        JsonNode tree = canonical(CANONICAL.valueToTree(request));
        try {
            byte[] text = CANONICAL.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint an order request", e);
        }
    }

    /** The tree with every object's members sorted by name and each metadata text replaced by its sorted object. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = CANONICAL.createObjectNode();
            Map<String, JsonNode> members = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                members.put(field.getKey(), "metadata".equals(field.getKey()) && value.isTextual()
                        ? metadata(value.textValue()) : canonical(value));
            }
            sorted.setAll(members);
            return sorted;
        }
        if (node.isArray()) {
            var array = CANONICAL.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    /** Metadata is JSON text checked by decoding; text that is not JSON (a Java request's) is compared as text. */
    private static JsonNode metadata(String text) {
        try {
            return canonical(WireJson.parseStrict(text));
        } catch (JsonProcessingException e) {
            return CANONICAL.getNodeFactory().textNode(text);
        }
    }
}
