package dev.licensing.core.internal.rules;

import dev.licensing.api.model.User;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The license users of one company as one store transaction sees them: an email (ignoring case) names one user; an
 * existing user is reused with no new password; a new one is created once, however many licenses or orders of the
 * batch name it, with a generated password that only its creator's result shows.
 */
public final class Users {
    private final Map<String, User> known;

    /** @param existing the company's users for the batch's emails, keyed by {@link Emails#normalize} */
    public Users(Map<String, User> existing) {
        this.known = new HashMap<>(existing);
    }

    /** The company's user for {@code email}: stored, or created by an earlier order of the batch. */
    public Optional<User> existing(String email) {
        return Optional.ofNullable(known.get(Emails.normalize(email)));
    }

    /** A user an order of the batch created, for the orders after it. */
    public void remember(User user) {
        known.putIfAbsent(Emails.normalize(user.email()), user);
    }

    /** A user new to the company: its password drawn, and hashed with a drawn salt; its id is the order's to give. */
    public static NewUser create(String email, Random random) {
        String password = Passwords.generate(random);
        return new NewUser(email, password, Passwords.hash(password, random));
    }

    /** A user to create: {@code email} as the first license that names it gives it. */
    public record NewUser(String email, String password, String passwordHash) {
    }
}
