package dev.licensing.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ShowOrderCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnknownOrderIdIsOrderNotFoundWithExitOne() throws IOException {
        CommandRun run = CommandRun.of("show-order", "nope", "--memory", "--catalog", "../examples/catalog.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).at("/errors/0/code").asText()).isEqualTo("order_not_found");
    }

    @Test
    void theOrderIdIsRequired() {
        CommandRun run = CommandRun.of("show-order", "--memory");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ORDER_ID");
    }
}
