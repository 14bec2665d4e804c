package dev.licensing.api.model;

/** Something the engine accepted but ignored (a field unknown to the request type, with the option to ignore those). */
public record Warning(String field, String message) {
}
