package dev.licensing.testkit;

import dev.licensing.api.EmailKey;
import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.catalog.CustomerAccount;
import dev.licensing.api.model.Customer;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.UniqueViolationException;
import dev.licensing.api.store.UniqueViolationException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import static dev.licensing.testkit.TestData.COMPANY;
import static dev.licensing.testkit.TestData.OTHER_COMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

/**
 * The store SPI's contract as tests: every {@link LicenseStore} runs this suite unchanged from its own test sources,
 * by extending it and opening a fresh, empty store in {@link #openStore()}.
 *
 * <p>Each test writes through the SPI and records what it tried and what it committed in a ledger. After every test the
 * store must answer exactly as the ledger says ({@link #storeHoldsWhatWasCommittedAndNothingElse()}): every committed
 * order reads back whole, nothing of a rolled-back write can be found, no key appears twice in a company, every license
 * belongs to an order, and every license user resolves to a user of the company.
 */
public abstract class StoreConformanceSuite {
    /** How long a test waits for another thread before it calls the store stuck. */
    private static final long TIMEOUT_SECONDS = 60;

    private LicenseStore store;
    private Ledger ledger;
    private LongSupplier ids;

    /** A fresh, empty store; the suite closes it after the test. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void openFreshStore() {
        store = openStore();
        ledger = new Ledger();
        ids = new ReservedIds(store);
    }

    @AfterEach
    void storeHoldsWhatWasCommittedAndNothingElse() {
        try {
            StoreState actual = ledger.readBack(store);
            StoreState expected = ledger.expected();
            expected.companies().forEach((company, state) -> state.orders().forEach((orderId, order) ->
                    assertThat(actual.companies().get(company).orders().get(orderId))
                            .as("committed order %s of company %s", orderId, company).isEqualTo(order)));
            assertThat(actual).as("every committed write whole, nothing of a rolled-back one").isEqualTo(expected);
            actual.companies().forEach((company, state) -> {
                List<String> keysOnOrders = new ArrayList<>();
                List<LicenseUser> licenseUsers = new ArrayList<>();
                for (Order order : state.orders().values()) {
                    keysOnOrders.addAll(Ledger.keysOf(order.items()));
                    order.items().forEach(item -> item.licenses().forEach(l -> licenseUsers.addAll(l.users())));
                }
                assertThat(keysOnOrders).as("keys of company %s", company).doesNotHaveDuplicates();
                assertThat(keysOnOrders).as("every license of company %s on an order", company)
                        .containsAll(state.keys());
                Map<String, User> users = findUsers(company, licenseUsers.stream().map(LicenseUser::email).toList());
                for (LicenseUser licenseUser : licenseUsers) {
                    assertThat(users.get(EmailKey.of(licenseUser.email())))
                            .as("the user of %s in company %s", licenseUser.email(), company)
                            .isNotNull()
                            .extracting(User::id).isEqualTo(licenseUser.userId());
                }
            });
        } finally {
            store.close();
        }
    }

    @Nested
    class OrderRoundTrip {
        @Test
        void aFullyPopulatedOrderReadsBackEqual() {
            OrderWrite write = TestData.fullOrder(ids, COMPANY, "full-1");
            commit(write);

            assertThat(findOrder(COMPANY, "full-1")).contains(write.order());
            assertThat(findOrderHeaders(COMPANY, List.of("full-1")))
                    .containsExactly(entry("full-1", write.order().withItems(List.of())));
            assertThat(findCustomersByEmail(COMPANY, List.of(write.newCustomer().email())))
                    .containsExactly(entry(write.newCustomer().email(), write.newCustomer()));
            User alice = write.newUsers().get(0);
            assertThat(findUsers(COMPANY, List.of(alice.email())))
                    .containsExactly(entry(EmailKey.of(alice.email()), alice));
        }

        @Test
        void aMinimalOrderWithEveryOptionalFieldNullReadsBackEqual() {
            OrderWrite write = TestData.minimalOrder(ids, COMPANY, "min-1");
            commit(write);

            assertThat(findOrder(COMPANY, "min-1")).contains(write.order());
            assertThat(findOrderHeaders(COMPANY, List.of("min-1")))
                    .containsExactly(entry("min-1", write.order().withItems(List.of())));
        }

        @Test
        void everyOrderOfOneWriteReadsBack() {
            List<OrderWrite> batch = List.of(TestData.fullOrder(ids, COMPANY, "batch-1"),
                    TestData.minimalOrder(ids, COMPANY, "batch-2"), TestData.keyedOrder(ids, COMPANY, "batch-3", "B-3"));
            commit(store, batch);

            for (OrderWrite write : batch) {
                assertThat(findOrder(COMPANY, write.order().orderId())).contains(write.order());
            }
        }

        @Test
        void headersAreThoseOfTheOrdersThatExist() {
            OrderWrite first = TestData.keyedOrder(ids, COMPANY, "h-1", "H-1");
            OrderWrite second = TestData.minimalOrder(ids, COMPANY, "h-2");
            commit(first, second);

            assertThat(findOrderHeaders(COMPANY, List.of("h-1", "h-2", "h-absent", "H-1")))
                    .containsOnly(entry("h-1", first.order().withItems(List.of())),
                            entry("h-2", second.order().withItems(List.of())));
            assertThat(findOrderHeaders(COMPANY, List.of())).isEmpty();
            assertThat(findOrder(COMPANY, "h-absent")).isEmpty();
        }
    }

    @Nested
    class Append {
        @Test
        void appendAddsItemsAfterTheExistingOnesAndLeavesTheHeaderUnchanged() {
            OrderWrite original = TestData.fullOrder(ids, COMPANY, "app-1");
            commit(original);
            Order header = findOrderHeaders(COMPANY, List.of("app-1")).get("app-1");
            OrderItem keyed = TestData.keyedItem(ids, "APP-1-X", "APP-1-Y");
            OrderWrite newUser = TestData.userOrder(ids, COMPANY, "unused", "Zoe.app1@Example.com");
            OrderItem userItem = newUser.order().items().get(0);

            commit(TestData.append(header, List.of(keyed), List.of()));
            commit(TestData.append(header, List.of(userItem), newUser.newUsers()));

            List<OrderItem> items = new ArrayList<>(original.order().items());
            items.add(keyed);
            items.add(userItem);
            assertThat(findOrder(COMPANY, "app-1")).contains(original.order().withItems(items));
            assertThat(findOrderHeaders(COMPANY, List.of("app-1"))).containsEntry("app-1", header);
        }

        @Test
        void appendFindsAnOrderCreatedEarlierInTheSameTransaction() {
            OrderWrite created = TestData.keyedOrder(ids, COMPANY, "app-2", "APP-2-A");
            OrderItem added = TestData.keyedItem(ids, "APP-2-B");
            OrderWrite append = TestData.append(created.order().withItems(List.of()), List.of(added), List.of());
            ledger.attempted(List.of(created, append));
            store.inTransaction(tx -> {
                tx.write(List.of(created));
                tx.write(List.of(append));
                ledger.committed(List.of(created, append));
                return null;
            });

            assertThat(findOrder(COMPANY, "app-2").orElseThrow().items())
                    .containsExactly(created.order().items().get(0), added);
        }

        @Test
        void appendingToAMissingOrderFailsAndLeavesNothing() {
            commit(TestData.keyedOrder(ids, OTHER_COMPANY, "app-3", "APP-3-A"));
            OrderWrite orphan = TestData.keyedOrder(ids, COMPANY, "app-3", "APP-3-B");
            OrderWrite before = TestData.keyedOrder(ids, COMPANY, "app-3-ok", "APP-3-C");

            assertRolledBack(store, StoreException.class, List.of(before),
                    List.of(new OrderWrite(orphan.order(), true, null, List.of())));
        }

        @Test
        void appendingATakenKeyIsRefusedAndLeavesTheOrderAsItWas() {
            OrderWrite original = TestData.keyedOrder(ids, COMPANY, "app-4", "APP-4-A");
            commit(original);

            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class, List.of(
                    TestData.append(original.order().withItems(List.of()),
                            List.of(TestData.keyedItem(ids, "APP-4-B", "APP-4-A")), List.of())));

            assertThat(refused.kind()).isEqualTo(Kind.LICENSE_KEY);
            assertThat(refused.value()).isEqualTo("APP-4-A");
        }
    }

    @Nested
    class BatchReads {
        @Test
        void existingKeysAreThoseThatMatchExactly() {
            commit(TestData.keyedOrder(ids, COMPANY, "k-1", "KEY-A", "KEY-B"));

            assertThat(existingKeys(COMPANY, List.of("KEY-A", "KEY-B", "KEY-C", "key-a")))
                    .containsExactlyInAnyOrder("KEY-A", "KEY-B");
            assertThat(existingKeys(COMPANY, List.of())).isEmpty();
        }

        @Test
        void usersAreFoundIgnoringCaseAndKeyedByLowerCaseEmail() {
            OrderWrite write = TestData.userOrder(ids, COMPANY, "u-1", "Erin@Example.com", "frank@example.com");
            commit(write);

            assertThat(findUsers(COMPANY,
                    List.of("erin@example.com", "FRANK@EXAMPLE.COM", "nobody@example.com")))
                    .containsOnly(entry("erin@example.com", write.newUsers().get(0)),
                            entry("frank@example.com", write.newUsers().get(1)));
            assertThat(findUsers(COMPANY, List.of())).isEmpty();
        }

        @Test
        void customersAreFoundByEmailIgnoringCase() {
            Customer grace = TestData.customer(ids.getAsLong(), "Grace@Example.com", null);
            commit(TestData.customerOrder(ids, COMPANY, "c-1", grace));

            assertThat(findCustomersByEmail(COMPANY, List.of("GRACE@example.COM", "nobody@example.com")))
                    .containsOnly(entry("grace@example.com", grace));
            assertThat(findCustomersByEmail(COMPANY, List.of())).isEmpty();
        }

        @Test
        void customersAreFoundByExactReferenceAndTheFirstCreatedWins() {
            Customer first = TestData.customer(ids.getAsLong(), "first@example.com", "R-1");
            Customer second = TestData.customer(ids.getAsLong(), "second@example.com", "R-1");
            Customer third = TestData.customer(ids.getAsLong(), null, "R-2");
            Customer fourth = TestData.customer(ids.getAsLong(), null, "R-2");
            commit(TestData.customerOrder(ids, COMPANY, "r-1", first));
            commit(TestData.customerOrder(ids, COMPANY, "r-2", second));
            commit(TestData.customerOrder(ids, COMPANY, "r-3", third), TestData.customerOrder(ids, COMPANY, "r-4",
                    fourth));

            assertThat(findCustomersByReference(COMPANY, List.of("R-1", "R-2", "r-1", "R-absent")))
                    .containsOnly(entry("R-1", first), entry("R-2", third));
            assertThat(findCustomersByReference(COMPANY, List.of())).isEmpty();
        }

        @Test
        void anUpdatedCustomerIsFoundWithItsLatestDetailsInTheSameAndLaterTransactions() {
            Customer first = TestData.customer(ids.getAsLong(), "ret@example.com", "R-ret");
            commit(TestData.customerOrder(ids, COMPANY, "u-1", first));
            Customer updated = new Customer(first.id(), first.email(), "Renamed", "Person", "New Co", "+99", "2 Lane",
                    first.reference(), first.customerAccountId());
            Customer again = new Customer(first.id(), first.email(), "Again", "Person", "New Co", "+99", "2 Lane",
                    first.reference(), first.customerAccountId());
            OrderWrite second = TestData.minimalOrder(ids, COMPANY, "u-2");
            OrderWrite third = TestData.minimalOrder(ids, COMPANY, "u-3");

            commit(new OrderWrite(second.order(), false, null, second.newUsers(), updated));
            assertThat(findCustomersByEmail(COMPANY, List.of("RET@example.com")))
                    .containsOnly(entry("ret@example.com", updated));
            commit(new OrderWrite(third.order(), false, null, third.newUsers(), again));

            assertThat(findCustomersByEmail(COMPANY, List.of("ret@example.com")))
                    .containsOnly(entry("ret@example.com", again));
            assertThat(findCustomersByReference(COMPANY, List.of("R-ret"))).containsOnly(entry("R-ret", again));
        }

        @Test
        void everyLookupInAnEmptyStoreFindsNothing() {
            assertThat(findOrder(COMPANY, "none")).isEmpty();
            assertThat(findOrderHeaders(COMPANY, List.of("none"))).isEmpty();
            assertThat(existingKeys(COMPANY, List.of("NONE"))).isEmpty();
            assertThat(findUsers(COMPANY, List.of("none@example.com"))).isEmpty();
            assertThat(findCustomersByEmail(COMPANY, List.of("none@example.com"))).isEmpty();
            assertThat(findCustomersByReference(COMPANY, List.of("none"))).isEmpty();
        }
    }

    @Nested
    class Uniqueness {
        @Test
        void aTakenOrderIdIsRefused() {
            commit(TestData.keyedOrder(ids, COMPANY, "o-1", "O-1"));

            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class,
                    List.of(TestData.keyedOrder(ids, COMPANY, "o-2", "O-2")),
                    List.of(TestData.keyedOrder(ids, COMPANY, "o-1", "O-3")));

            assertThat(refused.kind()).isEqualTo(Kind.ORDER_ID);
            assertThat(refused.value()).isEqualTo("o-1");
        }

        @Test
        void anOrderIdTwiceInOneWriteIsRefused() {
            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class, List.of(
                    TestData.keyedOrder(ids, COMPANY, "o-4", "O-4"), TestData.keyedOrder(ids, COMPANY, "o-4", "O-5")));

            assertThat(refused.kind()).isEqualTo(Kind.ORDER_ID);
        }

        @Test
        void aTakenLicenseKeyIsRefused() {
            commit(TestData.keyedOrder(ids, COMPANY, "k-1", "TAKEN"));

            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class,
                    List.of(TestData.keyedOrder(ids, COMPANY, "k-2", "FREE-1")),
                    List.of(TestData.keyedOrder(ids, COMPANY, "k-3", "FREE-2", "TAKEN")));

            assertThat(refused.kind()).isEqualTo(Kind.LICENSE_KEY);
            assertThat(refused.value()).isEqualTo("TAKEN");
        }

        @Test
        void aKeyTwiceInOneWriteIsRefused() {
            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class, List.of(
                    TestData.keyedOrder(ids, COMPANY, "k-4", "TWICE"), TestData.keyedOrder(ids, COMPANY, "k-5", "TWICE")));

            assertThat(refused.kind()).isEqualTo(Kind.LICENSE_KEY);
            assertThat(refused.value()).isEqualTo("TWICE");
        }

        @Test
        void keysThatDifferOnlyInCaseAreDifferentKeys() {
            commit(TestData.keyedOrder(ids, COMPANY, "k-6", "abcd-efgh"));
            commit(TestData.keyedOrder(ids, COMPANY, "k-7", "ABCD-EFGH"));

            assertThat(existingKeys(COMPANY, List.of("abcd-efgh", "ABCD-EFGH"))).hasSize(2);
        }

        @Test
        void aTakenUserEmailIsRefusedIgnoringCase() {
            commit(TestData.userOrder(ids, COMPANY, "u-1", "Carol@Example.com"));

            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class,
                    List.of(TestData.userOrder(ids, COMPANY, "u-2", "carol@EXAMPLE.com")));

            assertThat(refused.kind()).isEqualTo(Kind.USER_EMAIL);
            assertThat(refused.value()).isEqualToIgnoringCase("carol@example.com");
        }

        @Test
        void aUserEmailTwiceInOneWriteIsRefusedIgnoringCase() {
            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class, List.of(
                    TestData.userOrder(ids, COMPANY, "u-3", "dan@example.com"),
                    TestData.userOrder(ids, COMPANY, "u-4", "Dan@Example.com")));

            assertThat(refused.kind()).isEqualTo(Kind.USER_EMAIL);
        }

        @Test
        void aTakenCustomerEmailIsRefusedIgnoringCase() {
            commit(TestData.customerOrder(ids, COMPANY, "c-1",
                    TestData.customer(ids.getAsLong(), "Dave@Example.com", null)));

            UniqueViolationException refused = assertRolledBack(store, UniqueViolationException.class,
                    List.of(TestData.customerOrder(ids, COMPANY, "c-2",
                            TestData.customer(ids.getAsLong(), "dave@example.COM", null))));

            assertThat(refused.kind()).isEqualTo(Kind.CUSTOMER_EMAIL);
            assertThat(refused.value()).isEqualToIgnoringCase("dave@example.com");
        }

        @Test
        void customersWithoutEmailNeverConflict() {
            Customer first = TestData.customer(ids.getAsLong(), null, "R-9");
            Customer second = TestData.customer(ids.getAsLong(), null, null);
            commit(TestData.customerOrder(ids, COMPANY, "c-3", first));
            commit(TestData.customerOrder(ids, COMPANY, "c-4", second));

            assertThat(findCustomersByReference(COMPANY, List.of("R-9"))).containsEntry("R-9", first);
        }
    }

    @Nested
    class Tenancy {
        @Test
        void theSameValuesInAnotherCompanyDoNotConflict() {
            OrderWrite mine = TestData.fullOrder(ids, COMPANY, "t-1");
            OrderWrite theirs = TestData.fullOrder(ids, OTHER_COMPANY, "t-1");
            commit(mine);
            commit(theirs);

            assertThat(findOrder(COMPANY, "t-1")).contains(mine.order());
            assertThat(findOrder(OTHER_COMPANY, "t-1")).contains(theirs.order());
            String email = mine.newUsers().get(0).email();
            assertThat(findUsers(OTHER_COMPANY, List.of(email)))
                    .containsExactly(entry(EmailKey.of(email), theirs.newUsers().get(0)));
        }

        @Test
        void oneCompanysDataIsInvisibleToAnother() {
            OrderWrite mine = TestData.fullOrder(ids, COMPANY, "t-2");
            commit(mine);

            assertThat(findOrder(OTHER_COMPANY, "t-2")).isEmpty();
            assertThat(findOrderHeaders(OTHER_COMPANY, List.of("t-2"))).isEmpty();
            assertThat(existingKeys(OTHER_COMPANY, Ledger.keysOf(mine.order().items()))).isEmpty();
            assertThat(findUsers(OTHER_COMPANY, List.of(mine.newUsers().get(0).email()))).isEmpty();
            assertThat(findCustomersByEmail(OTHER_COMPANY, List.of(mine.newCustomer().email())))
                    .isEmpty();
            assertThat(findCustomersByReference(OTHER_COMPANY, List.of(mine.newCustomer().reference())))
                    .isEmpty();
        }
    }

    /**
     * Idempotency keys (DESIGN §3 "Retried deliveries"): kept with the transaction's orders, per company, read back
     * exactly; a live key is never replaced, an expired one is.
     */
    @Nested
    class IdempotencyKeys {
        private static final Instant KEPT = Instant.parse("2025-03-25T10:00:00.123Z");

