package dev.licensing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The VIP Marketplace commands on a SQLite file: bodies on stdout, {@code http-status} on stderr, exit codes. */
class VipCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATALOG = "../examples/vip/catalog.json";
    private static final String CUSTOMER = "9876543210";
    private static final String NOW = "2026-06-15T10:00:00Z";

    @TempDir
    Path dir;

    private CommandRun run(String... args) {
        return runAt(NOW, args);
    }

    private CommandRun runAt(String now, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--db", dir.resolve("vip.db").toString(), "--seed", "1", "--now", now}, 0,
                all, args.length, 6);
        return CommandRun.of(all);
    }

    /** The page's order for the page's customer; the subscription it opened. */
    private String subscribed() throws IOException {
        run("vip-order", "../examples/vip/new.json", "--customer", CUSTOMER, "--catalog", CATALOG);
        return JSON.readTree(run("vip-subscriptions", "--customer", CUSTOMER).out())
                .at("/items/0/subscriptionId").asText();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void thePagesOrderThenGetOrderHistoryAndSubscriptions() throws IOException {
        CommandRun created = run("vip-order", "../examples/vip/new.json", "--customer", CUSTOMER,
                "--catalog", CATALOG);

        assertThat(created.exitCode()).isZero();
        assertThat(created.err()).isEqualTo("http-status: 201\n");
        JsonNode order = JSON.readTree(created.out());
        assertThat(order.get("status").asText()).isEqualTo("1002");
        String orderId = order.get("orderId").asText();

        CommandRun shown = run("show-vip-order", orderId, "--customer", CUSTOMER, "--fetch-price");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.err()).isEqualTo("http-status: 200\n");
        JsonNode line = JSON.readTree(shown.out()).get("lineItems").get(0);
        assertThat(line.get("status").asText()).isEqualTo("1000");
        assertThat(line.get("pricing").get("lineItemPartnerPrice").decimalValue()).isEqualByComparingTo("166.62");

        CommandRun history = run("vip-orders", "--customer", CUSTOMER, "--order-type", "NEW", "--status", "1000");
        assertThat(JSON.readTree(history.out()).get("totalCount").asInt()).isEqualTo(1);
        assertThat(history.err()).isEqualTo("http-status: 200\n");
        CommandRun subscriptions = run("vip-subscriptions", "--customer", CUSTOMER);
        String subscriptionId = JSON.readTree(subscriptions.out()).at("/items/0/subscriptionId").asText();
        assertThat(subscriptionId).isEqualTo(line.get("subscriptionId").asText());
        assertThat(run("vip-subscriptions", "--customer", CUSTOMER, subscriptionId).exitCode()).isZero();
    }

    @Test
    void aRefusalPrintsAdobesBodyWithItsStatusAndExitsOne() throws IOException {
        CommandRun unknown = run("show-vip-order", "0000000000", "--customer", CUSTOMER, "--catalog", CATALOG);

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("http-status: 404\n");
        JsonNode error = JSON.readTree(unknown.out());
        assertThat(error.get("code").asText()).isEqualTo("2115");
        assertThat(error.get("message").asText()).isEqualTo("Invalid Customer or Order ID");
        assertThat(error.get("additionalDetails").isArray()).isTrue();

        CommandRun badFilter = run("vip-orders", "--customer", CUSTOMER, "--order-type", "PREVIEW");
        assertThat(badFilter.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(badFilter.out()).get("code").asText()).isEqualTo("1132");
        CommandRun nobody = run("vip-subscriptions", "--customer", "nobody");
        assertThat(nobody.err()).isEqualTo("http-status: 404\n");
        Path body = file("bad.json", "{\"orderType\": \"NEW\", \"lineItems\": [{\"offerId\": \"X\"}]}");
        CommandRun missing = run("vip-order", body.toString(), "--customer", CUSTOMER);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(missing.out()).get("additionalDetails").toString())
                .isEqualTo("[\"lineItems[0].extLineItemNumber\",\"lineItems[0].quantity\"]");
    }

    @Test
    void aCorrelationIdGivesTheFirstAnswersBytesAgainInAnotherRun() throws IOException {
        Path preview = file("preview.json", "{\"orderType\": \"PREVIEW\", \"lineItems\": [{\"extLineItemNumber\": 1,"
                + " \"offerId\": \"80004567EA01A12\", \"quantity\": 2}]}");
        CommandRun first = run("vip-order", preview.toString(), "--customer", CUSTOMER, "--catalog", CATALOG,
                "--fetch-price", "--correlation-id", "c-1");
        CommandRun second = run("vip-order", "../examples/vip/new.json", "--customer", CUSTOMER,
                "--correlation-id", "c-1");

        assertThat(first.err()).isEqualTo("http-status: 200\n");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).isEqualTo(first.err());
        assertThat(JSON.readTree(run("vip-orders", "--customer", CUSTOMER).out()).get("totalCount").asInt()).isZero();
    }

    @Test
    void theCustomerIsRequired() {
        CommandRun run = run("vip-orders");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--customer");
    }

    @Test
    void importDialectVipWritesAdobesRejectionsAndTheSummary() throws IOException {
        Path history = file("history.jsonl", """
                {"customerId": "9876543210", "creationDate": "2026-06-01T08:00:00Z", "order": {"orderType": "NEW", "lineItems": [{"extLineItemNumber": 1, "offerId": "80004567EA01A12", "quantity": 3}]}}
                {"customerId": "9876543210", "creationDate": "2026-06-02T08:00:00Z", "order": {"orderType": "NEW", "lineItems": [{"extLineItemNumber": 1, "offerId": "NOPE", "quantity": 1}]}}
                """);
        Path rejects = dir.resolve("rejects.jsonl");
        Path responses = dir.resolve("responses.jsonl");

        CommandRun run = run("import", history.toString(), "--dialect", "vip", "--catalog", CATALOG,
                "--rejects", rejects.toString(), "--responses", responses.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("read").asInt()).isEqualTo(2);
        assertThat(summary.get("created").asInt()).isEqualTo(1);
        assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        assertThat(Files.readString(rejects)).isEqualTo("{\"line\":2,\"customerId\":\"9876543210\",\"error\":"
                + "{\"code\":\"2122\",\"message\":\"Line item Offer ID is invalid\","
                + "\"additionalDetails\":[\"Line Item: 1\"]}}\n");
        assertThat(JSON.readTree(Files.readAllLines(responses).get(0)).get("creationDate").asText())
                .isEqualTo("2026-06-01T08:00:00Z");
    }

    @Test
    void vipUpdateSubscriptionPrintsTheSubscriptionOrAdobesRefusal() throws IOException {
        String subscriptionId = subscribed();

        CommandRun updated = run("vip-update-subscription", "--customer", CUSTOMER, subscriptionId,
                "--auto-renewal", "false", "--renewal-quantity", "3");

        assertThat(updated.exitCode()).isZero();
        assertThat(updated.err()).isEqualTo("http-status: 200\n");
        JsonNode subscription = JSON.readTree(updated.out());
        assertThat(subscription.get("subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(subscription.at("/autoRenewal/enabled").asBoolean()).isFalse();
        assertThat(subscription.at("/autoRenewal/renewalQuantity").asInt()).isEqualTo(3);
        CommandRun unknown = run("vip-update-subscription", "--customer", CUSTOMER, "00NA", "--auto-renewal", "true");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("http-status: 404\n");
        assertThat(JSON.readTree(unknown.out()).get("code").asText()).isEqualTo("3115");
        CommandRun zero = run("vip-update-subscription", "--customer", CUSTOMER, subscriptionId,
                "--renewal-quantity", "0");
        assertThat(zero.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(zero.out()).get("additionalDetails").toString())
                .isEqualTo("[\"autoRenewal.renewalQuantity\"]");
    }

    @Test
    void vipUpdateSubscriptionWithoutAnOptionOrWithBadValuesIsAUsageError() throws IOException {
        String subscriptionId = subscribed();

        assertThat(run("vip-update-subscription", "--customer", CUSTOMER, subscriptionId).exitCode()).isEqualTo(2);
        assertThat(run("vip-update-subscription", "--customer", CUSTOMER, subscriptionId, "--auto-renewal", "yes")
                .exitCode()).isEqualTo(2);
        assertThat(run("vip-update-subscription", "--customer", CUSTOMER, subscriptionId, "--renewal-quantity",
                "2.5").exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(run("vip-subscriptions", "--customer", CUSTOMER, subscriptionId).out())
                .at("/autoRenewal/enabled").asBoolean()).isTrue();
    }

    @Test
    void vipRenewDueRenewsAndExpiresWhatIsDueThenChangesNothing() throws IOException {
        String renewing = subscribed();
        Path enterprise = file("enterprise.json", "{\"orderType\": \"NEW\", \"lineItems\": [{\"extLineItemNumber\":"
                + " 1, \"offerId\": \"65304578CA01A12\", \"quantity\": 2}]}");
        run("vip-order", enterprise.toString(), "--customer", CUSTOMER);
        String expiring = JSON.readTree(run("vip-subscriptions", "--customer", CUSTOMER).out())
                .at("/items/1/subscriptionId").asText();
        run("vip-update-subscription", "--customer", CUSTOMER, expiring, "--auto-renewal", "false");

        // The catalog's coterm date for the page's customer is 2026-12-01.
        CommandRun due = runAt("2026-12-01T06:00:00Z", "vip-renew", "--due");

        assertThat(due.exitCode()).isZero();
        assertThat(due.err()).isEqualTo("http-status: 200\n");
        JsonNode summary = JSON.readTree(due.out());
        assertThat(summary.get("runDate").asText()).isEqualTo("2026-12-01");
        assertThat(summary.get("orders")).hasSize(1);
        JsonNode order = summary.get("orders").get(0);
        assertThat(order.get("orderType").asText()).isEqualTo("RENEWAL");
        assertThat(order.get("source").asText()).isEqualTo("System");
        assertThat(order.get("creationDate").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(order.at("/lineItems/0/subscriptionId").asText()).isEqualTo(renewing);
        assertThat(summary.get("expiredSubscriptions").toString()).isEqualTo("[{\"customerId\":\"" + CUSTOMER
                + "\",\"subscriptionId\":\"" + expiring + "\"}]");
        JsonNode expired = JSON.readTree(run("vip-subscriptions", "--customer", CUSTOMER, expiring).out());
        assertThat(expired.get("status").asText()).isEqualTo("1004");
        assertThat(expired.get("allowedActions").toString()).isEqualTo("[\"MANUAL_RENEWAL\"]");

        CommandRun again = runAt("2026-12-01T06:00:00Z", "vip-renew", "--due");
        assertThat(JSON.readTree(again.out()).get("orders")).isEmpty();
        assertThat(JSON.readTree(again.out()).get("expiredSubscriptions")).isEmpty();
        assertThat(run("vip-renew").exitCode()).isEqualTo(2);
    }
}
