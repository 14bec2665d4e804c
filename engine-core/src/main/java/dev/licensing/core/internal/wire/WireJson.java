package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the wire codecs. An ObjectMapper is thread-safe once configured, so all share it. */
public final class WireJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            // The page's examples carry // comments.
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            // "{...} garbage" is not one JSON document.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A field given twice would otherwise let the last one win silently.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Numbers are kept exactly as given: 1.50 stays 1.50, never a binary double.
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private WireJson() {
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonProcessingException when the text is not exactly one JSON value
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new NotJsonException("no JSON value");
        }
        return node;
    }

    /** Parses one JSON document in strict JSON: no comments (a value that must be JSON text, such as metadata). */
    public static JsonNode parseStrict(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.reader().without(JsonReadFeature.ALLOW_JAVA_COMMENTS).readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new NotJsonException("no JSON value");
        }
        return node;
    }

    /** The problem a parse failure reports, without Jackson's echo of the source text. */
    public static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }

    /** Compact, deterministic text of a tree (the order of its fields kept). */
    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** An empty or blank body. */
    private static final class NotJsonException extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        NotJsonException(String message) {
            super(message);
        }
    }
}
