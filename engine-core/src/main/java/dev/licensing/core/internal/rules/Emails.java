package dev.licensing.core.internal.rules;

import java.util.Locale;
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

    /** The key emails are compared under, as the store's reads key them. */
    public static String normalize(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
