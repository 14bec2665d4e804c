package dev.licensing.testkit;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.FeatureRequest;

import java.util.List;

import static dev.licensing.testkit.TestOrders.featureProps;
import static dev.licensing.testkit.TestOrders.props;

/**
 * The catalog of the bundle scenarios, with the products of the page's four bundle examples: key-based bundles
 * {@code lkpb} of {@code lkbp1} and {@code lkbp2} and {@code drama} of {@code p} and {@code p34}; user-based bundles
 * {@code upb} of {@code up} and {@code d1} of {@code p2} and {@code 12}. Every member has a policy {@code dftlp};
 * {@code lkbp1}, {@code lkbp2} and {@code up} also have it as their default policy, the others have none. {@code lkpb}
 * has product defaults and a default policy of its own; {@code lkbp1} has a feature, a custom field and a second policy
 * {@code pro}.
 */
public final class BundleTestCatalog {
    public static final long LKPB_ID = 60;
    public static final long LKBP1_ID = 61;
    public static final long LKBP2_ID = 62;
    public static final long UPB_ID = 63;
    public static final long UP_ID = 64;
    public static final long DRAMA_ID = 65;
    public static final long P_ID = 66;
    public static final long P34_ID = 67;
    public static final long D1_ID = 68;
    public static final long P2_ID = 69;
    public static final long P12_ID = 70;
    public static final long X1_ID = 80;
    public static final long SEATS_ID = 85;
    public static final long CUSTOM_FIELD1_ID = 86;
    public static final long SUITE_POLICY_ID = 90;
    public static final long LKBP1_DFTLP_ID = 91;
    public static final long LKBP1_PRO_ID = 92;

    private BundleTestCatalog() {
    }

    public static Catalog catalog() {
        Product lkpb = new Product(LKPB_ID, "lkpb", "Key suite", AuthorizationMethod.LICENSE_KEY, "suite",
                props("maxActivations", 2, "floatingTimeout", 30), null, null, List.of("lkbp1", "lkbp2"));
        Product lkbp1 = new Product(LKBP1_ID, "lkbp1", "Key part 1", AuthorizationMethod.LICENSE_KEY, "dftlp",
                props("maxActivations", 3),
                List.of(new ProductFeature(X1_ID, "x1", "Export", featureProps("maxConsumption", 12L))),
                List.of(new ProductCustomField(SEATS_ID, "seats", CustomFieldType.NUMBER, "1")), null);
        Product lkbp2 = member(LKBP2_ID, "lkbp2", AuthorizationMethod.LICENSE_KEY, "dftlp");
        Product upb = new Product(UPB_ID, "upb", "User suite", AuthorizationMethod.USER, null, null, null, null,
                List.of("up"));
        Product up = new Product(UP_ID, "up", "User part", AuthorizationMethod.USER, "dftlp", null, null,
                List.of(new ProductCustomField(CUSTOM_FIELD1_ID, "customField1", CustomFieldType.TEXT, "")), null);
        Product drama = new Product(DRAMA_ID, "drama", "Drama", AuthorizationMethod.LICENSE_KEY, null, null, null,
                null, List.of("p", "p34"));
        Product d1 = new Product(D1_ID, "d1", "D1", AuthorizationMethod.USER, null, null, null, null,
                List.of("p2", "12"));
        List<Product> products = List.of(lkpb, lkbp1, lkbp2, upb, up, drama, d1,
                member(P_ID, "p", AuthorizationMethod.LICENSE_KEY, null),
                member(P34_ID, "p34", AuthorizationMethod.LICENSE_KEY, null),
                member(P2_ID, "p2", AuthorizationMethod.USER, null),
                member(P12_ID, "12", AuthorizationMethod.USER, null));
        List<Policy> policies = List.of(
                new Policy(SUITE_POLICY_ID, "lkpb", "suite", "Suite", props("maxActivations", 4, "isTrial", true),
                        "{\"from\":\"suite\"}", null, null),
                new Policy(LKBP1_DFTLP_ID, "lkbp1", "dftlp", "Default", props("trialDays", 1), null,
                        List.of(FeatureRequest.of("x1")), null),
                new Policy(LKBP1_PRO_ID, "lkbp1", "pro", "Pro",
                        props("licenseType", LicenseType.TIME_LIMITED, "validDuration", "1y", "maxActivations", 10),
                        "{\"tier\":\"pro\"}", List.of(), List.of(new CustomFieldRequest("seats", null, "5"))),
                dftlp(93, "lkbp2"), dftlp(94, "up"), dftlp(95, "p"), dftlp(96, "p34"), dftlp(97, "p2"),
                dftlp(98, "12"));
        return new Catalog(products, policies, List.of());
    }

    private static Product member(long id, String code, AuthorizationMethod method, String defaultPolicy) {
        return new Product(id, code, code, method, defaultPolicy, null, null, null, null);
    }

    private static Policy dftlp(long id, String productCode) {
        return new Policy(id, productCode, "dftlp", "Default", LicenseProperties.NONE, null, null, null);
    }
}
