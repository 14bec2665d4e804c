package dev.licensing.cli;

import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code licensing check}: validates a device; takes or renews its floating seat. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check an activated device: the license status JSON (exit 0) or the refusal (exit 1).")
final class CheckCommand extends LifecycleCommand {

    @Option(names = "--include-expired-features", description = "List expired features too.")
    boolean includeExpiredFeatures;

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.check(company, new Check(ref, hardwareId, includeExpiredFeatures));
    }
}
