package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.testkit.ResponseSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's default store is the SQLite file named by {@code --db}: what one run writes, the next reads. */
class SqliteDefaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anOrderCreatedInOneRunIsShownByTheNextWithoutItsPasswords() throws IOException {
        String db = dir.resolve("licensing.db").toString();
        CommandRun created = CommandRun.of("create-order", "../examples/orders/policy-a.json", "--db", db,
                "--catalog", "../examples/catalog.json", "--now", "2025-02-24T15:45:07Z", "--seed", "3");

        CommandRun shown = CommandRun.of("show-order", "order-policy-a", "--db", db);

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        ResponseSchemas.assertValidResponse(shown.out(), false);
        JsonNode createdResponse = JSON.readTree(created.out());
        JsonNode shownResponse = JSON.readTree(shown.out());
        assertThat(shownResponse.get("order_items")).isEqualTo(createdResponse.get("order_items"));
        assertThat(shownResponse.get("order_id")).isEqualTo(createdResponse.get("order_id"));
        assertThat(shownResponse.get("new_passwords")).isEmpty();
    }

    @Test
    void theSameOrderIdTwiceIsOrderIdExistsWithExitOne() throws IOException {
        String db = dir.resolve("licensing.db").toString();
        String[] args = {"create-order", "../examples/orders/key-based.json", "--db", db,
                "--catalog", "../examples/catalog.json"};

        CommandRun first = CommandRun.of(args);
        CommandRun second = CommandRun.of(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(second.out()).at("/errors/0/code").asText()).isEqualTo("order_id_exists");
        assertThat(JSON.readTree(second.out()).at("/errors/0/field").asText()).isEqualTo("id");
    }

    @Test
    void aFileThatIsNotADatabaseIsAStoreFailureWithExitThreeNamingTheFile() throws IOException {
        Path notADatabase = Files.writeString(dir.resolve("notes.db"), "these are my notes, not a database\n".repeat(200));

        CommandRun run = CommandRun.of("show-order", "x", "--db", notADatabase.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("notes.db").doesNotContain("\tat ");
    }
}
