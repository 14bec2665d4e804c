package dev.licensing.store.sqlite;

import dev.licensing.api.catalog.Catalog;
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
import java.util.Arrays;
import java.util.List;

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
        // What version 1 wrote: no VIP tables.
        sql(file, "DROP TABLE vip_catalog", "DROP TABLE vip_coterms", "DROP TABLE vip_orders",
                "DROP TABLE vip_subscriptions", "DROP TABLE vip_replays", "PRAGMA user_version = 1");

        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            assertThat(SqliteLicenseStoreTest.find(store, COMPANY, "o-1")).isPresent();
            assertThat(store.catalog(COMPANY)).contains(Catalog.EMPTY);
            assertThat(store.read(reader -> reader.vipOrders(COMPANY, "c")).isEmpty()).isTrue();
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
    void anotherApplicationsDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        sql(file, "CREATE TABLE things (id INTEGER PRIMARY KEY)");
        assertRefused(file, "another application");
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
        assertRefused(file, "corrupt");
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

    private static void sql(Path file, String... statements) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
