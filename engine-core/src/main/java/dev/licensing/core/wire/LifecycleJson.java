package dev.licensing.core.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.licensing.core.internal.wire.WireJson;
import dev.licensing.api.lifecycle.ConsumptionStatus;
import dev.licensing.api.lifecycle.FeatureStatus;
import dev.licensing.api.lifecycle.LicenseStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@link LicenseStatus} on the wire, in the License API payload's names (design/lifecycle.md): instants as
 * {@code 2025-07-10T08:00:00Z} or null, members always in the same order, so the same status is the same text.
 */
public final class LifecycleJson {

    public String writeStatus(LicenseStatus status, boolean pretty) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = WireJson.MAPPER.createGenerator(text)) {
            if (pretty) {
                out.useDefaultPrettyPrinter();
            }
            write(out, status);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, LicenseStatus s) throws IOException {
        out.writeStartObject();
        out.writeNumberField("license_id", s.licenseId());
        out.writeStringField("product", s.product());
        if (s.licenseKey() != null) {
            out.writeStringField("license_key", s.licenseKey());
        }
        if (s.user() != null) {
            out.writeStringField("user", s.user());
        }
        out.writeStringField("hardware_id", s.hardwareId());
        out.writeStringField("license_type", s.licenseType().wire());
        out.writeBooleanField("license_enabled", s.enabled());
        out.writeBooleanField("license_active", s.active());
        out.writeBooleanField("is_trial", s.trial());
        out.writeBooleanField("is_expired", s.expired());
        instant(out, "validity_period", s.validityPeriod());
        instant(out, "maintenance_period", s.maintenancePeriod());
        out.writeStringField("start_date", s.startDate());
        out.writeNumberField("times_activated", s.timesActivated());
        out.writeNumberField("max_activations", s.maxActivations());
        out.writeBooleanField("allow_unlimited_activations", s.allowUnlimitedActivations());
        out.writeNumberField("transfer_count", s.transferCount());
        out.writeNumberField("max_transfers", s.maxTransfers());
        ConsumptionStatus c = s.consumption();
        if (c != null) {
            out.writeNumberField("max_consumptions", c.maxConsumptions());
            out.writeNumberField("total_consumptions", c.totalConsumptions());
            out.writeBooleanField("allow_unlimited_consumptions", c.allowUnlimitedConsumptions());
            out.writeBooleanField("allow_overages", c.allowOverages());
            out.writeNumberField("max_overages", c.maxOverages());
            out.writeBooleanField("allow_negative_consumptions", c.allowNegativeConsumptions());
            out.writeBooleanField("reset_consumption", c.resetConsumption());
            out.writeStringField("consumption_period", c.consumptionPeriod() == null ? null
                    : c.consumptionPeriod().wire());
        }
        out.writeArrayFieldStart("product_features");
        for (FeatureStatus f : s.features()) {
            feature(out, f);
        }
        out.writeEndArray();
        out.writeBooleanField("is_floating", s.floating());
        out.writeBooleanField("is_floating_cloud", s.floatingCloud());
        out.writeNumberField("floating_timeout", s.floatingTimeout());
        out.writeNumberField("floating_users", s.floatingUsers());
        out.writeNumberField("floating_in_use_devices", s.floatingInUseDevices());
        instant(out, "floating_period", s.floatingPeriod());
        out.writeBooleanField("is_borrowed", s.borrowed());
        instant(out, "borrowed_until", s.borrowedUntil());
        out.writeBooleanField("replayed", s.replayed());
        out.writeEndObject();
    }

    private static void feature(JsonGenerator out, FeatureStatus f) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", f.id());
        out.writeStringField("code", f.code());
        out.writeStringField("name", f.name());
        out.writeStringField("expiry_date", f.expiryDate());
        out.writeBooleanField("is_expired", f.expired());
        out.writeStringField("feature_type", f.consumption() ? "consumption" : "activation");
        out.writeNumberField("max_consumption", f.maxConsumption());
        out.writeBooleanField("allow_unlimited_consumptions", f.allowUnlimitedConsumptions());
        out.writeBooleanField("allow_overages", f.allowOverages());
        out.writeNumberField("max_overages", f.maxOverages());
        out.writeBooleanField("allow_negative_consumptions", f.allowNegativeConsumptions());
        out.writeBooleanField("reset_consumption", f.resetConsumption());
        out.writeStringField("consumption_period", f.consumptionPeriod() == null ? null
                : f.consumptionPeriod().wire());
        out.writeNumberField("total_consumptions", f.totalConsumptions());
        out.writeEndObject();
    }

    private static void instant(JsonGenerator out, String name, Instant at) throws IOException {
        out.writeStringField(name, at == null ? null : at.toString());
    }
}