        private KeptIdempotencyKey kept(String key, String fingerprint, String orderId, Instant at) {
            return new KeptIdempotencyKey(key, fingerprint, orderId, List.of(ids.getAsLong(), ids.getAsLong()), at);
        }

        private Optional<KeptIdempotencyKey> find(String company, String key) {
            return store.read(reader -> reader.findIdempotencyKey(company, key));
        }

        private boolean keep(String company, KeptIdempotencyKey kept, Instant expiredBefore) {
            return store.inTransaction(tx -> tx.keepIdempotencyKey(company, kept, expiredBefore));
        }

        @Test
        void aKeptKeyReadsBackEqualInItsCompanyOnly() {
            OrderWrite order = TestData.fullOrder(ids, COMPANY, "ik-1");
            KeptIdempotencyKey key = kept("delivery-1", "f".repeat(64), "ik-1", KEPT);
            ledger.attempted(List.of(order));
            store.inTransaction(tx -> {
                tx.write(List.of(order));
                assertThat(tx.keepIdempotencyKey(COMPANY, key, KEPT.minusSeconds(1))).isTrue();
                assertThat(tx.findIdempotencyKey(COMPANY, "delivery-1")).as("read in its transaction").contains(key);
                ledger.committed(List.of(order));
                return null;
            });

            assertThat(find(COMPANY, "delivery-1")).contains(key);
            assertThat(find(COMPANY, "DELIVERY-1")).isEmpty();
            assertThat(find(OTHER_COMPANY, "delivery-1")).isEmpty();
            KeptIdempotencyKey theirs = kept("delivery-1", "other", "ik-9", KEPT);
            assertThat(keep(OTHER_COMPANY, theirs, KEPT)).isTrue();
            assertThat(find(OTHER_COMPANY, "delivery-1")).contains(theirs);
            assertThat(find(COMPANY, "delivery-1")).contains(key);
        }

