package dev.licensing.benchmarks;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.CustomFieldType;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.catalog.ProductCustomField;
import dev.licensing.api.catalog.ProductFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The catalog the generated orders are written against: key-based and user-based products, each with features,
 * custom fields and one policy of each license type (two time-limited ones: a year and a trial). A pure function of the
 * seed, so that a catalog file and an order file made with the same seed belong together. The engine's Java API can take
 * {@link #catalog()} as it is; {@link CatalogFileWriter} writes it as the command line's catalog file.
 */
public final class GeneratedCatalog {

    /** The policy codes every product has, one per license type (and a trial). */
    static final String PERPETUAL = "perpetual";
    static final String ANNUAL = "annual";
    static final String TRIAL = "trial";
    static final String METERED = "metered";
    static final String SUBSCRIPTION = "subscription";

    private static final String[][] KEY_PRODUCTS = {
            {"ATLAS", "Atlas CAD"}, {"NIMBUS", "Nimbus Render"}, {"QUILL", "Quill Editor"},
            {"VECTOR", "Vector Studio"}, {"PULSE", "Pulse Analytics"}, {"HARBOR", "Harbor Backup"},
            {"LUMEN", "Lumen Photo"}, {"FORGE", "Forge Compiler"}};
    private static final String[][] USER_PRODUCTS = {
            {"TEAMCHAT", "Team Chat"}, {"NOTES", "Cloud Notes"}, {"PLANNER", "Board Planner"},
            {"SYNC", "Sync Drive"}};
    private static final String[][] FEATURES = {
            {"export", "Export"}, {"api", "API access"}, {"cloud", "Cloud sync"}, {"plugins", "Plugins"},
            {"reports", "Reports"}};
    private static final String[] ACCOUNTS = {
            "Acme Group", "Globex Holdings", "Initech Partners", "Umbrella Resellers", "Stark Distribution"};

    private final Catalog catalog;
    private final List<Product> keyProducts;
    private final List<Product> userProducts;
    private final Map<String, Map<String, Policy>> policiesByProduct;

    private GeneratedCatalog(Catalog catalog, List<Product> keyProducts, List<Product> userProducts,
                             Map<String, Map<String, Policy>> policiesByProduct) {
        this.catalog = catalog;
        this.keyProducts = keyProducts;
        this.userProducts = userProducts;
        this.policiesByProduct = policiesByProduct;
    }

    public static GeneratedCatalog generate(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Ids ids = new Ids();
        List<Product> keyProducts = new ArrayList<>();
        List<Product> userProducts = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        for (String[] codeAndName : KEY_PRODUCTS) {
            keyProducts.add(product(codeAndName, AuthorizationMethod.LICENSE_KEY, random, ids, policies));
        }
        for (String[] codeAndName : USER_PRODUCTS) {
            userProducts.add(product(codeAndName, AuthorizationMethod.USER, random, ids, policies));
        }
        List<Product> products = new ArrayList<>(keyProducts);
        products.addAll(userProducts);
        List<CustomerAccount> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.length; i++) {
            accounts.add(new CustomerAccount(i + 1, ACCOUNTS[i]));
        }
        Map<String, Map<String, Policy>> byProduct = new LinkedHashMap<>();
        for (Policy policy : policies) {
            byProduct.computeIfAbsent(policy.productCode(), code -> new LinkedHashMap<>()).put(policy.code(), policy);
        }
        byProduct.replaceAll((code, byCode) -> Map.copyOf(byCode));
        return new GeneratedCatalog(new Catalog(products, policies, accounts), List.copyOf(keyProducts),
                List.copyOf(userProducts), Map.copyOf(byProduct));
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<Product> keyProducts() {
        return keyProducts;
    }

    public List<Product> userProducts() {
        return userProducts;
    }

    /** The policy {@code code} of {@code productCode}; every product has the five codes of this class. */
    public Policy policy(String productCode, String code) {
        return policiesByProduct.get(productCode).get(code);
    }

    private static Product product(String[] codeAndName, AuthorizationMethod method, Random random, Ids ids,
                                   List<Policy> policies) {
        String code = codeAndName[0];
        List<ProductFeature> features = new ArrayList<>();
        int featureCount = 3 + random.nextInt(3);
        for (int i = 0; i < featureCount; i++) {
            // Every other feature is metered, so that long-form overrides of max_consumption mean something.
            FeatureProperties defaults = i % 2 == 1
                    ? featureConsumption(100L * (1 + random.nextInt(10)))
                    : FeatureProperties.NONE;
            String featureCode = code.toLowerCase(Locale.ROOT) + "-" + FEATURES[i][0];
            features.add(new ProductFeature(ids.feature++, featureCode, FEATURES[i][1], defaults));
        }
        List<ProductCustomField> customFields = List.of(
                new ProductCustomField(ids.customField++, "region", CustomFieldType.TEXT, "EU"),
                new ProductCustomField(ids.customField++, "reseller_id", CustomFieldType.NUMBER, "0"),
                new ProductCustomField(ids.customField++, "renewal_date", CustomFieldType.DATE_TIME, ""));
        boolean userBased = method == AuthorizationMethod.USER;
        policies.add(policy(ids, code, PERPETUAL, builder(LicenseType.PERPETUAL)
                .maxActivations(1 + random.nextInt(3)), userBased));
        policies.add(policy(ids, code, ANNUAL, builder(LicenseType.TIME_LIMITED)
                .validDuration("1y").maxActivations(2 + random.nextInt(4)), userBased));
        policies.add(policy(ids, code, TRIAL, builder(LicenseType.TIME_LIMITED)
                .validDuration("30d").isTrial(true).trialDays(30), userBased));
        policies.add(policy(ids, code, METERED, builder(LicenseType.CONSUMPTION)
                .maxConsumptions(1000L * (1 + random.nextInt(10))).allowOverages(true)
                .maxOverages(100L).resetConsumption(true).consumptionPeriod(ConsumptionPeriod.MONTHLY), userBased));
        policies.add(policy(ids, code, SUBSCRIPTION, builder(LicenseType.SUBSCRIPTION)
                .allowGracePeriod(true).gracePeriod(7 * (1 + random.nextInt(4))), userBased));
        String defaultPolicy = random.nextInt(3) == 0 ? ANNUAL : PERPETUAL;
        LicenseProperties defaults = new PropertiesBuilder().maxActivations(1 + random.nextInt(5)).build();
        return new Product(ids.product++, code, codeAndName[1], method, defaultPolicy, defaults, features,
                customFields, List.of());
    }

    private static Policy policy(Ids ids, String productCode, String code, PropertiesBuilder properties,
                                 boolean userBased) {
        if (userBased) {
            properties.maxLicenseUsers(5);
        }
        return new Policy(ids.policy++, productCode, code, null, properties.build(), null, null, null);
    }

    private static PropertiesBuilder builder(LicenseType type) {
        return new PropertiesBuilder().licenseType(type);
    }

    private static FeatureProperties featureConsumption(long maxConsumption) {
        return new FeatureProperties(maxConsumption, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Catalog ids assigned 1, 2, 3… per kind in file order, as the catalog file would assign them. */
    private static final class Ids {
        long product = 1;
        long policy = 1;
        long feature = 1;
        long customField = 1;
    }

    /** The few properties a generated policy sets, since {@link LicenseProperties} has 36 components. */
    private static final class PropertiesBuilder {
        private LicenseType licenseType;
        private Integer maxActivations;
        private String validDuration;
        private Boolean isTrial;
        private Integer trialDays;
        private Boolean allowGracePeriod;
        private Integer gracePeriod;
        private Long maxConsumptions;
        private Boolean allowOverages;
        private Long maxOverages;
        private Boolean resetConsumption;
        private ConsumptionPeriod consumptionPeriod;
        private Integer maxLicenseUsers;

        PropertiesBuilder licenseType(LicenseType value) {
            licenseType = value;
            return this;
        }

        PropertiesBuilder maxActivations(int value) {
            maxActivations = value;
            return this;
        }

        PropertiesBuilder validDuration(String value) {
            validDuration = value;
            return this;
        }

        PropertiesBuilder isTrial(boolean value) {
            isTrial = value;
            return this;
        }

        PropertiesBuilder trialDays(int value) {
            trialDays = value;
            return this;
        }

        PropertiesBuilder allowGracePeriod(boolean value) {
            allowGracePeriod = value;
            return this;
        }

        PropertiesBuilder gracePeriod(int value) {
            gracePeriod = value;
            return this;
        }

        PropertiesBuilder maxConsumptions(long value) {
            maxConsumptions = value;
            return this;
        }

        PropertiesBuilder allowOverages(boolean value) {
            allowOverages = value;
            return this;
        }

        PropertiesBuilder maxOverages(long value) {
            maxOverages = value;
            return this;
        }

        PropertiesBuilder resetConsumption(boolean value) {
            resetConsumption = value;
            return this;
        }

        PropertiesBuilder consumptionPeriod(ConsumptionPeriod value) {
            consumptionPeriod = value;
            return this;
        }

        PropertiesBuilder maxLicenseUsers(int value) {
            maxLicenseUsers = value;
            return this;
        }

        LicenseProperties build() {
            return new LicenseProperties(null, null, licenseType, maxActivations, null, validDuration, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, isTrial,
                    trialDays, null, null, allowGracePeriod, gracePeriod, maxConsumptions, allowOverages, maxOverages,
                    resetConsumption, consumptionPeriod, null, null, maxLicenseUsers);
        }
    }
}
