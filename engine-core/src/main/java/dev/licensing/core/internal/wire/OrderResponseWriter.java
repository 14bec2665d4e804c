package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;
import dev.licensing.api.LicenseType;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an order in the shape of LicenseSpring's Create Order response (DESIGN §3 "Response shape"), fields in the
 * order of the page's example responses. Type-specific fields appear exactly as the page's union types say.
 */
public final class OrderResponseWriter {
    private static final String EMPTY_OBJECT = "{}";

    /**
     * A license's fields up to its users or key, in the order of the page's example responses: the license properties
     * by their response names, among the license's own fields. Declared properties the page does not show follow them.
     */
    private static final List<String> PAGE_LICENSE_FIELDS = List.of(
            "id", "product_id", "active", "enabled", "created_at", "updated_at", "license_type", "max_activations",
            "allow_unlimited_activations", "valid_duration", "floating_timeout", "max_transfers", "can_borrow",
            "max_borrow_time", "start_date", "is_air_gapped", "license_template_id", "validity_period",
            "subscription_id", "enable_maintenance_period", "maintenance_duration", "maintenance_period",
            "is_floating_cloud", "is_floating", "is_local_license", "floating_server", "floating_users", "is_trial",
            "trial_days", "prevent_vm", "metadata", "is_hardware_key_auth",
            "allow_grace_period", "grace_period", "time_activated",
            "allow_negative_consumptions", "allow_overages", "allow_unlimited_consumptions", "consumption_period",
            "max_consumptions", "max_overages", "reset_consumption");
    /** Shown after a user-based license's users, as on the page. */
    private static final LicenseProperty MAX_LICENSE_USERS = LicenseProperty.named("max_license_users");
    /** {@link #PAGE_LICENSE_FIELDS} resolved once: each a property, or {@code null} for one of the license's own. */
    private static final LicenseProperty[] PAGE_PROPERTIES;
    private static final List<LicenseProperty> PROPERTIES_OFF_THE_PAGE = LicenseProperty.all().stream()
            .filter(property -> property != MAX_LICENSE_USERS && !PAGE_LICENSE_FIELDS.contains(property.responseName()))
            .toList();
    private static final LicenseProperty MAINTENANCE_DURATION = LicenseProperty.named("maintenance_duration");
    private static final LicenseProperty MAINTENANCE_PERIOD = LicenseProperty.named("maintenance_period");

    static {
        Map<String, LicenseProperty> byResponseName = LicenseProperty.all().stream()
                .collect(Collectors.toUnmodifiableMap(LicenseProperty::responseName, property -> property));
        PAGE_PROPERTIES = PAGE_LICENSE_FIELDS.stream().map(byResponseName::get).toArray(LicenseProperty[]::new);
    }

    private final JsonGenerator out;

    private OrderResponseWriter(JsonGenerator out) {
        this.out = out;
    }

    public static void write(JsonGenerator out, Order order, List<NewPassword> newPasswords) throws IOException {
        new OrderResponseWriter(out).order(order, newPasswords);
    }

