package dev.licensing.cli;

import dev.licensing.api.lifecycle.Borrow;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.core.LicenseEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;

/** {@code licensing borrow}: holds a device's floating seat until a given instant. */
@Command(name = "borrow", mixinStandardHelpOptions = true,
        description = "Borrow a floating seat: the status JSON (exit 0) or the refusal (exit 1).")
final class BorrowCommand extends LifecycleCommand {

    @Option(names = "--until", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The end of borrowing (default: now + max_borrow_time hours).")
    Instant until;

    @Override
    LicenseStatus run(LicenseEngine engine, String company, LicenseRef ref) {
        return engine.borrow(company, new Borrow(ref, hardwareId, until));
    }
}
