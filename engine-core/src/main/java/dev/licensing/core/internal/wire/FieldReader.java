package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.ErrorCode;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object by hand, so that every violation is reported (with its path) instead of the first.
 * Each read of a field the object has marks it as known; {@link #finish()} reports the fields nobody asked for as
 * unknown. A JSON null
 * means the field is absent.
 */
final class FieldReader {
    private final JsonNode node;
    private final FieldPath path;
    private final Problems findings;
    /**
     * The object's fields that were read. Readers ask for every field their type knows (about fifty on a license) while
     * an object holds a few, so only the present ones are remembered: a set of every name asked for was a measured
     * share of decoding.
     */
    private final List<String> readPresent;

    private FieldReader(JsonNode node, FieldPath path, Problems findings) {
        this.node = node;
        this.path = path;
        this.findings = findings;
        this.readPresent = new ArrayList<>(node.size());
    }

    /** A reader of {@code node}, which must be a JSON object, found at {@code path} (the document's root, or below). */
    static FieldReader of(JsonNode node, FieldPath path, Problems findings) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + path);
        }
        return new FieldReader(node, path, findings);
    }

    Problems findings() {
        return findings;
    }

    FieldPath pathOf(String field) {
        return path.field(field);
    }

    /** The field's value, or {@code null} when it is absent or JSON null. */
    JsonNode value(String field) {
        if (readPresent.size() == node.size()) {
            return null; // every field the object has was read: the rest of the fifty names cannot be there
        }
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!readPresent.contains(field)) { // a field read twice must not hide an unknown one in finish()
            readPresent.add(field);
        }
        return value.isNull() ? null : value;
    }

    /** The field's value; {@code null}, with a REQUIRED_FIELD error, when it is absent or JSON null. */
    JsonNode requiredValue(String field) {
        JsonNode value = value(field);
        if (value == null) {
            findings.add(ErrorCode.REQUIRED_FIELD, pathOf(field), "required");
        }
        return value;
    }

    String string(String field) {
        return asString(value(field), field);
    }

    String requiredString(String field) {
        return asString(requiredValue(field), field);
    }

    Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return typeError(field, "expected a boolean (true or false)");
        }
        return value.booleanValue();
    }

    /** A boolean that is false when absent. */
    boolean flag(String field) {
        return Boolean.TRUE.equals(bool(field));
    }

    Integer int32(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!isIntegral(value) || !value.canConvertToInt()) {
            return typeError(field, "expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    Long int64(String field) {
        return asLong(value(field), field);
    }

    Long requiredInt64(String field) {
        return asLong(requiredValue(field), field);
    }

    /** A string, or a number kept as its decimal string (the page's examples send {@code subscription_id: 12345}). */
    String stringOrNumber(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return decimalString(value);
        }
        if (!value.isTextual()) {
            return typeError(field, "expected a string or a number");
        }
        return value.textValue();
    }

    /** A string naming one of {@code allowed}; {@code fromWire} maps it, returning null for a name it does not know. */
    <E> E oneOf(String field, Function<String, E> fromWire, List<String> allowed) {
        return oneOf(field, value(field), fromWire, allowed);
    }

    <E> E requiredOneOf(String field, Function<String, E> fromWire, List<String> allowed) {
        return oneOf(field, requiredValue(field), fromWire, allowed);
    }

    /** A JSON object kept as its compact serialized text. */
    String jsonObject(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return typeError(field, "expected a JSON object");
        }
        return WireJson.compact(value);
    }

    /** A nested object's reader, or {@code null} when absent (or, with an INVALID_TYPE error, not an object). */
    FieldReader object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return typeError(field, "expected a JSON object");
        }
        return new FieldReader(value, pathOf(field), findings);
    }

    /** The elements of an array, or {@code null} when absent (or, with an INVALID_TYPE error, not an array). */
    List<Element> array(String field) {
        return elements(value(field), field);
    }

    /** The readers of an array of objects; an element that is not an object is an INVALID_TYPE error, and skipped. */
    List<FieldReader> objects(String field) {
        return objectsOf(array(field));
    }

    List<FieldReader> requiredObjects(String field) {
        return objectsOf(elements(requiredValue(field), field));
    }

    /** Reports every field of the object that no read asked for. */
    void finish() {
        if (readPresent.size() == node.size()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!readPresent.contains(name)) {
                findings.unknownField(pathOf(name));
            }
        }
    }

    /** One element of an array, with its path ({@code items[0]}). */
    record Element(JsonNode value, FieldPath path) {
    }

    /** The reader of an element that must be an object, or {@code null} (with an INVALID_TYPE error). */
    FieldReader elementObject(Element element) {
        if (!element.value().isObject()) {
            findings.add(ErrorCode.INVALID_TYPE, element.path(), "expected a JSON object");
            return null;
        }
        return new FieldReader(element.value(), element.path(), findings);
    }

    /** A number as its exact decimal text: 12345, 1.50. */
    static String decimalString(JsonNode number) {
        return number.isIntegralNumber() ? number.bigIntegerValue().toString() : number.decimalValue().toPlainString();
    }

    private List<FieldReader> objectsOf(List<Element> elements) {
        if (elements == null) {
            return null;
        }
        List<FieldReader> readers = new ArrayList<>();
        for (Element element : elements) {
            FieldReader reader = elementObject(element);
            if (reader != null) {
                readers.add(reader);
            }
        }
        return readers;
    }

    private List<Element> elements(JsonNode value, String field) {
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return typeError(field, "expected an array");
        }
        List<Element> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(value.get(i), pathOf(field).index(i)));
        }
        return elements;
    }

    private String asString(JsonNode value, String field) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return typeError(field, "expected a string");
        }
        return value.textValue();
    }

    private Long asLong(JsonNode value, String field) {
        if (value == null) {
            return null;
        }
        if (!isIntegral(value) || !value.canConvertToLong()) {
            return typeError(field, "expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        return value.longValue();
    }

    private <E> E oneOf(String field, JsonNode value, Function<String, E> fromWire, List<String> allowed) {
        String name = asString(value, field);
        if (name == null) {
            return null;
        }
        E result = fromWire.apply(name);
        if (result == null) {
            findings.add(ErrorCode.INVALID_VALUE, pathOf(field),
                    "'" + name + "' is not one of " + String.join(", ", allowed));
        }
        return result;
    }

    /** JSON Schema's "integer": a number with an integral value (3 or 3.0, never 1.5 nor "3"). */
    static boolean isIntegral(JsonNode value) {
        return value.isNumber() && value.canConvertToExactIntegral();
    }

    private <T> T typeError(String field, String message) {
        findings.add(ErrorCode.INVALID_TYPE, pathOf(field), message);
        return null;
    }
}
