package dev.licensing.store.sqlite;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.licensing.store.sqlite.Fixtures.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every file the store cannot use is refused with a StoreException that names it and says why. */
class OpeningFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheLatestSchemaVersionAndReopeningKeepsIt() throws Exception {
        Path file = dir.resolve("new.db");
        SqliteLicenseStore.open(file).close();
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
        SqliteLicenseStore.open(file).close();
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
    }

    @Test
    void aNewFileIsInWalMode() throws Exception {
        Path file = dir.resolve("wal.db");
        SqliteLicenseStore.open(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void anEmptyVersionZeroFileIsMigratedForward() throws Exception {
        Path file = dir.resolve("v0.db");
        sql(file, "PRAGMA user_version = 0", "VACUUM");
        assertThat(Files.size(file)).isPositive();
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            store.inTransaction(tx -> {
                tx.write(List.of(Fixtures.newOrder(tx, COMPANY, "o-1", 1, 1)));
                return null;
            });
        }
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            assertThat(SqliteLicenseStoreTest.find(store, COMPANY, "o-1")).isPresent();
        }
    }

    @Test
    void aVersionOneFileGetsTheVipTablesAndKeepsItsOrdersAndCatalog() throws Exception {
        Path file = dir.resolve("v1.db");
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            store.replaceCatalog(COMPANY, Catalog.EMPTY);
            store.inTransaction(tx -> {
                tx.write(List.of(Fixtures.newOrder(tx, COMPANY, "o-1", 1, 1)));
                return null;
            });
        }
        sql(file, AS_VERSION_ONE);

        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            assertThat(SqliteLicenseStoreTest.find(store, COMPANY, "o-1")).isPresent();
            assertThat(store.catalog(COMPANY)).contains(Catalog.EMPTY);
            assertThat(store.read(reader -> reader.vipOrders(COMPANY, "c")).isEmpty()).isTrue();
        }
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
    }

    @Test
    void aFileOfTheVersionBeforeTheIdempotencyKeysGainsTheirTableAndKeepsItsOrders() throws Exception {
        Path file = dir.resolve("v4.db");
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            store.inTransaction(tx -> {
                tx.write(List.of(Fixtures.newOrder(tx, COMPANY, "o-1", 1, 1)));
                return null;
            });
        }
        int before = Schema.versionAfter("V5__idempotency_keys.sql") - 1;
        sql(file, "DROP TABLE idempotency_keys", "PRAGMA user_version = " + before);

        KeptIdempotencyKey kept = new KeptIdempotencyKey("k", "f", "o-1", List.of(1L), Instant.EPOCH);
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            assertThat(SqliteLicenseStoreTest.find(store, COMPANY, "o-1")).isPresent();
            boolean keptNow = store.inTransaction(tx -> tx.keepIdempotencyKey(COMPANY, kept, Instant.EPOCH));
            Optional<KeptIdempotencyKey> found = store.read(reader -> reader.findIdempotencyKey(COMPANY, "k"));
            assertThat(keptNow).isTrue();
            assertThat(found).contains(kept);
        }
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
    }

    @Test
    void aFileFromANewerVersionIsRefused() throws Exception {
        Path file = dir.resolve("newer.db");
        SqliteLicenseStore.open(file).close();
        sql(file, "PRAGMA user_version = " + (Schema.LATEST + 1));
        assertRefused(file, "written by a newer version");
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST + 1);
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("notes.txt");
        byte[] text = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        assertRefused(file, "not a SQLite database");
        assertThat(Files.readAllBytes(file)).isEqualTo(text);
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftByteForByteAsItWas() throws Exception {
        Path file = dir.resolve("other.db");
        sql(file, "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO things VALUES (1, 'x')");
        byte[] before = Files.readAllBytes(file);
        assertRefused(file, "another application");
        assertUntouched(file, before);
    }

    @Test
    void aDatabaseWithOnlyAViewOrAnApplicationIdIsAnotherApplicationsToo() throws Exception {
        Path view = dir.resolve("view.db");
        sql(view, "CREATE VIEW v AS SELECT 1");
        Path stamped = dir.resolve("stamped.db");
        sql(stamped, "PRAGMA application_id = 1234", "VACUUM");
        for (Path file : List.of(view, stamped)) {
            byte[] before = Files.readAllBytes(file);
            assertRefused(file, "another application");
            assertUntouched(file, before);
        }
    }

    @Test
    void aFileFromANewerVersionIsLeftByteForByteAsItWas() throws Exception {
        Path file = storeWithOrders("newer-untouched.db");
        sql(file, "PRAGMA journal_mode = DELETE", "PRAGMA user_version = " + (Schema.LATEST + 1));
        byte[] before = Files.readAllBytes(file);
        assertRefused(file, "written by a newer version");
        assertUntouched(file, before);
    }

    @Test
    void aDamagedStoreIsRefusedAndNotWrittenTo() throws Exception {
        Path file = storeWithOrders("damaged.db");
        sql(file, "PRAGMA journal_mode = DELETE", "DROP TABLE customer_accounts");
        byte[] before = Files.readAllBytes(file);
        assertRefused(file, "table customer_accounts is missing");
        assertUntouched(file, before);
    }

    @Test
    void eightStoresOpeningOneNewFileAtOnceAllOpenAndCreateTheSchemaOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path file = dir.resolve("together-" + round + ".db");
            int stores = 8;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(stores);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(stores);
            try {
                List<java.util.concurrent.Future<?>> opened = new java.util.ArrayList<>();
                for (int n = 0; n < stores; n++) {
                    String orderId = "o-" + n;
                    opened.add(pool.submit(() -> {
                        start.await();
                        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
                            store.inTransaction(tx -> {
                                tx.write(List.of(Fixtures.newOrder(tx, COMPANY, orderId, 1, 1)));
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> future : opened) {
                    future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
            assertThat(count(file, "SELECT count(*) FROM orders")).isEqualTo(stores);
        }
    }

    @Test
    void eightProcessesStartedTogetherOnOneNewFileAllSucceed() throws Exception {
        Path file = dir.resolve("processes.db");
        List<Process> processes = new java.util.ArrayList<>();
        for (int n = 0; n < 8; n++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), NewFileOpener.class.getName(), file.toString(),
                    "p-" + n).redirectErrorStream(true).start());
        }
        for (Process process : processes) {
            try {
                assertThat(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8)).isZero();
            } finally {
                process.destroyForcibly();
            }
        }
        assertThat(count(file, "SELECT count(*) FROM orders")).isEqualTo(8);
    }

    @Test
    void aVersionOneFileIsReKeyedByEmailKeyOldestFirstAndLosesNoUser() throws Exception {
        Path file = dir.resolve("v1.db");
        SqliteLicenseStore.open(file).close();
        // As version 1 wrote them: email_lower was Java's toLowerCase(Locale.ROOT).
        sql(file, "INSERT INTO companies (id, name) VALUES (1, '" + COMPANY + "')",
                "INSERT INTO users (id, company_id, email, email_lower, password_hash) VALUES "
                        + "(10, 1, 'Jos\u00e9@Example.de', 'jos\u00e9@example.de', 'h1'), "
                        + "(11, 1, 'ZO\u0308E@example.de', 'zo\u0308e@example.de', 'h2'), "
                        + "(12, 1, 'JOSE\u0301@example.de', 'jose\u0301@example.de', 'h3'), "
                        + "(13, 1, 'plain@example.de', 'plain@example.de', 'h4')");
        sql(file, AS_VERSION_ONE);

        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            var found = store.read(r -> r.findUsers(COMPANY, List.of("JOS\u00c9@example.de", "z\u00d6e@EXAMPLE.de",
                    "Plain@Example.de")));
            assertThat(found.values()).extracting(u -> u.id()).containsExactlyInAnyOrder(10L, 11L, 13L);
        }
        assertThat(userVersion(file)).isEqualTo(Schema.LATEST);
        assertThat(count(file, "SELECT count(*) FROM users")).isEqualTo(4);
    }

    @Test
    void aReadOnlyFileIsRefused() throws Exception {
        Path file = dir.resolve("readonly.db");
        SqliteLicenseStore.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertRefused(file, "read-only");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        Path file = storeWithOrders("truncated.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(4096 + 512);
        }
        assertRefused(file, "corrupt");
    }

    @Test
    void aFileTruncatedInsideItsHeaderIsRefused() throws Exception {
        Path file = storeWithOrders("stub.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(40);
        }
        assertRefused(file, "corrupt");
    }

    @Test
    void aFileWithAGarbledSchemaPageIsRefused() throws Exception {
        Path file = storeWithOrders("garbled.db");
        byte[] garbage = new byte[3000];
        Arrays.fill(garbage, (byte) 0x5a);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(100);
            raf.write(garbage);
        }
        byte[] before = Files.readAllBytes(file);
        assertRefused(file, "corrupt");
        assertThat(Files.readAllBytes(file)).as("a damaged file is not written to").isEqualTo(before);
    }

    @Test
    void aMissingDirectoryIsRefused() {
        Path file = dir.resolve("no/such/dir/store.db");
        assertThatThrownBy(() -> SqliteLicenseStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    private Path storeWithOrders(String name) {
        Path file = dir.resolve(name);
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            store.inTransaction(tx -> {
                for (int i = 0; i < 50; i++) {
                    tx.write(List.of(Fixtures.newOrder(tx, COMPANY, "o-" + i, 2, 3)));
                }
                return null;
            });
        }
        return file;
    }

    /** The file's bytes are as before, and no journal or WAL file was left beside it. */
    private static void assertUntouched(Path file, byte[] before) throws IOException {
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
        assertThat(file.resolveSibling(file.getFileName() + "-shm")).doesNotExist();
        assertThat(file.resolveSibling(file.getFileName() + "-journal")).doesNotExist();
    }

    private static long count(Path file, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertRefused(Path file, String why) {
        assertThatThrownBy(() -> SqliteLicenseStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining(why);
    }

    static int userVersion(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Turns a file at the latest version into what version 1 wrote: none of the VIP tables (version 2) nor the
     * lifecycle's (version 4).
     */
    private static final String[] AS_VERSION_ONE = {"DROP TABLE vip_catalog", "DROP TABLE vip_coterms",
            "DROP TABLE vip_orders", "DROP TABLE vip_subscriptions", "DROP TABLE vip_replays",
            "DROP TRIGGER license_users_of_new_license", "DROP TABLE license_state", "DROP TABLE activations",
            "DROP TABLE consumption_counters", "DROP TABLE license_events", "DROP TABLE license_users",
            "DROP TABLE idempotency_keys", "PRAGMA user_version = 1"};

    private static void sql(Path file, String... statements) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
