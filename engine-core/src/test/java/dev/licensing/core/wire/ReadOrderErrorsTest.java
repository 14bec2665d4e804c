package dev.licensing.core.wire;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicensingError;
import dev.licensing.api.model.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.licensing.api.ErrorCode.INVALID_JSON;
import static dev.licensing.api.ErrorCode.INVALID_TYPE;
import static dev.licensing.api.ErrorCode.INVALID_VALUE;
import static dev.licensing.api.ErrorCode.REQUIRED_FIELD;
import static dev.licensing.api.ErrorCode.UNKNOWN_FIELD;
import static dev.licensing.api.ErrorCode.VALIDATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Malformed requests: each violation reported with its code and exact JSON path, all of them at once. */
class ReadOrderErrorsTest {
    private final LicenseSpringJson codec = new LicenseSpringJson(false);

    /** A valid order with one key-based license whose fields are {@code licenseFields}. */
    private static String withLicense(String licenseFields) {
        return """
                {"id": "o1", "items": [{"product_code": "TT", "licenses": [{%s}]}]}""".formatted(licenseFields);
    }

    private DecodedOrder read(String json) {
        return codec.readOrder(json);
    }

    private void assertSingleError(String json, ErrorCode code, String field) {
        assertSingleCodecError(json, code, field);
        // what the codec rejects, the corrected schema rejects too
        assertThat(Schemas.violations(Schemas.ORDER_REQUEST, json)).isNotEmpty();
    }

    /** For rules no schema can say (the JSON inside a string, say). */
    private void assertSingleCodecError(String json, ErrorCode code, String field) {
        DecodedOrder decoded = read(json);
        assertThat(decoded.request()).isNull();
        assertThat(decoded.errors()).extracting(LicensingError::code, LicensingError::field)
                .containsExactly(tuple(code, field));
    }

    @Test
    void missingIdIsRequired() {
        assertSingleError("""
                {"items": [{"product_code": "TT", "licenses": [{}]}]}""", REQUIRED_FIELD, "id");
    }

    @Test
    void nullIdIsRequired() {
        assertSingleError("""
                {"id": null, "items": [{"product_code": "TT", "licenses": [{}]}]}""", REQUIRED_FIELD, "id");
    }

    @Test
    void numericIdIsInvalidType() {
        assertSingleError("""
                {"id": 17, "items": [{"product_code": "TT", "licenses": [{}]}]}""", INVALID_TYPE, "id");
    }

    @Test
    void itemsThatIsNotAnArrayIsInvalidType() {
        assertSingleError("""
                {"id": "o1", "items": {"product_code": "TT"}}""", INVALID_TYPE, "items");
    }

    @Test
    void missingItemsIsRequired() {
        assertSingleError("""
                {"id": "o1"}""", REQUIRED_FIELD, "items");
    }

    @Test
    void itemWithoutProductCodeOrLicensesReportsBoth() {
        DecodedOrder decoded = read("""
                {"id": "o1", "items": [{}]}""");

        assertThat(decoded.errors()).extracting(LicensingError::code, LicensingError::field).containsExactly(
                tuple(REQUIRED_FIELD, "items[0].product_code"), tuple(REQUIRED_FIELD, "items[0].licenses"));
    }

    @Test
    void itemThatIsNotAnObjectIsInvalidType() {
        assertSingleError("""
                {"id": "o1", "items": ["TT"]}""", INVALID_TYPE, "items[0]");
    }

