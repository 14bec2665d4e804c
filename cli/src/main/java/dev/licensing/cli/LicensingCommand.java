package dev.licensing.cli;

import dev.licensing.api.LicensingError;
import dev.licensing.api.OrderRejectedException;
import dev.licensing.api.lifecycle.LicenseRejectedException;
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
        subcommands = {CreateOrderCommand.class, ShowOrderCommand.class, ImportCommand.class, ActivateCommand.class,
                CheckCommand.class, DeactivateCommand.class, TransferCommand.class, ConsumeCommand.class,
                BorrowCommand.class, ReleaseCommand.class, VipOrderCommand.class, ShowVipOrderCommand.class,
                VipOrdersCommand.class, VipSubscriptionsCommand.class, VipUpdateSubscriptionCommand.class,
                VipRenewCommand.class, MigrateCommand.class},
        exitCodeOnInvalidInput = ExitCode.USAGE,
        exitCodeOnExecutionException = ExitCode.INTERNAL_ERROR)
public final class LicensingCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        System.exit(execute(commandLine, args));
    }

    /**
     * Runs the command. picocli hands exceptions to {@link #handleFailure} but lets an {@link Error} through, and an
     * uncaught one would end the JVM with exit 1, a rejection's code: out of memory, say, is an internal error.
     */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (Error failure) {
            return internalError(failure, commandLine.getErr());
        }
    }

    /** The configured command line; tests run it with their own out and err writers. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LicensingCommand());
        commandLine.setExecutionExceptionHandler(LicensingCommand::handleFailure);
        return commandLine;
    }

    /**
     * Refused input (an order, a catalog, a lifecycle operation) prints its errors JSON on stdout and exits 1; store
     * failures become one clear line and exit 3; anything else is an internal error: one line and exit 4, never a
     * rejection's exit 1.
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
        if (failure instanceof OutputFileException) {
            err.println("licensing: " + failure.getMessage());
            return ExitCode.STORE_FAILED;
        }
        return internalError(failure, err);
    }

    /** One line that says what failed; the stack trace only with {@code -Dlicensing.trace=true}, for a bug report. */
    private static int internalError(Throwable failure, PrintWriter err) {
        String what = failure instanceof OutOfMemoryError
                ? "out of memory (" + failure.getMessage() + "); give the JVM more heap (-Xmx) or a smaller input"
                : failure.getClass().getName() + ": " + failure.getMessage();
        err.println("licensing: internal error: " + what);
        if (Boolean.getBoolean("licensing.trace")) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR;
    }

    private static List<LicensingError> refusal(Exception failure) {
        if (failure instanceof OrderRejectedException rejected) {
            return rejected.errors();
        }
        if (failure instanceof LicenseRejectedException refused) {
            return List.of(refused.error());
        }
        if (failure instanceof InvalidCatalogException invalid) {
            return invalid.errors();
        }
        return null;
    }
}
