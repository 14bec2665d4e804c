package dev.licensing.core.internal.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotesTest {
    @Test
    void theLicensesOwnNoteWinsOverItsItemsNote() {
        assertThat(Notes.forLicense("Test 2", "Test 1")).isEqualTo("Test 2");
    }

    @Test
    void theItemsNoteAppliesToALicenseWithoutOne() {
        assertThat(Notes.forLicense(null, "Test 1")).isEqualTo("Test 1");
    }

    @Test
    void neitherMeansNoNote() {
        assertThat(Notes.forLicense(null, null)).isNull();
    }
}
