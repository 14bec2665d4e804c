package dev.licensing.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.licensing.api.model.Warning;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.importing.ImportListener;
import dev.licensing.core.importing.ImportOptions;
import dev.licensing.core.importing.ImportOutcome;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.vip.VipImportOutcome;
import dev.licensing.core.wire.LicenseSpringJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code licensing import}: a file of LicenseSpring requests, one a line, streamed into the store a batch per
 * transaction (DESIGN §4). Rejected lines go to the rejects file, created orders' responses to the responses file,
 * progress to stderr and the summary to stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import LicenseSpring orders (or VIP order history, --dialect vip), one a line (JSON lines). "
                + "The summary JSON goes to stdout; exit 0 when nothing was rejected, 1 otherwise, 3 when the store "
                + "or an output file failed, 130/143 when stopped by SIGINT/SIGTERM (resume with --skip-existing).")
final class ImportCommand implements Callable<Integer> {
    private static final ObjectMapper SUMMARY_JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "The requests, one JSON object a line.")
    private Path file;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write each rejected line here: {\"line\", \"id\", \"errors\"}, one a line.")
    private Path rejects;

    @Option(names = "--responses", paramLabel = "FILE",
            description = "Write each created order's response (with its new_passwords) here, one a line. A file "
                    + "with lines in it is refused, unless --skip-existing: then the responses are added after them.")
    private Path responses;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_BATCH_SIZE,
            description = "Orders committed per store transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--skip-existing",
            description = "Count an order whose id existed before this import as skipped, not rejected: "
                    + "run an import that was cut off again to finish it; --responses is then continued, not "
                    + "rewritten.")
    private boolean skipExisting;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "licensespring",
            description = "licensespring (default): one Create Order request a line; vip: one "
                    + "{\"customerId\", \"order\", \"correlationId\"?, \"creationDate\"?} a line (VIP order history).")
    private Dialect dialect;

    /** The request kind of the file's lines. */
    enum Dialect { licensespring, vip }

    @Option(names = "--ignore-unknown-fields",
            description = "Accept fields the request type does not know; report each on stderr.")
    private boolean ignoreUnknownFields;

    @Override
    public Integer call() {
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batchSize);
        }
        if (!skipExisting && OutputFile.holdsLines(responses)) {
            // A generated password exists only in its order's response: rewriting the file would lose them for good.
            throw new UsageException(responses + " already holds responses, which may hold passwords shown nowhere "
                    + "else: name a new --responses file, or pass --skip-existing to resume an import into it");
        }
        long totalLines = countLines(file);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Interruption interruption = Interruption.install();
        try {
            return importFile(totalLines, out, err, interruption);
        } catch (OutputFileException e) {
            err.println("licensing: " + e.getMessage() + resumeAdvice(e));
            return ExitCode.STORE_FAILED;
        } catch (UncheckedIOException e) {
            err.println("licensing: cannot read " + file + ": " + IoReason.of(e.getCause()));
            return ExitCode.STORE_FAILED;
        } finally {
            out.flush();
            err.flush();
            interruption.finished();
        }
    }

    /** Nothing to resume when a file could not even be opened; room to make only when the disk was full. */
    private String resumeAdvice(OutputFileException failure) {
        if (failure.whileOpening()) {
            return "";
        }
        return " (the batch being written was rolled back; " + (failure.fullDisk() ? "make room, then " : "")
                + "run the same import again with --skip-existing"
                + (responses != null ? ", which continues --responses" : "") + ")";
    }

    private int importFile(long totalLines, PrintWriter out, PrintWriter err, Interruption interruption) {
        LicenseSpringJson json = new LicenseSpringJson(ignoreUnknownFields);
        ImportOptions importOptions = new ImportOptions(batchSize, skipExisting);
        try (OutputFile rejectsOut = OutputFile.create(rejects);
             OutputFile responsesOut = skipExisting ? OutputFile.append(responses) : OutputFile.create(responses);
             InputStream in = Files.newInputStream(file);
             LicenseStore store = options.openStore()) {
            LicenseEngine engine = options.engine(store, ignoreUnknownFields);
            long[] lastLine = {0};
            ImportSummary summary;
            try (ImportProgress progress = ImportProgress.start(totalLines, err)) {
                if (dialect == Dialect.vip) {
                    summary = engine.vip().importOrders(options.company, in, skipExisting,
                            outcome -> {
                                reportVip(outcome, rejectsOut, responsesOut);
                                progress.at(outcome.line());
                                lastLine[0] = outcome.line();
                            }, interruption::requested);
                } else {
                    summary = engine.importOrders(options.company, in, importOptions, new ImportListener() {
                        @Override
                        public void onOutcome(ImportOutcome outcome) {
                            report(outcome, json, rejectsOut, responsesOut, err);
                            progress.at(outcome.line());
                            lastLine[0] = outcome.line();
                        }

                        @Override
                        public void flush() {
                            if (rejectsOut != null) {
                                rejectsOut.flush();
                            }
                            if (responsesOut != null) {
                                responsesOut.flush();
                            }
                        }

                        @Override
                        public boolean stopRequested() {
                            return interruption.requested();
                        }
                    });
                }
            }
            out.println(summaryJson(summary));
            if (interruption.requested()) {
                err.println("licensing: import interrupted after line " + lastLine[0] + ": every order up to it is "
                        + "committed and in the output files; resume with the same command and --skip-existing "
                        + "(it adds to --responses and rewrites --rejects)");
                return ExitCode.INTERRUPTED;
            }
            return summary.rejected() == 0 ? ExitCode.OK : ExitCode.REJECTED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(ImportOutcome outcome, LicenseSpringJson json, OutputFile rejectsOut,
                               OutputFile responsesOut, PrintWriter err) {
        if (outcome instanceof ImportOutcome.Created created) {
            for (Warning warning : created.result().warnings()) {
                err.println("warning: line " + created.line() + ": " + warning.field() + ": " + warning.message());
            }
            if (responsesOut != null) {
                responsesOut.writeLine(json.writeResult(created.result(), false));
            }
        } else if (outcome instanceof ImportOutcome.Rejected rejected && rejectsOut != null) {
            rejectsOut.writeLine(json.writeRejectedLine(rejected.line(), rejected.orderId(), rejected.errors()));
        }
    }

    /** A refused VIP line: {@code {"line", "customerId", "error": {Adobe's body}}}; a placed one: its response. */
    private static void reportVip(VipImportOutcome outcome, OutputFile rejectsOut, OutputFile responsesOut) {
        if (outcome instanceof VipImportOutcome.Created created && responsesOut != null) {
            responsesOut.writeLine(VipOutput.JSON.writeOrder(created.result().order(), false));
        } else if (outcome instanceof VipImportOutcome.Rejected rejected && rejectsOut != null) {
            ObjectNode line = SUMMARY_JSON.createObjectNode();
            line.put("line", rejected.line());
            line.put("customerId", rejected.customerId());
            try {
                line.set("error", SUMMARY_JSON.readTree(VipOutput.JSON.writeError(rejected.error(), false)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rejectsOut.writeLine(line.toString());
        }
    }

    /** {@code read}, {@code created}, {@code skipped}, {@code rejected}, {@code seconds}, {@code orders_per_second}. */
    private static String summaryJson(ImportSummary summary) {
        ObjectNode node = SUMMARY_JSON.createObjectNode()
                .put("read", summary.read())
                .put("created", summary.created())
                .put("skipped", summary.skipped())
                .put("rejected", summary.rejected())
                .put("seconds", round(summary.elapsed().toNanos() / 1e9, 3))
                .put("orders_per_second", round(summary.ordersPerSecond(), 1));
        return node.toPrettyString();
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The file's lines, for the progress bar's ETA; a missing or unreadable file is a command-line error. */
    private static long countLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
            return last == '\n' ? lines : lines + 1;
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + IoReason.of(e), e);
        }
    }
}
