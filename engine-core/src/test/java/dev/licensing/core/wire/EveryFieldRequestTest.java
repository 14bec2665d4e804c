package dev.licensing.core.wire;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request with every field the codec accepts: each lands in its record component, and the schema agrees. */
class EveryFieldRequestTest {
    private static final String EVERY_FIELD = Schemas.resource("/wire/every-field-request.json");

    @Test
    void everyAcceptedFieldIsReadIntoItsRecordComponentAsGiven() {
        DecodedOrder decoded = new LicenseSpringJson(false).readOrder(EVERY_FIELD);

        assertThat(decoded.errors()).isEmpty();
        assertThat(decoded.request()).isEqualTo(expected());
    }

    @Test
    void theCorrectedRequestSchemaAcceptsTheSameRequest() {
        assertThat(Schemas.violations(Schemas.ORDER_REQUEST, EVERY_FIELD)).isEmpty();
    }

    @Test
    void everyOptionalFieldMayBeNullMeaningAbsent() {
        String json = """
                {"id": "o1", "is_bundle": null, "append": null, "customer": null, "metadata": null, "reference": null,
                 "items": [{"product_code": "TT", "key": null, "users": null, "note": null,
                            "licenses": [{"metadata": null, "license_type": null, "product_features": null,
                                          "custom_fields": [{"name": "c", "data_type": null, "value": null}],
                                          "floating_server_id": null}]}]}""";

        DecodedOrder decoded = new LicenseSpringJson(false).readOrder(json);

        assertThat(decoded.errors()).isEmpty();
        LicenseRequest license = decoded.request().items().get(0).licenses().get(0);
        assertThat(license.properties()).isEqualTo(LicenseProperties.NONE);
        assertThat(license.metadata()).isNull();
        assertThat(license.productFeatures()).isNull();
        assertThat(Schemas.violations(Schemas.ORDER_REQUEST, json)).isEmpty();
    }

    @Test
    void anIntegralNumberWrittenWithAFractionIsAnInteger() {
        String json = """
                {"id": "o1", "items": [{"product_code": "TT", "licenses": [{"max_activations": 3.0}]}]}""";

        DecodedOrder decoded = new LicenseSpringJson(false).readOrder(json);

        assertThat(decoded.errors()).isEmpty();
        assertThat(decoded.request().items().get(0).licenses().get(0).properties().maxActivations()).isEqualTo(3);
        assertThat(Schemas.violations(Schemas.ORDER_REQUEST, json)).isEmpty();
    }

    @Test
    void companyAloneNamesTheCustomersCompany() {
        DecodedOrder decoded = new LicenseSpringJson(false).readOrder("""
                {"id": "o1", "customer": {"company": "Acme"}, "items": [{"product_code": "TT", "licenses": [{}]}]}""");

        assertThat(decoded.request().customer().companyName()).isEqualTo("Acme");
    }

    private static OrderRequest expected() {
        LicenseProperties properties = new LicenseProperties(false, true, LicenseType.CONSUMPTION, 3, false, "1y",
                "2025-01-01", "2024-03-12", 60, -1, true, 24, false, "12345", true, "6m", "2024-09-12", false, true, 5,
                true, 9007199254740993L, false, 0, false, true, true, 48, 100L, true, 10L, true,
                ConsumptionPeriod.MONTHLY, false, false, 2);
        FeatureProperties featureOverrides = new FeatureProperties(33L, true, 5L, false, true, true,
                ConsumptionPeriod.WEEKLY, "2027-05-23", 30, 2, false, true, "{\"k\":\"v\"}");
        LicenseRequest license = new LicenseRequest(
                "AAAA-BBBB-CCCC-DDDD",
                List.of(new UserRequest("u@example.com", true, 4)),
                "TT", "std", "std", 12L, "license note",
                "{\"b\":[1,2.50],\"a\":{\"c\":null}}",
                List.of(FeatureRequest.of("f1"), new FeatureRequest("f2", featureOverrides)),
                List.of(new CustomFieldRequest("seats", CustomFieldType.NUMBER, "12"),
                        new CustomFieldRequest("when", CustomFieldType.DATE_TIME, "2024-01-01"),
                        new CustomFieldRequest("blank", CustomFieldType.TEXT, null)),
                properties);
        ItemRequest item = new ItemRequest("TT", "ITEM-KEY", List.of(UserRequest.of("item-user@example.com")), true,
                "sub-item", "std", 8L, "item note", List.of(license));
        CustomerRequest customer = new CustomerRequest("buyer@example.com", "Ada", "Lovelace", "Acme", "+1 555",
                "1 Main St", "cust-1", true);
        return new OrderRequest("order-every-field", false, true, true, "2024-03-12 10:00:00", "normal", "en",
                "utm_source=x", "dl-1", true, "{\"some_key\": \"some_value\"}", false, true, 7L, customer, "ref-1",
                List.of(item));
    }
}
