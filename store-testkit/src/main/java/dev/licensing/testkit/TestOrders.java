package dev.licensing.testkit;

import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;
import dev.licensing.api.order.CustomFieldRequest;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.FeatureRequest;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.api.order.LicenseRequest;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.order.UserRequest;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compact builders for engine-api requests in tests: {@code order("o1").item(item("TT").license(key("K"))).build()}. */
public final class TestOrders {
    private TestOrders() {
    }

    public static OrderBuilder order(String id) {
        return new OrderBuilder(id);
    }

    public static ItemBuilder item(String productCode) {
        return new ItemBuilder(productCode);
    }

    /** A key-based license with this key ({@code null}: generated). */
    public static LicenseBuilder key(String key) {
        return new LicenseBuilder().key(key);
    }

    /** A bundle order's license for this product of the bundle. */
    public static LicenseBuilder sub(String productCode) {
        return new LicenseBuilder().productCode(productCode);
    }

    /** A user-based license for these emails. */
    public static LicenseBuilder users(String... emails) {
        return new LicenseBuilder().users(Arrays.stream(emails).map(UserRequest::of).toList());
    }

    /** License properties by record component name: {@code props("maxActivations", 10)}; the rest null. */
    public static LicenseProperties props(Object... namesAndValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            given.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return LicenseProperty.of(given);
    }

    /** Feature properties by record component name: {@code featureProps("maxConsumption", 33L)}. */
    public static FeatureProperties featureProps(Object... namesAndValues) {
        return record(FeatureProperties.class, namesAndValues);
    }

    private static <R extends Record> R record(Class<R> type, Object... namesAndValues) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        Object[] values = new Object[components.length];
        for (int i = 0; i < namesAndValues.length; i += 2) {
            int index = names.indexOf((String) namesAndValues[i]);
            if (index < 0) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no " + namesAndValues[i]);
            }
            values[index] = namesAndValues[i + 1];
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds an {@link OrderRequest}. */
    public static final class OrderBuilder {
        private final String id;
        private boolean bundle;
        private boolean append;
        private String created;
        private String orderType;
        private Boolean preventVm;
        private String metadata;
        private Boolean addToCustomerAccount;
        private Long customerAccountId;
        private CustomerRequest customer;
        private final List<ItemRequest> items = new ArrayList<>();

        private OrderBuilder(String id) {
            this.id = id;
        }

        public OrderBuilder bundle(boolean value) {
            this.bundle = value;
            return this;
        }

        public OrderBuilder append(boolean value) {
            this.append = value;
            return this;
        }

        public OrderBuilder created(String value) {
            this.created = value;
            return this;
        }

        public OrderBuilder orderType(String value) {
            this.orderType = value;
            return this;
        }

        public OrderBuilder preventVm(Boolean value) {
            this.preventVm = value;
            return this;
        }

        public OrderBuilder metadata(String value) {
            this.metadata = value;
            return this;
        }

        public OrderBuilder addToCustomerAccount(Boolean value) {
            this.addToCustomerAccount = value;
            return this;
        }

        public OrderBuilder customerAccountId(Long value) {
            this.customerAccountId = value;
            return this;
        }

        public OrderBuilder customer(CustomerRequest value) {
            this.customer = value;
            return this;
        }

        public OrderBuilder item(ItemBuilder item) {
            items.add(item.build());
            return this;
        }

        public OrderRequest build() {
            return new OrderRequest(id, bundle, append, null, created, orderType, null, null, null, preventVm, metadata,
                    null, addToCustomerAccount, customerAccountId, customer, null, items);
        }
    }

    /** Builds an {@link ItemRequest}. */
    public static final class ItemBuilder {
        private final String productCode;
        private String key;
        private List<UserRequest> users;
        private Boolean active;
        private String subscriptionId;
        private String licensePolicy;
        private Long customerAccountId;
        private String note;
        private final List<LicenseRequest> licenses = new ArrayList<>();

        private ItemBuilder(String productCode) {
            this.productCode = productCode;
        }

        public ItemBuilder key(String value) {
            this.key = value;
            return this;
        }

        public ItemBuilder users(String... emails) {
            this.users = Arrays.stream(emails).map(UserRequest::of).toList();
            return this;
        }

        public ItemBuilder active(Boolean value) {
            this.active = value;
            return this;
        }

        public ItemBuilder subscriptionId(String value) {
            this.subscriptionId = value;
            return this;
        }

        public ItemBuilder licensePolicy(String value) {
            this.licensePolicy = value;
            return this;
        }

        public ItemBuilder customerAccountId(Long value) {
            this.customerAccountId = value;
            return this;
        }

        public ItemBuilder note(String value) {
            this.note = value;
            return this;
        }

        public ItemBuilder license(LicenseBuilder license) {
            licenses.add(license.build());
            return this;
        }

        public ItemRequest build() {
            return new ItemRequest(productCode, key, users, active, subscriptionId, licensePolicy, customerAccountId,
                    note, licenses);
        }
    }

    /** Builds a {@link LicenseRequest}. */
    public static final class LicenseBuilder {
        private String key;
        private List<UserRequest> users;
        private String productCode;
        private String policyCode;
        private String licenseTemplateCode;
        private Long licenseTemplate;
        private String note;
        private String metadata;
        private List<FeatureRequest> features;
        private List<CustomFieldRequest> customFields;
        private LicenseProperties properties = LicenseProperties.NONE;

        public LicenseBuilder key(String value) {
            this.key = value;
            return this;
        }

        public LicenseBuilder users(List<UserRequest> value) {
            this.users = value;
            return this;
        }

        public LicenseBuilder productCode(String value) {
            this.productCode = value;
            return this;
        }

        public LicenseBuilder policy(String value) {
            this.policyCode = value;
            return this;
        }

        public LicenseBuilder templateCode(String value) {
            this.licenseTemplateCode = value;
            return this;
        }

        public LicenseBuilder template(Long value) {
            this.licenseTemplate = value;
            return this;
        }

        public LicenseBuilder note(String value) {
            this.note = value;
            return this;
        }

        public LicenseBuilder metadata(String value) {
            this.metadata = value;
            return this;
        }

        public LicenseBuilder features(FeatureRequest... value) {
            this.features = List.of(value);
            return this;
        }

        public LicenseBuilder customFields(CustomFieldRequest... value) {
            this.customFields = List.of(value);
            return this;
        }

        /** Properties by record component name, as {@link TestOrders#props}. */
        public LicenseBuilder with(Object... namesAndValues) {
            this.properties = props(namesAndValues);
            return this;
        }

        public LicenseRequest build() {
            return new LicenseRequest(key, users, productCode, policyCode, licenseTemplateCode, licenseTemplate, note,
                    metadata, features, customFields, properties);
        }
    }
}
