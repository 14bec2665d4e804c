package dev.licensing.api.model;

/** A user attached to a user-based license. {@code maxActivations} is the user's own limit, if one was given. */
public record LicenseUser(long userId, String email, boolean isManager, Integer maxActivations) {
}
