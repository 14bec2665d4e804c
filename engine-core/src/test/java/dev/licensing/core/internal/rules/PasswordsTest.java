package dev.licensing.core.internal.rules;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void twentySymbolsOverLettersAndDigits() {
        Random random = new Random(5);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String password = Passwords.generate(random);
            assertThat(password).hasSize(20).matches("[A-Za-z0-9]{20}");
            password.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(62);
    }

    @Test
    void valuesBeyondTheAlphabetAreDrawnAgainNotFolded() {
        // 0x3E and 0x3F (62, 63) would be bias if folded onto the alphabet; they must be skipped.
        Random skewed = new Random() {
            private static final long serialVersionUID = 1L;
            private int call;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = call == 0 ? (byte) 0x3F : (byte) 0x01;
                }
                call++;
            }
        };
        assertThat(Passwords.generate(skewed)).isEqualTo("B".repeat(20));
    }

    @Test
    void storedAsSaltedSha256NamingItsAlgorithm() {
        Random random = new Random(9);
        String hash = Passwords.hash("secret", random);
        assertThat(hash).matches("sha256\\$[0-9a-f]{32}\\$[0-9a-f]{64}");
        assertThat(hash).doesNotContain("secret").doesNotStartWith("pbkdf2");
        assertThat(Passwords.matches("secret", hash)).isTrue();
        assertThat(Passwords.matches("Secret", hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        Random random = new Random(9);
        assertThat(Passwords.hash("same", random)).isNotEqualTo(Passwords.hash("same", random));
    }
}
