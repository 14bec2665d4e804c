package dev.licensing.cli;

import picocli.CommandLine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads {@code --now}: an ISO-8601 instant, with {@code Z} or an offset. */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an ISO-8601 instant such as 2025-01-31T10:00:00Z");
        }
    }
}
