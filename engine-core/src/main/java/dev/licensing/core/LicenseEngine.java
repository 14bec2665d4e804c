package dev.licensing.core;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Borrow;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.Deactivate;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.lifecycle.Release;
import dev.licensing.api.lifecycle.Transfer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.order.OrderRequest;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.importing.ImportListener;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.internal.OrderPipeline;
import dev.licensing.core.internal.catalog.CatalogCache;
import dev.licensing.core.internal.catalog.CatalogIndex;
import dev.licensing.core.internal.catalog.CatalogValidator;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.importing.OrderImport;
import dev.licensing.core.internal.lifecycle.Lifecycle;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.rules.IdempotencyKeys;
import dev.licensing.core.internal.vip.VipService;
import dev.licensing.core.internal.write.WriteOutcome;
import dev.licensing.core.vip.VipMarketplace;
import dev.licensing.core.wire.DecodedOrder;
import dev.licensing.core.wire.LicenseSpringJson;
import dev.licensing.core.internal.wire.Utf8Text;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The licensing engine: creates LicenseSpring orders in a {@link LicenseStore} (DESIGN §2: validate, plan, one store
 * transaction). Thread-safe; the clock and the random source (a {@code SecureRandom} in production, seeded in tests)
 * are injected so that a run can be repeated exactly.
 */
public final class LicenseEngine {
    private static final Duration CATALOG_CACHE_EXPIRY = Duration.ofSeconds(5);

    private final LicenseStore store;
    private final CatalogCache catalogs;
    private final OrderPipeline orders;
    private final LicenseSpringJson json;
    private final LongSupplier ticker;
    private final VipMarketplace vip;
    private final Lifecycle lifecycle;

    private LicenseEngine(Builder builder) {
        this.store = builder.store;
        this.catalogs = new CatalogCache(builder.store, CATALOG_CACHE_EXPIRY);
        this.orders = new OrderPipeline(builder.store, catalogs, builder.clock, builder.random);
        this.json = new LicenseSpringJson(builder.ignoreUnknownFields);
        this.ticker = builder.ticker != null ? builder.ticker : nanosOf(builder.clock);
        this.vip = new VipMarketplace(new VipService(builder.store,
                company -> catalogs.get(company).map(CatalogIndex::catalog), builder.clock, builder.random),
                builder.store, ticker);
        this.lifecycle = new Lifecycle(builder.store, builder.clock,
                (company, product) -> catalogs.get(company).flatMap(index -> index.product(product)).isPresent());
    }

    public static Builder builder(LicenseStore store) {
        return new Builder(store);
    }

    /**
     * Creates the order (or, with {@code append}, adds its items to the existing one), whole or not at all.
     *
     * @throws OrderRejectedException with every violation found; nothing was written
     * @throws dev.licensing.api.store.StoreException     when the store fails
     */
    public OrderResult createOrder(String company, OrderRequest request) {
        requireCompany(company);
        return orders.create(company, request, List.of());
    }

    /**
     * As {@link #createOrder(String, OrderRequest)}, under an idempotency key (DESIGN §3 "Retried deliveries"): a retry
     * with the same key and the same request, within 30 days by the engine's clock, answers the first response again
     * ({@code new_passwords} empty, a {@link dev.licensing.api.model.Warning#REPLAYED} warning) and writes nothing,
     * on any engine of the same store; the same key with a different request is {@code idempotency_key_reused}.
     *
     * @param idempotencyKey a non-empty string of at most 255 characters without white space, format or control
     *                       characters, or {@code null} for none
     * @throws OrderRejectedException with every violation found (an invalid key: {@code validation_error} at
     *                                {@code idempotency_key}); nothing was written
     */
    public OrderResult createOrder(String company, OrderRequest request, String idempotencyKey) {
        requireCompany(company);
        if (idempotencyKey == null) {
            return createOrder(company, request);
        }
        return orders.create(company, Objects.requireNonNull(request, "request"), List.of(), idempotencyKey);
    }

    /**
     * Creates the order a LicenseSpring request body describes. With {@code ignoreUnknownFields} the fields the request
     * types do not know are reported as warnings on the result.
     *
     * @throws OrderRejectedException with every structural violation of the body, else as {@link #createOrder}
     */
    public OrderResult createOrderJson(String company, String body) {
        return createOrderJson(company, body, null);
    }

