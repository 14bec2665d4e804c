package dev.licensing.api;

import java.text.Normalizer;

/**
 * The one form under which emails are compared (DESIGN §3 "Users", "What real inputs taught us"): Unicode NFC, then
 * simple case folding, code point by code point. Two spellings of one address, {@code Lena@Example.de} and
 * {@code lena@example.de}, or an {@code é} as one code point and as {@code e} with a combining accent, get one key.
 * Every store keys and indexes users and customers by it, so a lookup and the unique rule agree everywhere.
 *
 * <p>Simple folding (one code point to one) and not full folding: {@code ß} stays {@code ß} rather than becoming
 * {@code ss}, so two addresses that mail servers tell apart are never merged into one user. For ASCII the key is the
 * lower case, as it always was.
 */
public final class EmailKey {
    private EmailKey() {
    }

    public static String of(String email) {
        String composed = Normalizer.normalize(email, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        // Folding can leave a sequence that composes further; compose again so that the key is NFC itself.
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }
}
