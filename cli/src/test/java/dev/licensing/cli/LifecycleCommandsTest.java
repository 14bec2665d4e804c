package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle commands (design/lifecycle.md): options, status JSON, exit codes, byte-identical answers. */
class LifecycleCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "2025-03-25T10:00:00Z";
    private static final String CATALOG = """
            {"products": [
              {"code": "APP", "authorization_method": "license-key", "max_activations": 2,
               "features": [{"code": "export", "name": "Export", "max_consumption": 10}]},
              {"code": "USR", "authorization_method": "user"}
            ]}""";
    private static final String ORDER = """
            {"id": "o-1", "items": [
              {"product_code": "APP", "licenses": [
                {"key": "METER-1", "license_type": "consumption", "max_consumptions": 10},
                {"key": "METER-2", "license_type": "consumption", "max_consumptions": 10,
                 "allow_overages": true, "max_overages": 5},
                {"key": "FLOAT-1", "is_floating_cloud": true, "floating_users": 1, "can_borrow": true,
                 "max_borrow_time": 24, "max_transfers": -1}]},
              {"product_code": "USR", "licenses": [{"users": [{"email": "ann@example.com"}]}]}]}""";

    @TempDir
    Path dir;

    private Path db;
    private String password;

    @BeforeEach
    void createOrder() throws IOException {
        db = dir.resolve("session.db");
        Path catalog = dir.resolve("catalog.json");
        Path order = dir.resolve("order.json");
        Files.writeString(catalog, CATALOG);
        Files.writeString(order, ORDER);
        CommandRun created = CommandRun.of("create-order", order.toString(), "--catalog", catalog.toString(),
                "--db", db.toString(), "--now", NOW, "--seed", "1");
        assertThat(created.exitCode()).as(created.err()).isZero();
        password = JSON.readTree(created.out()).at("/new_passwords/0/password").asText();
    }

    private CommandRun run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--db", db.toString(), "--now", NOW));
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static JsonNode json(CommandRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    @Test
    void activateConsumePastTheLimitAndDeactivate() throws IOException {
        CommandRun activated = run("activate", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1");
        assertThat(activated.exitCode()).as(activated.err()).isZero();
        JsonNode status = json(activated);
        assertThat(status.get("license_key").asText()).isEqualTo("METER-1");
        assertThat(status.get("hardware_id").asText()).isEqualTo("H1");
        assertThat(status.get("license_active").asBoolean()).isTrue();
        assertThat(status.get("times_activated").asInt()).isEqualTo(1);
        assertThat(status.get("total_consumptions").asLong()).isZero();

        CommandRun consumed = run("consume", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1",
                "--consumptions", "10");
        assertThat(consumed.exitCode()).isZero();
        assertThat(json(consumed).get("total_consumptions").asLong()).isEqualTo(10);
        CommandRun over = run("consume", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1");
        assertThat(over.exitCode()).isEqualTo(1);
        assertThat(json(over).at("/errors/0/code").asText()).isEqualTo("license_not_enough_consumptions");

        run("activate", "--product", "APP", "--key", "METER-2", "--hardware-id", "H1");
        CommandRun overage = run("consume", "--product", "APP", "--key", "METER-2", "--hardware-id", "H1",
                "--consumptions", "15");
        assertThat(overage.exitCode()).isZero();
        assertThat(json(overage).get("total_consumptions").asLong()).isEqualTo(15);

        CommandRun off = run("deactivate", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1");
        assertThat(off.exitCode()).isZero();
        assertThat(json(off).get("times_activated").asInt()).isZero();
        CommandRun again = run("deactivate", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(json(again).at("/errors/0/code").asText()).isEqualTo("device_not_found");
        assertThat(json(again).at("/errors/0/field").asText()).isEqualTo("hardware_id");
    }

    @Test
    void aRetriedRequestIdIsReplayed() throws IOException {
        run("activate", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1");
        String[] consume = {"consume", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1",
                "--consumptions", "3", "--request-id", "r-1"};
        assertThat(json(run(consume)).get("replayed").asBoolean()).isFalse();
        JsonNode replayed = json(run(consume));
        assertThat(replayed.get("replayed").asBoolean()).isTrue();
        assertThat(replayed.get("total_consumptions").asLong()).isEqualTo(3);
    }

    @Test
    void floatingSeatsCheckBorrowReleaseAndTransfer() throws IOException {
        run("activate", "--product", "APP", "--key", "FLOAT-1", "--hardware-id", "A");
        run("activate", "--product", "APP", "--key", "FLOAT-1", "--hardware-id", "B");
        JsonNode seat = json(run("check", "--product", "APP", "--key", "FLOAT-1", "--hardware-id", "A"));
        assertThat(seat.get("floating_in_use_devices").asInt()).isEqualTo(1);
        assertThat(seat.get("floating_period").asText()).isEqualTo("2025-03-25T12:00:00Z");
        CommandRun full = run("check", "--product", "APP", "--key", "FLOAT-1", "--hardware-id", "B");
        assertThat(json(full).at("/errors/0/code").asText()).isEqualTo("floating_limit_reached");
        JsonNode borrowed = json(run("borrow", "--product", "APP", "--key", "FLOAT-1", "--hardware-id", "A",
                "--until", "2025-03-26T10:00:00Z"));
        assertThat(borrowed.get("is_borrowed").asBoolean()).isTrue();
        assertThat(borrowed.get("borrowed_until").asText()).isEqualTo("2025-03-26T10:00:00Z");
        JsonNode released = json(run("release", "--product", "APP", "--key", "FLOAT-1", "--hardware-id", "A"));
        assertThat(released.get("floating_in_use_devices").asInt()).isZero();
        JsonNode moved = json(run("transfer", "--product", "APP", "--key", "FLOAT-1", "--from-hardware-id", "B",
                "--hardware-id", "C"));
        assertThat(moved.get("transfer_count").asInt()).isEqualTo(1);
        assertThat(moved.get("hardware_id").asText()).isEqualTo("C");
    }

    @Test
    void aUserActivatesWithThePassword() throws IOException {
        CommandRun wrong = run("activate", "--product", "USR", "--user", "ann@example.com", "--password", "nope",
                "--hardware-id", "H1");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(json(wrong).at("/errors/0/code").asText()).isEqualTo("invalid_credentials");
        CommandRun right = run("activate", "--product", "USR", "--user", "Ann@Example.com", "--password", password,
                "--hardware-id", "H1");
        assertThat(right.exitCode()).as(right.out()).isZero();
        assertThat(json(right).get("user").asText()).isEqualTo("ann@example.com");
        assertThat(run("check", "--product", "USR", "--user", "ann@example.com", "--hardware-id", "H1").exitCode())
                .isZero();
    }

    @Test
    void theSameStoreInputAndNowGiveByteIdenticalOutput() throws IOException {
        run("activate", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1");
        Path copy = dir.resolve("copy.db");
        Files.copy(db, copy);
        String[] consume = {"consume", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1",
                "--consumptions", "4", "--now", NOW};
        CommandRun first = CommandRun.of(concat(consume, "--db", db.toString()));
        CommandRun second = CommandRun.of(concat(consume, "--db", copy.toString()));
        assertThat(first.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        String[] check = {"check", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1", "--now", NOW};
        assertThat(CommandRun.of(concat(check, "--db", db.toString())).out())
                .isEqualTo(CommandRun.of(concat(check, "--db", copy.toString())).out());
    }

    @Test
    void aWrongCommandLineIsExitTwoAndAFailingStoreExitThree() {
        assertThat(run("activate", "--product", "APP", "--key", "METER-1").exitCode()).as("no --hardware-id")
                .isEqualTo(2);
        assertThat(run("activate", "--product", "APP", "--hardware-id", "H1").exitCode()).as("no license")
                .isEqualTo(2);
        assertThat(run("check", "--product", "APP", "--key", "K", "--user", "a@b.de", "--hardware-id", "H1")
                .exitCode()).as("key and user").isEqualTo(2);
        assertThat(run("activate", "--product", "USR", "--user", "ann@example.com", "--hardware-id", "H1")
                .exitCode()).as("a user without a password").isEqualTo(2);
        assertThat(run("consume", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1",
                "--consumptions", "many").exitCode()).isEqualTo(2);
        CommandRun store = CommandRun.of("check", "--product", "APP", "--key", "METER-1", "--hardware-id", "H1",
                "--db", dir.resolve("missing/dir/x.db").toString());
        assertThat(store.exitCode()).isEqualTo(3);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
