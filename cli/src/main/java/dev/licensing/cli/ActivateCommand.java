package dev.licensing.cli;

import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code licensing activate}: binds a device to the license. */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = "Activate a device on a license: the license status JSON (exit 0) or the refusal (exit 1).")
final class ActivateCommand extends LifecycleCommand {

    @Option(names = "--password", paramLabel = "PW", description = "The user's password (required with --user).")
    String password;

    @Option(names = "--vm", description = "The device is a virtual machine.")
    boolean vm;

    @Override
    void checkArguments() {
        if (license.byUser() && password == null) {
            throw new UsageException("activate --user needs --password", null);
        }
    }

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.activate(company, new Activate(ref, hardwareId, password, vm));
    }
}
