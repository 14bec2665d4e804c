package dev.licensing.testkit;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.Warning;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportOutcome;
import dev.licensing.core.importing.ImportSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bulk import through the engine's Java API ({@link LicenseEngine#importOrders}) on a real store: each store module runs
 * it from its test sources. Conflicts are tried within one batch and across batches (batch sizes 1, 3 and 1000).
 */
public abstract class ImportConformanceSuite {
    protected static final String COMPANY = "acme";
    private static final Instant NOW = Instant.parse("2025-03-25T10:00:00Z");

    protected LicenseStore store;
    private LicenseEngine engine;

    /** A fresh, empty store. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void setUpEngine() {
        store = openStore();
        engine = engine(store, false);
        engine.replaceCatalog(COMPANY, EngineTestCatalog.catalog());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static LicenseEngine engine(LicenseStore store, boolean ignoreUnknownFields) {
        return LicenseEngine.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).random(new Random(7))
                .ignoreUnknownFields(ignoreUnknownFields).build();
    }

    /** What one import told its listener, and its summary. */
    private record Run(List<ImportOutcome> outcomes, ImportSummary summary) {
        ImportOutcome at(long line) {
            return outcomes.stream().filter(o -> o.line() == line).findFirst().orElseThrow();
        }
    }

    private static Run run(LicenseEngine engine, ImportOptions options, String... lines) {
        List<ImportOutcome> heard = new ArrayList<>();
        ImportSummary summary = engine.importOrders(COMPANY, Arrays.asList(lines).iterator(), options, heard::add);
        return new Run(heard, summary);
    }

    private Run run(int batchSize, String... lines) {
        return run(engine, ImportOptions.defaults().withBatchSize(batchSize), lines);
    }