        @Test
        void aKeyRollsBackWithItsTransaction() {
            OrderWrite order = TestData.minimalOrder(ids, COMPANY, "ik-2");
            ledger.attempted(List.of(order));
            IllegalStateException failure = new IllegalStateException("the work fails");
            Throwable thrown = catchThrowable(() -> store.inTransaction(tx -> {
                tx.write(List.of(order));
                tx.keepIdempotencyKey(COMPANY, kept("delivery-2", "f", "ik-2", KEPT), KEPT);
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertThat(find(COMPANY, "delivery-2")).isEmpty();
        }

        @Test
        void aLiveKeyIsNeverReplacedAnExpiredOneIs() {
            KeptIdempotencyKey first = kept("delivery-3", "first", "ik-3", KEPT);
            assertThat(keep(COMPANY, first, KEPT.minusSeconds(60))).isTrue();

            KeptIdempotencyKey second = kept("delivery-3", "second", "ik-4", KEPT.plusSeconds(60));
            assertThat(keep(COMPANY, second, KEPT)).as("kept at expiredBefore: still live").isFalse();
            assertThat(find(COMPANY, "delivery-3")).contains(first);

            assertThat(keep(COMPANY, second, KEPT.plusMillis(1))).isTrue();
            assertThat(find(COMPANY, "delivery-3")).contains(second);
        }
    }

    @Nested
    class Rollback {
        @Test
        void aRollbackAfterSeveralWritesLeavesNothingAndRethrowsTheSameException() {
            commit(TestData.fullOrder(ids, COMPANY, "rb-0"));
            Order existing = ledger.order(COMPANY, "rb-0");
            List<OrderWrite> writes = List.of(TestData.fullOrder(ids, COMPANY, "rb-1"),
                    TestData.minimalOrder(ids, OTHER_COMPANY, "rb-2"),
                    TestData.customerOrder(ids, COMPANY, "rb-3",
                            TestData.customer(ids.getAsLong(), "rb3@example.com", "ref-rb-3")),
                    TestData.append(existing.withItems(List.of()), List.of(TestData.keyedItem(ids, "RB-0-X")),
                            List.of()));
            ledger.attempted(writes);
            StoreState before = ledger.readBack(store);
            IllegalStateException failure = new IllegalStateException("the work fails");

            Throwable thrown = catchThrowable(() -> store.inTransaction(tx -> {
                writes.forEach(write -> tx.write(List.of(write)));
                tx.reserveIds(10);
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertThat(ledger.readBack(store)).isEqualTo(before);
        }
    }

    @Nested
    class IdSequence {
        @Test
        void reservedBlocksArePositiveAndNeverOverlap() {
            List<long[]> blocks = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                store.inTransaction(tx -> {
                    for (int count : new int[] {10, 0, 1, 5, 0, 3}) {
                        blocks.add(new long[] {tx.reserveIds(count), count});
                    }
                    return null;
                });
            }

            assertDisjointPositiveBlocks(blocks);
        }

        @Test
        @Timeout(60)
        void blocksReservedOnManyThreadsNeverOverlap() throws InterruptedException {
            List<long[]> blocks = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> failures = runTogether(8, thread -> {
                for (int round = 0; round < 20; round++) {
                    int count = (thread + round) % 7;
                    blocks.add(new long[] {store.inTransaction(tx -> tx.reserveIds(count)), count});
                }
            });

            assertThat(failures).isEmpty();
            assertDisjointPositiveBlocks(blocks);
        }

        @Test
        void aBlockStartsAboveEveryIdCommittedBeforeIt() {
            long previousEnd = 0;
            for (int count : new int[] {3, 0, 1, 7, 2}) {
                long first = store.inTransaction(tx -> tx.reserveIds(count));
                assertThat(first).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = first + count;
            }
        }

        @Test
        void blocksReservedAfterARollbackDoNotOverlapCommittedOnes() {
            List<long[]> committed = new ArrayList<>();
            committed.add(new long[] {store.inTransaction(tx -> tx.reserveIds(10)), 10});
            catchThrowable(() -> store.inTransaction(tx -> {
                tx.reserveIds(10);
                throw new IllegalStateException("roll back");
            }));
            committed.add(new long[] {store.inTransaction(tx -> tx.reserveIds(10)), 10});

            assertDisjointPositiveBlocks(committed);
        }

        private void assertDisjointPositiveBlocks(List<long[]> blocks) {
            List<long[]> nonEmpty = new ArrayList<>(blocks.stream().filter(b -> b[1] > 0).toList());
            nonEmpty.sort(Comparator.comparingLong(b -> b[0]));
            long end = 1;
            for (long[] block : nonEmpty) {
                assertThat(block[0]).as("a block starts after the previous one ends").isGreaterThanOrEqualTo(end);
                end = block[0] + block[1];
            }
        }
    }

    @Nested
    class Visibility {
        @Test
        void readsInsideATransactionSeeItsOwnWrites() {
            OrderWrite write = TestData.fullOrder(ids, COMPANY, "v-1");
            OrderItem added = TestData.keyedItem(ids, "V-1-X");
            OrderWrite append = TestData.append(write.order().withItems(List.of()), List.of(added), List.of());
            Customer customer = write.newCustomer();
            User alice = write.newUsers().get(0);
            ledger.attempted(List.of(write, append));

            store.inTransaction(tx -> {
                tx.write(List.of(write));
                assertThat(tx.findOrder(COMPANY, "v-1")).contains(write.order());
                assertThat(tx.findOrderHeaders(COMPANY, List.of("v-1"))).containsKey("v-1");
                assertThat(tx.existingKeys(COMPANY, Ledger.keysOf(write.order().items())))
                        .containsExactlyInAnyOrderElementsOf(Ledger.keysOf(write.order().items()));
                assertThat(tx.findUsers(COMPANY, List.of(alice.email().toUpperCase(Locale.ROOT))))
                        .containsValue(alice);
                assertThat(tx.findCustomersByEmail(COMPANY, List.of(customer.email()))).containsValue(customer);
                assertThat(tx.findCustomersByReference(COMPANY, List.of(customer.reference())))
                        .containsValue(customer);
                tx.write(List.of(append));
                assertThat(tx.findOrder(COMPANY, "v-1").orElseThrow().items()).endsWith(added);
                ledger.committed(List.of(write, append));
                return null;
            });
        }

        @Test
        @Timeout(60)
        void readsOutsideATransactionNeverSeeItsWrites() throws Exception {
            OrderWrite write = TestData.fullOrder(ids, COMPANY, "v-2");
            ledger.attempted(List.of(write));
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                List<Future<Optional<Order>>> seen = new ArrayList<>();
                catchThrowable(() -> store.inTransaction(tx -> {
                    tx.write(List.of(write));
                    seen.add(reader.submit(() -> findOrder(COMPANY, "v-2")));
                    awaitBriefly(seen.get(0));
                    throw new IllegalStateException("roll back");
                }));

                assertThat(seen.get(0).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEmpty();
            } finally {
                reader.shutdownNow();
            }
        }

        @Test
        @Timeout(60)
        void aReaderSeesAllOfACommittedTransactionOrNoneOfIt() throws Exception {
            OrderWrite first = TestData.keyedOrder(ids, COMPANY, "v-3", "V-3");
            OrderWrite second = TestData.keyedOrder(ids, COMPANY, "v-4", "V-4");
            ledger.attempted(List.of(first, second));
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                List<Future<Map<String, Order>>> seen = new ArrayList<>();
                store.inTransaction(tx -> {
                    tx.write(List.of(first));
                    tx.write(List.of(second));
                    seen.add(reader.submit(() -> findOrderHeaders(COMPANY, List.of("v-3", "v-4"))));
                    awaitBriefly(seen.get(0));
                    ledger.committed(List.of(first, second));
                    return null;
                });

                Set<String> found = seen.get(0).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).keySet();
                assertThat(found.isEmpty() || found.equals(Set.of("v-3", "v-4")))
                        .as("the reader saw both orders or neither, not %s", found).isTrue();
                assertThat(findOrderHeaders(COMPANY, List.of("v-3", "v-4"))).hasSize(2);
            } finally {
                reader.shutdownNow();
            }
        }

        /** Gives a reader on another thread the chance to run while the transaction is open, if the store lets it. */
        private void awaitBriefly(Future<?> read) {
            try {
                read.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException waitingForTheTransaction) {
                // The store makes readers wait for the running transaction, as the SPI allows.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Nested
    class ConcurrentWriters {
        @Test
        @Timeout(120)
        void writersOnManyThreadsAllLand() throws InterruptedException {
            List<List<OrderWrite>> perThread = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                List<OrderWrite> writes = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    writes.add(TestData.keyedOrder(ids, COMPANY, "cw-" + thread + "-" + i, "CW-" + thread + "-" + i));
                }
                perThread.add(writes);
            }

            List<Throwable> failures = runTogether(8, thread -> perThread.get(thread).forEach(w -> commit(store,
                    List.of(w))));

            assertThat(failures).isEmpty();
            List<String> orderIds = perThread.stream().flatMap(List::stream).map(w -> w.order().orderId()).toList();
            assertThat(findOrderHeaders(COMPANY, orderIds)).hasSize(400);
        }

        @Test
        @Timeout(60)
        void ofWritersRacingOnOneOrderIdExactlyOneLands() throws InterruptedException {
            List<OrderWrite> contenders = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                contenders.add(TestData.keyedOrder(ids, COMPANY, "race", "RACE-" + thread));
            }

            List<Throwable> failures = runTogether(8, thread -> commit(store, List.of(contenders.get(thread))));

            assertThat(failures).hasSize(7).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOfSatisfying(UniqueViolationException.class,
                            violation -> assertThat(violation.kind()).isEqualTo(Kind.ORDER_ID)));
            assertThat(contenders).filteredOn(w -> w.order().equals(ledger.order(COMPANY, "race"))).hasSize(1);
        }

        @Test
        @Timeout(60)
        void appendsRacingOnOneOrderAllLand() throws InterruptedException {
            OrderWrite original = TestData.keyedOrder(ids, COMPANY, "race-append", "RA");
            commit(original);
            List<OrderWrite> appends = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                appends.add(TestData.append(original.order().withItems(List.of()),
                        List.of(TestData.keyedItem(ids, "RA-" + thread)), List.of()));
            }

            List<Throwable> failures = runTogether(8, thread -> commit(store, List.of(appends.get(thread))));

            assertThat(failures).isEmpty();
            assertThat(findOrder(COMPANY, "race-append").orElseThrow().items()).hasSize(9);
        }
    }

