package dev.licensing.core.internal.rules;

import dev.licensing.api.ConsumptionPeriod;
import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.LicensingError;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.licensing.core.Props.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LicenseTypeRulesTest {
    private static final FieldPath PATH = FieldPath.ROOT.field("items").index(0).field("licenses").index(0);

    private static List<LicensingError> check(LicenseProperties given, LicenseProperties layersBelow) {
        LicenseProperties resolved = PropertyResolver.ENGINE_DEFAULTS.overriddenBy(layersBelow).overriddenBy(given);
        Problems violations = new Problems();
        LicenseTypeRules.check(given, resolved, PATH, violations);
        return violations.errors();
    }

    @Test
    void aTimeLimitedLicenseNeedsADurationOrAPeriod() {
        assertThat(check(of("licenseType", LicenseType.TIME_LIMITED), LicenseProperties.NONE))
                .extracting(LicensingError::code, LicensingError::field)
                .containsExactly(tuple(ErrorCode.VALIDATION_ERROR, PATH + ".valid_duration"));
        assertThat(check(of("licenseType", LicenseType.TIME_LIMITED), of("validDuration", "1y"))).isEmpty();
        assertThat(check(of("licenseType", LicenseType.TIME_LIMITED, "validityPeriod", "2030-01-01"),
                LicenseProperties.NONE)).isEmpty();
    }

    @Test
    void aConsumptionLicenseNeedsMaxConsumptionsFromAnyLayerUnlessUnlimited() {
        assertThat(check(of("licenseType", LicenseType.CONSUMPTION), LicenseProperties.NONE))
                .extracting(LicensingError::field).containsExactly(PATH + ".max_consumptions");
        assertThat(check(of("licenseType", LicenseType.CONSUMPTION), of("maxConsumptions", 100L))).isEmpty();
        assertThat(check(of("licenseType", LicenseType.CONSUMPTION, "allowUnlimitedConsumptions", true),
                LicenseProperties.NONE)).isEmpty();
    }

    @Test
    void resetConsumptionNeedsAConsumptionPeriod() {
        assertThat(check(of("licenseType", LicenseType.CONSUMPTION, "maxConsumptions", 5L, "resetConsumption", true),
                LicenseProperties.NONE)).extracting(LicensingError::field)
                .containsExactly(PATH + ".reset_consumption");
        assertThat(check(of("licenseType", LicenseType.CONSUMPTION, "maxConsumptions", 5L, "resetConsumption", true),
                of("consumptionPeriod", ConsumptionPeriod.MONTHLY))).isEmpty();
    }

    @Test
    void consumptionOnlyFieldsGivenForAnotherTypeAreErrorsAtEachField() {
        LicenseProperties given = of("allowOverages", true, "maxOverages", 3L, "resetConsumption", false,
                "consumptionPeriod", ConsumptionPeriod.DAILY, "allowNegativeConsumptions", true,
                "allowUnlimitedConsumptions", false);
        assertThat(check(given, LicenseProperties.NONE)).extracting(LicensingError::code).containsOnly(
                ErrorCode.VALIDATION_ERROR);
        assertThat(check(given, LicenseProperties.NONE)).extracting(LicensingError::field).containsExactly(
                PATH + ".allow_overages", PATH + ".max_overages", PATH + ".reset_consumption",
                PATH + ".consumption_period", PATH + ".allow_negative_consumptions",
                PATH + ".allow_unlimited_consumptions");
    }

    @Test
    void consumptionOnlyFieldsFromAPolicyAreNotTheRequestsFault() {
        assertThat(check(LicenseProperties.NONE, of("allowOverages", true))).isEmpty();
    }

    @Test
    void maintenanceNeedsADurationOrAPeriod() {
        assertThat(check(of("enableMaintenancePeriod", true), LicenseProperties.NONE))
                .extracting(LicensingError::field).containsExactly(PATH + ".maintenance_duration");
        assertThat(check(of("enableMaintenancePeriod", true, "maintenancePeriod", "2030-01-01"),
                LicenseProperties.NONE)).isEmpty();
        assertThat(check(of("enableMaintenancePeriod", true), of("maintenanceDuration", "1y"))).isEmpty();
    }

    @Test
    void aFloatingServerNeedsALocalLicense() {
        assertThat(check(of("floatingServerId", 4L), LicenseProperties.NONE))
                .extracting(LicensingError::field).containsExactly(PATH + ".floating_server_id");
        assertThat(check(of("floatingServerId", 4L), of("isLocalLicense", true))).isEmpty();
    }
}
