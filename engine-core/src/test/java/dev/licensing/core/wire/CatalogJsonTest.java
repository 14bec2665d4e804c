package dev.licensing.core.wire;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseType;
import dev.licensing.api.LicensingError;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.FlexDiscount;
import dev.licensing.api.catalog.Offer;
import dev.licensing.api.catalog.VipCustomer;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.core.internal.catalog.CatalogValidator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The catalog file of DESIGN §4. */
class CatalogJsonTest {
    /** DESIGN §4's example, verbatim. */
    private static final String DESIGN_EXAMPLE = """
            {
              "products": [
                {"id": 1, "code": "TT", "name": "Tool", "authorization_method": "license-key",
                 "max_activations": 3, "max_consumptions": 100, "default_policy": "std",
                 "features": [{"id": 5, "code": "f1", "name": "Export", "max_consumption": 10}],
                 "custom_fields": [{"id": 9, "name": "customField1", "data_type": "text", "default_value": ""}],
                 "bundle_products": []}
              ],
              "policies": [
                {"product_code": "TT", "code": "std", "license_type": "time-limited", "valid_duration": "1y", "max_activations": 5}
              ],
              "customer_accounts": [{"id": 7, "name": "Acme Group"}],
              "offers": [],
              "vip_customers": []
            }""";

    private final CatalogJson catalogJson = new CatalogJson();

    private InvalidCatalogException rejected(String json) {
        return catchThrowableOfType(InvalidCatalogException.class, () -> catalogJson.read(json));
    }

    @Test
    void designExampleCatalogReads() {
        Catalog catalog = catalogJson.read(DESIGN_EXAMPLE);

        Product product = catalog.products().get(0);
        assertThat(product.id()).isEqualTo(1);
        assertThat(product.code()).isEqualTo("TT");
        assertThat(product.name()).isEqualTo("Tool");
        assertThat(product.authorizationMethod()).isEqualTo(AuthorizationMethod.LICENSE_KEY);
        assertThat(product.defaultPolicy()).isEqualTo("std");
        assertThat(product.defaults().maxActivations()).isEqualTo(3);
        assertThat(product.defaults().maxConsumptions()).isEqualTo(100L);
        assertThat(product.features()).singleElement().satisfies(feature -> {
            assertThat(feature.id()).isEqualTo(5);
            assertThat(feature.code()).isEqualTo("f1");
            assertThat(feature.name()).isEqualTo("Export");
            assertThat(feature.defaults().maxConsumption()).isEqualTo(10L);
        });
        assertThat(product.customFields()).containsExactly(
                new ProductCustomField(9, "customField1", CustomFieldType.TEXT, ""));
        assertThat(product.isBundle()).isFalse();
        Policy policy = catalog.policies().get(0);
        assertThat(policy.id()).isEqualTo(1);
        assertThat(policy.productCode()).isEqualTo("TT");
        assertThat(policy.code()).isEqualTo("std");
        assertThat(policy.properties().licenseType()).isEqualTo(LicenseType.TIME_LIMITED);
        assertThat(policy.properties().validDuration()).isEqualTo("1y");
        assertThat(policy.properties().maxActivations()).isEqualTo(5);
        assertThat(policy.productFeatures()).isNull();
        assertThat(catalog.customerAccounts()).containsExactly(new CustomerAccount(7, "Acme Group"));
    }

