package dev.licensing.core.internal.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Passwords for users new to a company (DESIGN §3 "Users"): 20 symbols over {@code A-Za-z0-9} (119 bits), drawn without
 * bias, and stored only as {@code sha256$<hex salt>$<hex SHA-256(salt ‖ password)>}. A salted SHA-256 suffices because
 * the engine only hashes passwords it generated itself; a slow KDF would dominate a bulk import.
 */
public final class Passwords {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int LENGTH = 20;
    private static final int SALT_BYTES = 16;
    private static final String PREFIX = "sha256$";

    private Passwords() {
    }

    /** A fresh password; 6 random bits a draw, values 62 and 63 are drawn again so that every symbol is equally likely. */
    public static String generate(Random random) {
        StringBuilder password = new StringBuilder(LENGTH);
        byte[] bytes = new byte[LENGTH + 4];
        while (password.length() < LENGTH) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && password.length() < LENGTH; i++) {
                int value = bytes[i] & 0x3F;
                if (value < ALPHABET.length()) {
                    password.append(ALPHABET.charAt(value));
                }
            }
        }
        return password.toString();
    }

    /** The stored form of {@code password}, with a fresh 16-byte salt. */
    public static String hash(String password, Random random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + HexFormat.of().formatHex(salt) + "$" + HexFormat.of().formatHex(digest(salt, password));
    }

    /** Whether {@code password} is the one {@code stored} was made from: for whoever authenticates license users. */
    public static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0] + "$")) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(parts[2]);
        return MessageDigest.isEqual(expected, digest(HexFormat.of().parseHex(parts[1]), password));
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
