package dev.licensing.core.internal.rules;

import dev.licensing.api.ErrorCode;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers (emails, keys, order ids, customer references, product, policy and feature codes) hold no invisible
 * character (DESIGN §3 "What real inputs taught us"): no white space of any script ({@code \p{Z}}, {@code \s}), no
 * format character ({@code \p{Cf}}: zero-width space, byte-order mark, soft hyphen...) and no control character. A
 * no-break space pasted after an email would otherwise make a second user with a second password.
 */
public final class Identifiers {
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\p{Z}\\s\\p{Cf}\\p{Cc}]", Pattern.UNICODE_CHARACTER_CLASS);

    private Identifiers() {
    }

    /**
     * Records {@link ErrorCode#VALIDATION_ERROR} at {@code field} when {@code value} holds an invisible character.
     *
     * @return whether {@code value} is absent or clean
     */
    public static boolean check(String value, FieldPath field, Problems violations) {
        if (value == null) {
            return true;
        }
        Matcher m = INVISIBLE.matcher(value);
        if (!m.find()) {
            return true;
        }
        int codePoint = value.codePointAt(m.start());
        String name = Character.getName(codePoint);
        violations.add(ErrorCode.VALIDATION_ERROR, field, String.format(Locale.ROOT,
                "'%s' holds U+%04X%s at index %d: white space and invisible characters are not allowed in an identifier",
                value, codePoint, name == null ? "" : " (" + name + ")", m.start()));
        return false;
    }
}
