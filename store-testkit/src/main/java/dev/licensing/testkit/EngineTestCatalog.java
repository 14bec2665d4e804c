package dev.licensing.testkit;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
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
 * The catalog the engine scenarios run against: a key-based product {@code KEY} with features and custom fields and no
 * default policy, a user-based {@code USR} whose default policy is {@code std}, a consumption product {@code CONS}, and a
 * bundle {@code BUN} of {@code KEY} and {@code CONS}.
 */
public final class EngineTestCatalog {
    public static final long KEY_ID = 1;
    public static final long USR_ID = 2;
    public static final long F1_ID = 5;
    public static final long F2_ID = 6;
    public static final long CF_TEXT_ID = 9;
    public static final long CF_NUMBER_ID = 10;
    public static final long CF_DATE_ID = 11;
    public static final long POLICY_A_ID = 20;
    public static final long USR_STD_ID = 21;
    public static final long OTHER_ID = 22;
    public static final long ACCOUNT_ID = 7;
    public static final long OTHER_ACCOUNT_ID = 8;

    private EngineTestCatalog() {
    }

    public static Catalog catalog() {
        Product key = new Product(KEY_ID, "KEY", "Key tool", AuthorizationMethod.LICENSE_KEY, null,
                props("maxActivations", 3),
                List.of(new ProductFeature(F1_ID, "f1", "Export", featureProps("maxConsumption", 10L)),
                        new ProductFeature(F2_ID, "f2", "Print", null)),
                List.of(new ProductCustomField(CF_TEXT_ID, "cf_text", CustomFieldType.TEXT, "default text"),
                        new ProductCustomField(CF_NUMBER_ID, "cf_number", CustomFieldType.NUMBER, "0"),
                        new ProductCustomField(CF_DATE_ID, "cf_date", CustomFieldType.DATE_TIME, null)),
                null);
        Product usr = new Product(USR_ID, "USR", "User tool", AuthorizationMethod.USER, "std", null, null, null, null);
        Product cons = new Product(3, "CONS", "Metered", AuthorizationMethod.LICENSE_KEY, null,
                props("licenseType", LicenseType.CONSUMPTION, "maxConsumptions", 100L), null, null, null);
        Product bundle = new Product(4, "BUN", "Suite", AuthorizationMethod.LICENSE_KEY, null, null, null, null,
                List.of("KEY", "CONS"));
        Policy policyA = new Policy(POLICY_A_ID, "KEY", "policy_A", "Policy A",
                props("licenseType", LicenseType.TIME_LIMITED, "validDuration", "1y", "maxActivations", 5,
                        "isTrial", true),
                "{\"from\":\"policy\"}", List.of(FeatureRequest.of("f2")),
                List.of(new CustomFieldRequest("cf_text", null, "from policy")));
        Policy usrStd = new Policy(USR_STD_ID, "USR", "std", "Standard", props("maxActivations", 2), null, null, null);
        Policy other = new Policy(OTHER_ID, "KEY", "other", "Other", LicenseProperties.NONE, null, null, null);
        return new Catalog(List.of(key, usr, cons, bundle), List.of(policyA, usrStd, other),
                List.of(new CustomerAccount(ACCOUNT_ID, "Acme Group"), new CustomerAccount(OTHER_ACCOUNT_ID, "Other")));
    }
}