    @Test
    void omittedIdsAreAssignedInFileOrderSkippingExplicitOnesPerKind() {
        Catalog catalog = catalogJson.read("""
                {"products": [
                   {"code": "A", "authorization_method": "user",
                    "features": [{"code": "a1"}, {"id": 1, "code": "a2"}],
                    "custom_fields": [{"id": 2, "name": "x", "data_type": "number"}, {"name": "y", "data_type": "numer"}]},
                   {"id": 1, "code": "B", "authorization_method": "license-key",
                    "features": [{"code": "b1"}, {"id": 4, "code": "b2"}, {"code": "b3"}],
                    "custom_fields": [{"name": "z", "data_type": "date/time"}]},
                   {"code": "C", "authorization_method": "license-key", "bundle_products": ["A", "B"]}],
                 "policies": [
                   {"product_code": "A", "code": "p1"},
                   {"id": 1, "product_code": "A", "code": "p2"},
                   {"product_code": "B", "code": "p3", "product_features": ["b1", {"code": "b2", "max_consumption": 2}],
                    "custom_fields": [{"name": "z", "value": 3}], "metadata": {"k": 1}}]}""");

        assertThat(catalog.products()).extracting(Product::id).containsExactly(2L, 1L, 3L);
        assertThat(catalog.products()).flatExtracting(Product::features).extracting(ProductFeature::id)
                .containsExactly(2L, 1L, 3L, 4L, 5L);
        assertThat(catalog.products()).flatExtracting(Product::customFields).extracting(ProductCustomField::id)
                .containsExactly(2L, 1L, 3L);
        assertThat(catalog.products().get(0).customFields().get(1).dataType()).isEqualTo(CustomFieldType.NUMBER);
        assertThat(catalog.products().get(2).bundleProducts()).containsExactly("A", "B");
        assertThat(catalog.policies()).extracting(Policy::id).containsExactly(2L, 1L, 3L);
        Policy p3 = catalog.policies().get(2);
        assertThat(p3.productFeatures()).extracting(FeatureRequest::code).containsExactly("b1", "b2");
        assertThat(p3.customFields().get(0).value()).isEqualTo("3");
        assertThat(p3.metadata()).isEqualTo("{\"k\":1}");
    }

    @Test
    void twoExplicitEqualIdsOfOneKindAreAnErrorAtTheSecond() {
        InvalidCatalogException e = rejected("""
                {"products": [
                   {"id": 3, "code": "A", "authorization_method": "user", "features": [{"id": 8, "code": "f"}]},
                   {"id": 3, "code": "B", "authorization_method": "user", "features": [{"id": 8, "code": "g"}]}]}""");

        assertThat(e.errors()).extracting(LicensingError::field)
                .containsExactly("products[1].id", "products[1].features[0].id");
        assertThat(e.errors()).extracting(LicensingError::code).containsOnly(ErrorCode.INVALID_CATALOG);
    }

    @Test
    void equalIdsOfDifferentKindsAreFine() {
        Catalog catalog = catalogJson.read("""
                {"products": [{"id": 3, "code": "A", "authorization_method": "user", "features": [{"id": 3, "code": "f"}]}],
                 "policies": [{"id": 3, "product_code": "A", "code": "p"}]}""");

        assertThat(catalog.products().get(0).features().get(0).id()).isEqualTo(3);
    }

    @Test
    void unknownFieldsAreInvalidCatalogAtTheirPath() {
        InvalidCatalogException e = rejected("""
                {"colour": 1,
                 "products": [{"code": "A", "authorization_method": "user", "max_activation": 3,
                               "features": [{"code": "f", "colour": 2}],
                               "custom_fields": [{"name": "c", "data_type": "text", "value": "v"}]}],
                 "policies": [{"product_code": "A", "code": "p", "key": "K"}],
                 "customer_accounts": [{"id": 1, "email": "a@b.c"}]}""");

        assertThat(e.errors()).extracting(LicensingError::code).containsOnly(ErrorCode.INVALID_CATALOG);
        assertThat(e.errors()).extracting(LicensingError::field).containsExactlyInAnyOrder(
                "colour",
                "products[0].max_activation",
                "products[0].features[0].colour",
                "products[0].custom_fields[0].value",
                "policies[0].key",
                "customer_accounts[0].email");
    }

    @Test
    void missingCodeAndBadAuthorizationMethodAreBothReported() {
        InvalidCatalogException e = rejected("""
                {"products": [{"name": "no code", "authorization_method": "password"},
                              {"code": "B"}]}""");

        assertThat(e.errors()).extracting(LicensingError::code).containsOnly(ErrorCode.INVALID_CATALOG);
        assertThat(e.errors()).extracting(LicensingError::field).containsExactly(
                "products[0].code", "products[0].authorization_method", "products[1].authorization_method");
        assertThat(e.errors().get(1).message()).contains("password").contains("license-key").contains("user");
    }

