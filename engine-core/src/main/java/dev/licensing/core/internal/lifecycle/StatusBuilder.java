package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.lifecycle.ConsumptionStatus;
import dev.licensing.api.lifecycle.FeatureStatus;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.store.Activation;
import dev.licensing.api.store.ConsumptionCounter;
import dev.licensing.api.store.LicenseState;
import dev.licensing.api.store.LifecycleState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@link LicenseStatus} a device sees of a license in a given lifecycle state at a given instant. */
final class StatusBuilder {
    private StatusBuilder() {
    }

    static LicenseStatus status(Subject subject, LifecycleState state, String hardwareId, Instant now,
                                boolean includeExpiredFeatures) {
        LicenseProperties p = subject.properties();
        LicenseState license = state.license();
        boolean activated = license.firstActivatedAt() != null;
        Instant validity = activated ? license.validityEnd()
                : p.licenseType() != LicenseType.PERPETUAL && p.validityPeriod() != null
                ? Ends.endOf(p.validityPeriod()) : null;
        Instant maintenance = activated ? license.maintenanceEnd()
                : p.maintenancePeriod() != null ? Ends.endOf(p.maintenancePeriod()) : null;

        ConsumptionStatus consumption = p.licenseType() != LicenseType.CONSUMPTION ? null : new ConsumptionStatus(
                value(p.maxConsumptions()),
                currentTotal(state, ConsumptionCounter.LICENSE, Periods.start(p.resetConsumption(),
                        p.consumptionPeriod(), now)),
                Boolean.TRUE.equals(p.allowUnlimitedConsumptions()), Boolean.TRUE.equals(p.allowOverages()),
                value(p.maxOverages()), Boolean.TRUE.equals(p.allowNegativeConsumptions()),
                Boolean.TRUE.equals(p.resetConsumption()), p.consumptionPeriod());

        List<FeatureStatus> features = new ArrayList<>();
        for (LicenseFeature feature : subject.license().features()) {
            boolean expired = featureExpired(feature, now);
            if (!expired || includeExpiredFeatures) {
                var fp = feature.properties();
                features.add(FeatureStatus.of(feature, expired, consumes(feature),
                        currentTotal(state, feature.code(),
                                Periods.start(fp.resetConsumption(), fp.consumptionPeriod(), now))));
            }
        }

        Activation device = device(state, hardwareId);
        Instant seatEnd = device == null ? null : device.seatEnd();
        Instant floatingPeriod = seatEnd != null && seatEnd.isAfter(now) ? seatEnd : null;
        Instant borrowedUntil = device == null ? null : device.borrowedUntil();
        boolean borrowed = borrowedUntil != null && borrowedUntil.isAfter(now);

        return new LicenseStatus(subject.id(), subject.license().productCode(), subject.license().key(),
                subject.user() == null ? null : subject.user().email(), hardwareId, p.licenseType(),
                !Boolean.FALSE.equals(p.enabled()), Boolean.TRUE.equals(p.active()) || license.active(),
                Boolean.TRUE.equals(p.isTrial()), Ends.expired(p, Lifecycle.end(subject, state, now), now),
                validity, maintenance, p.startDate(), state.activations().size(), Subject.count(p.maxActivations()),
                Boolean.TRUE.equals(p.allowUnlimitedActivations()), license.transferCount(),
                Subject.count(p.maxTransfers()), consumption, features, Boolean.TRUE.equals(p.isFloating()),
                Boolean.TRUE.equals(p.isFloatingCloud()), Subject.count(p.floatingTimeout()),
                Subject.count(p.floatingUsers()), seatsInUse(state, null, now), floatingPeriod,
                borrowed, borrowed ? borrowedUntil : null, false);
    }

    static Activation device(LifecycleState state, String hardwareId) {
        for (Activation activation : state.activations()) {
            if (activation.hardwareId().equals(hardwareId)) {
                return activation;
            }
        }
        return null;
    }

    /** Devices holding a seat at {@code now}, {@code except} one (or none when {@code null}). */
    static int seatsInUse(LifecycleState state, String except, Instant now) {
        int inUse = 0;
        for (Activation activation : state.activations()) {
            Instant end = activation.seatEnd();
            if (end != null && end.isAfter(now) && !activation.hardwareId().equals(except)) {
                inUse++;
            }
        }
        return inUse;
    }

    /** The total of the counter of {@code feature} in the period starting at {@code periodStart}: 0 for an older one. */
    static long currentTotal(LifecycleState state, String feature, Instant periodStart) {
        for (ConsumptionCounter counter : state.counters()) {
            if (counter.feature().equals(feature)) {
                return counter.periodStart().equals(periodStart) ? counter.total() : 0;
            }
        }
        return 0;
    }

    static boolean featureExpired(LicenseFeature feature, Instant now) {
        String expiry = feature.properties().expiryDate();
        return expiry != null && !now.isBefore(Ends.endOf(expiry));
    }

    /** A feature counts consumption when it has a positive {@code max_consumption} or is unlimited. */
    static boolean consumes(LicenseFeature feature) {
        var p = feature.properties();
        return (p.maxConsumption() != null && p.maxConsumption() > 0)
                || Boolean.TRUE.equals(p.allowUnlimitedConsumptions());
    }

    private static long value(Long number) {
        return number == null ? 0 : number;
    }
}
