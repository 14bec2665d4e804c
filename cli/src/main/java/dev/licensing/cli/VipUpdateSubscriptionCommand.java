package dev.licensing.cli;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.vip.VipMarketplace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code licensing vip-update-subscription}: Adobe's Update Subscription (auto-renewal and its quantity). */
@Command(name = "vip-update-subscription", mixinStandardHelpOptions = true,
        description = "Turns a VIP subscription's auto-renewal on or off and sets its renewal quantity; prints the "
                + "subscription (3115, 3116, 3119 refused).")
final class VipUpdateSubscriptionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Mixin
    private VipCustomerOption customer;

    @Parameters(index = "0", paramLabel = "SUBSCRIPTION_ID", description = "The subscription to update.")
    private String subscriptionId;

    @Option(names = "--auto-renewal", arity = "1", paramLabel = "true|false", converter = StrictBoolean.class,
            description = "Renew the subscription at the coterm date, or let it expire.")
    private Boolean autoRenewal;

    @Option(names = "--renewal-quantity", paramLabel = "N",
            description = "The quantity the renewal run orders (1..10,000; ENTERPRISE 200,000).")
    private Integer renewalQuantity;

    @Override
    public Integer call() {
        if (autoRenewal == null && renewalQuantity == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --auto-renewal, --renewal-quantity or both");
        }
        try (LicenseStore store = options.openStore()) {
            VipMarketplace vip = options.engine(store, false).vip();
            return VipOutput.answer(spec, () -> new VipOutput.Response(VipOutput.JSON.writeSubscription(
                    vip.updateSubscription(options.company, customer.customerId, subscriptionId, autoRenewal,
                            renewalQuantity), true), 200));
        }
    }

    /** Exactly "true" or "false": picocli's own converter also takes other spellings. */
    static final class StrictBoolean implements CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not true or false");
            };
        }
    }
}
