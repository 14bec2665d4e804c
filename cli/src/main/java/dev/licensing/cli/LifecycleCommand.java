package dev.licensing.cli;

import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.LifecycleJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * What the lifecycle commands share (design/lifecycle.md): the engine options, {@code LICENSE}, {@code --hardware-id};
 * the status JSON on stdout, exit 0. A refusal reaches {@link LicensingCommand}'s handler: its errors JSON, exit 1.
 */
abstract class LifecycleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    EngineOptions options;

    @Mixin
    LicenseOptions license;

    @Option(names = "--hardware-id", paramLabel = "H", required = true, description = "The device's hardware id.")
    String hardwareId;

    /** Refuses a command line that names nothing wrong alone but is wrong as a whole (exit 2), before the store opens. */
    void checkArguments() {
    }

    /** The operation on {@code engine}; a refusal throws. */
    abstract LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref);

    @Override
    public Integer call() {
        LicenseRef ref = license.ref();
        checkArguments();
        try (LicenseStore store = options.openStore()) {
            LicenseStatus status = run(options.engine(store, false), options.company, ref);
            spec.commandLine().getOut().println(new LifecycleJson().writeStatus(status, true));
            return ExitCode.OK;
        }
    }
}
