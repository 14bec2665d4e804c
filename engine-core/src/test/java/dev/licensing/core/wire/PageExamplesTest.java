package dev.licensing.core.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example of the LicenseSpring page, verbatim in {@code page-examples/}, against the codec and the schemas. */
class PageExamplesTest {
    private final LicenseSpringJson codec = new LicenseSpringJson(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "request-key-based.json",
            "request-user-based.json",
            "request-bundle-key-based.json",
            "request-bundle-user-based.json",
            "request-bundle-product-orders-key-based.json",
            "request-bundle-product-orders-user-based.json",
            "request-minimal-key-based.json",
            "request-minimal-user-based.json",
            "request-policy-a.json"})
    void everyExampleRequestDecodesWithoutErrorAndValidatesAgainstTheCorrectedSchema(String example) {
        String json = example(example);

        DecodedOrder decoded = codec.readOrder(json);

        assertThat(decoded.errors()).isEmpty();
        assertThat(decoded.warnings()).isEmpty();
        String schema = decoded.request().bundle() ? Schemas.BUNDLE_ORDER_REQUEST : Schemas.ORDER_REQUEST;
        assertThat(Schemas.violations(schema, json)).isEmpty();
    }

    @Test
    void keyBasedExampleKeepsItemAndLicenseNotes() {
        OrderRequest request = codec.readOrder(example("request-key-based.json")).request();

        ItemRequest item = request.items().get(0);
        assertThat(request.id()).isEqualTo("id_1546606209296");
        assertThat(item.productCode()).isEqualTo("TT");
        assertThat(item.note()).isEqualTo("Test 1");
        assertThat(item.licenses().get(0).key()).isEqualTo("123-123-123-123-123");
        assertThat(item.licenses().get(0).note()).isEqualTo("Test 2");
    }

    @Test
    void keyBasedBundleExampleKeepsItsNumericSubscriptionIdAsADecimalString() {
        OrderRequest request = codec.readOrder(example("request-bundle-key-based.json")).request();

        ItemRequest item = request.items().get(0);
        assertThat(request.bundle()).isTrue();
        assertThat(item.subscriptionId()).isEqualTo("12345");
        assertThat(item.key()).isEqualTo("AAAA-AAAA-AAAA-1130");
        assertThat(item.active()).isTrue();
        assertThat(item.licenses()).extracting(LicenseRequest::productCode).containsExactly("lkbp1", "lkbp2");
    }

    @Test
    void userBasedBundleExampleReadsItemUsersAndACustomFieldWithoutDataType() {
        OrderRequest request = codec.readOrder(example("request-bundle-user-based.json")).request();

        ItemRequest item = request.items().get(0);
        LicenseRequest license = item.licenses().get(0);
        assertThat(item.users()).singleElement().satisfies(user -> {
            assertThat(user.email()).isEqualTo("someuser@mail.com");
            assertThat(user.isManager()).isFalse();
        });
        assertThat(license.customFields()).containsExactly(new CustomFieldRequest("customField1", null, "abcd"));
        assertThat(license.properties().maxActivations()).isEqualTo(30);
        assertThat(license.properties().isTrial()).isFalse();
        assertThat(license.policyCode()).isEqualTo("dftlp");
    }

    @Test
    void bundleProductOrderExampleReadsNullCustomerAsAbsentAndKeepsTheEmptyReference() {
        OrderRequest request = codec.readOrder(example("request-bundle-product-orders-key-based.json")).request();

        assertThat(request.customer()).isNull();
        assertThat(request.reference()).isEmpty();
        assertThat(request.append()).isFalse();
        assertThat(request.items().get(0).users()).isEmpty();
    }

    @Test
    void policyExampleReadsPolicyCodeAndTheOverriddenMaxActivations() {
        LicenseRequest license = codec.readOrder(example("request-policy-a.json")).request()
                .items().get(0).licenses().get(0);

        assertThat(license.policyCode()).isEqualTo("policy_A");
        assertThat(license.properties().maxActivations()).isEqualTo(10);
    }

    @Test
    void thePagesOwnSchemaRejectsThePagesOwnKeyBasedExample() {
        // additionalProperties:false inside each part of License's allOf: "key" and "note" each fail one part.
        assertThat(Schemas.violations(Schemas.PAGE_ORIGINAL_ORDER_REQUEST, example("request-key-based.json")))
                .isNotEmpty();
        assertThat(Schemas.violations(Schemas.PAGE_ORIGINAL_ORDER_REQUEST, example("request-minimal-key-based.json")))
                .isNotEmpty();
    }

    @Test
    void exampleResponseValidatesAgainstTheCorrectedResponseSchemaOnceItsNewPasswordsSlipIsMended() {
        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, withEmptyNewPasswords("response-order.json")))
                .isEmpty();
    }

    @Test
    void bundleExampleResponseValidatesAgainstTheCorrectedBundleSchemaOnceItsNewPasswordsSlipIsMended() {
        assertThat(Schemas.violations(Schemas.BUNDLE_ORDER_RESPONSE, withEmptyNewPasswords("response-bundle-order.json")))
                .isEmpty();
    }

    @Test
    void exampleResponsesVerbatimFailOnlyOnTheirNewPasswordsList() {
        // The examples send [[]], their own type says [{email, password}] (DESIGN §3): the type wins.
        assertThat(Schemas.violations(Schemas.ORDER_RESPONSE, example("response-order.json")))
                .singleElement().asString().contains("new_passwords[0]");
        assertThat(Schemas.violations(Schemas.BUNDLE_ORDER_RESPONSE, example("response-bundle-order.json")))
                .singleElement().asString().contains("new_passwords[0]");
    }

    private static String withEmptyNewPasswords(String example) {
        ObjectNode response = (ObjectNode) Schemas.tree(example(example));
        response.putArray("new_passwords");
        return response.toString();
    }

    static String example(String name) {
        return Schemas.resource("/page-examples/" + name);
    }
}
