package dev.licensing.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.store.postgresql.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --db jdbc:postgresql:...}: the same commands, the same output as on SQLite, and {@code migrate}. */
class PostgresCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void createShowAndImportPrintByteForByteWhatSqlitePrints() throws IOException {
        String postgres = EmbeddedPostgresServer.shared().freshStoreUrl();
        String sqlite = dir.resolve("licensing.db").toString();

        List<String> onPostgres = session(postgres, dir.resolve("pg"));
        List<String> onSqlite = session(sqlite, dir.resolve("sqlite"));

        assertThat(onPostgres).hasSize(onSqlite.size());
        for (int i = 0; i < onSqlite.size(); i++) {
            assertThat(onPostgres.get(i)).as("output %d", i).isEqualTo(onSqlite.get(i));
        }
    }

    /**
     * The same commands on one database: key-based, user-based and bundle orders, a rejected one (its order id is
     * taken: ids reserved by its transaction go back), reads, and an import with rejects and appends. Each command's
     * exit code and stdout, then the import's rejects and responses; the import's summary without its timings.
     */
    private List<String> session(String db, Path files) throws IOException {
        Files.createDirectories(files);
        String now = "2025-02-24T15:45:07Z";
        List<String> outputs = new ArrayList<>();
        Function<String[], CommandRun> run = args -> {
            String[] all = new String[args.length + 6];
            System.arraycopy(args, 0, all, 0, args.length);
            System.arraycopy(new String[] {"--db", db, "--now", now, "--seed", "7"}, 0, all, args.length, 6);
            CommandRun result = CommandRun.of(all);
            outputs.add(result.exitCode() + "\n" + result.out());
            return result;
        };
        run.apply(new String[] {"create-order", "../examples/orders/key-based.json", "--catalog",
                "../examples/catalog.json"});
        run.apply(new String[] {"create-order", "../examples/orders/policy-a.json"});
        run.apply(new String[] {"create-order", "../examples/orders/policy-a.json"});
        run.apply(new String[] {"create-order", "../examples/orders/user-based.json", "--catalog",
                "../examples/catalog-user-based.json", "--company", "users"});
        run.apply(new String[] {"create-order", "../examples/orders/bundle-key-based.json", "--catalog",
                "../examples/catalog-bundles.json", "--company", "bundles"});
        run.apply(new String[] {"show-order", "order-policy-a"});
        run.apply(new String[] {"show-order", "no-such-order"});
        Path rejects = files.resolve("rejects.jsonl");
        Path responses = files.resolve("responses.jsonl");
        CommandRun imported = run.apply(new String[] {"import", "../examples/orders.jsonl", "--catalog",
                "../examples/catalog.json", "--company", "imports", "--rejects", rejects.toString(), "--responses",
                responses.toString()});
        outputs.remove(outputs.size() - 1);
        ObjectNode summary = (ObjectNode) JSON.readTree(imported.out());
        summary.remove(List.of("seconds", "orders_per_second"));
        outputs.add(imported.exitCode() + "\n" + summary);
        outputs.add(Files.readString(rejects));
        outputs.add(Files.readString(responses));
        run.apply(new String[] {"show-order", "imp-1", "--company", "imports"});
        return outputs;
    }

    @Test
    void migrateCreatesTheSchemaAndTheCommandsUseIt() {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();

        CommandRun migrated = CommandRun.of("migrate", "--db", url);
        CommandRun again = CommandRun.of("migrate", "--db", url);
        CommandRun created = CommandRun.of("create-order", "../examples/orders/policy-a.json", "--db", url,
                "--catalog", "../examples/catalog.json");

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).isEqualTo("schema version 4\n");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(created.exitCode()).as(created.err()).isZero();
    }

    @Test
    void aDatabaseOfANewerEngineIsRefusedWithAClearErrorNamingIt() throws SQLException {
        String url = EmbeddedPostgresServer.shared().freshStoreUrl();
        assertThat(CommandRun.of("migrate", "--db", url).exitCode()).isZero();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (5, '5', 'from the future', 'SQL', "
                    + "'V5__from_the_future.sql', 0, 'test', 0, true)");
        }

        CommandRun refused = CommandRun.of("show-order", "x", "--db", url);
        CommandRun notMigrated = CommandRun.of("migrate", "--db", url);

        assertThat(refused.exitCode()).isEqualTo(ExitCode.STORE_FAILED);
        assertThat(refused.err()).contains(url.substring(0, url.indexOf('?')))
                .contains("newer version of the engine (schema version 5; this version knows up to 4)");
        assertThat(notMigrated.exitCode()).isEqualTo(ExitCode.STORE_FAILED);
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void aPoolOfNoConnectionsIsAUsageError() {
        CommandRun run = CommandRun.of("show-order", "x", "--db", "jdbc:postgresql://127.0.0.1:1/none",
                "--pool-size", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--pool-size must be at least 1");
    }

    @Test
    void anUnreachableServerIsAStoreFailureNamingIt() {
        CommandRun run = CommandRun.of("show-order", "x", "--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.STORE_FAILED);
        assertThat(run.err()).contains("cannot open PostgreSQL store jdbc:postgresql://127.0.0.1:1/none");
    }
}
