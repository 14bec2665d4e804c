package dev.licensing.cli;

import dev.licensing.api.lifecycle.LicenseRef;
import picocli.CommandLine.Option;

/** {@code LICENSE} of the lifecycle commands: {@code --product P --key K} or {@code --product P --user EMAIL [--license-id N]}. */
final class LicenseOptions {

    @Option(names = "--product", paramLabel = "CODE", required = true, description = "The license's product code.")
    String product;

    @Option(names = "--key", paramLabel = "KEY", description = "The license key (key-based licenses).")
    String key;

    @Option(names = "--user", paramLabel = "EMAIL", description = "The license user (user-based licenses).")
    String user;

    @Option(names = "--license-id", paramLabel = "N",
            description = "With --user: which of the user's licenses of the product (default: the lowest id).")
    Long licenseId;

    LicenseRef ref() {
        if ((key == null) == (user == null)) {
            throw new UsageException("name the license with --key or with --user (exactly one of them)", null);
        }
        if (key != null) {
            if (licenseId != null) {
                throw new UsageException("--license-id goes with --user, not with --key", null);
            }
            return new LicenseRef.Key(product, key);
        }
        return new LicenseRef.User(product, user, licenseId);
    }

    boolean byUser() {
        return user != null;
    }
}
