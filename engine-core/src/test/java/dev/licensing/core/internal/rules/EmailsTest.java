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
}
