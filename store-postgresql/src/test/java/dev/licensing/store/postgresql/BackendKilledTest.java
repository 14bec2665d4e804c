package dev.licensing.store.postgresql;

import dev.licensing.api.model.Order;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend terminated by the server ({@code pg_terminate_backend}) in the middle of a write transaction: the server
 * rolls back what it wrote, the store runs the transaction again on another connection, and the store is used on.
 */
class BackendKilledTest {
    private static final String COMPANY = "acme";

    @Test
    @Timeout(60)
    void aTransactionWhoseBackendIsKilledLeavesNothingHalfWrittenAndRunsAgain() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        try (PostgresLicenseStore store = PostgresLicenseStore.open(server.freshStoreUrl(),
                PostgresOptions.DEFAULTS.withPoolSize(2))) {
            AtomicInteger attempts = new AtomicInteger();
            CountDownLatch halfWritten = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            CompletableFuture<List<OrderWrite>> committed = CompletableFuture.supplyAsync(() ->
                    store.inTransaction(tx -> {
                        LongSupplier ids = ids(tx.reserveIds(100));
                        OrderWrite first = TestData.fullOrder(ids, COMPANY, "first");
                        OrderWrite second = TestData.keyedOrder(ids, COMPANY, "second", "K-1", "K-2");
                        tx.write(List.of(first));
                        if (attempts.incrementAndGet() == 1) {
                            halfWritten.countDown();
                            await(killed);
                        }
                        tx.write(List.of(second));
                        return List.of(first, second);
                    }));

            assertThat(halfWritten.await(30, TimeUnit.SECONDS)).isTrue();
            server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE state = 'idle in transaction' AND pid <> pg_backend_pid()");
            killed.countDown();
            List<OrderWrite> written = committed.get(30, TimeUnit.SECONDS);

            assertThat(attempts).hasValue(2);
            for (OrderWrite write : written) {
                Optional<Order> stored = store.read(reader -> reader.findOrder(COMPANY, write.order().orderId()));
                assertThat(stored).contains(write.order());
            }
            OrderWrite after = store.inTransaction(tx -> {
                OrderWrite third = TestData.keyedOrder(ids(tx.reserveIds(10)), COMPANY, "third", "K-3");
                tx.write(List.of(third));
                return third;
            });
            Optional<Order> third = store.read(reader -> reader.findOrder(COMPANY, "third"));
            Set<String> keys = store.read(reader -> reader.existingKeys(COMPANY, List.of("K-1", "K-2", "K-3")));
            assertThat(third).contains(after.order());
            assertThat(keys).containsExactlyInAnyOrder("K-1", "K-2", "K-3");
        }
    }

    private static LongSupplier ids(long first) {
        long[] next = {first};
        return () -> next[0]++;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
