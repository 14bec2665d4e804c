package dev.licensing.api.model;

/**
 * A license user of a company. {@code email} is kept as first given and unique within the company, compared
 * case-insensitively. {@code passwordHash} names its algorithm ({@code sha256$<salt>$<hash>}).
 */
public record User(long id, String email, String passwordHash) {
}