    @Nested
    class CatalogStorage {
        @Test
        void aFullyPopulatedCatalogReadsBackEqual() {
            store.replaceCatalog(COMPANY, TestData.fullCatalog());

            assertThat(store.catalog(COMPANY)).contains(TestData.fullCatalog());
        }

        @Test
        void aCompanyWithoutACatalogHasNone() {
            store.replaceCatalog(COMPANY, TestData.fullCatalog());

            assertThat(store.catalog(OTHER_COMPANY)).isEmpty();
        }

        @Test
        void replacingACatalogOverwritesIt() {
            Catalog smaller = new Catalog(List.of(TestData.fullCatalog().products().get(1)), List.of(),
                    List.of(new CustomerAccount(9, "Initech")));
            store.replaceCatalog(COMPANY, TestData.fullCatalog());
            store.replaceCatalog(COMPANY, smaller);

            assertThat(store.catalog(COMPANY)).contains(smaller);
            store.replaceCatalog(COMPANY, Catalog.EMPTY);
            assertThat(store.catalog(COMPANY)).contains(Catalog.EMPTY);
        }

        @Test
        void eachCompanyKeepsItsOwnCatalog() {
            Catalog theirs = new Catalog(List.of(), List.of(), List.of(new CustomerAccount(9, "Initech")));
            store.replaceCatalog(COMPANY, TestData.fullCatalog());
            store.replaceCatalog(OTHER_COMPANY, theirs);

            assertThat(store.catalog(COMPANY)).contains(TestData.fullCatalog());
            assertThat(store.catalog(OTHER_COMPANY)).contains(theirs);
        }
    }

