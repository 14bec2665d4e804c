package dev.licensing.cli;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.vip.VipMarketplace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code licensing vip-subscriptions}: Adobe's Get Subscriptions, or one subscription's details. */
@Command(name = "vip-subscriptions", mixinStandardHelpOptions = true,
        description = "A VIP customer's subscriptions, oldest first; with an id, that subscription (3115 if unknown).")
final class VipSubscriptionsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Mixin
    private VipCustomerOption customer;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBSCRIPTION_ID", description = "One subscription.")
    private String subscriptionId;

    @Override
    public Integer call() {
        try (LicenseStore store = options.openStore()) {
            VipMarketplace vip = options.engine(store, false).vip();
            return VipOutput.answer(spec, () -> new VipOutput.Response(subscriptionId == null
                    ? VipOutput.JSON.writeSubscriptions(customer.customerId,
                            vip.subscriptions(options.company, customer.customerId), true)
                    : VipOutput.JSON.writeSubscription(
                            vip.subscription(options.company, customer.customerId, subscriptionId), true), 200));
        }
    }
}
