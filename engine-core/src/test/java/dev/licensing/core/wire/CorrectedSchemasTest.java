package dev.licensing.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The corrected schema files themselves: documented, and the plain and bundle variants kept from drifting apart. */
class CorrectedSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = {Schemas.ORDER_REQUEST, Schemas.BUNDLE_ORDER_REQUEST, Schemas.ORDER_RESPONSE,
            Schemas.BUNDLE_ORDER_RESPONSE})
    void eachSchemaIsDraft202012AndListsItsCorrections(String schema) {
        JsonNode root = Schemas.tree(Schemas.resource(schema));

        assertThat(root.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.get("description").textValue()).contains("(1) ").contains("(2) ").contains("unevaluatedProperties");
    }

    @Test
    void plainAndBundleRequestSchemasDescribeLicensesItemsAndCustomersAlike() {
        JsonNode plain = Schemas.tree(Schemas.resource(Schemas.ORDER_REQUEST));
        JsonNode bundle = Schemas.tree(Schemas.resource(Schemas.BUNDLE_ORDER_REQUEST));

        assertThat(bundle.get("$defs")).isEqualTo(plain.get("$defs"));
        assertThat(fieldNames(bundle.get("properties"))).containsExactlyElementsOf(fieldNames(plain.get("properties")));
    }

    @Test
    void plainAndBundleResponseSchemasShareTheirLicenseParts() {
        JsonNode plain = Schemas.tree(Schemas.resource(Schemas.ORDER_RESPONSE)).get("$defs");
        JsonNode bundle = Schemas.tree(Schemas.resource(Schemas.BUNDLE_ORDER_RESPONSE)).get("$defs");

        for (String part : List.of("EngineId", "CatalogId", "NewPassword", "LicenseCommon", "LicenseAuthorization",
                "LicenseUser", "LicenseTypeFields", "MaintenanceFields", "LicenseProductFeature",
                "LicenseCustomField")) {
            assertThat(bundle.get(part)).as(part).isEqualTo(plain.get(part));
        }
    }

    @Test
    void plainRequestSchemaRejectsABundleOrderAndTheBundleSchemaAPlainOne() {
        String plain = """
                {"id": "o1", "items": [{"product_code": "TT", "licenses": [{}]}]}""";
        String bundle = """
                {"id": "o1", "is_bundle": true, "items": [{"product_code": "B", "licenses": [{"product_code": "TT"}]}]}""";

        assertThat(Schemas.violations(Schemas.ORDER_REQUEST, plain)).isEmpty();
        assertThat(Schemas.violations(Schemas.BUNDLE_ORDER_REQUEST, bundle)).isEmpty();
        assertThat(Schemas.violations(Schemas.ORDER_REQUEST, bundle)).isNotEmpty();
        assertThat(Schemas.violations(Schemas.BUNDLE_ORDER_REQUEST, plain)).isNotEmpty();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
