package dev.licensing.cli;

import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.Warning;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.LicenseSpringJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code licensing create-order}: one LicenseSpring request in, its response (or its errors) out. */
@Command(name = "create-order", mixinStandardHelpOptions = true,
        description = "Create one LicenseSpring order. The response JSON goes to stdout (exit 0); "
                + "a rejected order prints its errors JSON (exit 1).")
final class CreateOrderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
            description = "The request JSON; - (the default) reads stdin.")
    private String file;

    @Option(names = "--ignore-unknown-fields",
            description = "Accept fields the request type does not know; report each on stderr.")
    private boolean ignoreUnknownFields;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Answer a retry of this request with its first response (new_passwords empty, a "
                    + "'replayed' warning on stderr), writing nothing; the same key with another request is "
                    + "idempotency_key_reused. Kept per company for 30 days, in the store.")
    private String idempotencyKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] request = RequestInput.bytes(file);
        LicenseSpringJson json = new LicenseSpringJson(ignoreUnknownFields);
        try (LicenseStore store = options.openStore()) {
            LicenseEngine engine = options.engine(store, ignoreUnknownFields);
            OrderResult result = engine.createOrderJson(options.company, request, idempotencyKey);
            for (Warning warning : result.warnings()) {
                err.println("warning: " + warning.field() + ": " + warning.message());
            }
            out.println(json.writeResult(result, true));
            return ExitCode.OK;
        }
    }
}