    /** A one-license order of the key-based product; {@code key} null: generated. */
    protected static String keyed(String id, String key) {
        return "{\"id\": \"" + id + "\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": [" + license(key)
                + "]}]}";
    }

    /** As {@link #keyed}, with {@code append: true}. */
    protected static String appending(String id, String key) {
        return "{\"id\": \"" + id + "\", \"append\": true, \"items\": [{\"product_code\": \"KEY\", \"licenses\": ["
                + license(key) + "]}]}";
    }

    private static String license(String key) {
        return key == null ? "{}" : "{\"key\": \"" + key + "\"}";
    }

    private static String kind(ImportOutcome outcome) {
        return outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private Set<String> keysTaken(String... keys) {
        return store.read(r -> r.existingKeys(COMPANY, List.of(keys)));
    }

    private Set<String> ordersPresent(String... orderIds) {
        return store.read(r -> r.findOrderHeaders(COMPANY, List.of(orderIds))).keySet();
    }

    private static List<LicensingError> errorsOf(ImportOutcome outcome) {
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        return ((ImportOutcome.Rejected) outcome).errors();
    }

    private Order stored(String orderId) {
        return engine.findOrder(COMPANY, orderId).orElseThrow(() -> new AssertionError("no order " + orderId));
    }

    private static List<String> keysOf(Order order) {
        return order.items().stream().flatMap(i -> i.licenses().stream()).map(License::key).toList();
    }

    @Nested
    class RejectedLinesKeepTheirNeighbours {
        @ParameterizedTest(name = "batch size {0}")
        @ValueSource(ints = {1, 3, 1000})
        void badDurationUnknownProductAndBrokenJsonAreRejectedAndTheOthersCreated(int batchSize) {
            Run run = run(batchSize,
                    keyed("n-1", "N-1"),
                    "{\"id\": \"n-2\", \"items\": [{\"product_code\": \"KEY\", \"licenses\": "
                            + "[{\"license_type\": \"time-limited\", \"valid_duration\": \"1x\"}]}]}",
                    "{\"id\": \"n-3\", \"items\": [{\"product_code\": \"NOPE\", \"licenses\": [{}]}]}",
                    "{\"id\": \"n-4\", \"items\": [",
                    keyed("n-5", "N-5"));

            assertThat(run.outcomes()).extracting(ImportOutcome::line, ImportOutcome::orderId, ImportConformanceSuite::kind)
                    .containsExactly(tuple(1L, "n-1", "created"),
                            tuple(2L, "n-2", "rejected"),
                            tuple(3L, "n-3", "rejected"),
                            tuple(4L, null, "rejected"),
                            tuple(5L, "n-5", "created"));
            assertThat(errorsOf(run.at(2))).extracting(LicensingError::code, LicensingError::field)
                    .contains(tuple(ErrorCode.INVALID_DURATION, "items[0].licenses[0].valid_duration"));
            assertThat(errorsOf(run.at(3))).extracting(LicensingError::code).contains(ErrorCode.UNKNOWN_PRODUCT);
            assertThat(errorsOf(run.at(4))).extracting(LicensingError::code).containsExactly(ErrorCode.INVALID_JSON);
            assertThat(run.summary()).extracting(ImportSummary::read, ImportSummary::created, ImportSummary::skipped,
                    ImportSummary::rejected).containsExactly(5L, 2L, 0L, 3L);
            assertThat(keysOf(stored("n-1"))).containsExactly("N-1");
            assertThat(keysOf(stored("n-5"))).containsExactly("N-5");
            assertThat(engine.findOrder(COMPANY, "n-2")).isEmpty();
            assertThat(engine.findOrder(COMPANY, "n-3")).isEmpty();
        }

        @Test
        void blankLinesAreNotOrdersButCountInTheLineNumbers() {
            Run run = run(2, "", keyed("b-1", null), "   ", "\t", keyed("b-2", null), "");

            assertThat(run.outcomes()).extracting(ImportOutcome::line).containsExactly(2L, 5L);
            assertThat(run.summary().read()).isEqualTo(2);
            assertThat(run.summary().rejected()).isZero();
        }

        @Test
        void aLineThatDoesNotDecodeIsNamedByItsIdWhenItHasOne() {
            Run run = run(10, "{\"id\": \"t-1\", \"items\": [], \"max_activation\": 3}", "[1, 2]", "{\"id\": 42}");

            assertThat(run.outcomes()).extracting(ImportOutcome::orderId).containsExactly("t-1", null, "42");
            assertThat(run.summary().rejected()).isEqualTo(3);
        }
    }

    @Nested
    class ConflictsInsideTheFile {
        @ParameterizedTest(name = "batch size {0}")
        @ValueSource(ints = {1, 3, 1000})
        void theSameGivenKeyTwiceRejectsTheLaterLineOnly(int batchSize) {
            Run run = run(batchSize, keyed("k-1", "DUP-KEY"), keyed("k-2", "OTHER"), keyed("k-3", "DUP-KEY"));

            assertThat(run.outcomes()).extracting(ImportConformanceSuite::kind).containsExactly("created",
                    "created", "rejected");
            assertThat(errorsOf(run.at(3))).extracting(LicensingError::code, LicensingError::field)
                    .containsExactly(tuple(ErrorCode.LICENSE_KEY_EXISTS, "items[0].licenses[0].key"));
            assertThat(keysOf(stored("k-1"))).containsExactly("DUP-KEY");
            assertThat(engine.findOrder(COMPANY, "k-3")).isEmpty();
        }

        @ParameterizedTest(name = "batch size {0}")
        @ValueSource(ints = {1, 3, 1000})
        void theSameOrderIdTwiceKeepsTheFirstAndRejectsTheLater(int batchSize) {
            Run run = run(batchSize, keyed("i-1", "I-1"), keyed("i-2", "I-2"), keyed("i-1", "I-1-AGAIN"));

            assertThat(errorsOf(run.at(3))).extracting(LicensingError::code, LicensingError::field)
                    .containsExactly(tuple(ErrorCode.ORDER_ID_EXISTS, "id"));
            assertThat(keysOf(stored("i-1"))).containsExactly("I-1");
            assertThat(keysTaken("I-1-AGAIN")).isEmpty();
        }

        @ParameterizedTest(name = "batch size {0}")
        @ValueSource(ints = {1, 3, 1000})
        void theSameOrderIdWithAppendAddsItsItemsToTheOrderCreatedEarlierInTheFile(int batchSize) {
            Run run = run(batchSize, keyed("a-1", "A-1"), appending("a-1", "A-2"), appending("a-1", null));

            assertThat(run.outcomes()).allSatisfy(o -> assertThat(o).isInstanceOf(ImportOutcome.Created.class));
            Order order = stored("a-1");
            assertThat(order.items()).hasSize(3);
            assertThat(keysOf(order)).startsWith("A-1", "A-2");
            ImportOutcome.Created appended = (ImportOutcome.Created) run.at(2);
            assertThat(appended.result().order().id()).isEqualTo(order.id());
            assertThat(keysOf(appended.result().order())).containsExactly("A-2");
        }
    }

    @Test
    void outcomesAreReportedInLineOrderWhateverBecameOfEachLine() {
        Run run = run(3, keyed("l-1", null), "oops", keyed("l-1", null), keyed("l-4", "L-4"), keyed("l-5", "L-4"),
                keyed("l-6", null), keyed("l-7", null));

        assertThat(run.outcomes()).extracting(ImportOutcome::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(run.summary().created()).isEqualTo(4);
        assertThat(run.summary().rejected()).isEqualTo(3);
    }

    /**
     * Lines are read and decoded at most one batch ahead of the batch being settled (issue 14: batch N+1 is decoded
     * while batch N commits), so memory holds two batches at most: with batches [1-3], [4-6], [7], line 7 is read only
     * once batch [1-3] is committed and heard.
     */
    @Test
    void linesAreReadAtMostOneBatchAheadOfTheCommittedAndReportedOnes() {
        List<String> lines = List.of(keyed("p-1", null), keyed("p-2", null), keyed("p-3", null), keyed("p-4", null),
                keyed("p-5", null), keyed("p-6", null), keyed("p-7", null));
        // Heard on the settling thread, read on the reading thread.
        List<ImportOutcome> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> seenWhenLineSevenWasRead = new ArrayList<>();
        Iterator<String> source = lines.iterator();
        Iterator<String> watched = new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public String next() {
                if (++read == 7) {
                    seenWhenLineSevenWasRead.addAll(ordersPresent("p-1", "p-2", "p-3"));
                    assertThat(heard).extracting(ImportOutcome::line).startsWith(1L, 2L, 3L);
                }
                return source.next();
            }
        };

        engine.importOrders(COMPANY, watched, ImportOptions.defaults().withBatchSize(3), heard::add);

        assertThat(seenWhenLineSevenWasRead).containsExactlyInAnyOrder("p-1", "p-2", "p-3");
        assertThat(heard).extracting(ImportOutcome::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void theOriginalCreatedIsKeptOnTheOrderAndOnEveryLicense() {
        String line = "{\"id\": \"h-1\", \"created\": \"2019-05-01 08:30:00\", \"items\": [{\"product_code\": \"KEY\","
                + " \"licenses\": [{}, {}]}, {\"product_code\": \"USR\", \"licenses\": [{\"users\": "
                + "[{\"email\": \"h@example.com\"}]}]}]}";

        run(1000, line);

        Order order = stored("h-1");
        Instant created = Instant.parse("2019-05-01T08:30:00Z");
        assertThat(order.created()).isEqualTo("2019-05-01 08:30:00");
        assertThat(order.createdAt()).isEqualTo(created);
        assertThat(order.items().stream().flatMap(i -> i.licenses().stream()))
                .hasSize(3).allSatisfy(l -> assertThat(l.createdAt()).isEqualTo(created));
    }

    @Nested
    class SkipExisting {
        private final ImportOptions skipping = ImportOptions.defaults().withBatchSize(2).withSkipExisting(true);

        @BeforeEach
        void anOrderExistsBeforeTheImport() {
            engine.createOrderJson(COMPANY, keyed("s-old", "S-OLD"));
        }

        @Test
        void anOrderWhoseIdExistedBeforeTheImportIsSkippedAndNothingOfItWritten() {
            Run run = run(engine, skipping, keyed("s-1", null), keyed("s-old", "S-NEW"), keyed("s-2", null));

            assertThat(run.outcomes()).extracting(ImportConformanceSuite::kind).containsExactly("created",
                    "skipped", "created");
            assertThat(run.at(2).orderId()).isEqualTo("s-old");
            assertThat(run.summary().skipped()).isEqualTo(1);
            assertThat(keysOf(stored("s-old"))).containsExactly("S-OLD");
            assertThat(keysTaken("S-NEW")).isEmpty();
        }

        @Test
        void withoutItTheSameLineIsRejectedAsAnExistingId() {
            Run run = run(engine, ImportOptions.defaults(), keyed("s-old", "S-NEW"));

            assertThat(errorsOf(run.at(1))).extracting(LicensingError::code).containsExactly(ErrorCode.ORDER_ID_EXISTS);
        }

        @Test
        void anIdTwiceInTheFileIsStillRejectedForItWasNotThereBeforeTheImport() {
            Run run = run(engine, skipping, keyed("s-3", "S-3"), keyed("s-4", null), keyed("s-3", "S-3-AGAIN"));

            assertThat(errorsOf(run.at(3))).extracting(LicensingError::code).containsExactly(ErrorCode.ORDER_ID_EXISTS);
        }

        @Test
        void anAppendToAnOrderThatExistedBeforeIsSkippedAndOneToAnOrderOfThisImportApplies() {
            Run run = run(engine, skipping, appending("s-old", "S-OLD-2"), keyed("s-5", "S-5"),
                    appending("s-5", "S-5-2"));

            assertThat(run.outcomes()).extracting(ImportConformanceSuite::kind).containsExactly("skipped",
                    "created", "created");
            assertThat(keysOf(stored("s-old"))).containsExactly("S-OLD");
            assertThat(keysOf(stored("s-5"))).containsExactly("S-5", "S-5-2");
        }
    }

    @Test
    void ignoredUnknownFieldsAreWarningsOnTheCreatedOutcomeAndErrorsOtherwise() {
        String line = "{\"id\": \"u-1\", \"is_trial\": true, \"items\": [{\"product_code\": \"KEY\", \"licenses\": [{}]}]}";

        Run strict = run(1000, line);
        Run lenient = run(engine(store, true), ImportOptions.defaults(), line);

        assertThat(errorsOf(strict.at(1))).extracting(LicensingError::code, LicensingError::field)
                .containsExactly(tuple(ErrorCode.UNKNOWN_FIELD, "is_trial"));
        assertThat(lenient.at(1)).isInstanceOfSatisfying(ImportOutcome.Created.class, created ->
                assertThat(created.result().warnings()).extracting(Warning::field).containsExactly("is_trial"));
    }

    /** A batch that lost a race ({@link StaleReadsStore}) runs again in halves, not order by order. */
    @Nested
    class LostRaces {
        @Test
        void aRacedBatchRunsAgainInHalvesAndEveryOrderLands() {
            run(1, keyed("x-1", "X-1"));
            StaleReadsStore racing = new StaleReadsStore(store, 1);

            Run run = run(engine(racing, false), ImportOptions.defaults().withBatchSize(4),
                    appending("x-1", "X-2"), keyed("x-2", "X-3"), keyed("x-3", null), keyed("x-4", null));

            assertThat(run.outcomes()).hasSize(4).noneMatch(o -> o instanceof ImportOutcome.Rejected);
            assertThat(racing.transactions()).as("the raced batch, then its two halves").isEqualTo(3);
            assertThat(keysOf(stored("x-1"))).containsExactly("X-1", "X-2");
            assertThat(ordersPresent("x-2", "x-3", "x-4")).containsExactlyInAnyOrder("x-2", "x-3", "x-4");
        }
    }

    @Nested
    class StoreFailure {
        @Test
        void surfacesAsStoreExceptionWithEveryEarlierBatchCommittedAndNothingOfTheFailingOne() {
            FaultInjectingStore failing = new FaultInjectingStore(store, 2);
            List<ImportOutcome> heard = new ArrayList<>();
            List<String> lines = List.of(keyed("f-1", null), keyed("f-2", null), keyed("f-3", null),
                    keyed("f-4", "F-4"), keyed("f-5", null), keyed("f-6", null), keyed("f-7", null));

            assertThatThrownBy(() -> engine(failing, false).importOrders(COMPANY, lines.iterator(),
                    ImportOptions.defaults().withBatchSize(3), heard::add))
                    .isInstanceOf(StoreException.class);

            assertThat(heard).extracting(ImportOutcome::line).containsExactly(1L, 2L, 3L);
            assertThat(ordersPresent("f-1", "f-2", "f-3", "f-4", "f-5", "f-6")).containsExactlyInAnyOrder("f-1", "f-2", "f-3");
            assertThat(keysTaken("F-4")).isEmpty();
        }

        @Test
        void runningTheSameImportAgainWithSkipExistingFinishesIt() {
            List<String> lines = List.of(keyed("r-1", "R-1"), keyed("r-2", "R-2"), keyed("r-3", "R-3"),
                    keyed("r-4", "R-4"), keyed("r-5", "R-5"));
            ImportOptions options = ImportOptions.defaults().withBatchSize(2).withSkipExisting(true);
            FaultInjectingStore failing = new FaultInjectingStore(store, 2);
            assertThatThrownBy(() -> engine(failing, false).importOrders(COMPANY, lines.iterator(), options,
                    outcome -> { })).isInstanceOf(StoreException.class);

            Run again = run(engine, options, lines.toArray(String[]::new));

            assertThat(again.outcomes()).extracting(ImportConformanceSuite::kind).containsExactly("skipped",
                    "skipped", "created", "created",
                    "created");
            for (int n = 1; n <= 5; n++) {
                Order order = stored("r-" + n);
                assertThat(order.items()).extracting(OrderItem::licenses).hasSize(1);
                assertThat(keysOf(order)).containsExactly("R-" + n);
            }
        }
    }
}
