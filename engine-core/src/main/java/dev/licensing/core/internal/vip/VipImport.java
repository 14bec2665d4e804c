package dev.licensing.core.internal.vip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.vip.VipError;
import dev.licensing.api.vip.VipOrderResult;
import dev.licensing.api.vip.VipRejectedException;
import dev.licensing.core.importing.ImportSummary;
import dev.licensing.core.internal.importing.SourceLine;
import dev.licensing.core.internal.importing.Utf8Lines;
import dev.licensing.core.vip.VipImportOutcome;
import dev.licensing.core.vip.VipMarketplace;
import dev.licensing.core.vip.VipOrderOptions;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One run of {@code licensing import --dialect vip} (design/vip-marketplace.md "Import of VIP order history"): a line
 * at a time, each order what {@code vip-order} would do at the line's {@code creationDate}, in its own transaction,
 * so memory does not grow with the input and a refused line never touches its neighbours.
 */
public final class VipImport {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Set<String> FIELDS = Set.of("customerId", "order", "correlationId", "creationDate");

    private final VipMarketplace vip;
    private final LicenseStore store;
    private final String company;
    private final boolean skipExisting;
    private final Consumer<VipImportOutcome> listener;
    private final BooleanSupplier stopRequested;
    private final LongSupplier ticker;
    private Instant previousCreationDate;
    private long read;
    private long created;
    private long skipped;
    private long rejected;

    /** @param ticker the engine's nanosecond ticker, for the summary's elapsed time */
    public VipImport(VipMarketplace vip, LicenseStore store, String company, boolean skipExisting,
                     Consumer<VipImportOutcome> listener, LongSupplier ticker, BooleanSupplier stopRequested) {
        this.vip = vip;
        this.store = store;
        this.company = company;
        this.skipExisting = skipExisting;
        this.listener = listener;
        this.stopRequested = stopRequested;
        this.ticker = ticker;
    }

    /** Imports every line; blank lines count in the line numbers but are not orders. */
    public ImportSummary run(Iterator<String> lines) {
        return runLines(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public SourceLine next() {
                return new SourceLine(lines.next(), null);
            }
        });
    }

    /**
     * Imports every line of UTF-8 bytes ({@link Utf8Lines}), each decoded alone: a line that is not valid UTF-8 (or
     * above the most bytes one request may have) is Adobe's 1117, its body not a JSON object, and the next line reads
     * on; it is never stored with U+FFFD in place of its bytes.
     */
    public ImportSummary run(InputStream in) {
        return runLines(new Utf8Lines(in));
    }

    private ImportSummary runLines(Iterator<SourceLine> lines) {
        long started = ticker.getAsLong();
        long number = 0;
        while (!stopRequested.getAsBoolean() && lines.hasNext()) {
            SourceLine line = lines.next();
            number++;
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            read++;
            VipImportOutcome outcome = line.text() == null
                    ? new VipImportOutcome.Rejected(number, null, VipErrors.of("1117"))
                    : importLine(number, number == 1 ? withoutByteOrderMark(line.text()) : line.text());
            if (outcome instanceof VipImportOutcome.Created) {
                created++;
            } else if (outcome instanceof VipImportOutcome.Skipped) {
                skipped++;
            } else {
                rejected++;
            }
            listener.accept(outcome);
        }
        return new ImportSummary(read, created, skipped, rejected, Duration.ofNanos(ticker.getAsLong() - started));
    }

    private VipImportOutcome importLine(long number, String text) {
        JsonNode line;
        try {
            line = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new VipImportOutcome.Rejected(number, null, VipErrors.of("1117"));
        }
        if (line == null || !line.isObject()) {
            return new VipImportOutcome.Rejected(number, null, VipErrors.of("1117"));
        }
        String customerId = line.path("customerId").isTextual() ? line.get("customerId").textValue() : null;
        VipError error = structure(line);
        if (error != null) {
            return new VipImportOutcome.Rejected(number, customerId, error);
        }
        String correlationId = text(line, "correlationId");
        Instant creationDate = null;
        if (text(line, "creationDate") != null) {
            try {
                creationDate = Instant.parse(text(line, "creationDate"));
            } catch (DateTimeParseException e) {
                return new VipImportOutcome.Rejected(number, customerId, VipErrors.of("1117", "creationDate"));
            }
            if (previousCreationDate != null && creationDate.isBefore(previousCreationDate)) {
                return new VipImportOutcome.Rejected(number, customerId, VipErrors.of("1117", "creationDate"));
            }
            previousCreationDate = creationDate;
        }
        if (skipExisting && correlationId != null && store.read(reader -> reader.findVipReplay(company, correlationId))
                .filter(kept -> kept.order() != null).isPresent()) {
            return new VipImportOutcome.Skipped(number, customerId);
        }
        try {
            VipOrderResult result = vip.createOrderJson(company, customerId, line.get("order").toString(),
                    new VipOrderOptions(false, correlationId, creationDate));
            return result.replayed() ? new VipImportOutcome.Skipped(number, customerId)
                    : new VipImportOutcome.Created(number, customerId, result);
        } catch (VipRejectedException e) {
            return new VipImportOutcome.Rejected(number, customerId, e.error());
        }
    }

    /** The line's own fields: none unknown (1121), customerId and order there (1122), each of its type (1117). */
    private static VipError structure(JsonNode line) {
        List<String> unknown = new ArrayList<>();
        line.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            return VipErrors.of("1121", unknown);
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("customerId", "order")) {
            if (line.path(field).isMissingNode() || line.get(field).isNull()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return VipErrors.of("1122", missing);
        }
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("customerId", "correlationId", "creationDate")) {
            JsonNode value = line.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                wrong.add(field);
            }
        }
        if (!line.get("order").isObject()) {
            wrong.add("order");
        }
        return wrong.isEmpty() ? null : VipErrors.of("1117", wrong);
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
