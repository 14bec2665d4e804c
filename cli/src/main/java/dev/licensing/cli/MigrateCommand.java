package dev.licensing.cli;

import dev.licensing.store.postgresql.PostgresLicenseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code licensing migrate}: creates or upgrades the schema of the PostgreSQL database {@code --db} names, before the
 * engines that share it start. (Other commands create the schema of an empty database, but never upgrade one.) A
 * SQLite file brings itself up to date whenever it is opened, so this does nothing more than open it.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade the database's schema (exit 0); a database of a newer engine exits 3.")
final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Override
    public Integer call() {
        if (options.database().equals("memory")) {
            throw new UsageException("migrate needs a database: --db PATH or --db jdbc:postgresql://HOST:PORT/DB", null);
        }
        String version;
        if (options.postgresql()) {
            version = PostgresLicenseStore.migrate(options.database(), options.postgresOptions());
        } else {
            options.openStore().close();
            version = "current";
        }
        spec.commandLine().getOut().println("schema version " + version);
        return ExitCode.OK;
    }
}
