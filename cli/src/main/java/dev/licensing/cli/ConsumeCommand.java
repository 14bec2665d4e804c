package dev.licensing.cli;

import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code licensing consume}: adds consumptions to the license or to one of its features. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Consume from a license (or a feature of it): the status JSON (exit 0; \"replayed\": true for "
                + "a request id already applied) or the refusal (exit 1).")
final class ConsumeCommand extends LifecycleCommand {

    @Option(names = "--feature", paramLabel = "F", description = "The feature's code (default: the license itself).")
    String feature;

    @Option(names = "--consumptions", paramLabel = "N", defaultValue = "1",
            description = "How many, non-zero; negative where the license allows (default: ${DEFAULT-VALUE}).")
    long consumptions;

    @Option(names = "--request-id", paramLabel = "R",
            description = "Makes retries safe: the same id with the same request applies once.")
    String requestId;

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.consume(company, new Consume(ref, hardwareId, feature, consumptions, requestId));
    }
}
