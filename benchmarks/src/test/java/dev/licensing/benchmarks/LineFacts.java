package dev.licensing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads generated lines the way a test's oracle should: from the JSON alone, without asking the generator. Finds each
 * line's defects independently: a {@code "1x"} duration, a product the catalog lacks, a {@code max_activation} field,
 * a key some earlier line already gave.
 */
final class LineFacts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> productCodes;
    private final Set<String> keysSeen = new HashSet<>();

    LineFacts(Catalog catalog) {
        this.productCodes = catalog.products().stream().map(Product::code).collect(Collectors.toSet());
    }

    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> licenses(JsonNode order) {
        List<JsonNode> licenses = new ArrayList<>();
        order.path("items").forEach(item -> item.path("licenses").forEach(licenses::add));
        return licenses;
    }

    /** The defects of {@code order}; call in file order, since a duplicate key is one an earlier line gave. */
    Set<Defect> defects(JsonNode order) {
        Set<Defect> defects = EnumSet.noneOf(Defect.class);
        for (JsonNode item : order.path("items")) {
            if (!productCodes.contains(item.path("product_code").asText())) {
                defects.add(Defect.UNKNOWN_PRODUCT);
            }
        }
        Set<String> keysOfThisLine = new HashSet<>();
        for (JsonNode license : licenses(order)) {
            if ("1x".equals(license.path("valid_duration").asText())) {
                defects.add(Defect.BAD_DURATION);
            }
            if (license.has("max_activation")) {
                defects.add(Defect.TYPO_FIELD);
            }
            if (license.has("key")) {
                String key = license.get("key").asText();
                if (keysSeen.contains(key) || !keysOfThisLine.add(key)) {
                    defects.add(Defect.DUPLICATE_KEY);
                }
            }
        }
        keysSeen.addAll(keysOfThisLine);
        return defects;
    }
}