    private void order(Order order, List<NewPassword> newPasswords) throws IOException {
        out.writeStartObject();
        out.writeStringField("order_id", Long.toString(order.id()));
        out.writeArrayFieldStart("order_items");
        for (OrderItem item : order.items()) {
            out.writeStartObject();
            out.writeStringField("id", Long.toString(item.id()));
            out.writeNumberField("product_id", item.productId());
            // A plain order's example and real clients read "licenses"; the bundle example, type and schema "Licenses".
            out.writeArrayFieldStart(order.bundle() ? "Licenses" : "licenses");
            for (License license : item.licenses()) {
                license(license, order.id());
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("new_passwords");
        for (NewPassword password : newPasswords) {
            out.writeStartObject();
            out.writeStringField("email", password.email());
            out.writeStringField("password", password.password());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void license(License license, long orderId) throws IOException {
        LicenseProperties p = license.properties();
        Shown shown = new Shown("license " + license.id());
        out.writeStartObject();
        for (int i = 0; i < PAGE_PROPERTIES.length; i++) {
            LicenseProperty property = PAGE_PROPERTIES[i];
            if (property == null) {
                ownField(PAGE_LICENSE_FIELDS.get(i), license, shown);
            } else if (shows(property, p)) {
                property(property, p, shown);
            }
        }
        for (LicenseProperty property : PROPERTIES_OFF_THE_PAGE) {
            if (property.shownFor(p.licenseType())) {
                property(property, p, shown);
            }
        }
        // A sub-license is authorized through its bundle license: the page's SubLicense has neither key nor users.
        boolean subLicense = license.bundleLicenseId() != null;
        if (license.isUserBased()) {
            users(license.users());
            property(MAX_LICENSE_USERS, p, shown);
        } else if (!subLicense) {
            out.writeStringField("license_key", license.key());
        }
        if (license.note() != null) {
            out.writeStringField("note", license.note());
        }
        if (subLicense) {
            out.writeStringField("bundle_license_id", Long.toString(license.bundleLicenseId()));
        }
        out.writeStringField("order_id", Long.toString(orderId));
        if (license.bundle()) {
            // after order_id, as in the bundle example; the page's BundleLicense type has neither list below
            out.writeBooleanField("is_bundle", true);
        } else {
            features(license.features(), shown);
            customFields(license.customFields());
        }
        out.writeEndObject();
    }

    /** Whether the page's response shows {@code property} for a license with {@code p}. */
    private static boolean shows(LicenseProperty property, LicenseProperties p) {
        if (property == MAINTENANCE_DURATION || property == MAINTENANCE_PERIOD) {
            return Boolean.TRUE.equals(p.enableMaintenancePeriod());
        }
        return property.shownFor(p.licenseType());
    }

    /** A property as its declaration says: absent, its declared stand-in or null; a defaulted one is never absent. */
    private void property(LicenseProperty property, LicenseProperties p, Shown shown) throws IOException {
        Object value = property.get(p);
        if (value == null && property.shownIfAbsent() != null) {
            value = property.shownIfAbsent();
        } else if (property.engineDefault() != null) {
            value = shown.get(value, property.responseName());
        }
        value = property.toWire(value);
        String field = property.responseName();
        if (value == null) {
            out.writeNullField(field);
        } else if (value instanceof Boolean b) {
            out.writeBooleanField(field, b);
        } else if (value instanceof Integer n) {
            out.writeNumberField(field, n);
        } else if (value instanceof Long n) {
            out.writeNumberField(field, n);
        } else {
            out.writeStringField(field, (String) value);
        }
    }

    /** The license's own fields among the page's. */
    private void ownField(String field, License license, Shown shown) throws IOException {
        switch (field) {
            case "id" -> out.writeStringField("id", Long.toString(license.id()));
            case "product_id" -> out.writeNumberField("product_id", license.productId());
            case "created_at" -> out.writeNumberField("created_at", license.createdAt().toEpochMilli());
            case "updated_at" -> out.writeNumberField("updated_at", license.updatedAt().toEpochMilli());
            case "license_template_id" -> nullableNumber("license_template_id", license.policyId());
            case "metadata" -> jsonObject("metadata", shown.get(license.metadata(), "metadata"));
            case "time_activated" -> {
                if (license.properties().licenseType() == LicenseType.SUBSCRIPTION) {
                    out.writeNumberField("time_activated", 0); // the engine creates licenses; none is activated yet
                }
            }
            default -> throw new IllegalStateException("no license field " + field);
        }
    }

    private void users(List<LicenseUser> users) throws IOException {
        out.writeArrayFieldStart("users");
        for (LicenseUser user : users) {
            out.writeStartObject();
            out.writeStringField("email", user.email());
            out.writeBooleanField("is_manager", user.isManager());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void features(List<LicenseFeature> features, Shown shown) throws IOException {
        out.writeArrayFieldStart("LicenseProductFeatures");
        for (LicenseFeature feature : features) {
            FeatureProperties f = feature.properties();
            Shown of = shown.feature(feature.code());
            out.writeStartObject();
            out.writeStringField("id", Long.toString(feature.id()));
            out.writeNumberField("product_feature_id", feature.productFeatureId());
            if (feature.name() != null) {
                out.writeStringField("name", feature.name());
            }
            out.writeNumberField("max_consumption", f.maxConsumption() == null ? 0 : f.maxConsumption());
            out.writeBooleanField("allow_overages", of.get(f.allowOverages(), "allow_overages"));
            out.writeNumberField("max_overages", f.maxOverages() == null ? 0 : f.maxOverages());
            out.writeBooleanField("allow_unlimited_consumptions",
                    of.get(f.allowUnlimitedConsumptions(), "allow_unlimited_consumptions"));
            out.writeBooleanField("allow_negative_consumptions",
                    of.get(f.allowNegativeConsumptions(), "allow_negative_consumptions"));
            out.writeBooleanField("reset_consumption", of.get(f.resetConsumption(), "reset_consumption"));
            if (f.consumptionPeriod() != null) {
                out.writeStringField("consumption_period", f.consumptionPeriod().wire());
            }
            nullableString("expiry_date", f.expiryDate());
            jsonObject("metadata", f.metadata() == null ? "{}" : f.metadata());
            out.writeBooleanField("is_floating", of.get(f.isFloating(), "is_floating"));
            out.writeBooleanField("is_floating_cloud", of.get(f.isFloatingCloud(), "is_floating_cloud"));
            out.writeNumberField("floating_timeout", of.get(f.floatingTimeout(), "floating_timeout"));
            out.writeNumberField("floating_users", of.get(f.floatingUsers(), "floating_users"));
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void customFields(List<LicenseCustomField> fields) throws IOException {
        out.writeArrayFieldStart("LicenseCustomFields");
        for (LicenseCustomField field : fields) {
            out.writeStartObject();
            out.writeNumberField("product_custom_field_id", field.productCustomFieldId());
            if (field.value() != null) {
                out.writeStringField("value", field.value());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void nullableString(String field, String value) throws IOException {
        if (value == null) {
            out.writeNullField(field);
        } else {
            out.writeStringField(field, value);
        }
    }

    private void nullableNumber(String field, Long value) throws IOException {
        if (value == null) {
            out.writeNullField(field);
        } else {
            out.writeNumberField(field, value);
        }
    }

    /** Writes stored metadata (a serialized JSON object) as the object itself. */
    private void jsonObject(String field, String serialized) throws IOException {
        out.writeFieldName(field);
        if (EMPTY_OBJECT.equals(serialized)) {
            // Nearly every license and feature has no metadata: skip parsing it (a measured share of writeResult).
            out.writeStartObject();
            out.writeEndObject();
            return;
        }
        try {
            out.writeTree(WireJson.parseStrict(serialized));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON: " + serialized, e);
        }
    }

    /**
     * The engine resolves every property a response always shows; a null one is a bug upstream, not something to cover
     * with an invented default.
     */
    private record Shown(String owner) {
        <T> T get(T value, String field) {
            if (value == null) {
                throw new IllegalStateException(owner + ": " + field + " is always shown but was not resolved (null)");
            }
            return value;
        }

        Shown feature(String code) {
            return new Shown(owner + ", feature " + code);
        }
    }
}
