package dev.licensing.api.model;

/** A generated password for a user new to the company, returned once in the response and never stored in clear. */
public record NewPassword(String email, String password) {
}
