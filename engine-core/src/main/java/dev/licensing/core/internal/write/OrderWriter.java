package dev.licensing.core.internal.write;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.Warning;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.UniqueViolationException;
import dev.licensing.core.internal.assemble.OrderAssembly;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.settle.KeptKeys;
import dev.licensing.core.internal.settle.Settled;
import dev.licensing.core.internal.settle.Settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The store transaction (DESIGN §2), the one place that writes: settles a batch of planned orders, assembles the
 * accepted ones and hands them to the store in one {@code write}; when the store's unique constraints still refuse (a
 * writer raced it), retries in halves down to single orders so that only the guilty one is rejected, and runs an
 * order once more when the racing writer created its user, its customer or the order it appends to (a store whose
 * writers run side by side, {@link LicenseStore#serializesWriters()}).
 */
public final class OrderWriter {
    private final Random random;

    public OrderWriter(Random random) {
        this.random = random;
    }

    /**
     * Told, inside the store transaction, what orders of a batch became once they are written and before they commit
     * (so that what must be kept of them, a generated password, is kept first); throwing rolls them back.
     */
    @FunctionalInterface
    public interface BeforeCommit {
        /** @param first the index in the batch of {@code outcomes.get(0)}; the outcomes are consecutive */
        void written(int first, List<WriteOutcome> outcomes);
    }

    /**
     * Writes one order in a transaction of its own.
     *
     * @throws OrderRejectedException when the id or a given key is taken (nothing written)
     * @throws UniqueViolationException when a racing writer still won on the second run (nothing written)
     */
    public WriteOutcome writeOne(LicenseStore store, PlannedOrder planned) {
        return writeOne(store, planned, written -> {
        });
    }

    private WriteOutcome writeOne(LicenseStore store, PlannedOrder planned, Consumer<WriteOutcome> beforeCommit) {
        try {
            return writeOneAttempt(store, planned, beforeCommit);
        } catch (UniqueViolationException raced) {
            // Only a store whose writers run side by side gets here (violated() rethrows just these kinds): another
            // transaction created one of the order's users, its customer or (for an append) the order itself after
            // this one read them. Once more, in a new transaction whose settlement reads and reuses them.
            return writeOneAttempt(store, planned, beforeCommit);
        }
    }

    private WriteOutcome writeOneAttempt(LicenseStore store, PlannedOrder planned,
                                         Consumer<WriteOutcome> beforeCommit) {
        return store.inTransaction(tx -> {
            Settlement settlement = new Settlement(tx, planned.company(), List.of(planned), random);
            WriteOutcome outcome;
            try {
                outcome = write(tx, settlement, List.of(planned)).get(0);
            } catch (UniqueViolationException e) {
                // Thrown inside the transaction, so that it rolls back.
                throw new OrderRejectedException(violated(settlement, planned, e));
            }
            if (!outcome.written()) {
                throw new OrderRejectedException(outcome.errors());
            }
            beforeCommit.accept(outcome);
            return outcome;
        });
    }

    /**
     * Writes one order under an idempotency key, in a transaction of its own (DESIGN §3 "Retried deliveries"): when
     * the key is kept for the same request, its first response is answered again and nothing is written; else the
     * order is written as {@link #writeOne(LicenseStore, PlannedOrder)} does, and the key kept with it. The check and
     * the write are one transaction, so of two requests racing with one key one writes and the other replays.
     *
     * @param plan the request's plan, or its rejection thrown (asked only when the key does not answer: a replay
     *             does not depend on the catalog as it is now)
     * @throws OrderRejectedException {@code idempotency_key_reused}, or the order's violations; nothing written
     */
    public OrderResult writeKeyed(LicenseStore store, String company, KeptKeys.Keyed keyed, List<Warning> warnings,
                                  Supplier<PlannedOrder> plan) {
        try {
            return writeKeyedOnce(store, company, keyed, warnings, plan, false);
        } catch (KeyRaced | UniqueViolationException raced) {
            // A writer whose transaction ran beside this one (a store that runs writers side by side) committed the
            // key, the order id or a key first; once more, this request sees it: a replay, or settlement's rejection.
            return writeKeyedOnce(store, company, keyed, warnings, plan, true);
        }
    }

    private OrderResult writeKeyedOnce(LicenseStore store, String company, KeptKeys.Keyed keyed,
                                       List<Warning> warnings, Supplier<PlannedOrder> plan, boolean last) {
        return store.inTransaction(tx -> {
            Optional<OrderResult> replay = KeptKeys.replay(tx, company, keyed, warnings);
            if (replay.isPresent()) {
                return replay.get();
            }
            PlannedOrder planned = plan.get();
            Settlement settlement = new Settlement(tx, company, List.of(planned), random);
            WriteOutcome outcome;
            try {
                outcome = write(tx, settlement, List.of(planned)).get(0);
            } catch (UniqueViolationException e) {
                if (!last) {
                    throw e;
                }
                throw new OrderRejectedException(violated(settlement, planned, e));
            }
            if (!outcome.written()) {
                throw new OrderRejectedException(outcome.errors());
            }
            if (!KeptKeys.keep(tx, company, keyed, outcome.result())) {
                if (last) {
                    throw new StoreException("idempotency key '" + keyed.key() + "' was kept by another writer "
                            + "twice while this request was written", null);
                }
                throw new KeyRaced();
            }
            return outcome.result();
        });
    }

    /** Another writer kept the key while this transaction wrote the order: rolls it back, to be run once more. */
    private static final class KeyRaced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyRaced() {
            super(null, null, false, false);
        }
    }

    /**
     * Writes a batch of planned orders of one company in one transaction; each is written whole or rejected on its
     * own, and the outcomes come in batch order. When the store's unique constraints still refuse the batch (another
     * writer raced it), the batch rolls back and each half runs again, reading what the other writer committed (its
     * order ids and keys reject the guilty orders, its users and customers are reused), down to single orders: a race
     * costs a few smaller transactions, not one per order, and only the guilty order is rejected.
     */
    public List<WriteOutcome> writeBatch(LicenseStore store, List<PlannedOrder> batch) {
        return writeBatch(store, batch, (first, outcomes) -> {
        });
    }

    /**
     * As {@link #writeBatch(LicenseStore, List)}, telling {@code beforeCommit} each transaction's outcomes before it
     * commits: the whole batch's at once, or, when the batch is retried in halves, each smaller transaction's (a
     * single order rejected by a race is told after its transaction rolled back).
     */
    public List<WriteOutcome> writeBatch(LicenseStore store, List<PlannedOrder> batch, BeforeCommit beforeCommit) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return store.inTransaction(tx -> {
                List<WriteOutcome> outcomes =
                        write(tx, new Settlement(tx, batch.get(0).company(), batch, random), batch);
                beforeCommit.written(0, outcomes);
                return outcomes;
            });
        } catch (UniqueViolationException e) {
            if (batch.size() == 1) {
                PlannedOrder planned = batch.get(0);
                try {
                    return List.of(writeOne(store, planned, written -> beforeCommit.written(0, List.of(written))));
                } catch (OrderRejectedException rejected) {
                    WriteOutcome outcome = new WriteOutcome(planned, null, rejected.errors());
                    beforeCommit.written(0, List.of(outcome));
                    return List.of(outcome);
                }
            }
            int half = batch.size() / 2;
            List<WriteOutcome> outcomes = new ArrayList<>(writeBatch(store, batch.subList(0, half), beforeCommit));
            outcomes.addAll(writeBatch(store, batch.subList(half, batch.size()),
                    (first, written) -> beforeCommit.written(half + first, written)));
            return outcomes;
        }
    }

    private static List<WriteOutcome> write(StoreTransaction tx, Settlement settlement, List<PlannedOrder> batch) {
        LongSupplier ids = idBlock(tx.reserveIds(idsNeeded(batch)));
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        List<OrderWrite> writes = new ArrayList<>(batch.size());
        for (PlannedOrder planned : batch) {
            Settled settled = settlement.settle(planned);
            if (!settled.accepted()) {
                outcomes.add(new WriteOutcome(planned, null, settled.errors()));
                continue;
            }
            OrderAssembly.Assembled assembled = OrderAssembly.assemble(settled, ids);
            settlement.written(assembled.write());
            writes.add(assembled.write());
            outcomes.add(new WriteOutcome(planned, assembled.result(), null));
        }
        if (!writes.isEmpty()) {
            tx.write(writes);
        }
        return outcomes;
    }

    /** An upper bound of the ids a batch takes; ids left over are gaps, which the store allows. */
    private static int idsNeeded(List<PlannedOrder> batch) {
        return Math.toIntExact(batch.stream().mapToLong(PlannedOrder::idsNeeded).sum());
    }

    private static LongSupplier idBlock(long first) {
        long[] next = {first};
        return () -> next[0]++;
    }

    private static List<LicensingError> violated(Settlement settlement, PlannedOrder planned,
                                                  UniqueViolationException e) {
        switch (e.kind()) {
            case ORDER_ID:
                if (planned.header().append()) {
                    throw e;
                }
                return List.of(new LicensingError(ErrorCode.ORDER_ID_EXISTS,
                        "order '" + planned.header().orderId() + "' was created by another request meanwhile", "id"));
            case LICENSE_KEY:
                return List.of(new LicensingError(ErrorCode.LICENSE_KEY_EXISTS,
                        "key '" + e.value() + "' was taken by another request meanwhile",
                        settlement.keyPath(planned, e.value())));
            default:
                throw e;
        }
    }
}
