package dev.licensing.core.internal.rules;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseKeysTest {

    @Test
    void sixteenSymbolsInGroupsOfFourOverTheUnambiguousAlphabet() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(LicenseKeys.generate(random)).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        }
    }

    @Test
    void theSameSeedGivesTheSameKeys() {
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 10; i++) {
            assertThat(LicenseKeys.generate(a)).isEqualTo(LicenseKeys.generate(b));
        }
    }

    @Test
    void eightyBitsFromOneNextBytesCallOfTenBytes() {
        AtomicInteger calls = new AtomicInteger();
        Random counting = new Random(7) {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                calls.incrementAndGet();
                assertThat(bytes).hasSize(10);
                super.nextBytes(bytes);
            }
        };
        LicenseKeys.generate(counting);
        assertThat(calls).hasValue(1);
    }

    @Test
    void eachByteBitLandsInTheKey() {
        Random zeros = fixed((byte) 0);
        Random ones = fixed((byte) 0xFF);
        assertThat(LicenseKeys.generate(zeros)).isEqualTo("2222-2222-2222-2222");
        assertThat(LicenseKeys.generate(ones)).isEqualTo("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    }

    @Test
    void everySymbolOfTheAlphabetAppears() {
        Random random = new Random(3);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            LicenseKeys.generate(random).chars().filter(c -> c != '-').forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(32);
    }

    private static Random fixed(byte value) {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, value);
            }
        };
    }
}