    /**
     * As {@link #createOrderJson(String, String)}, under an idempotency key as {@link #createOrder(String,
     * OrderRequest, String)} says: requests are compared after decoding, so white space and member order do not matter.
     *
     * @param idempotencyKey the key, or {@code null} for none
     */
    public OrderResult createOrderJson(String company, String body, String idempotencyKey) {
        requireCompany(company);
        DecodedOrder decoded = json.readOrder(body);
        if (!decoded.errors().isEmpty()) {
            Problems violations = new Problems();
            violations.addAll(decoded.errors());
            if (idempotencyKey != null) {
                IdempotencyKeys.check(idempotencyKey, violations);
            }
            throw new OrderRejectedException(violations.errors());
        }
        return idempotencyKey == null
                ? orders.create(company, decoded.request(), decoded.warnings())
                : orders.create(company, decoded.request(), decoded.warnings(), idempotencyKey);
    }

    /**
     * As {@link #createOrderJson(String, String)}, from the body's bytes as they arrive (a file, a socket): strict
     * UTF-8, a byte-order mark in front skipped; bytes that are not UTF-8 are {@code invalid_encoding}.
     */
    public OrderResult createOrderJson(String company, byte[] body) {
        return createOrderJson(company, body, null);
    }

    /**
     * As {@link #createOrderJson(String, byte[])}, under an idempotency key as {@link #createOrderJson(String, String,
     * String)} says.
     *
     * @param idempotencyKey the key, or {@code null} for none
     */
    public OrderResult createOrderJson(String company, byte[] body, String idempotencyKey) {
        Utf8Text.Decoded decoded = new Utf8Text().decodeBody(Objects.requireNonNull(body, "body"));
        if (decoded.text() == null) {
            throw new OrderRejectedException(List.of(new LicensingError(ErrorCode.INVALID_ENCODING,
                    decoded.problem(), null)));
        }
        return createOrderJson(company, decoded.text(), idempotencyKey);
    }

