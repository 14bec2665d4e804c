package dev.licensing.core.internal.rules;

import dev.licensing.api.LicensingError;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import org.junit.jupiter.api.Test;

import static dev.licensing.core.Props.of;
import static org.assertj.core.api.Assertions.assertThat;

class CountsTest {
    private static Problems check(Object... namesAndValues) {
        Problems violations = new Problems();
        Counts.check(of(namesAndValues), FieldPath.ROOT.field("items").index(0).field("licenses").index(0), violations);
        return violations;
    }

    @Test
    void maxTransfersMinusOneMeansUnlimitedAndBelowIsAnError() {
        assertThat(check("maxTransfers", -1).isEmpty()).isTrue();
        assertThat(check("maxTransfers", -2).errors()).extracting(LicensingError::field)
                .containsExactly("items[0].licenses[0].max_transfers");
    }

    @Test
    void negativeCountsAreErrors() {
        assertThat(check("maxActivations", -1, "maxConsumptions", -5L, "trialDays", -1).errors())
                .extracting(LicensingError::field).containsExactly("items[0].licenses[0].max_activations",
                        "items[0].licenses[0].trial_days", "items[0].licenses[0].max_consumptions");
        assertThat(check("maxActivations", 0, "maxConsumptions", 0L).isEmpty()).isTrue();
    }

    @Test
    void aFloatingTimeoutIsAtLeastOneMinute() {
        assertThat(check("floatingTimeout", 0).errors()).extracting(LicensingError::field)
                .containsExactly("items[0].licenses[0].floating_timeout");
        assertThat(check("floatingTimeout", 1).isEmpty()).isTrue();
    }
}
