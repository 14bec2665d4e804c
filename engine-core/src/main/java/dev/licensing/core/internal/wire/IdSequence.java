package dev.licensing.core.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.licensing.api.ErrorCode;

import java.util.HashSet;
import java.util.Set;

/**
 * The catalog ids of one kind (products, features, custom fields, policies): an explicit id is taken once, an omitted
 * one is assigned 1, 2, 3… in file order, skipping every id the file gives explicitly.
 */
final class IdSequence {
    private final Set<Long> explicit;
    private final Set<Long> taken = new HashSet<>();
    private long next = 1;

    private IdSequence(Set<Long> explicit) {
        this.explicit = explicit;
    }

    /** A sequence that will not assign the ids that {@code elements} (JSON objects of one kind) give. */
    static IdSequence skipping(Iterable<JsonNode> elements) {
        Set<Long> explicit = new HashSet<>();
        for (JsonNode element : elements) {
            JsonNode id = element.path("id");
            if (FieldReader.isIntegral(id) && id.canConvertToLong()) {
                explicit.add(id.longValue());
            }
        }
        return new IdSequence(explicit);
    }

    /** The {@code id} of the object {@code in} reads: its own, or the next free one when it gives none. */
    long idOf(FieldReader in) {
        Long id = in.int64("id");
        return id == null ? assign() : take(id, in);
    }

    /** The required {@code id} of the object {@code in} reads (0 when missing, with the error recorded). */
    long requiredIdOf(FieldReader in) {
        Long id = in.requiredInt64("id");
        return id == null ? 0 : take(id, in);
    }

    private long take(long id, FieldReader in) {
        if (id <= 0) {
            in.findings().add(ErrorCode.INVALID_VALUE, in.pathOf("id"), "an id is a positive integer");
        } else if (!taken.add(id)) {
            in.findings().add(ErrorCode.VALIDATION_ERROR, in.pathOf("id"), "id " + id + " is given twice");
        }
        return id;
    }

    private long assign() {
        while (explicit.contains(next)) {
            next++;
        }
        return next++;
    }
}
