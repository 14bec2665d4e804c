package dev.licensing.store.postgresql;

import dev.licensing.api.EmailKey;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.User;
import dev.licensing.api.order.CustomerRequest;
import dev.licensing.core.LicenseEngine;
import dev.licensing.testkit.EngineTestCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.licensing.testkit.TestOrders.item;
import static dev.licensing.testkit.TestOrders.order;
import static dev.licensing.testkit.TestOrders.users;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engines whose writers run side by side, racing to create one new user and one new customer: the store's unique
 * indexes let one transaction create each, and every other order is run again with them (never a second user for one
 * email, never an error the caller did not cause).
 */
class RacingEnginesTest {
    private static final String COMPANY = "acme";
    private static final int ENGINES = 4;
    private static final int ROUNDS = 10;

    @Test
    @Timeout(120)
    void ordersRacingToCreateOneUserAndOneCustomerAllLandOnOneOfEach() throws Exception {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();
        List<PostgresLicenseStore> stores = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(ENGINES);
        try {
            List<LicenseEngine> engines = new ArrayList<>();
            for (int e = 0; e < ENGINES; e++) {
                PostgresLicenseStore store = PostgresLicenseStore.open(url, PostgresOptions.DEFAULTS.withPoolSize(2));
                stores.add(store);
                engines.add(LicenseEngine.builder(store).clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                        .random(new Random(e)).build());
            }
            engines.get(0).replaceCatalog(COMPANY, EngineTestCatalog.catalog());
            for (int round = 0; round < ROUNDS; round++) {
                String user = "user-" + round + "@example.com";
                String buyer = "Buyer-" + round + "@Example.com";
                CyclicBarrier start = new CyclicBarrier(ENGINES);
                List<Future<OrderResult>> results = new ArrayList<>();
                for (int e = 0; e < ENGINES; e++) {
                    LicenseEngine engine = engines.get(e);
                    String orderId = "o-" + round + "-" + e;
                    results.add(threads.submit(() -> {
                        start.await();
                        return engine.createOrder(COMPANY, order(orderId)
                                .customer(new CustomerRequest(buyer, null, null, null, null, null, null, null))
                                .item(item("USR").license(users(user))).build());
                    }));
                }
                List<Long> userIds = new ArrayList<>();
                List<Long> customerIds = new ArrayList<>();
                for (Future<OrderResult> result : results) {
                    OrderResult created = result.get();
                    userIds.add(created.order().items().get(0).licenses().get(0).users().get(0).userId());
                    customerIds.add(created.order().customerId());
                }
                Map<String, User> stored = stores.get(0).read(r -> r.findUsers(COMPANY, List.of(user)));
                Map<String, Customer> customers =
                        stores.get(0).read(r -> r.findCustomersByEmail(COMPANY, List.of(buyer)));
                assertThat(userIds).containsOnly(stored.get(user).id());
                assertThat(customerIds).containsOnly(customers.get(EmailKey.of(buyer)).id());
            }
        } finally {
            threads.shutdownNow();
            stores.forEach(PostgresLicenseStore::close);
        }
    }
}
