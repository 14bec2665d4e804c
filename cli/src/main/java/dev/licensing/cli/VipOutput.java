package dev.licensing.cli;

import dev.licensing.api.vip.VipRejectedException;
import dev.licensing.core.vip.VipJson;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * How the VIP Marketplace commands answer (design/vip-marketplace.md "Responses"): the body on stdout and
 * {@code http-status: <code>} on stderr; a refusal prints Adobe's error body and exits 1.
 */
final class VipOutput {
    static final VipJson JSON = new VipJson();

    /** What a command answers: its JSON body and the HTTP status Adobe would send. */
    record Response(String body, int httpStatus) {
    }

    private VipOutput() {
    }

    static int answer(CommandSpec spec, Supplier<Response> call) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Response response;
        int exit;
        try {
            response = call.get();
            exit = ExitCode.OK;
        } catch (VipRejectedException e) {
            response = new Response(JSON.writeError(e.error(), true), e.httpStatus());
            exit = ExitCode.REJECTED;
        }
        out.println(response.body());
        err.println("http-status: " + response.httpStatus());
        return exit;
    }
}
