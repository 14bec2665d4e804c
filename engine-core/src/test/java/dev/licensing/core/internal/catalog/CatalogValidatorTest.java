package dev.licensing.core.internal.catalog;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.core.wire.InvalidCatalogException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.licensing.core.Props.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogValidatorTest {
    private static Product product(long id, String code, AuthorizationMethod method, String defaultPolicy,
                                   List<String> bundle) {
        return new Product(id, code, code, method, defaultPolicy, null, List.of(), List.of(), bundle);
    }

    private static Policy policy(long id, String product, String code) {
        return new Policy(id, product, code, code, null, null, null, null);
    }

    private static List<String> fields(Catalog catalog) {
        List<LicensingError> errors = CatalogValidator.validate(catalog);
        assertThat(errors).extracting(LicensingError::code).containsOnly(ErrorCode.INVALID_CATALOG);
        return errors.stream().map(LicensingError::field).toList();
    }

    @Test
    void aConsistentCatalogPasses() {
        Catalog catalog = new Catalog(List.of(
                product(1, "a", AuthorizationMethod.LICENSE_KEY, "std", null),
                product(2, "b", AuthorizationMethod.LICENSE_KEY, null, null),
                product(3, "ab", AuthorizationMethod.LICENSE_KEY, null, List.of("a", "b"))),
                List.of(policy(10, "a", "std"), policy(11, "b", "std")), List.of());
        assertThat(CatalogValidator.validate(catalog)).isEmpty();
    }

    @Test
    void productCodesAreUnique() {
        assertThat(fields(new Catalog(List.of(product(1, "a", AuthorizationMethod.USER, null, null),
                product(2, "a", AuthorizationMethod.USER, null, null)), null, null)))
                .containsExactly("products[1].code");
    }

    @Test
    void aPolicyIsNamedOncePerProductAndItsProductExists() {
        Catalog catalog = new Catalog(List.of(product(1, "a", AuthorizationMethod.USER, null, null)),
                List.of(policy(1, "a", "p"), policy(2, "a", "p"), policy(3, "zz", "p")), null);
        assertThat(fields(catalog)).containsExactly("policies[1].code", "policies[2].product_code");
    }

    @Test
    void theDefaultPolicyExistsForItsProduct() {
        Catalog catalog = new Catalog(List.of(product(1, "a", AuthorizationMethod.USER, "p", null),
                product(2, "b", AuthorizationMethod.USER, null, null)), List.of(policy(1, "b", "p")), null);
        assertThat(fields(catalog)).containsExactly("products[0].default_policy");
    }

    @Test
    void bundleMembersExistAreNotBundlesAndShareTheAuthorizationMethod() {
        Catalog catalog = new Catalog(List.of(
                product(1, "k", AuthorizationMethod.LICENSE_KEY, null, null),
                product(2, "u", AuthorizationMethod.USER, null, null),
                product(3, "inner", AuthorizationMethod.LICENSE_KEY, null, List.of("k")),
                product(4, "outer", AuthorizationMethod.LICENSE_KEY, null, List.of("k", "missing", "inner", "u"))),
                null, null);
        assertThat(fields(catalog)).containsExactly("products[3].bundle_products[1]",
                "products[3].bundle_products[2]", "products[3].bundle_products[3]");
    }

    @Test
    void featureCodesAndCustomFieldNamesAreUniquePerProduct() {
        Product product = new Product(1, "a", "a", AuthorizationMethod.USER, null, null,
                List.of(new ProductFeature(1, "f", "F", null), new ProductFeature(2, "f", "F2", null)),
                List.of(new ProductCustomField(1, "c", CustomFieldType.TEXT, null),
                        new ProductCustomField(2, "c", CustomFieldType.NUMBER, null)), null);
        Product other = new Product(2, "b", "b", AuthorizationMethod.USER, null, null,
                List.of(new ProductFeature(3, "f", "F", null)),
                List.of(new ProductCustomField(3, "c", CustomFieldType.TEXT, null)), null);
        assertThat(fields(new Catalog(List.of(product, other), null, null)))
                .containsExactly("products[0].features[1].code", "products[0].custom_fields[1].name");
    }

    @Test
    void customFieldDefaultsAndPolicyValuesMustFitTheFieldsType() {
        Product product = new Product(1, "a", "a", AuthorizationMethod.USER, null, null, List.of(),
                List.of(new ProductCustomField(1, "cfD", CustomFieldType.DATE_TIME, "0001-01-01T00:00:00Z"),
                        new ProductCustomField(2, "cfG", CustomFieldType.DATE_TIME, "garbage"),
                        new ProductCustomField(3, "cfN", CustomFieldType.NUMBER, "many"),
                        new ProductCustomField(4, "cfOk", CustomFieldType.DATE_TIME, "2030-01-01"),
                        new ProductCustomField(5, "cfEmpty", CustomFieldType.DATE_TIME, "")), null);
        Policy policy = new Policy(1, "a", "p", "p", null, null, null,
                List.of(new CustomFieldRequest("cfOk", null, "0001-01-01T00:00:00Z"),
                        new CustomFieldRequest("cfN", null, "12.5")));
        List<LicensingError> errors = CatalogValidator.validate(new Catalog(List.of(product), List.of(policy), null));

        assertThat(errors).extracting(LicensingError::code).containsOnly(ErrorCode.INVALID_CATALOG);
        assertThat(errors).extracting(LicensingError::field).containsExactly("products[0].custom_fields[0].default_value",
                "products[0].custom_fields[1].default_value", "products[0].custom_fields[2].default_value",
                "policies[0].custom_fields[0].value");
        assertThat(errors.get(0).message()).contains("cfD").contains("1970");
        assertThat(errors.get(1).message()).contains("cfG").contains("'garbage' is not a date");
        assertThat(errors.get(2).message()).contains("cfN").contains("a number");
        assertThat(errors.get(3).message()).contains("cfOk");
    }

    @Test
    void whatAPolicyCarriesMustFitItsProduct() {
        Policy policy = new Policy(1, "a", "p", "p", of("validDuration", "1w", "startDate", "soon"), null,
                List.of(FeatureRequest.of("nope")), null);
        Catalog catalog = new Catalog(List.of(product(1, "a", AuthorizationMethod.USER, null, null)),
                List.of(policy), null);
        assertThat(fields(catalog)).containsExactly("policies[0].valid_duration", "policies[0].start_date",
                "policies[0].product_features[0]");
    }

    @Test
    void requireValidThrowsWithEveryViolation() {
        Catalog catalog = new Catalog(List.of(product(1, "a", AuthorizationMethod.USER, "x", null),
                product(2, "a", AuthorizationMethod.USER, null, null)), null, null);
        assertThatThrownBy(() -> CatalogValidator.requireValid(catalog))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.errors()).hasSize(2));
    }
}
