package dev.licensing.cli;

import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.lifecycle.Release;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;

/** {@code licensing release}: frees a device's floating seat. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Release a floating seat (none held: no change): the status JSON (exit 0) or the refusal "
                + "(exit 1).")
final class ReleaseCommand extends LifecycleCommand {

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.release(company, new Release(ref, hardwareId));
    }
}
