package dev.licensing.core.internal;

import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.internal.catalog.CatalogCache;
import dev.licensing.core.internal.plan.OrderPlanner;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.write.OrderWriter;
import dev.licensing.core.internal.write.WriteOutcome;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One order's way from request to store (DESIGN §2): plan it against the company's catalog, then settle, assemble
 * and write it in one store transaction. The engine and bulk import both go this way.
 */
public final class OrderPipeline {
    private final LicenseStore store;
    private final CatalogCache catalogs;
    private final OrderPlanner planner;
    private final OrderWriter writer;

    public OrderPipeline(LicenseStore store, CatalogCache catalogs, Clock clock, Random random) {
        this.store = store;
        this.catalogs = catalogs;
        this.planner = new OrderPlanner(clock);
        this.writer = new OrderWriter(random);
    }

    public LicenseStore store() {
        return store;
    }

    /**
     * Validates and plans a request without touching the store's orders.
     *
     * @param warnings what decoding the request reported, carried onto its result
     * @throws OrderRejectedException with every violation found
     */
    public PlannedOrder plan(String company, OrderRequest request, List<Warning> warnings) {
        Objects.requireNonNull(request, "request");
        return planner.plan(company, catalogs.get(company).orElse(null), request, warnings);
    }

    /**
     * Plans and writes one order in a transaction of its own.
     *
     * @throws OrderRejectedException with every violation found; nothing was written
     */
    public OrderResult create(String company, OrderRequest request, List<Warning> warnings) {
        return writer.writeOne(store, plan(company, request, warnings)).result();
    }

    /** Writes planned orders of one company in one store transaction; the outcomes come in batch order. */
    public List<WriteOutcome> write(List<PlannedOrder> batch) {
        return writer.writeBatch(store, batch);
    }

    /** As {@link #write(List)}, telling {@code beforeCommit} the outcomes inside each transaction, before it commits. */
    public List<WriteOutcome> write(List<PlannedOrder> batch, OrderWriter.BeforeCommit beforeCommit) {
        return writer.writeBatch(store, batch, beforeCommit);
    }
}
