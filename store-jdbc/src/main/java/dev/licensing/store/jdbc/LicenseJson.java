package dev.licensing.store.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A license's users, features and custom fields as JSON text columns of its {@code licenses} row: compact arrays of
 * arrays, each inner array every field of one record in declaration order ({@code null} for a null field), an empty
 * list as SQL NULL. They are only ever read with their license, so a column costs no index and no row of its own.
 *
 * <pre>
 * users_json          [[userId, email, isManager, maxActivations], ...]
 * features_json       [[id, productFeatureId, code, name, maxConsumption, allowOverages, maxOverages,
 *                       allowUnlimitedConsumptions, allowNegativeConsumptions, resetConsumption, consumptionPeriod,
 *                       expiryDate, floatingTimeout, floatingUsers, isFloating, isFloatingCloud, metadata], ...]
 *                     (a feature whose properties are null is its first four fields only)
 * custom_fields_json  [[productCustomFieldId, name, value], ...]
 * </pre>
 *
 * Writing is hand-written into one reused builder (the write hot path: a generic serializer costs more than the
 * insert); strings are escaped as RFC 8259 requires, and surrogates as {@code \\uXXXX}, so that even an unpaired one
 * reads back as the same {@code char}. Reading uses Jackson's streaming parser. Metadata strings stay strings, so
 * they read back character for character.
 */
final class LicenseJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);

    /** The users as JSON, or null for none. */
    String users(List<LicenseUser> users) {
        if (users.isEmpty()) {
            return null;
        }
        out.setLength(0);
        out.append('[');
        for (int i = 0; i < users.size(); i++) {
            LicenseUser user = users.get(i);
            out.append(i == 0 ? "[" : ",[").append(user.userId()).append(',');
            string(user.email());
            out.append(',').append(user.isManager()).append(',');
            number(user.maxActivations());
            out.append(']');
        }
        return out.append(']').toString();
    }

    /** The features as JSON, or null for none. */
    String features(List<LicenseFeature> features) {
        if (features.isEmpty()) {
            return null;
        }
        out.setLength(0);
        out.append('[');
        for (int i = 0; i < features.size(); i++) {
            LicenseFeature feature = features.get(i);
            out.append(i == 0 ? "[" : ",[").append(feature.id()).append(',').append(feature.productFeatureId())
                    .append(',');
            string(feature.code());
            out.append(',');
            string(feature.name());
            FeatureProperties p = feature.properties();
            if (p != null) {
                out.append(',');
                number(p.maxConsumption());
                out.append(',');
                bool(p.allowOverages());
                out.append(',');
                number(p.maxOverages());
                out.append(',');
                bool(p.allowUnlimitedConsumptions());
                out.append(',');
                bool(p.allowNegativeConsumptions());
                out.append(',');
                bool(p.resetConsumption());
                out.append(',');
                string(p.consumptionPeriod() == null ? null : p.consumptionPeriod().wire());
                out.append(',');
                string(p.expiryDate());
                out.append(',');
                number(p.floatingTimeout());
                out.append(',');
                number(p.floatingUsers());
                out.append(',');
                bool(p.isFloating());
                out.append(',');
                bool(p.isFloatingCloud());
                out.append(',');
                string(p.metadata());
            }
            out.append(']');
        }
        return out.append(']').toString();
    }

    /** The custom fields as JSON, or null for none. */
    String customFields(List<LicenseCustomField> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        out.setLength(0);
        out.append('[');
        for (int i = 0; i < fields.size(); i++) {
            LicenseCustomField field = fields.get(i);
            out.append(i == 0 ? "[" : ",[").append(field.productCustomFieldId()).append(',');
            string(field.name());
            out.append(',');
            string(field.value());
            out.append(']');
        }
        return out.append(']').toString();
    }

    private void number(Number value) {
        if (value == null) {
            out.append("null");
        } else {
            out.append(value.longValue());
        }
    }

    private void bool(Boolean value) {
        out.append(value == null ? "null" : value ? "true" : "false");
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(value, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, start, length).append('"');
    }

    static List<LicenseUser> readUsers(String json) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = open(json)) {
            List<LicenseUser> users = new ArrayList<>();
            while (next(p) == JsonToken.START_ARRAY) {
                p.nextToken();
                long userId = p.getLongValue();
                String email = text(p);
                boolean manager = next(p) == JsonToken.VALUE_TRUE;
                Integer maxActivations = integer(p);
                end(p);
                users.add(new LicenseUser(userId, email, manager, maxActivations));
            }
            return users;
        } catch (IOException | RuntimeException e) {
            throw unreadable("users", json, e);
        }
    }

    static List<LicenseFeature> readFeatures(String json) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = open(json)) {
            List<LicenseFeature> features = new ArrayList<>();
            while (next(p) == JsonToken.START_ARRAY) {
                p.nextToken();
                long id = p.getLongValue();
                p.nextToken();
                long productFeatureId = p.getLongValue();
                String code = text(p);
                String name = text(p);
                FeatureProperties properties = null;
                if (next(p) != JsonToken.END_ARRAY) {
                    Long maxConsumption = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    properties = new FeatureProperties(maxConsumption, bool(p), longValue(p), bool(p), bool(p),
                            bool(p), period(text(p)), text(p), integer(p), integer(p), bool(p), bool(p), text(p));
                    end(p);
                }
                features.add(new LicenseFeature(id, productFeatureId, code, name, properties));
            }
            return features;
        } catch (IOException | RuntimeException e) {
            throw unreadable("features", json, e);
        }
    }

    static List<LicenseCustomField> readCustomFields(String json) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = open(json)) {
            List<LicenseCustomField> fields = new ArrayList<>();
            while (next(p) == JsonToken.START_ARRAY) {
                p.nextToken();
                long productCustomFieldId = p.getLongValue();
                String name = text(p);
                String value = text(p);
                end(p);
                fields.add(new LicenseCustomField(productCustomFieldId, name, value));
            }
            return fields;
        } catch (IOException | RuntimeException e) {
            throw unreadable("custom fields", json, e);
        }
    }

    private static JsonParser open(String json) throws IOException {
        JsonParser p = FACTORY.createParser(json);
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException("not an array");
        }
        return p;
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == null) {
            throw new IOException("unexpected end");
        }
        return token;
    }

    private static void end(JsonParser p) throws IOException {
        if (next(p) != JsonToken.END_ARRAY) {
            throw new IOException("too many values");
        }
    }

    private static String text(JsonParser p) throws IOException {
        return next(p) == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static Boolean bool(JsonParser p) throws IOException {
        return switch (next(p)) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw new IOException("not a boolean: " + p.getText());
        };
    }

    private static Long longValue(JsonParser p) throws IOException {
        return next(p) == JsonToken.VALUE_NULL ? null : p.getLongValue();
    }

    private static Integer integer(JsonParser p) throws IOException {
        return next(p) == JsonToken.VALUE_NULL ? null : p.getIntValue();
    }

    private static ConsumptionPeriod period(String wire) {
        return wire == null ? null : ConsumptionPeriod.fromWire(wire);
    }

    private static IllegalStateException unreadable(String what, String json, Exception e) {
        return new IllegalStateException("stored license " + what + " do not read: " + json, e);
    }
}
