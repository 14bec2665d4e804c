package dev.licensing.benchmarks;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.OrderOutcome;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways the engine's creation benchmarks write orders, the same on every store: in bulk, as
 * {@code licensing import} does ({@link LicenseEngine#createOrders}: the batch in one transaction), and one order a
 * transaction
 * ({@link LicenseEngine#createOrder}).
 */
final class OrderCreation {

    /** Orders a transaction in bulk: the floor's {@link RawJdbcFloorBenchmark#BULK}. */
    static final int BULK = RawJdbcFloorBenchmark.BULK;
    /** Orders an invocation one transaction each: enough that an invocation lasts a millisecond or more on memory. */
    static final int SINGLES = 100;
    static final String COMPANY = FloorWriter.COMPANY;

    private OrderCreation() {
    }

    /** An engine as production runs it (system clock, {@code SecureRandom}) on {@code store}, with the catalog loaded. */
    static LicenseEngine engine(LicenseStore store, Catalog catalog) {
        LicenseEngine engine = LicenseEngine.builder(store)
                .clock(Clock.systemUTC())
                .random(new SecureRandom())
                .build();
        engine.replaceCatalog(COMPANY, catalog);
        // Loads the catalog cache, so that the first measured order does not.
        engine.catalog(COMPANY);
        return engine;
    }

    /**
     * Creates {@link #BULK} requests in one transaction; fails if the engine rejected any, since a rejected order
     * would count as written. Returns the items written, for the benchmark to consume.
     */
    static int bulk(LicenseEngine engine, DecodedRequests requests) {
        List<OrderRequest> batch = new ArrayList<>(BULK);
        for (int i = 0; i < BULK; i++) {
            batch.add(requests.next());
        }
        int items = 0;
        for (OrderOutcome outcome : engine.createOrders(COMPANY, batch)) {
            if (!outcome.created()) {
                throw new IllegalStateException("a generated order was rejected: " + outcome.errors());
            }
            items += outcome.result().order().items().size();
        }
        return items;
    }

    /** Creates {@link #SINGLES} orders, each in a transaction of its own (a rejection throws). Returns the items. */
    static int onePerTransaction(LicenseEngine engine, DecodedRequests requests) {
        int items = 0;
        for (int i = 0; i < SINGLES; i++) {
            items += engine.createOrder(COMPANY, requests.next()).order().items().size();
        }
        return items;
    }
}
