package dev.licensing.core.internal.rules;

import dev.licensing.api.CustomFieldType;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A license's custom fields: every custom field of its product, valued by the license's value, else the policy's, else
 * the field's default. A value given must fit the field: a known name, the field's {@code data_type} when one is given,
 * a number for {@code number} fields, a date for {@code date/time} fields.
 */
public final class CustomFieldResolver {
    private CustomFieldResolver() {
    }

    /**
     * @param requested the license's {@code custom_fields}, or {@code null}
     * @param path      the license's JSON path
     */
    public static List<LicenseCustomField> resolve(CatalogIndex catalog, Product product,
                                                   List<CustomFieldRequest> requested, Optional<Policy> policy,
                                                   FieldPath path, Problems violations) {
        Map<String, String> given = new HashMap<>();
        List<CustomFieldRequest> fields = requested == null ? List.of() : requested;
        for (int k = 0; k < fields.size(); k++) {
            CustomFieldRequest field = fields.get(k);
            FieldPath at = path.field("custom_fields").index(k);
            Optional<ProductCustomField> known = catalog.customField(product.code(), field.name());
            if (known.isEmpty()) {
                violations.add(ErrorCode.UNKNOWN_CUSTOM_FIELD, at.field("name"),
                        "product '" + product.code() + "' has no custom field '" + field.name() + "'");
                continue;
            }
            if (given.containsKey(field.name())) {
                violations.add(ErrorCode.VALIDATION_ERROR, at.field("name"),
                        "custom field '" + field.name() + "' appears twice");
                continue;
            }
            checkValue(known.get(), field, at, violations);
            given.put(field.name(), field.value());
        }
        Map<String, String> fromPolicy = new HashMap<>();
        policy.ifPresent(p -> p.customFields().forEach(f -> fromPolicy.put(f.name(), f.value())));
        List<LicenseCustomField> resolved = new ArrayList<>(product.customFields().size());
        for (ProductCustomField field : product.customFields()) {
            String value = given.containsKey(field.name()) ? given.get(field.name())
                    : fromPolicy.containsKey(field.name()) ? fromPolicy.get(field.name())
                    : field.defaultValue();
            resolved.add(new LicenseCustomField(field.id(), field.name(), value));
        }
        return resolved;
    }

    private static void checkValue(ProductCustomField field, CustomFieldRequest given, FieldPath at,
                                   Problems violations) {
        if (given.dataType() != null && given.dataType() != field.dataType()) {
            violations.add(ErrorCode.VALIDATION_ERROR, at.field("data_type"), "custom field '" + field.name() + "' is "
                    + field.dataType().wire() + ", not " + given.dataType().wire());
            return;
        }
        if (given.value() == null) {
            return;
        }
        if (field.dataType() == CustomFieldType.NUMBER && !isNumber(given.value())) {
            violations.add(ErrorCode.VALIDATION_ERROR, at.field("value"),
                    "custom field '" + field.name() + "' is a number, not '" + given.value() + "'");
        } else if (field.dataType() == CustomFieldType.DATE_TIME) {
            Dates.check(given.value(), at.field("value"), violations);
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return !text.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
