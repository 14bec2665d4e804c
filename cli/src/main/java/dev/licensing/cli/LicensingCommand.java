package dev.licensing.cli;

import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.store.StoreException;
import dev.licensing.core.wire.InvalidCatalogException;
import dev.licensing.core.wire.LicenseSpringJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code licensing}: the engine from the command line. */
@Command(name = "licensing",
        mixinStandardHelpOptions = true,
        version = "licensing 0.1.0",
        description = "An embedded software-licensing engine: LicenseSpring orders in, licenses out.",
        subcommands = {CreateOrderCommand.class, ShowOrderCommand.class, ImportCommand.class, MigrateCommand.class},
        exitCodeOnInvalidInput = ExitCode.USAGE,
        exitCodeOnExecutionException = ExitCode.STORE_FAILED)
public final class LicensingCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it with their own out and err writers. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LicensingCommand());
        commandLine.setExecutionExceptionHandler(LicensingCommand::handleFailure);
        return commandLine;
    }

    /**
     * Refused input (an order, a catalog) prints its errors JSON on stdout and exits 1; store failures become one clear
     * line and exit 3; anything else is a bug and keeps its stack trace.
     */
    private static int handleFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        List<LicensingError> refusal = refusal(failure);
        if (refusal != null) {
            commandLine.getOut().println(new LicenseSpringJson(false).writeErrors(refusal, true));
            commandLine.getOut().flush();
            return ExitCode.REJECTED;
        }
        if (failure instanceof StoreException) {
            err.println("licensing: store failed: " + failure.getMessage());
            return ExitCode.STORE_FAILED;
        }
        if (failure instanceof UsageException) {
            err.println("licensing: " + failure.getMessage());
            return ExitCode.USAGE;
        }
        failure.printStackTrace(err);
        return ExitCode.STORE_FAILED;
    }

    private static List<LicensingError> refusal(Exception failure) {
        if (failure instanceof OrderRejectedException rejected) {
            return rejected.errors();
        }
        if (failure instanceof InvalidCatalogException invalid) {
            return invalid.errors();
        }
        return null;
    }
}