    @Nested
    class Closing {
        @Test
        void closingTwiceIsFine() {
            LicenseStore other = openStore();
            other.close();
            other.close();
        }

        @Test
        void everyCallAfterCloseFails() {
            LicenseStore other = openStore();
            other.close();

            assertThatThrownBy(() -> other.inTransaction(tx -> tx.reserveIds(1))).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> other.read(reader -> reader.findOrder(COMPANY, "x"))).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> other.catalog(COMPANY)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> other.replaceCatalog(COMPANY, Catalog.EMPTY)).isInstanceOf(StoreException.class);
        }
    }

    @Nested
    class FaultInjection {
        @Test
        void theFailingWriteLeavesTheStoreAsBeforeItsTransaction() {
            FaultInjectingStore faulty = new FaultInjectingStore(store, 3);
            commit(faulty, List.of(TestData.fullOrder(ids, COMPANY, "f-1")));
            commit(faulty, List.of(TestData.userOrder(ids, COMPANY, "f-2", "f2@example.com")));

            StoreException injected = assertRolledBack(faulty, StoreException.class,
                    List.of(TestData.fullOrder(ids, COMPANY, "f-3")));
            commit(faulty, List.of(TestData.keyedOrder(ids, COMPANY, "f-4", "F-4")));

            assertThat(injected).isNotInstanceOf(UniqueViolationException.class);
            assertThat(faulty.writeCalls()).isEqualTo(4);
        }

        @Test
        void aFailingWriteUndoesTheEarlierWritesOfItsTransaction() {
            FaultInjectingStore faulty = new FaultInjectingStore(store, 2);
            commit(TestData.keyedOrder(ids, COMPANY, "f-5", "F-5"));
            Order existing = ledger.order(COMPANY, "f-5");

            assertRolledBack(faulty, StoreException.class,
                    List.of(TestData.fullOrder(ids, COMPANY, "f-6"),
                            TestData.customerOrder(ids, COMPANY, "f-7",
                                    TestData.customer(ids.getAsLong(), "f7@example.com", "ref-f-7"))),
                    List.of(TestData.append(existing.withItems(List.of()), List.of(TestData.keyedItem(ids, "F-5-X")),
                            List.of())));
        }
    }

    /** Commits {@code writes} in one transaction and one write call, and records them. */
    private void commit(OrderWrite... writes) {
        commit(store, List.of(writes));
    }

    /**
     * Commits {@code batch} in one transaction and one write call through {@code target}. The ledger records the batch
     * at the end of the work: transactions are serialized, so the ledger sees commits in commit order.
     */
    private void commit(LicenseStore target, List<OrderWrite> batch) {
        ledger.attempted(batch);
        target.inTransaction(tx -> {
            tx.write(batch);
            ledger.committed(batch);
            return null;
        });
    }

    /**
     * Runs one transaction that writes each of {@code writeCalls} in a write call of its own and must fail with
     * {@code expected}; then checks that every read, of everything the suite ever wrote or tried to, answers as before.
     */
    @SafeVarargs
    private <X extends Throwable> X assertRolledBack(LicenseStore target, Class<X> expected,
                                                     List<OrderWrite>... writeCalls) {
        for (List<OrderWrite> batch : writeCalls) {
            ledger.attempted(batch);
        }
        StoreState before = ledger.readBack(store);

        Throwable thrown = catchThrowable(() -> target.inTransaction(tx -> {
            for (List<OrderWrite> batch : writeCalls) {
                tx.write(batch);
            }
            return null;
        }));

        assertThat(thrown).isInstanceOf(expected);
        assertThat(ledger.readBack(store)).as("the store after the rollback").isEqualTo(before);
        return expected.cast(thrown);
    }

    private Optional<Order> findOrder(String company, String orderId) {
        return store.read(reader -> reader.findOrder(company, orderId));
    }

    private Map<String, Order> findOrderHeaders(String company, List<String> orderIds) {
        return store.read(reader -> reader.findOrderHeaders(company, orderIds));
    }

    private Set<String> existingKeys(String company, List<String> keys) {
        return store.read(reader -> reader.existingKeys(company, keys));
    }

    private Map<String, User> findUsers(String company, List<String> emails) {
        return store.read(reader -> reader.findUsers(company, emails));
    }

    private Map<String, Customer> findCustomersByEmail(String company, List<String> emails) {
        return store.read(reader -> reader.findCustomersByEmail(company, emails));
    }

    private Map<String, Customer> findCustomersByReference(String company, List<String> references) {
        return store.read(reader -> reader.findCustomersByReference(company, references));
    }

    /** Runs {@code task} for 0 to {@code threads - 1} on as many threads, released at once; the failures. */
    private static List<Throwable> runTogether(int threads, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                runs.add(pool.submit(() -> {
                    start.await();
                    task.accept(index);
                    return null;
                }));
            }
            start.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> run : runs) {
                try {
                    run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    failures.add(e);
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Engine ids for the suite's records, reserved from the store in blocks by transactions of their own, so that writes
     * can be built before the transaction that writes them. Thread-safe.
     */
    private static final class ReservedIds implements LongSupplier {
        private static final int BLOCK = 1000;
        private final LicenseStore store;
        private long next;
        private long end;

        ReservedIds(LicenseStore store) {
            this.store = store;
        }

        @Override
        public synchronized long getAsLong() {
            if (next == end) {
                next = store.inTransaction(tx -> tx.reserveIds(BLOCK));
                end = next + BLOCK;
            }
            return next++;
        }
    }
}
