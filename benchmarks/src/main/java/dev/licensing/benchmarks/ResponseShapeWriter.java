package dev.licensing.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingJsonFactory;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a response in the shape of LicenseSpring's example response for a parsed request: every license with the 42
 * fields of the example and of a consumption license ({@code license_key} or {@code users}, the 34 the example shows,
 * {@code note} and the seven consumption fields), its features and custom fields, and a new password for each user.
 * Values the request gives are copied; the rest are the example's defaults, and ids, generated keys and passwords are
 * placeholders, because producing them is the engine's work, not the JSON's. The yardstick for the engine's CPU cost
 * per order: what a response of that size costs to write, and nothing else.
 */
public final class ResponseShapeWriter {

    private static final String GENERATED_KEY = "B4E5-YAPF-B7YB-SHLK";
    private static final String PASSWORD = "Xq7rT2mK9pLw4ZbN8cVd";
    private static final long CREATED_AT = 1_740_411_907_285L;

    /** A mapping factory, so that a license's metadata object is copied with {@code writeTree}. */
    private final JsonFactory json = new MappingJsonFactory();
    private long nextId = 1_740_411_907_268_009L;

    /** Writes the response for {@code request} to {@code out} as UTF-8; leaves {@code out} open. */
    public void write(JsonNode request, OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            String orderId = Long.toString(nextId++);
            g.writeStartObject();
            g.writeStringField("order_id", orderId);
            g.writeArrayFieldStart("order_items");
            for (JsonNode item : request.path("items")) {
                g.writeStartObject();
                g.writeStringField("id", Long.toString(nextId++));
                g.writeNumberField("product_id", 1);
                g.writeArrayFieldStart("licenses");
                for (JsonNode license : item.path("licenses")) {
                    license(g, license, item, orderId);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("new_passwords");
            for (JsonNode item : request.path("items")) {
                for (JsonNode license : item.path("licenses")) {
                    for (JsonNode user : license.path("users")) {
                        g.writeStartObject();
                        g.writeStringField("email", user.path("email").asText());
                        g.writeStringField("password", PASSWORD);
                        g.writeEndObject();
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void license(JsonGenerator g, JsonNode license, JsonNode item, String orderId) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", Long.toString(nextId++));
        g.writeNumberField("product_id", 1);
        g.writeBooleanField("active", license.path("active").asBoolean(false));
        g.writeBooleanField("enabled", license.path("enabled").asBoolean(true));
        g.writeNumberField("created_at", CREATED_AT);
        g.writeNumberField("updated_at", CREATED_AT);
        g.writeStringField("license_type", license.path("license_type").asText("perpetual"));
        g.writeNumberField("max_activations", license.path("max_activations").asInt(1));
        g.writeBooleanField("allow_unlimited_activations", false);
        stringOrNull(g, "valid_duration", license.get("valid_duration"));
        g.writeNumberField("floating_timeout", 120);
        g.writeNumberField("max_transfers", 0);
        g.writeBooleanField("can_borrow", false);
        g.writeNumberField("max_borrow_time", 0);
        stringOrNull(g, "start_date", license.get("start_date"));
        g.writeBooleanField("is_air_gapped", false);
        g.writeNullField("license_template_id");
        stringOrNull(g, "validity_period", license.get("validity_period"));
        g.writeStringField("subscription_id", "");
        g.writeBooleanField("enable_maintenance_period", license.path("enable_maintenance_period").asBoolean());
        g.writeBooleanField("is_floating_cloud", false);
        g.writeBooleanField("is_floating", false);
        g.writeBooleanField("is_local_license", false);
        g.writeNullField("floating_server");
        g.writeNumberField("floating_users", 0);
        g.writeBooleanField("is_trial", license.path("is_trial").asBoolean());
        g.writeNumberField("trial_days", license.path("trial_days").asInt(0));
        g.writeBooleanField("prevent_vm", license.path("prevent_vm").asBoolean());
        g.writeFieldName("metadata");
        JsonNode metadata = license.get("metadata");
        if (metadata != null && metadata.isObject()) {
            g.writeTree(metadata);
        } else {
            g.writeStartObject();
            g.writeEndObject();
        }
        g.writeBooleanField("is_hardware_key_auth", false);
        JsonNode users = license.get("users");
        if (users == null) {
            g.writeStringField("license_key", license.path("key").asText(GENERATED_KEY));
        } else {
            g.writeArrayFieldStart("users");
            for (JsonNode user : users) {
                g.writeStartObject();
                g.writeStringField("email", user.path("email").asText());
                g.writeBooleanField("is_manager", user.path("is_manager").asBoolean());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("max_license_users", license.path("max_license_users").asInt(0));
        }
        g.writeStringField("order_id", orderId);
        features(g, license.path("product_features"));
        customFields(g, license.path("custom_fields"));
        stringOrNull(g, "note", license.has("note") ? license.get("note") : item.get("note"));
        g.writeBooleanField("allow_negative_consumptions", false);
        g.writeBooleanField("allow_overages", license.path("allow_overages").asBoolean());
        g.writeBooleanField("allow_unlimited_consumptions", false);
        stringOrNull(g, "consumption_period", license.get("consumption_period"));
        g.writeNumberField("max_consumptions", license.path("max_consumptions").asLong(0));
        g.writeNumberField("max_overages", license.path("max_overages").asLong(0));
        g.writeBooleanField("reset_consumption", false);
        g.writeEndObject();
    }

    private void features(JsonGenerator g, JsonNode features) throws IOException {
        g.writeArrayFieldStart("LicenseProductFeatures");
        for (JsonNode feature : features) {
            g.writeStartObject();
            g.writeStringField("id", Long.toString(nextId++));
            g.writeNumberField("product_feature_id", 1);
            g.writeStringField("name", feature.isTextual() ? feature.asText() : feature.path("code").asText());
            g.writeBooleanField("allow_negative_consumptions", false);
            g.writeBooleanField("allow_overages", feature.path("allow_overages").asBoolean());
            g.writeBooleanField("allow_unlimited_consumptions", false);
            stringOrNull(g, "expiry_date", feature.get("expiry_date"));
            g.writeNumberField("floating_timeout", 120);
            g.writeNumberField("max_consumption", feature.path("max_consumption").asLong(0));
            g.writeNumberField("max_overages", 0);
            g.writeFieldName("metadata");
            g.writeStartObject();
            g.writeEndObject();
            g.writeBooleanField("reset_consumption", false);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void customFields(JsonGenerator g, JsonNode fields) throws IOException {
        g.writeArrayFieldStart("LicenseCustomFields");
        for (JsonNode field : fields) {
            g.writeStartObject();
            g.writeNumberField("product_custom_field_id", 1);
            g.writeStringField("value", field.path("value").asText());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void stringOrNull(JsonGenerator g, String name, JsonNode value) throws IOException {
        if (value == null || value.isNull()) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value.asText());
        }
    }
}
