package dev.licensing.cli;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.vip.VipOrderQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code licensing vip-orders}: Adobe's Get Order History, newest first, filtered and paged. */
@Command(name = "vip-orders", mixinStandardHelpOptions = true,
        description = "A VIP customer's order history (Adobe's Get Order History), newest first.")
final class VipOrdersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Mixin
    private VipCustomerOption customer;

    @Option(names = "--order-type", paramLabel = "TYPE", description = "NEW, RETURN or RENEWAL; repeatable (ORed).")
    private List<String> orderTypes = new ArrayList<>();

    @Option(names = "--status", paramLabel = "CODE", description = "A status code; repeatable (ORed).")
    private List<String> statuses = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Orders a page (default 25, at most 100).")
    private Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Orders to skip (default 0).")
    private Integer offset;

    @Override
    public Integer call() {
        try (LicenseStore store = options.openStore()) {
            return VipOutput.answer(spec, () -> new VipOutput.Response(VipOutput.JSON.writeOrderPage(
                    options.engine(store, false).vip().orders(options.company, customer.customerId,
                            new VipOrderQuery(orderTypes, statuses, limit, offset)), true), 200));
        }
    }
}
