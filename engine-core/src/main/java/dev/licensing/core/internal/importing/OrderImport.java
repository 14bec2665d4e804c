package dev.licensing.core.internal.importing;

import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.Order;
import dev.licensing.core.importing.ImportListener;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportOutcome;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.internal.OrderPipeline;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.write.WriteOutcome;
import dev.licensing.core.wire.DecodedOrder;
import dev.licensing.core.wire.LicenseSpringJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One run of a bulk import (DESIGN §2 "Bulk import", §4 {@code licensing import}): reads LicenseSpring requests a line
 * at a time, decodes and plans each, writes them a batch per store transaction, and tells the listener each line's
 * outcome in line order. Only the current batch is held, so memory does not grow with the input.
 *
 * <p>Blank lines (nothing but white space) are not orders: they are passed over, neither read nor rejected, but they
 * count in the line numbers.
 */
public final class OrderImport {
    private final OrderPipeline orders;
    private final LicenseSpringJson json;
    private final LongSupplier ticker;
    private final String company;
    private final ImportOptions options;
    private final ImportListener listener;
    private final Counts counts = new Counts();
    /** Under skipExisting: every order with an engine id below this one existed before the import. */
    private long firstIdOfImport;

    /** @param ticker nanoseconds from a fixed origin, to measure the import's elapsed time */
    public OrderImport(OrderPipeline orders, LicenseSpringJson json, LongSupplier ticker, String company,
                       ImportOptions options, ImportListener listener) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.json = Objects.requireNonNull(json, "json");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.company = Objects.requireNonNull(company, "company");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Imports every line. Consumes the iterator; the caller closes what it reads from.
     *
     * @throws dev.licensing.api.store.StoreException when the store fails: every batch before the failing one is
     *                                                committed and reported, nothing of the failing one is
     */
    public ImportSummary run(Iterator<String> lines) {
        long started = ticker.getAsLong();
        if (options.skipExisting()) {
            // Store ids only grow (StoreTransaction#reserveIds), so one fresh id splits "before" from "during".
            firstIdOfImport = orders.store().inTransaction(tx -> tx.reserveIds(1));
        }
        List<Line> batch = new ArrayList<>(Math.min(options.batchSize(), ImportOptions.DEFAULT_BATCH_SIZE));
        long number = 0;
        while (lines.hasNext()) {
            String text = lines.next();
            number++;
            if (text.isBlank()) {
                continue;
            }
            batch.add(decode(number, text));
            if (batch.size() == options.batchSize()) {
                settle(batch);
                batch.clear();
            }
        }
        settle(batch);
        return new ImportSummary(counts.read, counts.created, counts.skipped, counts.rejected,
                Duration.ofNanos(ticker.getAsLong() - started));
    }

    private Line decode(long number, String text) {
        DecodedOrder decoded = json.readOrder(text);
        String orderId = decoded.request() != null ? decoded.request().id() : json.orderIdOf(text);
        return new Line(number, orderId, decoded);
    }

    /** Plans, writes and reports one batch: skipped and rejected lines keep their place among the created ones. */
    private void settle(List<Line> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Order> existing = existingBeforeImport(batch);
        ImportOutcome[] outcomes = new ImportOutcome[batch.size()];
        List<PlannedOrder> planned = new ArrayList<>(batch.size());
        List<Integer> plannedAt = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Line line = batch.get(i);
            if (!line.decoded().errors().isEmpty()) {
                outcomes[i] = new ImportOutcome.Rejected(line.number(), line.orderId(), line.decoded().errors());
            } else if (existing.containsKey(line.orderId())) {
                outcomes[i] = new ImportOutcome.Skipped(line.number(), line.orderId());
            } else {
                try {
                    planned.add(orders.plan(company, line.decoded().request(), line.decoded().warnings()));
                    plannedAt.add(i);
                } catch (OrderRejectedException rejected) {
                    outcomes[i] = new ImportOutcome.Rejected(line.number(), line.orderId(), rejected.errors());
                }
            }
        }
        List<WriteOutcome> written = orders.write(planned);
        for (int n = 0; n < written.size(); n++) {
            int i = plannedAt.get(n);
            Line line = batch.get(i);
            WriteOutcome outcome = written.get(n);
            outcomes[i] = outcome.written()
                    ? new ImportOutcome.Created(line.number(), line.orderId(), outcome.result())
                    : new ImportOutcome.Rejected(line.number(), line.orderId(), outcome.errors());
        }
        for (ImportOutcome outcome : outcomes) {
            counts.add(outcome);
            listener.onOutcome(outcome);
        }
    }

    /** Under skipExisting, the batch's orders that existed before the import, by order id; else none. */
    private Map<String, Order> existingBeforeImport(List<Line> batch) {
        if (!options.skipExisting()) {
            return Map.of();
        }
        List<String> ids = batch.stream().filter(line -> line.decoded().request() != null)
                .map(Line::orderId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Order> headers = new HashMap<>(orders.store().read(r -> r.findOrderHeaders(company, ids)));
        headers.values().removeIf(order -> order.id() >= firstIdOfImport);
        return headers;
    }

    /** One non-blank line as read: its number, its order id if it has one, and what decoding it gave. */
    private record Line(long number, String orderId, DecodedOrder decoded) {
    }

    private static final class Counts {
        long read;
        long created;
        long skipped;
        long rejected;

        void add(ImportOutcome outcome) {
            read++;
            if (outcome instanceof ImportOutcome.Created) {
                created++;
            } else if (outcome instanceof ImportOutcome.Skipped) {
                skipped++;
            } else {
                rejected++;
            }
        }
    }
}
