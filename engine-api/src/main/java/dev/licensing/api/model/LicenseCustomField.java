package dev.licensing.api.model;

/** A custom field value on a license; {@code value} may be {@code null} (the page's {@code string | undefined}). */
public record LicenseCustomField(long productCustomFieldId, String name, String value) {
}
