package dev.licensing.api.order;

import dev.licensing.api.CustomFieldType;

/**
 * A custom field value on a license, named as on the product. {@code dataType} is optional (the page's examples omit
 * it); when given it must match the product's field. A numeric value arrives as its decimal string.
 */
public record CustomFieldRequest(String name, CustomFieldType dataType, String value) {
}
