package dev.licensing.api.model;

/** A customer of a company; {@code email} (case-insensitive) is unique within the company when present. */
public record Customer(
        long id,
        String email,
        String firstName,
        String lastName,
        String companyName,
        String phone,
        String address,
        String reference,
        Long customerAccountId) {
}
