package dev.licensing.api.order;

/** A user of a user-based license. Emails are compared case-insensitively within a company. */
public record UserRequest(String email, Boolean isManager, Integer maxActivations) {
    public static UserRequest of(String email) {
        return new UserRequest(email, null, null);
    }
}
