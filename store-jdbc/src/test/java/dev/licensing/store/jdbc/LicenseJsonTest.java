package dev.licensing.store.jdbc;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.FeatureProperties;
import dev.licensing.api.model.LicenseCustomField;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, features and custom fields read back from their JSON columns equal to what was written. */
class LicenseJsonTest {
    private static final String AWKWARD = "q\"uote \\ back/slash \n\r\t\b\f \u0000\u001f \u007f é 中 😀 "
            + "\ud800 lone \udc00 </script> {\"a\":1}";

    private final LicenseJson json = new LicenseJson();

    @Test
    void emptyListsAreNull() {
        assertThat(json.users(List.of())).isNull();
        assertThat(json.features(List.of())).isNull();
        assertThat(json.customFields(List.of())).isNull();
        assertThat(LicenseJson.readUsers(null)).isEmpty();
        assertThat(LicenseJson.readFeatures(null)).isEmpty();
        assertThat(LicenseJson.readCustomFields(null)).isEmpty();
    }

    @Test
    void usersRoundTrip() {
        List<LicenseUser> users = List.of(new LicenseUser(1, "a@b.c", true, 5),
                new LicenseUser(Long.MAX_VALUE, null, false, null), new LicenseUser(3, AWKWARD, false, -1));
        assertThat(LicenseJson.readUsers(json.users(users))).isEqualTo(users);
    }

    @Test
    void featuresRoundTripEveryPropertyNullOrGiven() {
        FeatureProperties all = new FeatureProperties(Long.MAX_VALUE, true, Long.MIN_VALUE, false, true, false,
                ConsumptionPeriod.ANNUALLY, "2030-01-01", Integer.MAX_VALUE, Integer.MIN_VALUE, true, false,
                "{\"k\":\"v\",\"n\":[1,2]}");
        List<LicenseFeature> features = List.of(
                new LicenseFeature(10, 20, "code", "name", all),
                new LicenseFeature(11, 21, null, null, FeatureProperties.NONE),
                new LicenseFeature(12, 22, AWKWARD, AWKWARD, null),
                new LicenseFeature(13, 23, "c", "", new FeatureProperties(null, null, 0L, null, null, null,
                        ConsumptionPeriod.DAILY, null, 0, null, null, true, AWKWARD)));
        String written = json.features(features);
        assertThat(LicenseJson.readFeatures(written)).isEqualTo(features);
        // The builder is reused: a second list is written from scratch.
        assertThat(LicenseJson.readFeatures(json.features(features.subList(1, 2)))).isEqualTo(features.subList(1, 2));
    }

    @Test
    void customFieldsRoundTrip() {
        List<LicenseCustomField> fields = List.of(new LicenseCustomField(1, "name", "value"),
                new LicenseCustomField(2, null, null), new LicenseCustomField(3, AWKWARD, ""));
        String written = json.customFields(fields);
        assertThat(written).startsWith("[[1,\"name\",\"value\"],[2,null,null],");
        assertThat(LicenseJson.readCustomFields(written)).isEqualTo(fields);
    }
}
