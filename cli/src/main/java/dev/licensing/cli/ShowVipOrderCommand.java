package dev.licensing.cli;

import dev.licensing.api.store.LicenseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code licensing show-vip-order}: Adobe's Get Order. */
@Command(name = "show-vip-order", mixinStandardHelpOptions = true,
        description = "Show a VIP Marketplace order (Adobe's Get Order): exit 0; an unknown id is 2115 (exit 1).")
final class ShowVipOrderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Mixin
    private VipCustomerOption customer;

    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The order's orderId.")
    private String orderId;

    @Option(names = "--fetch-price", description = "Show the prices fixed when the order was placed.")
    private boolean fetchPrice;

    @Override
    public Integer call() {
        try (LicenseStore store = options.openStore()) {
            return VipOutput.answer(spec, () -> new VipOutput.Response(VipOutput.JSON.writeOrder(
                    options.engine(store, false).vip().getOrder(options.company, customer.customerId, orderId,
                            fetchPrice), true), 200));
        }
    }
}
