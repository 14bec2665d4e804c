package dev.licensing.core.internal.rules;

import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The license users of one company as one store transaction sees them: an email (ignoring case) names one user; an
 * existing user is reused with no new password; a new one is created once, however many licenses or orders of the
 * batch name it, with a generated password that only its creator's result shows.
 */
public final class Users {
    private final Map<String, User> known;
    private final Random random;

    /** @param existing the company's users for the batch's emails, keyed by lower-case email */
    public Users(Map<String, User> existing, Random random) {
        this.known = new HashMap<>(existing);
        this.random = random;
    }

    /** The user for {@code email}, created (with an id from {@code ids}) when the company has none. */
    public User userFor(String email, LongSupplier ids, Created created) {
        return known.computeIfAbsent(Emails.normalize(email), key -> {
            String password = Passwords.generate(random);
            User user = new User(ids.getAsLong(), email, Passwords.hash(password, random));
            created.users.add(user);
            created.passwords.add(new NewPassword(email, password));
            return user;
        });
    }

    /** What one order created: the users to write with it and the passwords its result shows. */
    public static final class Created {
        private final List<User> users = new ArrayList<>();
        private final List<NewPassword> passwords = new ArrayList<>();

        public List<User> users() {
            return List.copyOf(users);
        }

        public List<NewPassword> passwords() {
            return List.copyOf(passwords);
        }
    }
}
