package dev.licensing.core.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderResult;
import dev.licensing.core.internal.wire.OrderRequestReader;
import dev.licensing.core.internal.wire.OrderResponseWriter;
import dev.licensing.core.internal.wire.WireJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The LicenseSpring Create Order wire format: requests in, responses and rejections out (DESIGN §2 "codec"). Reading
 * checks structure only (required fields, JSON types, enumerations, unknown fields) and reports every violation with its
 * JSON path; the rules that need the catalog or the store are the engine's. Thread-safe.
 */
public final class LicenseSpringJson {
    private final boolean ignoreUnknownFields;

    /** @param ignoreUnknownFields report fields the request types do not know as warnings instead of errors */
    public LicenseSpringJson(boolean ignoreUnknownFields) {
        this.ignoreUnknownFields = ignoreUnknownFields;
    }

    /** Reads one request (plain or bundle); {@code //} comments, as on the page's examples, are allowed. */
    public DecodedOrder readOrder(String json) {
        return OrderRequestReader.read(json, ignoreUnknownFields);
    }

    /**
     * The response to the request that created {@code result}, with the passwords of users new to the company. Its
     * warnings are not part of the page's response: the caller reports them (the command line on stderr).
     */
    public String writeResult(OrderResult result, boolean pretty) {
        return write(pretty, out -> OrderResponseWriter.write(out, result.order(), result.newPasswords()));
    }

    /** A stored order in the response shape; passwords are shown only once, when created, so {@code new_passwords} is empty. */
    public String writeOrder(Order order, boolean pretty) {
        return write(pretty, out -> OrderResponseWriter.write(out, order, List.<NewPassword>of()));
    }

    /** A rejection: {@code {"errors": [{"code", "message", "field"}]}}, {@code field} omitted where no one field is at fault. */
    public String writeErrors(List<LicensingError> errors, boolean pretty) {
        return write(pretty, out -> {
            out.writeStartObject();
            writeErrorList(out, errors);
            out.writeEndObject();
        });
    }

    /**
     * A rejected line of an import, as the rejects file holds it (DESIGN §4): {@code {"line", "id", "errors"}} on one
     * line; {@code id} is null when the line has none.
     */
    public String writeRejectedLine(long line, String orderId, List<LicensingError> errors) {
        return write(false, out -> {
            out.writeStartObject();
            out.writeNumberField("line", line);
            out.writeStringField("id", orderId);
            writeErrorList(out, errors);
            out.writeEndObject();
        });
    }

    /**
     * The top-level {@code id} of a request that may not decode, to name a rejected line: its text when it is a string
     * or a number, else {@code null} (also when the text is not JSON).
     */
    public String orderIdOf(String json) {
        try {
            JsonNode id = WireJson.parse(json).path("id");
            return id.isTextual() || id.isNumber() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void writeErrorList(JsonGenerator out, List<LicensingError> errors) throws IOException {
        out.writeArrayFieldStart("errors");
        for (LicensingError error : errors) {
            out.writeStartObject();
            out.writeStringField("code", error.code().code());
            out.writeStringField("message", error.message());
            if (error.field() != null) {
                out.writeStringField("field", error.field());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static String write(boolean pretty, Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = WireJson.MAPPER.createGenerator(text)) {
            if (pretty) {
                out.useDefaultPrettyPrinter();
            }
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(JsonGenerator out) throws IOException;
    }
}
