package dev.licensing.core.internal.rules;

import dev.licensing.api.EmailKey;
import dev.licensing.api.ErrorCode;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.regex.Pattern;

/** Email syntax and the key under which users and customers are unique within a company. */
public final class Emails {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Emails() {
    }

    /** One {@code @}, no blanks, a dotted domain: enough to catch typos without refusing real addresses. */
    public static boolean isValid(String email) {
        return email != null && SHAPE.matcher(email).matches();
    }

    /**
     * Records one {@link ErrorCode#VALIDATION_ERROR} at {@code field} when {@code email} holds an invisible character or
     * is not an email.
     *
     * @return whether the email is valid
     */
    public static boolean check(String email, FieldPath field, Problems violations) {
        if (!Identifiers.check(email, field, violations)) {
            return false;
        }
        if (!isValid(email)) {
            violations.add(ErrorCode.VALIDATION_ERROR, field, "'" + email + "' is not an email");
            return false;
        }
        return true;
    }

    /** The key emails are compared under, as the store's reads key them: {@link EmailKey} (NFC, case folded). */
    public static String normalize(String email) {
        return EmailKey.of(email);
    }
}