    @Test
    void policyWithoutProductCodeOrCodeIsInvalid() {
        InvalidCatalogException e = rejected("""
                {"policies": [{"name": "nameless", "license_type": "forever"}]}""");

        assertThat(e.errors()).extracting(LicensingError::field).containsExactly(
                "policies[0].product_code", "policies[0].code", "policies[0].license_type");
    }

    @Test
    void customFieldWithoutDataTypeAndAccountWithoutIdAreInvalid() {
        InvalidCatalogException e = rejected("""
                {"products": [{"code": "A", "authorization_method": "user", "custom_fields": [{"name": "c"}]}],
                 "customer_accounts": [{"name": "no id"}, {"id": 0}]}""");

        assertThat(e.errors()).extracting(LicensingError::field).containsExactly(
                "products[0].custom_fields[0].data_type", "customer_accounts[0].id", "customer_accounts[1].id");
    }

    @Test
    void vipSectionsTakeTheirDefaults() {
        Catalog catalog = catalogJson.read("""
                {"vip_customers": [{"id": "C1", "currencies": ["USD", "EUR"]}],
                 "offers": [{"offer_id": "O1", "prices": {"USD": 100.00}}],
                 "flex_discounts": [{"code": "F10", "percent": 10, "start_date": "2026-01-01",
                                     "end_date": "2026-12-31"}]}""");

        assertThat(catalog.vipCustomers()).containsExactly(new VipCustomer("C1", "COM", "US", List.of("USD", "EUR"),
                "1000", null, true, null, true));
        assertThat(catalog.offers()).containsExactly(new Offer("O1", "COM", "TEAM", 12,
                Map.of("USD", new BigDecimal("100.00")), "prorated", true, List.of()));
        assertThat(catalog.flexDiscounts()).containsExactly(new FlexDiscount("F10", "F10", List.of(),
                BigDecimal.TEN, Map.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
    }

    @Test
    void vipSectionsReportEveryViolationAtItsPath() {
        InvalidCatalogException e = rejected("""
                {"offers": [{"offerId": "X"}], "vip_customers": [{"id": 1, "hvd": {"level": 17}}],
                 "flex_discounts": [{"code": "F", "start_date": "soon", "end_date": "2026-01-01"}]}""");

        assertThat(e.errors()).extracting(LicensingError::field).containsExactly(
                "vip_customers[0].hvd.pricing", "vip_customers[0].id", "offers[0].offerId", "offers[0].offer_id",
                "flex_discounts[0].start_date");
    }

    @Test
    void vipSectionsAreCheckedForConsistency() {
        Catalog catalog = catalogJson.read("""
                {"vip_customers": [{"id": "C1", "currencies": ["usd"], "hvd": {"level": 16, "pricing": "PRE"}}],
                 "offers": [{"offer_id": "A", "add_on_for": ["B"], "term_months": 36}],
                 "flex_discounts": [{"code": "F", "offers": ["Z"], "start_date": "2026-02-01",
                                     "end_date": "2026-01-01"}]}""");

        assertThat(CatalogValidator.validate(catalog)).extracting(LicensingError::field).containsExactly(
                "vip_customers[0].currencies[0]", "vip_customers[0].hvd.level", "offers[0].term_months",
                "offers[0].add_on_for[0]", "flex_discounts[0].offers[0]", "flex_discounts[0]",
                "flex_discounts[0].end_date");
    }

    @Test
    void notJsonIsInvalidCatalogWithoutAField() {
        InvalidCatalogException e = rejected("{\"products\": [");

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_CATALOG);
            assertThat(error.field()).isNull();
        });
    }

    @Test
    void anEmptyObjectIsAnEmptyCatalog() {
        assertThat(catalogJson.read("{}")).isEqualTo(Catalog.EMPTY);
    }
}
