package dev.licensing.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.LicensingError;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.OrderResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Responses written from hand-built results: the page's shape, its type-specific fields, its schemas, stable bytes. */
class WriteResultTest {
    private static final Instant CREATED = Instant.parse("2025-02-24T15:45:07.285Z");
    private static final long ORDER_ID = 1740411907268009L;
    private static final List<String> CONSUMPTION_FIELDS = List.of("allow_negative_consumptions", "allow_overages",
            "allow_unlimited_consumptions", "consumption_period", "max_consumptions", "max_overages",
            "reset_consumption");
    private static final List<String> SUBSCRIPTION_FIELDS = List.of("allow_grace_period", "grace_period",
            "time_activated");

    private final LicenseSpringJson codec = new LicenseSpringJson(false);

    /** Resolved properties as the engine leaves them: every always-shown one set. */
    private static LicenseProperties resolved(LicenseType type, String validDuration, boolean maintenance,
                                              String maintenanceDuration, ConsumptionPeriod consumptionPeriod,
                                              Long maxConsumptions) {
        return new LicenseProperties(false, true, type, 1, false, validDuration, null, null, 120, 0, false, 0, false,
                "", maintenance, maintenanceDuration, null, false, false, 0, false, null, false, 0, false, false,
                false, 0, maxConsumptions, false, 0L, false, consumptionPeriod, false, false, null);
    }

    private static LicenseProperties perpetual() {
        return resolved(LicenseType.PERPETUAL, null, false, null, null, null);
    }

    private static License keyBased(long id, LicenseProperties properties, String note, List<LicenseFeature> features,
                                    List<LicenseCustomField> customFields) {
        return new License(id, 1737539180381356L, "TT", CREATED, CREATED, "B4E5-YAPF-B7YB-SHLK", List.of(), false,
                null, null, null, properties, note, "{}", features, customFields);
    }

    private static License userBased(long id, LicenseProperties properties, String note) {
        return new License(id, 1737539180381356L, "TT", CREATED, CREATED, null,
                List.of(new LicenseUser(1, "end-user@gmail.com", false, null)), false, null, 3L, "std", properties,
                note, "{\"tier\":\"gold\"}", List.of(), List.of());
    }

    private static OrderResult plainResult(License... licenses) {
        OrderItem item = new OrderItem(1740411907316029L, 1737539180381356L, "TT", null, List.of(licenses));
        Order order = new Order(ORDER_ID, "default", "id_1546606209296", false, CREATED, null, null, null, null, null,
                null, null, null, null, null, false, null, List.of(item));
        return new OrderResult(order, List.of(new NewPassword("end-user@gmail.com", "Zr8Kq2m9Xw4Lp7Tn3Bv6")), List.of());
    }

