package dev.licensing.core.internal.rules;

import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Policy;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.order.ItemRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.licensing.core.Props.of;
import static org.assertj.core.api.Assertions.assertThat;

class PropertyResolverTest {
    private static final ItemRequest PLAIN_ITEM = ItemRequest.of("TT", List.of());

    private static Product product(LicenseProperties defaults) {
        return new Product(1, "TT", "Tool", AuthorizationMethod.LICENSE_KEY, null, defaults, null, null, null);
    }

    private static Policy policy(LicenseProperties properties) {
        return new Policy(3, "TT", "policy_A", "A", properties, null, null, null);
    }

    @Test
    void engineDefaultsAreThePagesExampleResponse() {
        LicenseProperties resolved = PropertyResolver.resolve(product(null), null, null, PLAIN_ITEM,
                LicenseProperties.NONE);
        assertThat(resolved).isEqualTo(PropertyResolver.ENGINE_DEFAULTS);
        assertThat(resolved.maxActivations()).isEqualTo(1);
        assertThat(resolved.licenseType()).isEqualTo(LicenseType.PERPETUAL);
        assertThat(resolved.floatingTimeout()).isEqualTo(120);
        assertThat(resolved.maxTransfers()).isZero();
        assertThat(resolved.trialDays()).isZero();
        assertThat(resolved.enabled()).isTrue();
        assertThat(resolved.active()).isFalse();
        assertThat(resolved.subscriptionId()).isEmpty();
        assertThat(resolved.validDuration()).isNull();
        assertThat(resolved.maxConsumptions()).isNull();
        assertThat(resolved.floatingServerId()).isNull();
    }

    @Test
    void productDefaultsOverrideEngineDefaults() {
        LicenseProperties resolved = PropertyResolver.resolve(product(of("maxActivations", 3)), null, null, PLAIN_ITEM,
                LicenseProperties.NONE);
        assertThat(resolved.maxActivations()).isEqualTo(3);
    }

    @Test
    void thePolicyOverridesTheProductAndTheLicenseOverridesThePolicy() {
        // The page's policy_A example: every property from the policy except max_activations 10.
        Policy policyA = policy(of("licenseType", LicenseType.TIME_LIMITED, "validDuration", "1y",
                "maxActivations", 5, "isTrial", true));
        LicenseProperties resolved = PropertyResolver.resolve(product(of("maxActivations", 3, "trialDays", 7)),
                policyA, null, PLAIN_ITEM, of("maxActivations", 10));
        assertThat(resolved.maxActivations()).isEqualTo(10);
        assertThat(resolved.licenseType()).isEqualTo(LicenseType.TIME_LIMITED);
        assertThat(resolved.validDuration()).isEqualTo("1y");
        assertThat(resolved.isTrial()).isTrue();
        assertThat(resolved.trialDays()).isEqualTo(7);
    }

    @Test
    void orderLevelPreventVmOverridesThePolicyButNotTheLicense() {
        Policy policy = policy(of("preventVm", false));
        assertThat(PropertyResolver.resolve(product(null), policy, true, PLAIN_ITEM, LicenseProperties.NONE)
                .preventVm()).isTrue();
        assertThat(PropertyResolver.resolve(product(null), policy, true, PLAIN_ITEM, of("preventVm", false))
                .preventVm()).isFalse();
    }

    @Test
    void itemLevelActiveAndSubscriptionIdOverrideTheOrderButNotTheLicense() {
        ItemRequest item = new ItemRequest("TT", null, null, true, "sub-1", null, null, null, List.of());
        LicenseProperties fromItem = PropertyResolver.resolve(product(of("active", false)), null, null, item,
                LicenseProperties.NONE);
        assertThat(fromItem.active()).isTrue();
        assertThat(fromItem.subscriptionId()).isEqualTo("sub-1");
        LicenseProperties own = PropertyResolver.resolve(product(null), null, null, item,
                of("active", false, "subscriptionId", "sub-2"));
        assertThat(own.active()).isFalse();
        assertThat(own.subscriptionId()).isEqualTo("sub-2");
    }
}
