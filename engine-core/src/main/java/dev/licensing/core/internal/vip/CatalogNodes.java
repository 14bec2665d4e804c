package dev.licensing.core.internal.vip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.ErrorCode;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one object of the catalog file's VIP sections: each value with its default, each violation an
 * {@code invalid_catalog} error at its path, and every field the section does not know reported.
 */
final class CatalogNodes {
    private final JsonNode node;
    private final FieldPath path;
    private final Problems errors;

    CatalogNodes(JsonNode node, FieldPath path, Problems errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** Reports the fields outside {@code known}. */
    void only(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(name, "unknown field");
            }
        }
    }

    String string(String field, String fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            error(field, "expected a string");
            return fallback;
        }
        return value.textValue();
    }

    String requiredString(String field) {
        if (value(field) == null) {
            error(field, "required");
            return null;
        }
        return string(field, null);
    }

    String oneOf(String field, String fallback, List<String> allowed) {
        String value = string(field, fallback);
        if (value != null && !allowed.contains(value)) {
            error(field, "'" + value + "' is not one of " + allowed);
            return fallback;
        }
        return value;
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            error(field, "expected true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    Integer integer(String field, Integer fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(field, "expected an integer");
            return fallback;
        }
        return value.intValue();
    }

    BigDecimal decimal(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            error(field, "expected a number");
            return null;
        }
        return value.decimalValue();
    }

    LocalDate date(String field) {
        String text = string(field, null);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(field, "'" + text + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    LocalDate requiredDate(String field) {
        if (value(field) == null) {
            error(field, "required");
            return null;
        }
        return date(field);
    }

    List<String> strings(String field) {
        JsonNode value = value(field);
        List<String> strings = new ArrayList<>();
        if (value == null) {
            return strings;
        }
        if (!value.isArray()) {
            error(field, "expected an array of strings");
            return strings;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                strings.add(value.get(i).textValue());
            } else {
                errors.add(ErrorCode.INVALID_CATALOG, pathOf(field).index(i), "expected a string");
            }
        }
        return strings;
    }

    /** An object of numbers by currency ({@code {"USD": 100.00}}), or {@code null} when absent. */
    Map<String, BigDecimal> amounts(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        if (!value.isObject()) {
            error(field, "expected an object of amounts by currency");
            return amounts;
        }
        value.fields().forEachRemaining(entry -> {
            if (entry.getValue().isNumber()) {
                amounts.put(entry.getKey(), entry.getValue().decimalValue());
            } else {
                errors.add(ErrorCode.INVALID_CATALOG, pathOf(field).field(entry.getKey()), "expected a number");
            }
        });
        return amounts;
    }

    /** The field's object, or {@code null} when absent (or not an object: then with an error). */
    CatalogNodes object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(field, "expected an object");
            return null;
        }
        return new CatalogNodes(value, pathOf(field), errors);
    }

    FieldPath pathOf(String field) {
        return path.field(field);
    }

    void error(String field, String message) {
        errors.add(ErrorCode.INVALID_CATALOG, pathOf(field), message);
    }

    private JsonNode value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
