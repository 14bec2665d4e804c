package dev.licensing.cli;

import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.lifecycle.Transfer;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code licensing transfer}: deactivates one device and activates another in one transaction. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Move a license from one device to another (both or neither): the status JSON of the new "
                + "device (exit 0) or the refusal (exit 1).")
final class TransferCommand extends LifecycleCommand {

    @Option(names = "--from-hardware-id", paramLabel = "A", required = true, description = "The device to leave.")
    String fromHardwareId;

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.transfer(company, new Transfer(ref, fromHardwareId, hardwareId));
    }
}
