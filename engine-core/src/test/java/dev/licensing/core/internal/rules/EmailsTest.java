package dev.licensing.core.internal.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsTest {
    @ParameterizedTest
    @ValueSource(strings = {"end-user@gmail.com", "a.b+c@mail.example.org", "X@Y.IO"})
    void acceptsAddresses(String email) {
        assertThat(Emails.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@@b.com", "a b@c.com", "@c.com", "a@.com", "a@c."})
    void refusesTypos(String email) {
        assertThat(Emails.isValid(email)).isFalse();
    }

    @Test
    void emailsCompareIgnoringCase() {
        assertThat(Emails.normalize("End-User@Gmail.COM")).isEqualTo("end-user@gmail.com");
    }

    @Test
    void emailsCompareAfterNfcAndSimpleCaseFolding() {
        assertThat(Emails.normalize("JOSE\u0301@Example.DE")).isEqualTo("jos\u00e9@example.de");
        assertThat(Emails.normalize("Jos\u00c9@example.de")).isEqualTo(Emails.normalize("jose\u0301@EXAMPLE.de"));
        // Simple folding: the Greek final sigma and the long s fold; sharp s stays one letter, never "ss".
        assertThat(Emails.normalize("\u03a3\u03c3\u03c2@x.gr")).isEqualTo("\u03c3\u03c3\u03c3@x.gr");
        assertThat(Emails.normalize("\u017Fam@x.de")).isEqualTo("sam@x.de");
        assertThat(Emails.normalize("Stra\u00dfe@x.de")).isEqualTo("stra\u00dfe@x.de");
    }
}
