package dev.licensing.core.internal;

import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.Warning;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.internal.catalog.CatalogCache;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.plan.OrderPlanner;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.rules.IdempotencyKeys;
import dev.licensing.core.internal.settle.KeptKeys;
import dev.licensing.core.internal.wire.RequestFingerprint;
import dev.licensing.core.internal.write.OrderWriter;
import dev.licensing.core.internal.write.WriteOutcome;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One order's way from request to store (DESIGN §2): plan it against the company's catalog, then settle, assemble
 * and write it in one store transaction. The engine and bulk import both go this way.
 */
public final class OrderPipeline {
    private final LicenseStore store;
    private final CatalogCache catalogs;
    private final OrderPlanner planner;
    private final OrderWriter writer;
    private final Clock clock;

    public OrderPipeline(LicenseStore store, CatalogCache catalogs, Clock clock, Random random) {
        this.store = store;
        this.clock = clock;
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

    /**
     * Plans and writes one order under an idempotency key (DESIGN §3 "Retried deliveries"), in a transaction of its
     * own: a retry of a request kept under the key gets its first response again and nothing is written.
     *
     * @throws OrderRejectedException with every violation found (the key's among them), or
     *                                {@code idempotency_key_reused}; nothing was written
     */
    public OrderResult create(String company, OrderRequest request, List<Warning> warnings, String idempotencyKey) {
        Problems keyProblems = new Problems();
        IdempotencyKeys.check(idempotencyKey, keyProblems);
        Supplier<PlannedOrder> plan;
        try {
            PlannedOrder planned = plan(company, request, warnings);
            plan = () -> planned;
        } catch (OrderRejectedException rejected) {
            if (!keyProblems.isEmpty()) {
                keyProblems.addAll(rejected.errors());
            }
            // Thrown only when the key does not answer: a retry is replayed whatever the catalog says now.
            plan = () -> {
                throw rejected;
            };
        }
        keyProblems.throwIfAny();
        // Stores keep instants to the millisecond: the kept time is the same on every store.
        KeptKeys.Keyed keyed = new KeptKeys.Keyed(idempotencyKey, RequestFingerprint.of(request),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return writer.writeKeyed(store, company, keyed, warnings, plan);
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
