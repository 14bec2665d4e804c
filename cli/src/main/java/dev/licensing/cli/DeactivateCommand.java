package dev.licensing.cli;

import dev.licensing.api.lifecycle.Deactivate;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;

/** {@code licensing deactivate}: unbinds a device. */
@Command(name = "deactivate", mixinStandardHelpOptions = true,
        description = "Deactivate a device: the license status JSON (exit 0) or the refusal (exit 1).")
final class DeactivateCommand extends LifecycleCommand {

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.deactivate(company, new Deactivate(ref, hardwareId));
    }
}