    @ParameterizedTest(name = "unknown field at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\": \"o1\", \"colour\": 1, \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}]}]}"
                    + "| colour",
            "{\"id\": \"o1\", \"items\": [{\"product_code\": \"TT\", \"colour\": 1, \"licenses\": [{}]}]}"
                    + "| items[0].colour",
            "{\"id\": \"o1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{}, {\"colour\": 1}]}]}"
                    + "| items[0].licenses[1].colour",
            "{\"id\": \"o1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{\"users\": "
                    + "[{\"email\": \"a@b.c\"}, {\"email\": \"d@e.f\", \"colour\": 1}]}]}]}"
                    + "| items[0].licenses[0].users[1].colour",
            "{\"id\": \"o1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{\"product_features\": "
                    + "[\"f0\", {\"code\": \"f1\", \"colour\": 1}]}]}]}"
                    + "| items[0].licenses[0].product_features[1].colour",
            "{\"id\": \"o1\", \"items\": [{\"product_code\": \"TT\", \"licenses\": [{\"custom_fields\": "
                    + "[{\"name\": \"c\", \"colour\": 1}]}]}]}"
                    + "| items[0].licenses[0].custom_fields[0].colour",
            "{\"id\": \"o1\", \"customer\": {\"email\": \"a@b.c\", \"colour\": 1}, \"items\": "
                    + "[{\"product_code\": \"TT\", \"licenses\": [{}]}]}"
                    + "| customer.colour",
            "{\"id\": \"o1\", \"items\": [{\"product_code\": \"TT\", \"users\": [{\"email\": \"a@b.c\", \"colour\": 1}],"
                    + " \"licenses\": [{}]}]}"
                    + "| items[0].users[0].colour"})
    void unknownFieldIsReportedAtItsPath(String json, String field) {
        assertSingleError(json, UNKNOWN_FIELD, field);
    }

    @Test
    void typoMaxActivationIsUnknownAndDoesNotFallBackToTheDefault() {
        assertSingleError(withLicense("\"max_activation\": 5"), UNKNOWN_FIELD, "items[0].licenses[0].max_activation");
    }

    @ParameterizedTest(name = "{0} is unknown in a request")
    @CsvSource({"license_key", "is_bundle", "bundle_license_id"})
    void responseOnlyLicenseFieldsAreUnknownInARequest(String field) {
        assertSingleError(withLicense("\"" + field + "\": \"1\""), UNKNOWN_FIELD, "items[0].licenses[0]." + field);
    }

    @Test
    void lifetimeIsNotALicenseType() {
        assertSingleError(withLicense("\"license_type\": \"lifetime\""),
                INVALID_VALUE, "items[0].licenses[0].license_type");
    }

    @Test
    void hourlyIsNotAConsumptionPeriod() {
        assertSingleError(withLicense("\"consumption_period\": \"hourly\""),
                INVALID_VALUE, "items[0].licenses[0].consumption_period");
    }

    @Test
    void hourlyIsNotAFeatureConsumptionPeriodEither() {
        assertSingleError(withLicense("\"product_features\": [{\"code\": \"f\", \"consumption_period\": \"hourly\"}]"),
                INVALID_VALUE, "items[0].licenses[0].product_features[0].consumption_period");
    }

    @Test
    void customFieldDataTypeOutsideTheEnumerationIsInvalidValue() {
        assertSingleError(withLicense("\"custom_fields\": [{\"name\": \"c\", \"data_type\": \"boolean\"}]"),
                INVALID_VALUE, "items[0].licenses[0].custom_fields[0].data_type");
    }

    @Test
    void orderTypeOtherThanNormalIsInvalidValue() {
        assertSingleError("""
                {"id": "o1", "order_type": "rush", "items": [{"product_code": "TT", "licenses": [{}]}]}""",
                INVALID_VALUE, "order_type");
    }

    @ParameterizedTest(name = "max_activations {0}")
    @CsvSource(delimiter = '|', value = {"1.5", "\"3\"", "2147483648", "true"})
    void maxActivationsMustBeAnIntegerInRange(String value) {
        assertSingleError(withLicense("\"max_activations\": " + value),
                INVALID_TYPE, "items[0].licenses[0].max_activations");
    }

    @Test
    void featureMaxConsumptionOfOnePointFiveIsInvalidType() {
        assertSingleError(withLicense("\"product_features\": [{\"code\": \"f\", \"max_consumption\": 1.5}]"),
                INVALID_TYPE, "items[0].licenses[0].product_features[0].max_consumption");
    }

    @Test
    void booleansGivenAsStringsAreInvalidTypeAtEveryLevel() {
        DecodedOrder decoded = read("""
                {"id": "o1", "append": "true",
                 "customer": {"is_manager": "false"},
                 "items": [{"product_code": "TT", "active": "yes",
                            "licenses": [{"is_trial": "false", "users": [{"email": "a@b.c", "is_manager": "no"}]}]}]}""");

        assertThat(decoded.errors()).extracting(LicensingError::code, LicensingError::field).containsExactlyInAnyOrder(
                tuple(INVALID_TYPE, "append"),
                tuple(INVALID_TYPE, "customer.is_manager"),
                tuple(INVALID_TYPE, "items[0].active"),
                tuple(INVALID_TYPE, "items[0].licenses[0].is_trial"),
                tuple(INVALID_TYPE, "items[0].licenses[0].users[0].is_manager"));
    }

    @Test
    void orderMetadataThatIsNotJsonIsAValidationError() {
        // The page's own notation: quotes inside quotes, which no JSON reader takes.
        assertSingleCodecError("""
                {"id": "o1", "metadata": "{ some_key: some_value }", "items": [{"product_code": "TT", "licenses": [{}]}]}""",
                VALIDATION_ERROR, "metadata");
    }

    @Test
    void orderMetadataHoldingAJsonArrayIsAValidationError() {
        assertSingleCodecError("""
                {"id": "o1", "metadata": "[1, 2]", "items": [{"product_code": "TT", "licenses": [{}]}]}""",
                VALIDATION_ERROR, "metadata");
    }

    @Test
    void orderMetadataGivenAsAnObjectIsInvalidType() {
        assertSingleError("""
                {"id": "o1", "metadata": {"a": 1}, "items": [{"product_code": "TT", "licenses": [{}]}]}""",
                INVALID_TYPE, "metadata");
    }

    @Test
    void licenseMetadataGivenAsAStringIsInvalidType() {
        assertSingleError(withLicense("\"metadata\": \"{\\\"a\\\": 1}\""), INVALID_TYPE, "items[0].licenses[0].metadata");
    }

    @Test
    void userWithoutEmailIsRequired() {
        assertSingleError(withLicense("\"users\": [{\"email\": \"a@b.c\"}, {\"is_manager\": true}]"),
                REQUIRED_FIELD, "items[0].licenses[0].users[1].email");
    }

    @Test
    void featureObjectWithoutCodeIsRequired() {
        assertSingleError(withLicense("\"product_features\": [{\"max_consumption\": 3}]"),
                REQUIRED_FIELD, "items[0].licenses[0].product_features[0].code");
    }

    @Test
    void featureThatIsNeitherCodeNorObjectIsInvalidType() {
        assertSingleError(withLicense("\"product_features\": [7]"),
                INVALID_TYPE, "items[0].licenses[0].product_features[0]");
    }

    @Test
    void customFieldValueThatIsABooleanIsInvalidType() {
        assertSingleError(withLicense("\"custom_fields\": [{\"name\": \"c\", \"value\": true}]"),
                INVALID_TYPE, "items[0].licenses[0].custom_fields[0].value");
    }

    @Test
    void differingCompanyAndCompanyNameIsAValidationErrorOnCompanyName() {
        assertSingleCodecError("""
                {"id": "o1", "customer": {"company": "Acme", "company_name": "Acme Inc"},
                 "items": [{"product_code": "TT", "licenses": [{}]}]}""",
                VALIDATION_ERROR, "customer.company_name");
    }

    @Test
    void severalErrorsAreAllReportedEachAtItsPath() {
        DecodedOrder decoded = read("""
                {"id": 5, "is_test": 1, "customer": "bob",
                 "items": [{"product_code": "TT", "licenses": [
                    {"valid_duration": 12, "max_activation": 2},
                    {"license_type": "lifetime", "users": [{"email": false}]}]},
                   {"licenses": "none"}]}""");

        assertThat(decoded.request()).isNull();
        assertThat(decoded.errors()).extracting(LicensingError::code, LicensingError::field).containsExactlyInAnyOrder(
                tuple(INVALID_TYPE, "id"),
                tuple(INVALID_TYPE, "is_test"),
                tuple(INVALID_TYPE, "customer"),
                tuple(INVALID_TYPE, "items[0].licenses[0].valid_duration"),
                tuple(UNKNOWN_FIELD, "items[0].licenses[0].max_activation"),
                tuple(INVALID_VALUE, "items[0].licenses[1].license_type"),
                tuple(INVALID_TYPE, "items[0].licenses[1].users[0].email"),
                tuple(REQUIRED_FIELD, "items[1].product_code"),
                tuple(INVALID_TYPE, "items[1].licenses"));
    }

    @ParameterizedTest(name = "not JSON: {0}")
    @CsvSource(delimiter = '|', value = {"id=o1", "{\"id\": \"o1\",", "''", "[]", "\"o1\""})
    void bodyThatIsNotAJsonObjectIsInvalidJson(String body) {
        DecodedOrder decoded = read(body);

        assertThat(decoded.request()).isNull();
        assertThat(decoded.errors()).extracting(LicensingError::code, LicensingError::field)
                .containsExactly(tuple(INVALID_JSON, null));
    }

    @Test
    void trailingGarbageAfterTheObjectIsInvalidJson() {
        DecodedOrder decoded = read("""
                {"id": "o1", "items": [{"product_code": "TT", "licenses": [{}]}]} garbage""");

        assertThat(decoded.errors()).extracting(LicensingError::code).containsExactly(INVALID_JSON);
    }

    @Test
    void aFieldGivenTwiceIsInvalidJson() {
        DecodedOrder decoded = read("""
                {"id": "o1", "id": "o2", "items": [{"product_code": "TT", "licenses": [{}]}]}""");

        assertThat(decoded.errors()).extracting(LicensingError::code).containsExactly(INVALID_JSON);
    }

    @Test
    void ignoringUnknownFieldsTurnsEachIntoAWarningAndNoError() {
        DecodedOrder decoded = new LicenseSpringJson(true).readOrder("""
                {"id": "o1", "is_trial": true,
                 "items": [{"product_code": "TT", "licenses": [{"max_activation": 5, "users": [{"email": "a@b.c", "x": 1}]}]}]}""");

        assertThat(decoded.errors()).isEmpty();
        assertThat(decoded.request()).isNotNull();
        assertThat(decoded.request().items().get(0).licenses().get(0).properties().maxActivations()).isNull();
        assertThat(decoded.warnings()).containsExactlyInAnyOrder(
                new Warning("is_trial", "unknown field ignored"),
                new Warning("items[0].licenses[0].max_activation", "unknown field ignored"),
                new Warning("items[0].licenses[0].users[0].x", "unknown field ignored"));
    }

    @Test
    void ignoringUnknownFieldsStillReportsOtherErrors() {
        DecodedOrder decoded = new LicenseSpringJson(true).readOrder("""
                {"id": "o1", "colour": 1, "items": [{"product_code": "TT", "licenses": [{"max_activations": "3"}]}]}""");

        assertThat(decoded.request()).isNull();
        assertThat(decoded.errors()).extracting(LicensingError::code, LicensingError::field)
                .containsExactly(tuple(INVALID_TYPE, "items[0].licenses[0].max_activations"));
        assertThat(decoded.warnings()).containsExactly(new Warning("colour", "unknown field ignored"));
    }
}
