package dev.licensing.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.LicenseType;
import dev.licensing.api.lifecycle.ConsumptionStatus;
import dev.licensing.api.lifecycle.FeatureStatus;
import dev.licensing.api.lifecycle.LicenseStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LicenseStatus status(String key, String user, ConsumptionStatus consumption) {
        return new LicenseStatus(7, "APP", key, user, "H1", LicenseType.CONSUMPTION, true, true, false, false,
                Instant.parse("2025-07-10T08:00:00Z"), null, "2025-01-01", 1, 2, false, 0, -1, consumption,
                List.of(new FeatureStatus(3, "export", "Export", "2025-12-31", false, true, 10, false, true, 5, false,
                        true, ConsumptionPeriod.MONTHLY, 4)),
                true, false, 120, 1, 1, Instant.parse("2025-03-25T12:00:00Z"), false, null, true);
    }

    @Test
    void theLicenseApiNamesInAFixedOrder() throws Exception {
        ConsumptionStatus consumption = new ConsumptionStatus(10, 3, false, true, 5, false, true,
                ConsumptionPeriod.DAILY);
        String text = new LifecycleJson().writeStatus(status("K-1", null, consumption), false);
        JsonNode node = JSON.readTree(text);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("license_id", "product", "license_key", "hardware_id", "license_type",
                "license_enabled", "license_active", "is_trial", "is_expired", "validity_period",
                "maintenance_period", "start_date", "times_activated", "max_activations",
                "allow_unlimited_activations", "transfer_count", "max_transfers", "max_consumptions",
                "total_consumptions", "allow_unlimited_consumptions", "allow_overages", "max_overages",
                "allow_negative_consumptions", "reset_consumption", "consumption_period", "product_features",
                "is_floating", "is_floating_cloud", "floating_timeout", "floating_users", "floating_in_use_devices",
                "floating_period", "is_borrowed", "borrowed_until", "replayed");
        assertThat(node.get("validity_period").asText()).isEqualTo("2025-07-10T08:00:00Z");
        assertThat(node.get("maintenance_period").isNull()).isTrue();
        assertThat(node.get("consumption_period").asText()).isEqualTo("daily");
        assertThat(node.at("/product_features/0/feature_type").asText()).isEqualTo("consumption");
        assertThat(node.at("/product_features/0/total_consumptions").asLong()).isEqualTo(4);
        assertThat(node.get("max_transfers").asInt()).isEqualTo(-1);
        assertThat(new LifecycleJson().writeStatus(status("K-1", null, consumption), false)).isEqualTo(text);
    }

    @Test
    void aUserLicenseShowsTheUserAndNoConsumptionFieldsUnlessConsumption() throws Exception {
        JsonNode node = JSON.readTree(new LifecycleJson().writeStatus(status(null, "ann@example.com", null), true));
        assertThat(node.has("license_key")).isFalse();
        assertThat(node.get("user").asText()).isEqualTo("ann@example.com");
        assertThat(node.has("total_consumptions")).isFalse();
        assertThat(node.at("/product_features/0/total_consumptions").asLong()).isEqualTo(4);
    }
}
