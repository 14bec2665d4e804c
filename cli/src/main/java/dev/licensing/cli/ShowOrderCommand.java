package dev.licensing.cli;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.model.Order;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.LicenseSpringJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code licensing show-order}: a stored order in the response shape (a password is shown once, so none here). */
@Command(name = "show-order", mixinStandardHelpOptions = true,
        description = "Show a stored order in the Create Order response shape (exit 0); an unknown id exits 1.")
final class ShowOrderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The order id the request gave.")
    private String orderId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LicenseSpringJson json = new LicenseSpringJson(false);
        try (LicenseStore store = options.openStore()) {
            LicenseEngine engine = options.engine(store, false);
            Optional<Order> order = engine.findOrder(options.company, orderId);
            if (order.isEmpty()) {
                out.println(json.writeErrors(List.of(new LicensingError(ErrorCode.ORDER_NOT_FOUND,
                        "no order '" + orderId + "' in company '" + options.company + "'", null)), true));
                return ExitCode.REJECTED;
            }
            out.println(json.writeOrder(order.get(), true));
            return ExitCode.OK;
        }
    }
}
