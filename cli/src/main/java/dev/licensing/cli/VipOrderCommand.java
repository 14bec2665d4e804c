package dev.licensing.cli;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.vip.VipOrderResult;
import dev.licensing.core.vip.VipOrderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code licensing vip-order}: Adobe's Create Order (NEW, PREVIEW, RETURN, RENEWAL, PREVIEW_RENEWAL) for one customer. */
@Command(name = "vip-order", mixinStandardHelpOptions = true,
        description = "Create a VIP Marketplace order (Adobe's Create Order). The response on stdout (exit 0), "
                + "Adobe's error body when refused (exit 1); http-status on stderr.")
final class VipOrderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Mixin
    private VipCustomerOption customer;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
            description = "The request JSON; - (the default) reads stdin.")
    private String file;

    @Option(names = "--fetch-price", description = "Price a preview's lines (proratedDays, pricing, pricingSummary).")
    private boolean fetchPrice;

    @Option(names = "--correlation-id", paramLabel = "ID",
            description = "Keep the first answer for ID 10 days and give it again to a request with the same ID.")
    private String correlationId;

    @Override
    public Integer call() {
        String body = RequestInput.read(file);
        try (LicenseStore store = options.openStore()) {
            VipOrderOptions orderOptions = new VipOrderOptions(fetchPrice, correlationId, null);
            return VipOutput.answer(spec, () -> {
                VipOrderResult result = options.engine(store, false).vip()
                        .createOrderJson(options.company, customer.customerId, body, orderOptions);
                return new VipOutput.Response(VipOutput.JSON.writeOrder(result.order(), true), result.httpStatus());
            });
        }
    }
}
