package dev.licensing.cli;

import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.vip.VipMarketplace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code licensing vip-renew --due}: the VIP renewal run at {@code --now}. The engine has no scheduler: a server runs
 * this (or {@code engine.vip().renewDue}) from its own, and a second run at the same time changes nothing.
 */
@Command(name = "vip-renew", mixinStandardHelpOptions = true,
        description = "Renews every VIP subscription whose renewal date has come (auto-renewal on), expires the others,"
                + " moves coterm dates; prints {runDate, orders, expiredSubscriptions}.")
final class VipRenewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Option(names = "--due", required = true, description = "Renew what is due at --now (the run's only mode).")
    private boolean due;

    @Override
    public Integer call() {
        try (LicenseStore store = options.openStore()) {
            VipMarketplace vip = options.engine(store, false).vip();
            return VipOutput.answer(spec, () -> new VipOutput.Response(
                    VipOutput.JSON.writeRenewalRun(vip.renewDue(options.company), true), 200));
        }
    }
}
