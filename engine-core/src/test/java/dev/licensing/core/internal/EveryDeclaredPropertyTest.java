package dev.licensing.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.licensing.api.AuthorizationMethod;
import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseProperty;
import dev.licensing.api.LicenseType;
import dev.licensing.api.catalog.Product;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.order.ItemRequest;
import dev.licensing.core.internal.rules.PropertyResolver;
import dev.licensing.core.wire.DecodedOrder;
import dev.licensing.core.wire.LicenseSpringJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each license property is declared once, on its component of {@link LicenseProperties}, and every consumer derives it
 * from there: for each declared property, whatever it is, the codec reads it, the resolver lets it override the engine
 * default, and the response shows it. A property added with nothing but its declaration passes every case here (the
 * SQL stores' round trip is the store test kit's {@code everyDeclaredPropertyRoundTrips}).
 */
class EveryDeclaredPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LicenseSpringJson CODEC = new LicenseSpringJson(false);

    static Stream<LicenseProperty> properties() {
        return LicenseProperty.all().stream();
    }

    @Test
    void everyRecordComponentIsOneDeclaredPropertyInComponentOrder() {
        assertThat(LicenseProperty.all()).extracting(LicenseProperty::name).containsExactlyElementsOf(
                Arrays.stream(LicenseProperties.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(LicenseProperties.NONE).isEqualTo(LicenseProperty.build(property -> null));
    }

    @ParameterizedTest
    @MethodSource("properties")
    void theCodecReadsIt(LicenseProperty property) throws IOException {
        Object sample = sample(property);
        String license = JSON.writeValueAsString(Map.of(property.wireName(), property.toWire(sample)));

        DecodedOrder decoded = CODEC.readOrder("{\"id\": \"o\", \"items\": [{\"product_code\": \"P\", \"licenses\": ["
                + license + "]}]}");

        assertThat(decoded.errors()).isEmpty();
        assertThat(decoded.request().items().get(0).licenses().get(0).properties())
                .isEqualTo(only(property, sample));
    }

    @ParameterizedTest
    @MethodSource("properties")
    void theResolverLetsTheLicenseOverrideItsEngineDefault(LicenseProperty property) {
        Object sample = sample(property);
        Product product = new Product(1, "P", null, AuthorizationMethod.LICENSE_KEY, null, null, null, null, null);

        LicenseProperties resolved = PropertyResolver.resolve(product, null, null, ItemRequest.of("P", List.of()),
                only(property, sample));

        for (LicenseProperty each : LicenseProperty.all()) {
            assertThat(each.get(resolved)).as(each.wireName())
                    .isEqualTo(each == property ? sample : each.engineDefault());
        }
    }

    @ParameterizedTest
    @MethodSource("properties")
    void theResponseShowsItUnderItsResponseName(LicenseProperty property) throws IOException {
        Object sample = sample(property);
        LicenseType type = property == LicenseProperty.named("license_type") ? (LicenseType) sample
                : Arrays.stream(LicenseType.values()).filter(property::shownFor).findFirst().orElseThrow();
        LicenseProperties properties = PropertyResolver.ENGINE_DEFAULTS
                .overriddenBy(LicenseProperty.build(p -> p == LicenseProperty.named("license_type") ? type
                        : p == LicenseProperty.named("enable_maintenance_period") ? Boolean.TRUE : null))
                .overriddenBy(only(property, sample));
        License license = new License(3, 1, "P", Instant.EPOCH, Instant.EPOCH, null,
                List.of(new LicenseUser(4, "a@b.com", false, null)), false, null, null, null, properties, null, "{}",
                List.of(), List.of());
        Order order = new Order(1, "c", "o", false, Instant.EPOCH, null, null, null, null, null, null, null, null,
                null, null, false, null, List.of(new OrderItem(2, 1, "P", null, List.of(license))));

        JsonNode shown = JSON.readTree(CODEC.writeResult(new OrderResult(order, List.of(), List.of()), false))
                .at("/order_items/0/licenses/0").path(property.responseName());

        assertThat(shown.isMissingNode()).as(property.responseName()).isFalse();
        assertThat(JSON.treeToValue(shown, Object.class).toString())
                .isEqualTo(property.toWire(sample).toString());
    }

    /** A value of the property's type that differs from its engine default. */
    private static Object sample(LicenseProperty property) {
        return switch (property.kind()) {
            case BOOLEAN -> !Boolean.TRUE.equals(property.engineDefault());
            case INTEGER -> 7;
            case LONG -> 9L;
            case TEXT -> "2031-01-01";
            case LICENSE_TYPE -> LicenseType.SUBSCRIPTION;
            case CONSUMPTION_PERIOD -> ConsumptionPeriod.WEEKLY;
        };
    }

    private static LicenseProperties only(LicenseProperty property, Object value) {
        return LicenseProperty.build(p -> p == property ? value : null);
    }
}
