package dev.licensing.store.sqlite;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders with every field set (so that a column lost or swapped fails a round trip): items of key-based and
 * user-based licenses, each license with a feature and a custom field, a new customer and a new user per order.
 */
final class Fixtures {
    static final String COMPANY = "acme";
    static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123Z");

    private Fixtures() {
    }

    /** A new order with ids reserved in {@code tx}; keys are {@code <orderId>-<item>-<license>}. */
    static OrderWrite newOrder(StoreTransaction tx, String company, String orderId, int items, int licensesPerItem) {
        long id = tx.reserveIds(2 + items * (1 + 2 * licensesPerItem));
        long orderPk = id++;
        User user = new User(id++, orderId + "@Example.test", "sha256$c2FsdA$aGFzaA");
        Customer customer = new Customer(orderPk, "Buyer." + orderId + "@Example.test", "Ada", "Lovelace", "Acme Ltd",
                "+44 1", "1 Main St", "ref-" + orderId, 7L);
        List<OrderItem> orderItems = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            OrderItem item = item(id, orderId + "-" + i, licensesPerItem, user);
            id += 1 + 2L * licensesPerItem;
            orderItems.add(item);
        }
        Order order = new Order(orderPk, company, orderId, false, CREATED, "2024-03-01 10:15:30", true, "normal",
                "en", "utm=x", "dl-1", true, "{\"a\":1}", "r-" + orderId, customer.id(), true, 7L, orderItems);
        return new OrderWrite(order, false, customer, List.of(user));
    }

    /** An append of one item to the stored order {@code header}. */
    static OrderWrite append(StoreTransaction tx, Order header, String keyPrefix, int licenses) {
        long id = tx.reserveIds(1 + 2 * licenses);
        OrderItem item = item(id, keyPrefix, licenses, null);
        return new OrderWrite(header.withItems(List.of(item)), true, null, List.of());
    }

    /** Licenses alternate key-based and (when a user is given) user-based. */
    private static OrderItem item(long firstId, String keyPrefix, int licenses, User user) {
        long id = firstId;
        long itemId = id++;
        List<License> list = new ArrayList<>();
        for (int j = 0; j < licenses; j++) {
            long licenseId = id++;
            long featureId = id++;
            boolean userBased = user != null && j % 2 == 1;
            list.add(new License(licenseId, 11, "TT", CREATED, CREATED.plusMillis(5),
                    userBased ? null : keyPrefix + "-" + j,
                    userBased ? List.of(new LicenseUser(user.id(), user.email(), true, 3)) : List.of(),
                    false, j == 0 ? null : licenseId - 2, 21L, "std", properties(j), "note " + j, "{\"m\":" + j + "}",
                    List.of(new LicenseFeature(featureId, 5, "f1", "Export", feature(j))),
                    List.of(new LicenseCustomField(9, "customField1", "v" + j))));
        }
        return new OrderItem(itemId, 11, "TT", 8L, list);
    }

    static LicenseProperties properties(int n) {
        return new LicenseProperties(true, false, LicenseType.CONSUMPTION, 3 + n, false, "1y", "2030-01-01",
                "2024-01-01", 120, -1, true, 24, false, "sub-" + n, true, "2m", "2031-01-01", false, true, 4, false,
                99L, true, 14, true, false, true, 7, 100L, true, 5L, true, ConsumptionPeriod.MONTHLY, false, true, 6);
    }

    static FeatureProperties feature(int n) {
        return new FeatureProperties(10L + n, true, 2L, false, true, false, ConsumptionPeriod.WEEKLY, "2030-12-31",
                60, 2, true, false, "{\"f\":1}");
    }
}
