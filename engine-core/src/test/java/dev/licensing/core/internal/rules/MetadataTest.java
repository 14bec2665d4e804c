package dev.licensing.core.internal.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataTest {
    @Test
    void metadataIsAStringHoldingAJsonObject() {
        assertThat(Metadata.isJsonObject("{\"some_key\": \"some_value\"}")).isTrue();
        assertThat(Metadata.isJsonObject("{}")).isTrue();
        assertThat(Metadata.isJsonObject("{ \"some_key\": ")).isFalse();
        assertThat(Metadata.isJsonObject("[1]")).isFalse();
        assertThat(Metadata.isJsonObject("\"text\"")).isFalse();
        assertThat(Metadata.isJsonObject("{ \"some_key\": \"some_value\" }")).isTrue();
    }

    @Test
    void aLicensesMetadataIsItsOwnElseItsPolicysElseEmpty() {
        assertThat(Metadata.forLicense("{\"a\":1}", "{\"b\":2}")).isEqualTo("{\"a\":1}");
        assertThat(Metadata.forLicense(null, "{\"b\":2}")).isEqualTo("{\"b\":2}");
        assertThat(Metadata.forLicense(null, null)).isEqualTo("{}");
    }
}