    /**
     * Creates many orders of one company in one store transaction, as bulk import does: each is validated on its own
     * and written whole or rejected on its own (a rejected one never takes the others down), also for conflicts only
     * the store or the batch sees (the same key twice, the same order id twice: the first wins, unless the later one
     * says {@code append}). The outcomes come in request order.
     *
     * @throws dev.licensing.api.store.StoreException when the store fails: nothing of the batch is written
     */
    public List<OrderOutcome> createOrders(String company, List<OrderRequest> requests) {
        requireCompany(company);
        OrderOutcome[] outcomes = new OrderOutcome[requests.size()];
        List<PlannedOrder> planned = new ArrayList<>(requests.size());
        List<Integer> plannedAt = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                planned.add(orders.plan(company, requests.get(i), List.of()));
                plannedAt.add(i);
            } catch (OrderRejectedException rejected) {
                outcomes[i] = new OrderOutcome(requests.get(i).id(), null, rejected.errors());
            }
        }
        List<WriteOutcome> written = orders.write(planned);
        for (int n = 0; n < written.size(); n++) {
            WriteOutcome outcome = written.get(n);
            outcomes[plannedAt.get(n)] = new OrderOutcome(outcome.planned().header().orderId(), outcome.result(),
                    outcome.errors());
        }
        return List.of(outcomes);
    }

    /**
     * Imports LicenseSpring requests, one a line, as {@code licensing import} does: each line is decoded (honouring
     * {@code ignoreUnknownFields}), validated and planned, {@code options.batchSize()} lines are written per store
     * transaction, and each line's outcome goes to {@code listener} in line order as its batch settles, before the
     * batch commits (see {@link ImportListener}). A rejected line never takes its neighbours down. Memory holds one
     * batch, whatever the length of the input.
     *
     * @param lines the requests; line numbers count from 1, blank lines (passed over) included; a byte-order mark
     *              (U+FEFF) at the start of line 1 is skipped
     * @throws dev.licensing.api.store.StoreException when the store fails: the batches before stay committed
     */
    public ImportSummary importOrders(String company, Iterator<String> lines, ImportOptions options,
                                      ImportListener listener) {
        requireCompany(company);
        return newImport(company, options, listener).run(lines);
    }

    /**
     * As {@link #importOrders(String, Iterator, ImportOptions, ImportListener)}, from UTF-8 bytes (a file as it lies on
     * disk): lines end at LF (a CR before it is dropped), a byte-order mark before line 1 is skipped, and each line is
     * decoded alone, so that a line that is not valid UTF-8 is rejected as {@code invalid_encoding} and the import goes
     * on. Reads {@code in} to its end (or until the listener asks to stop); the caller closes it.
     *
     * @throws java.io.UncheckedIOException when reading {@code in} fails
     */
    public ImportSummary importOrders(String company, InputStream in, ImportOptions options,
                                      ImportListener listener) {
        requireCompany(company);
        Objects.requireNonNull(in, "in");
        return newImport(company, options, listener).run(in);
    }

    private OrderImport newImport(String company, ImportOptions options, ImportListener listener) {
        return new OrderImport(orders, json, ticker, company, options, listener);
    }

    /** The VIP Marketplace dialect on this engine's store, clock and random source. */
    public VipMarketplace vip() {
        return vip;
    }

    /** The stored order with the caller's id {@code orderId}, with every item and license. */
    public Optional<Order> findOrder(String company, String orderId) {
        requireCompany(company);
        return store.read(reader -> reader.findOrder(company, orderId));
    }

    /**
     * Validates and stores the company's catalog.
     *
     * @throws dev.licensing.core.wire.InvalidCatalogException with every inconsistency found; nothing was stored
     */
    public void replaceCatalog(String company, Catalog catalog) {
        requireCompany(company);
        CatalogValidator.requireValid(catalog);
        store.replaceCatalog(company, catalog);
        catalogs.invalidate(company);
    }

    /** The company's catalog (cached for a few seconds), or empty when it has none. */
    public Optional<Catalog> catalog(String company) {
        requireCompany(company);
        return catalogs.get(company).map(CatalogIndex::catalog);
    }

    // ---- The license lifecycle (design/lifecycle.md). Each operation answers the license's status as the device sees
    // it afterwards, or throws LicenseRejectedException with the first rule broken; nothing is then written. ----

    /** Binds a device to the license. */
    public LicenseStatus activate(String company, Activate request) {
        requireCompany(company);
        return lifecycle.activate(company, Objects.requireNonNull(request, "request"));
    }

    /** Validates an activated device; takes or renews its seat on a floating license. */
    public LicenseStatus check(String company, Check request) {
        requireCompany(company);
        return lifecycle.check(company, Objects.requireNonNull(request, "request"));
    }

    /** Unbinds an active device. */
    public LicenseStatus deactivate(String company, Deactivate request) {
        requireCompany(company);
        return lifecycle.deactivate(company, Objects.requireNonNull(request, "request"));
    }

    /** Deactivates one device and activates another, both or neither. */
    public LicenseStatus transfer(String company, Transfer request) {
        requireCompany(company);
        return lifecycle.transfer(company, Objects.requireNonNull(request, "request"));
    }

    /** Consumes from the license or one of its features; a retried request id answers {@code replayed}. */
    public LicenseStatus consume(String company, Consume request) {
        requireCompany(company);
        return lifecycle.consume(company, Objects.requireNonNull(request, "request"));
    }

    /** Holds a device's floating seat until a given instant. */
    public LicenseStatus borrow(String company, Borrow request) {
        requireCompany(company);
        return lifecycle.borrow(company, Objects.requireNonNull(request, "request"));
    }

    /** Frees a device's floating seat. */
    public LicenseStatus release(String company, Release request) {
        requireCompany(company);
        return lifecycle.release(company, Objects.requireNonNull(request, "request"));
    }

    /** Elapsed time on the clock, for engines not given a ticker: coarse, and zero on a fixed clock. */
    private static LongSupplier nanosOf(Clock clock) {
        return () -> {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    private static void requireCompany(String company) {
        if (company == null || company.isEmpty()) {
            throw new IllegalArgumentException("a company is a non-empty string");
        }
    }

    /** Configures a {@link LicenseEngine}; the clock and the random source are required. */
    public static final class Builder {
        private final LicenseStore store;
        private Clock clock;
        private Random random;
        private LongSupplier ticker;
        private boolean ignoreUnknownFields;

        private Builder(LicenseStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The time of orders that give no {@code created}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of keys, passwords and salts: a {@code SecureRandom} in production, seeded in tests. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The source of elapsed time, in nanoseconds from any fixed origin, that an import's summary measures its
         * {@code elapsed} with (the command line gives {@code System::nanoTime}); default: the clock.
         */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Accept requests with fields unknown to the request type, reporting each as a warning (default: reject). */
        public Builder ignoreUnknownFields(boolean ignore) {
            this.ignoreUnknownFields = ignore;
            return this;
        }

        public LicenseEngine build() {
            if (clock == null || random == null) {
                throw new IllegalStateException("a LicenseEngine needs a clock and a random source");
            }
            return new LicenseEngine(this);
        }
    }
}