    private JsonNode writtenLicense(License license) {
        return Schemas.tree(codec.writeResult(plainResult(license), false)).at("/order_items/0/licenses/0");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void perpetualKeyBasedLicenseHasExactlyTheExampleResponsesFieldsInItsOrder() {
        JsonNode example = Schemas.tree(PageExamplesTest.example("response-order.json"))
                .at("/order_items/0/licenses/0");

        JsonNode written = writtenLicense(keyBased(1740411907281019L, perpetual(), null, List.of(), List.of()));

        assertThat(fieldNames(written)).containsExactlyElementsOf(fieldNames(example));
        assertThat(written).isEqualTo(example);
    }

    @Test
    void responseShapeMatchesTheExample() {
        String json = codec.writeResult(plainResult(
                keyBased(1740411907281019L, perpetual(), null, List.of(), List.of())), false);

        JsonNode response = Schemas.tree(json);
        assertThat(fieldNames(response)).containsExactly("order_id", "order_items", "new_passwords");
        assertThat(response.get("order_id").textValue()).isEqualTo("1740411907268009");
        assertThat(fieldNames(response.at("/order_items/0"))).containsExactly("id", "product_id", "licenses");
        assertThat(response.at("/order_items/0/id").textValue()).isEqualTo("1740411907316029");
        assertThat(response.at("/order_items/0/product_id").longValue()).isEqualTo(1737539180381356L);
        assertThat(response.at("/new_passwords/0/email").textValue()).isEqualTo("end-user@gmail.com");
        assertThat(response.at("/new_passwords/0/password").textValue()).isEqualTo("Zr8Kq2m9Xw4Lp7Tn3Bv6");
        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, json)).isEmpty();
    }

    @Test
    void perpetualLicenseWithoutMaintenanceShowsNoTypeSpecificNorMaintenanceFields() {
        JsonNode written = writtenLicense(keyBased(11, perpetual(), null, List.of(), List.of()));

        assertThat(fieldNames(written)).doesNotContainAnyElementsOf(CONSUMPTION_FIELDS)
                .doesNotContainAnyElementsOf(SUBSCRIPTION_FIELDS)
                .doesNotContain("maintenance_duration", "maintenance_period", "note", "users", "max_license_users",
                        "is_bundle", "bundle_license_id");
    }

    @Test
    void timeLimitedUserBasedLicenseWithMaintenanceAndNote() {
        License license = userBased(12,
                resolved(LicenseType.TIME_LIMITED, "1y", true, "6m", null, null), "Test 2");

        String json = codec.writeResult(plainResult(license), false);
        JsonNode written = Schemas.tree(json).at("/order_items/0/licenses/0");

        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, json)).isEmpty();
        assertThat(written.get("license_type").textValue()).isEqualTo("time-limited");
        assertThat(written.get("valid_duration").textValue()).isEqualTo("1y");
        assertThat(written.get("maintenance_duration").textValue()).isEqualTo("6m");
        assertThat(written.get("maintenance_period").isNull()).isTrue();
        assertThat(written.get("note").textValue()).isEqualTo("Test 2");
        assertThat(written.get("license_template_id").longValue()).isEqualTo(3);
        assertThat(written.get("metadata").get("tier").textValue()).isEqualTo("gold");
        assertThat(written.get("users")).hasSize(1);
        assertThat(written.at("/users/0/email").textValue()).isEqualTo("end-user@gmail.com");
        assertThat(written.at("/users/0/is_manager").booleanValue()).isFalse();
        assertThat(written.get("max_license_users").intValue()).isZero();
        assertThat(fieldNames(written)).doesNotContain("license_key")
                .doesNotContainAnyElementsOf(CONSUMPTION_FIELDS).doesNotContainAnyElementsOf(SUBSCRIPTION_FIELDS);
        assertThat(fieldNames(written).indexOf("maintenance_duration"))
                .isEqualTo(fieldNames(written).indexOf("enable_maintenance_period") + 1);
    }

    @Test
    void consumptionKeyBasedLicenseWithFeaturesAndCustomFields() {
        LicenseFeature feature = new LicenseFeature(1740411907290001L, 5, "f1", "Export", new FeatureProperties(
                null, false, null, false, false, true, ConsumptionPeriod.DAILY, null, 120, 1, false, false, null));
        License license = keyBased(13,
                resolved(LicenseType.CONSUMPTION, null, false, null, ConsumptionPeriod.MONTHLY, 100L), null,
                List.of(feature),
                List.of(new LicenseCustomField(9, "customField1", "abcd"), new LicenseCustomField(10, "empty", null)));

        String json = codec.writeResult(plainResult(license), false);
        JsonNode written = Schemas.tree(json).at("/order_items/0/licenses/0");

        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, json)).isEmpty();
        assertThat(fieldNames(written)).containsAll(CONSUMPTION_FIELDS).doesNotContainAnyElementsOf(SUBSCRIPTION_FIELDS);
        assertThat(written.get("consumption_period").textValue()).isEqualTo("monthly");
        assertThat(written.get("max_consumptions").longValue()).isEqualTo(100);
        JsonNode writtenFeature = written.at("/LicenseProductFeatures/0");
        assertThat(fieldNames(writtenFeature)).containsExactly("id", "product_feature_id", "name", "max_consumption",
                "allow_overages", "max_overages", "allow_unlimited_consumptions", "allow_negative_consumptions",
                "reset_consumption", "consumption_period", "expiry_date", "metadata", "is_floating",
                "is_floating_cloud", "floating_timeout", "floating_users");
        assertThat(writtenFeature.get("id").textValue()).isEqualTo("1740411907290001");
        assertThat(writtenFeature.get("product_feature_id").longValue()).isEqualTo(5);
        assertThat(writtenFeature.get("max_consumption").longValue()).isZero();
        assertThat(writtenFeature.get("max_overages").longValue()).isZero();
        assertThat(writtenFeature.get("metadata").isObject()).isTrue();
        assertThat(written.get("LicenseCustomFields").toString())
                .isEqualTo("[{\"product_custom_field_id\":9,\"value\":\"abcd\"},{\"product_custom_field_id\":10}]");
    }

    @Test
    void consumptionLicenseWithoutPeriodOrMaximumShowsNullAndZero() {
        JsonNode written = writtenLicense(keyBased(14,
                resolved(LicenseType.CONSUMPTION, null, false, null, null, null), null, List.of(), List.of()));

        assertThat(written.get("consumption_period").isNull()).isTrue();
        assertThat(written.get("max_consumptions").longValue()).isZero();
    }

    @Test
    void subscriptionUserBasedLicenseShowsGraceFieldsAndNeverActivated() {
        License license = userBased(15, resolved(LicenseType.SUBSCRIPTION, null, false, null, null, null), null);

        String json = codec.writeResult(plainResult(license), false);
        JsonNode written = Schemas.tree(json).at("/order_items/0/licenses/0");

        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, json)).isEmpty();
        assertThat(fieldNames(written)).containsAll(SUBSCRIPTION_FIELDS).doesNotContainAnyElementsOf(CONSUMPTION_FIELDS);
        assertThat(written.get("time_activated").longValue()).isZero();
        assertThat(fieldNames(written).subList(fieldNames(written).indexOf("is_hardware_key_auth") + 1,
                fieldNames(written).indexOf("is_hardware_key_auth") + 4)).containsExactlyElementsOf(SUBSCRIPTION_FIELDS);
    }

    @Test
    void theCorrectedResponseSchemaRejectsConsumptionFieldsOnAPerpetualLicense() {
        String json = codec.writeResult(plainResult(keyBased(16, perpetual(), null, List.of(), List.of())), false);
        String withOverages = json.replace("\"is_hardware_key_auth\":false", "\"is_hardware_key_auth\":false,"
                + "\"allow_overages\":true");

        assertThat(withOverages).isNotEqualTo(json);
        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, withOverages)).isNotEmpty();
    }

    @Test
    void bundleOrderListsLicensesUnderCapitalLicensesAndValidatesAgainstTheBundleSchema() {
        License bundleLicense = new License(1742897554024029L, 4, "drama", CREATED, CREATED, "B32M-AXCN-GPEY-CELK",
                List.of(), true, null, null, null, perpetual(), null, "{}", List.of(), List.of());
        LicenseFeature feature = new LicenseFeature(1742897554115049L, 5, "f1", null, new FeatureProperties(
                12L, false, null, false, false, false, null, null, 120, 1, false, false, null));
        License subLicense = new License(1742897554109039L, 1, "p", CREATED, CREATED, null, List.of(), false,
                bundleLicense.id(), null, "dftlp", perpetual(), "Note for p", "{}", List.of(feature), List.of());
        OrderItem item = new OrderItem(1742897554021019L, 4, "drama", null, List.of(bundleLicense, subLicense));
        Order order = new Order(1742897553827009L, "default", "2cdf5739334b4688b04c4bbfb3da89618", true, CREATED, null,
                null, null, null, null, null, null, null, "", null, false, null, List.of(item));

        String json = codec.writeResult(new OrderResult(order, List.of(), List.of()), true);
        JsonNode response = Schemas.tree(json);
        JsonNode example = Schemas.tree(PageExamplesTest.example("response-bundle-order.json"));

        assertThat(Schemas.violations(Schemas.BUNDLE_ORDER_RESPONSE, json)).isEmpty();
        assertThat(fieldNames(response.at("/order_items/0"))).containsExactly("id", "product_id", "Licenses");
        assertThat(fieldNames(response.at("/order_items/0/Licenses/0")))
                .containsExactlyElementsOf(fieldNames(example.at("/order_items/0/Licenses/0")));
        List<String> subLicenseFields = new ArrayList<>(fieldNames(example.at("/order_items/0/Licenses/1")));
        subLicenseFields.add(subLicenseFields.indexOf("bundle_license_id"), "note");
        assertThat(fieldNames(response.at("/order_items/0/Licenses/1"))).containsExactlyElementsOf(subLicenseFields);
        assertThat(response.at("/order_items/0/Licenses/1/bundle_license_id").textValue())
                .isEqualTo("1742897554024029");
    }

    @Test
    void aBundleLicenseInAPlainOrderSchemaIsRejected() {
        License bundleLicense = new License(1, 4, "drama", CREATED, CREATED, "KEY", List.of(), true, null, null, null,
                perpetual(), null, "{}", List.of(), List.of());

        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, codec.writeResult(plainResult(bundleLicense), false)))
                .isNotEmpty();
    }

    @Test
    void sameRecordsGiveTheSameBytes() {
        OrderResult result = plainResult(
                keyBased(17, resolved(LicenseType.CONSUMPTION, null, true, "1y", ConsumptionPeriod.WEEKLY, 5L), "n",
                        List.of(), List.of(new LicenseCustomField(9, "c", "v"))),
                userBased(18, resolved(LicenseType.SUBSCRIPTION, null, false, null, null, null), null));

        assertThat(codec.writeResult(result, false)).isEqualTo(codec.writeResult(result, false));
        assertThat(codec.writeResult(result, true)).isEqualTo(new LicenseSpringJson(true).writeResult(result, true));
        assertThat(codec.writeResult(result, true)).contains("\n")
                .isNotEqualTo(codec.writeResult(result, false));
        assertThat(Schemas.tree(codec.writeResult(result, true)))
                .isEqualTo(Schemas.tree(codec.writeResult(result, false)));
    }

    @Test
    void storedOrderIsWrittenWithNoNewPasswords() {
        OrderResult result = plainResult(userBased(19, perpetual(), null));

        JsonNode written = Schemas.tree(codec.writeOrder(result.order(), false));

        assertThat(written.get("new_passwords").isArray()).isTrue();
        assertThat(written.get("new_passwords")).isEmpty();
        assertThat(written.at("/order_items/0/licenses/0/users/0/email").textValue()).isEqualTo("end-user@gmail.com");
    }

    @Test
    void anAlwaysShownPropertyLeftNullIsABugNamedInTheException() {
        License license = keyBased(20, new LicenseProperties(false, true, LicenseType.PERPETUAL, 1, false, null, null,
                null, null /* floating_timeout */, 0, false, 0, false, null, false, null, null, false, false, 0, false,
                null, false, 0, false, false, false, 0, null, false, 0L, false, null, false, false, null),
                null, List.of(), List.of());

        assertThatThrownBy(() -> codec.writeResult(plainResult(license), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("license 20").hasMessageContaining("floating_timeout");
    }

    @Test
    void errorsAreWrittenWithFieldOmittedWhenNoOneFieldIsAtFault() {
        String json = codec.writeErrors(List.of(
                new LicensingError(ErrorCode.UNKNOWN_FIELD, "unknown field", "items[0].licenses[0].max_activation"),
                new LicensingError(ErrorCode.INVALID_JSON, "not a JSON document", null)), false);

        assertThat(json).isEqualTo("{\"errors\":["
                + "{\"code\":\"unknown_field\",\"message\":\"unknown field\",\"field\":\"items[0].licenses[0].max_activation\"},"
                + "{\"code\":\"invalid_json\",\"message\":\"not a JSON document\"}]}");
    }
}
