package dev.licensing.core.internal.importing;

import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.model.Order;
import dev.licensing.core.importing.ImportListener;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportOutcome;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.core.internal.OrderPipeline;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.rules.OrderSize;
import dev.licensing.core.internal.write.WriteOutcome;
import dev.licensing.core.wire.DecodedOrder;
import dev.licensing.core.wire.LicenseSpringJson;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.function.LongSupplier;

/**
 * One run of a bulk import (DESIGN §2 "Bulk import", §4 {@code licensing import}): reads LicenseSpring requests a line
 * at a time, decodes and plans each, writes them a batch per store transaction, and tells the listener each line's
 * outcome in line order. At most two batches are held (the one being settled and the next, decoded ahead of it:
 * {@code DecodeAhead}), so memory does not grow with the input.
 *
 * <p>Blank lines (nothing but white space) are not orders: they are passed over, neither read nor rejected, but they
 * count in the line numbers. A byte-order mark before line 1 is not part of it. A line that is not valid UTF-8 is
 * rejected alone ({@code invalid_encoding}) and the import goes on: nothing in the input's bytes ends an import.
 *
 * <p>A batch's outcomes are told to the listener, and the listener flushed, inside the batch's transaction, before it
 * commits; when the listener throws, the batch rolls back.
 */
public final class OrderImport {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

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
        return runLines(new Iterator<>() {
            private boolean first = true;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public SourceLine next() {
                String text = lines.next();
                // A Reader decodes a UTF-8 byte-order mark as U+FEFF at the start of line 1: not part of the order.
                if (first && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                    text = text.substring(1);
                }
                first = false;
                return new SourceLine(text, null);
            }
        });
    }

    /**
     * Imports every line of UTF-8 bytes, each decoded alone: a line that is not valid UTF-8 is rejected as
     * {@code invalid_encoding} and the next one is read on. Reads {@code in} to its end; the caller closes it.
     *
     * @throws java.io.UncheckedIOException when reading {@code in} fails
     */
    public ImportSummary run(InputStream in) {
        return runLines(new Utf8Lines(in));
    }

    private ImportSummary runLines(Iterator<SourceLine> lines) {
        long started = ticker.getAsLong();
        if (options.skipExisting()) {
            // Store ids only grow (StoreTransaction#reserveIds), so one fresh id splits "before" from "during".
            firstIdOfImport = orders.store().inTransaction(tx -> tx.reserveIds(1));
        }
        try (DecodeAhead ahead = new DecodeAhead(lines)) {
            for (List<Line> batch = ahead.next(); batch != null; batch = ahead.next()) {
                settle(batch);
            }
        }
        return new ImportSummary(counts.read, counts.created, counts.skipped, counts.rejected,
                Duration.ofNanos(ticker.getAsLong() - started));
    }

    /**
     * Reads and decodes the lines into batches on a thread of its own, one batch ahead of the settling: while batch N
     * is planned, written and committed here, batch N+1 is read and decoded there (issue 14; decoding is a quarter of
     * an order's CPU time). Only decoding runs ahead, never planning, which reads the store as the batches before it
     * left it. Batches are handed over in line order through a queue without capacity, so memory holds at most two
     * batches: the one settling and the one decoded next. A failure to read is handed over in its place, after the
     * batches before it, and thrown by {@link #next}, as it was thrown when reading and settling took turns.
     */
    private final class DecodeAhead implements AutoCloseable {
        private static final Handoff END = new Handoff(null, null);

        private final SynchronousQueue<Handoff> handoff = new SynchronousQueue<>();
        private final Thread thread;

        DecodeAhead(Iterator<SourceLine> lines) {
            thread = new Thread(() -> produce(lines), "licensing-import-decoder");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next batch in line order; {@code null} once the lines (or the listener's patience) ended. */
        List<Line> next() {
            Handoff next = take();
            if (next.failure() instanceof RuntimeException e) {
                throw e;
            }
            if (next.failure() instanceof Error e) {
                throw e;
            }
            return next.batch();
        }

        /** Stops the reading thread (it may be a batch ahead when settling failed) and waits for it to end. */
        @Override
        public void close() {
            thread.interrupt();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the reading thread's next handoff, which always comes: the thread ends only after handing END. */
        private Handoff take() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return handoff.take();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void produce(Iterator<SourceLine> lines) {
            try {
                try {
                    readBatches(lines);
                } catch (RuntimeException | Error e) {
                    handoff.put(new Handoff(null, e));
                    return;
                }
                handoff.put(END);
            } catch (InterruptedException settlingEnded) {
                // close(): the settling side stopped taking batches; nothing more is read.
            }
        }

        private void readBatches(Iterator<SourceLine> lines) throws InterruptedException {
            List<Line> batch = new ArrayList<>(Math.min(options.batchSize(), ImportOptions.DEFAULT_BATCH_SIZE));
            long number = 0;
            // A batch also ends once its orders ask for as many licenses as one order may: memory then holds at most
            // that many planned licenses, whatever the batch size and however large each order is.
            long batchLicenses = 0;
            while (!listener.stopRequested() && lines.hasNext()) {
                SourceLine line = lines.next();
                number++;
                if (line.text() != null && line.text().isBlank()) {
                    continue;
                }
                Line decoded = decode(number, line);
                batch.add(decoded);
                batchLicenses += decoded.licenses();
                if (batch.size() == options.batchSize() || batchLicenses >= OrderSize.MAX_LICENSES) {
                    handoff.put(new Handoff(batch, null));
                    batch = new ArrayList<>(batch.size());
                    batchLicenses = 0;
                }
            }
            if (!batch.isEmpty()) {
                handoff.put(new Handoff(batch, null));
            }
        }
    }

    /** A decoded batch, or a failure to read ({@code batch} null), or neither: the end of the lines. */
    private record Handoff(List<Line> batch, Throwable failure) {
    }

    private Line decode(long number, SourceLine line) {
        if (line.text() == null) {
            return new Line(number, null, new DecodedOrder(null, List.of(new LicensingError(ErrorCode.INVALID_ENCODING,
                    line.encodingProblem(), null)), List.of()));
        }
        String text = line.text();
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
        Reporting reporting = new Reporting(outcomes);
        orders.write(planned, (first, written) -> {
            for (int n = 0; n < written.size(); n++) {
                int i = plannedAt.get(first + n);
                Line line = batch.get(i);
                WriteOutcome outcome = written.get(n);
                outcomes[i] = outcome.written()
                        ? new ImportOutcome.Created(line.number(), line.orderId(), outcome.result())
                        : new ImportOutcome.Rejected(line.number(), line.orderId(), outcome.errors());
            }
            reporting.reportSettled();
        });
        reporting.reportSettled();
    }

    /** Tells the listener a batch's outcomes in line order, each once, as soon as it and every line before it settled. */
    private final class Reporting {
        private final ImportOutcome[] outcomes;
        private int reported;

        Reporting(ImportOutcome[] outcomes) {
            this.outcomes = outcomes;
        }

        void reportSettled() {
            while (reported < outcomes.length && outcomes[reported] != null) {
                counts.add(outcomes[reported]);
                listener.onOutcome(outcomes[reported]);
                reported++;
            }
            listener.flush();
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
        /** How many licenses the request asks for, as {@link OrderSize} counts them; 0 when it did not decode. */
        long licenses() {
            return decoded.request() == null ? 0 : OrderSize.count(decoded.request());
        }
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
