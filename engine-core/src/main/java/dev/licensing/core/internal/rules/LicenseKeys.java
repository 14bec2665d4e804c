package dev.licensing.core.internal.rules;

import java.util.Random;

/**
 * Generated license keys, as LicenseSpring makes them by default (DESIGN §3 "Keys"): 16 symbols in groups of four over
 * an alphabet without 0, 1, I and O, 80 bits from a single {@code nextBytes(10)} call (5 bits a symbol; 32 symbols, so
 * no bias).
 */
public final class LicenseKeys {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int SYMBOLS = 16;

    private LicenseKeys() {
    }

    public static String generate(Random random) {
        byte[] bytes = new byte[SYMBOLS * 5 / 8];
        random.nextBytes(bytes);
        StringBuilder key = new StringBuilder(SYMBOLS + 3);
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[index++] & 0xFF);
                bits += 8;
            }
            bits -= 5;
            if (symbol > 0 && symbol % 4 == 0) {
                key.append('-');
            }
            key.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
        }
        return key.toString();
    }
}
