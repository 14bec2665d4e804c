package dev.licensing.core.internal.rules;

import dev.licensing.api.store.StoreReader;

import java.util.regex.Pattern;

/** Email syntax and the case-insensitive form under which users and customers are unique within a company. */
public final class Emails {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Emails() {
    }

    /** One {@code @}, no blanks, a dotted domain: enough to catch typos without refusing real addresses. */
    public static boolean isValid(String email) {
        return email != null && SHAPE.matcher(email).matches();
    }

    /** The key emails are compared under, as the store's reads key them ({@link StoreReader#emailKey}). */
    public static String normalize(String email) {
        return StoreReader.emailKey(email);
    }
}
