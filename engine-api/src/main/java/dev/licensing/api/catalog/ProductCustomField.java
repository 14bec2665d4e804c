package dev.licensing.api.catalog;

import dev.licensing.api.CustomFieldType;

/**
 * A custom field of a product. {@code id} is what responses show as {@code product_custom_field_id}. Every license of
 * the product carries each of its custom fields, with the license's value, else the policy's, else
 * {@code defaultValue}.
 */
public record ProductCustomField(long id, String name, CustomFieldType dataType, String defaultValue) {
}
