package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;

import java.io.IOException;
import java.util.List;

/**
 * Writes an order in the shape of LicenseSpring's Create Order response (DESIGN §3 "Response shape"), fields in the
 * order of the page's example responses. Type-specific fields appear exactly as the page's union types say.
 */
public final class OrderResponseWriter {
    private static final String EMPTY_OBJECT = "{}";

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
        out.writeStringField("id", Long.toString(license.id()));
        out.writeNumberField("product_id", license.productId());
        out.writeBooleanField("active", shown.get(p.active(), "active"));
        out.writeBooleanField("enabled", shown.get(p.enabled(), "enabled"));
        out.writeNumberField("created_at", license.createdAt().toEpochMilli());
        out.writeNumberField("updated_at", license.updatedAt().toEpochMilli());
        out.writeStringField("license_type", shown.get(p.licenseType(), "license_type").wire());
        out.writeNumberField("max_activations", shown.get(p.maxActivations(), "max_activations"));
        out.writeBooleanField("allow_unlimited_activations",
                shown.get(p.allowUnlimitedActivations(), "allow_unlimited_activations"));
        nullableString("valid_duration", p.validDuration());
        out.writeNumberField("floating_timeout", shown.get(p.floatingTimeout(), "floating_timeout"));
        out.writeNumberField("max_transfers", shown.get(p.maxTransfers(), "max_transfers"));
        out.writeBooleanField("can_borrow", shown.get(p.canBorrow(), "can_borrow"));
        out.writeNumberField("max_borrow_time", shown.get(p.maxBorrowTime(), "max_borrow_time"));
        nullableString("start_date", p.startDate());
        out.writeBooleanField("is_air_gapped", shown.get(p.isAirGapped(), "is_air_gapped"));
        nullableNumber("license_template_id", license.policyId());
        nullableString("validity_period", p.validityPeriod());
        out.writeStringField("subscription_id", p.subscriptionId() == null ? "" : p.subscriptionId());
        boolean maintenance = shown.get(p.enableMaintenancePeriod(), "enable_maintenance_period");
        out.writeBooleanField("enable_maintenance_period", maintenance);
        if (maintenance) {
            nullableString("maintenance_duration", p.maintenanceDuration());
            nullableString("maintenance_period", p.maintenancePeriod());
        }
        out.writeBooleanField("is_floating_cloud", shown.get(p.isFloatingCloud(), "is_floating_cloud"));
        out.writeBooleanField("is_floating", shown.get(p.isFloating(), "is_floating"));
        out.writeBooleanField("is_local_license", shown.get(p.isLocalLicense(), "is_local_license"));
        nullableNumber("floating_server", p.floatingServerId());
        out.writeNumberField("floating_users", shown.get(p.floatingUsers(), "floating_users"));
        out.writeBooleanField("is_trial", shown.get(p.isTrial(), "is_trial"));
        out.writeNumberField("trial_days", shown.get(p.trialDays(), "trial_days"));
        out.writeBooleanField("prevent_vm", shown.get(p.preventVm(), "prevent_vm"));
        jsonObject("metadata", shown.get(license.metadata(), "metadata"));
        out.writeBooleanField("is_hardware_key_auth", shown.get(p.isHardwareKeyAuth(), "is_hardware_key_auth"));
        switch (p.licenseType()) {
            case SUBSCRIPTION -> {
                out.writeBooleanField("allow_grace_period", shown.get(p.allowGracePeriod(), "allow_grace_period"));
                out.writeNumberField("grace_period", shown.get(p.gracePeriod(), "grace_period"));
                out.writeNumberField("time_activated", 0); // the engine creates licenses; none is activated yet
            }
            case CONSUMPTION -> {
                out.writeBooleanField("allow_negative_consumptions",
                        shown.get(p.allowNegativeConsumptions(), "allow_negative_consumptions"));
                out.writeBooleanField("allow_overages", shown.get(p.allowOverages(), "allow_overages"));
                out.writeBooleanField("allow_unlimited_consumptions",
                        shown.get(p.allowUnlimitedConsumptions(), "allow_unlimited_consumptions"));
                nullableString("consumption_period", p.consumptionPeriod() == null ? null : p.consumptionPeriod().wire());
                out.writeNumberField("max_consumptions", p.maxConsumptions() == null ? 0 : p.maxConsumptions());
                out.writeNumberField("max_overages", shown.get(p.maxOverages(), "max_overages"));
                out.writeBooleanField("reset_consumption", shown.get(p.resetConsumption(), "reset_consumption"));
            }
            case PERPETUAL, TIME_LIMITED -> {
                // no fields of their own
            }
        }
        // A sub-license is authorized through its bundle license: the page's SubLicense has neither key nor users.
        boolean subLicense = license.bundleLicenseId() != null;
        if (!subLicense && license.isUserBased()) {
            users(license.users());
            out.writeNumberField("max_license_users", p.maxLicenseUsers() == null ? 0 : p.maxLicenseUsers());
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
