package dev.licensing.store.sqlite;

import dev.licensing.api.model.Order;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.licensing.store.sqlite.Fixtures.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads (and store instances, as separate server processes would) race on overlapping order ids; a thread that finds
 * the id taken appends instead, as the engine does with {@code append: true}. Every write must land exactly once.
 */
class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void eightThreadsOnOneStoreCreateEachIdOnceAndLoseNoWrite() throws Exception {
        Path file = dir.resolve("threads.db");
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            race(List.of(store), 8, 500, 250, "a");
        }
        assertLanded(file, 250, 8 * 500);
    }

    @Test
    void twoStoreInstancesOnOneFileSerializeTheirWrites() throws Exception {
        Path file = dir.resolve("instances.db");
        try (SqliteLicenseStore first = SqliteLicenseStore.open(file);
             SqliteLicenseStore second = SqliteLicenseStore.open(file)) {
            race(List.of(first, second), 4, 250, 100, "a");
        }
        assertLanded(file, 100, 4 * 250);
    }

    @Test
    void twoProcessesOnOneFileSerializeTheirWrites() throws Exception {
        Path file = dir.resolve("processes.db");
        SqliteLicenseStore.open(file).close();
        List<Process> processes = new ArrayList<>();
        for (String tag : List.of("p1", "p2")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RacingWriter.class.getName(), file.toString(), tag)
                    .inheritIO().start());
        }
        for (Process process : processes) {
            try {
                assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the writer process finished").isTrue();
                assertThat(process.exitValue()).as("the writer process's exit code").isZero();
            } finally {
                process.destroyForcibly();
            }
        }
        assertLanded(file, RacingWriter.IDS, 2 * RacingWriter.THREADS * RacingWriter.ORDERS);
    }

    /**
     * {@code threads} threads, spread over {@code stores}, each writing {@code orders} orders over {@code ids} ids;
     * {@code tag} keeps the keys of appends unique across processes.
     */
    static void race(List<? extends LicenseStore> stores, int threads, int orders, int ids, String tag)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                LicenseStore store = stores.get(t % stores.size());
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < orders; i++) {
                        String orderId = "o-" + ((thread * 37 + i) % ids);
                        String keys = tag + "-t" + thread + "-" + i;
                        store.inTransaction(tx -> {
                            Order header = tx.findOrderHeaders(COMPANY, List.of(orderId)).get(orderId);
                            OrderWrite write = header == null
                                    ? Fixtures.newOrder(tx, COMPANY, orderId, 1, 2)
                                    : Fixtures.append(tx, header, keys, 2);
                            tx.write(List.of(write));
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertLanded(Path file, int orders, int items) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT count(*) FROM orders")).isEqualTo(orders);
            assertThat(single(statement, "SELECT count(DISTINCT order_id) FROM orders")).isEqualTo(orders);
            assertThat(single(statement, "SELECT count(*) FROM order_items")).isEqualTo(items);
            assertThat(single(statement, "SELECT count(*) FROM licenses")).isEqualTo(2L * items);
            assertThat(single(statement, "SELECT count(DISTINCT license_key) FROM licenses"))
                    .isEqualTo(single(statement, "SELECT count(license_key) FROM licenses"));
            // Item positions within each order are 0..n-1 with no gap or repeat.
            assertThat(single(statement, "SELECT count(*) FROM (SELECT order_pk FROM order_items GROUP BY order_pk "
                    + "HAVING max(position) + 1 <> count(*))")).isZero();
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
