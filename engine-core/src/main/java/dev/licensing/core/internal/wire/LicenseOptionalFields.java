package dev.licensing.core.internal.wire;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;
import dev.licensing.api.LicenseType;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the page's {@code LicenseOptional} properties wherever they appear: on a license of a request, and on a product
 * or a policy of the catalog. Each license property's wire name and type are its declaration's ({@link LicenseProperty}).
 */
final class LicenseOptionalFields {
    static final List<String> LICENSE_TYPES = Arrays.stream(LicenseType.values()).map(LicenseType::wire).toList();
    static final List<String> CONSUMPTION_PERIODS =
            Arrays.stream(ConsumptionPeriod.values()).map(ConsumptionPeriod::wire).toList();
    /** The page's own misspelling {@code numer} included: its type lists it. */
    static final List<String> CUSTOM_FIELD_TYPES = Stream.concat(
            Arrays.stream(CustomFieldType.values()).map(CustomFieldType::wire), Stream.of("numer")).toList();

    private LicenseOptionalFields() {
    }

    /** Every field of {@link LicenseProperties}, under its wire name, each read as its declared type. */
    static LicenseProperties properties(FieldReader in) {
        return LicenseProperty.build(property -> read(in, property));
    }

    private static Object read(FieldReader in, LicenseProperty property) {
        String name = property.wireName();
        return switch (property.kind()) {
            case BOOLEAN -> in.bool(name);
            case INTEGER -> in.int32(name);
            case LONG -> in.int64(name);
            case TEXT -> property.textOrNumber() ? in.stringOrNumber(name) : in.string(name);
            case LICENSE_TYPE -> in.oneOf(name, LicenseType::fromWire, LICENSE_TYPES);
            case CONSUMPTION_PERIOD -> in.oneOf(name, ConsumptionPeriod::fromWire, CONSUMPTION_PERIODS);
        };
    }

    /** The fields of the page's long-form {@code ProductFeature} other than {@code code}. */
    static FeatureProperties featureProperties(FieldReader in) {
        return new FeatureProperties(
                in.int64("max_consumption"),
                in.bool("allow_overages"),
                in.int64("max_overages"),
                in.bool("allow_unlimited_consumptions"),
                in.bool("allow_negative_consumptions"),
                in.bool("reset_consumption"),
                in.oneOf("consumption_period", ConsumptionPeriod::fromWire, CONSUMPTION_PERIODS),
                in.string("expiry_date"),
                in.int32("floating_timeout"),
                in.int32("floating_users"),
                in.bool("is_floating"),
                in.bool("is_floating_cloud"),
                in.jsonObject("metadata"));
    }

    /** {@code product_features}: each a feature code, or an object with {@code code} and overrides; null when absent. */
    static List<FeatureRequest> productFeatures(FieldReader in) {
        List<FieldReader.Element> elements = in.array("product_features");
        if (elements == null) {
            return null;
        }
        List<FeatureRequest> features = new ArrayList<>();
        for (FieldReader.Element element : elements) {
            if (element.value().isTextual()) {
                features.add(FeatureRequest.of(element.value().textValue()));
            } else if (element.value().isObject()) {
                FieldReader feature = in.elementObject(element);
                String code = feature.requiredString("code");
                FeatureProperties overrides = featureProperties(feature);
                feature.finish();
                features.add(new FeatureRequest(code, overrides));
            } else {
                in.findings().add(ErrorCode.INVALID_TYPE, element.path(),
                        "expected a feature code or an object with a code");
            }
        }
        return features;
    }

    /** {@code custom_fields}: {@code {name, data_type?, value?}} each; null when absent. */
    static List<CustomFieldRequest> customFields(FieldReader in) {
        List<FieldReader> fields = in.objects("custom_fields");
        if (fields == null) {
            return null;
        }
        List<CustomFieldRequest> requests = new ArrayList<>();
        for (FieldReader field : fields) {
            requests.add(new CustomFieldRequest(
                    field.requiredString("name"),
                    field.oneOf("data_type", CustomFieldType::fromWire, CUSTOM_FIELD_TYPES),
                    field.stringOrNumber("value")));
            field.finish();
        }
        return requests;
    }
}
