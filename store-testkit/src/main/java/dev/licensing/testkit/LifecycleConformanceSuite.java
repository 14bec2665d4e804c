package dev.licensing.testkit;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Borrow;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.Deactivate;
import dev.licensing.api.lifecycle.FeatureStatus;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseRejectedException;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.lifecycle.Release;
import dev.licensing.api.lifecycle.Transfer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.store.ConsumptionCounter;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.StoreException;
import dev.licensing.core.LicenseEngine;
import dev.licensing.core.wire.CatalogJson;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every rule of design/lifecycle.md through the public {@link LicenseEngine} API, on a real store: each store module
 * runs it from its test sources. After every test the kit checks each license's counters and active devices against
 * its event log ({@link LifecycleLedger}).
 */
public abstract class LifecycleConformanceSuite {
    protected static final String COMPANY = "acme";
    protected static final Instant START = Instant.parse("2025-03-25T10:00:00Z");
    private static final int THREADS = 8;

    /** The catalog every lifecycle test runs against (also for stores' own lifecycle tests). */
    public static final String CATALOG = """
            {"products": [
              {"code": "APP", "authorization_method": "license-key", "max_activations": 2,
               "features": [{"code": "export", "name": "Export", "max_consumption": 10},
                            {"code": "print", "name": "Print"},
                            {"code": "scan", "name": "Scan", "allow_unlimited_consumptions": true}]},
              {"code": "USR", "authorization_method": "user", "max_activations": 3},
              {"code": "OTHER", "authorization_method": "license-key"}
            ]}""";

    protected LicenseStore store;
    protected LicenseEngine engine;
    protected MutableClock clock;
    private final List<Long> licenseIds = new ArrayList<>();
    private int orders;

    /** A fresh, empty store. */
    protected abstract LicenseStore openStore();

    @BeforeEach
    void setUpEngine() {
        store = openStore();
        clock = new MutableClock(START);
        engine = LicenseEngine.builder(store).clock(clock).random(new Random(7)).build();
        engine.replaceCatalog(COMPANY, new CatalogJson().read(CATALOG));
    }

    @AfterEach
    void checkLedgerAndClose() {
        try {
            for (long id : licenseIds) {
                LifecycleLedger.assertConsistent(store, COMPANY, id);
            }
        } finally {
            store.close();
        }
    }

    // ---- helpers ----

    /** Creates one APP license with {@code members} (JSON members of the license) and returns its key. */
    protected String license(String members) {
        return license("APP", members);
    }

    protected String license(String product, String members) {
        String key = "K-" + (++orders);
        OrderResult result = engine.createOrderJson(COMPANY, "{\"id\": \"o-" + orders + "\", \"items\": [{"
                + "\"product_code\": \"" + product + "\", \"licenses\": [{\"key\": \"" + key + "\""
                + (members.isEmpty() ? "" : ", " + members) + "}]}]}");
        licenseIds.add(result.order().items().get(0).licenses().get(0).id());
        return key;
    }

    /** Creates a USR order with {@code usersJson} as its users; returns the result (with new passwords). */
    protected OrderResult userLicense(String usersJson) {
        OrderResult result = engine.createOrderJson(COMPANY, "{\"id\": \"o-" + (++orders) + "\", \"items\": [{"
                + "\"product_code\": \"USR\", \"licenses\": [{\"users\": " + usersJson + "}]}]}");
        result.order().items().forEach(item -> item.licenses().forEach(l -> licenseIds.add(l.id())));
        return result;
    }

    protected static LicenseRef app(String key) {
        return new LicenseRef.Key("APP", key);
    }

    protected LicenseStatus activate(String key, String hardwareId) {
        return engine.activate(COMPANY, new Activate(app(key), hardwareId, null, false));
    }

    protected LicenseStatus check(String key, String hardwareId) {
        return engine.check(COMPANY, new Check(app(key), hardwareId, false));
    }

    protected LicenseStatus deactivate(String key, String hardwareId) {
        return engine.deactivate(COMPANY, new Deactivate(app(key), hardwareId));
    }

    protected LicenseStatus consume(String key, String feature, long n) {
        return engine.consume(COMPANY, new Consume(app(key), "H1", feature, n, null));
    }

    /** The code of the refusal {@code call} throws; the store must hold the same events afterwards. */
    protected ErrorCode refused(ThrowingCallable call) {
        List<List<LicenseEvent>> before = events();
        LicenseRejectedException e = catchThrowableOfType(call, LicenseRejectedException.class);
        assertThat(e).as("a refusal").isNotNull();
        assertThat(events()).as("a refusal writes nothing").isEqualTo(before);
        return e.error().code();
    }

    private List<List<LicenseEvent>> events() {
        return store.read(reader -> {
            List<List<LicenseEvent>> all = new ArrayList<>();
            for (long id : licenseIds) {
                all.add(reader.licenseEvents(COMPANY, id));
            }
            return all;
        });
    }

    private List<LicenseEvent> eventsOf(String key) {
        return store.read(reader -> {
            License license = reader.findLicenseByKey(COMPANY, key).orElseThrow();
            return reader.licenseEvents(COMPANY, license.id());
        });
    }

    // ---- finding the license ----

    @Test
    void aKeyMustBeOfTheProductAndTheCompany() {
        String key = license("");
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(new LicenseRef.Key("NOPE", key), "H1", null,
                false)))).isEqualTo(ErrorCode.UNKNOWN_PRODUCT);
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(new LicenseRef.Key("OTHER", key), "H1", null,
                false)))).isEqualTo(ErrorCode.LICENSE_NOT_FOUND);
        assertThat(refused(() -> activate("K-unknown", "H1"))).isEqualTo(ErrorCode.LICENSE_NOT_FOUND);
        assertThat(refused(() -> activate(key.toLowerCase(java.util.Locale.ROOT), "H1")))
                .isEqualTo(ErrorCode.LICENSE_NOT_FOUND);
        engine.replaceCatalog("other", new CatalogJson().read(CATALOG));
        assertThat(refused(() -> engine.activate("other", new Activate(app(key), "H1", null, false))))
                .isEqualTo(ErrorCode.LICENSE_NOT_FOUND);
        assertThat(activate(key, "H1").licenseKey()).isEqualTo(key);
    }

    @Test
    void aUserActivatesWithThePasswordAndNamesTheLowestLicenseOrAGivenOne() {
        OrderResult first = userLicense("[{\"email\": \"Ann@Example.com\"}]");
        String password = first.newPasswords().get(0).password();
        OrderResult second = userLicense("[{\"email\": \"ann@example.com\"}]");
        assertThat(second.newPasswords()).isEmpty();
        long firstId = first.order().items().get(0).licenses().get(0).id();
        long secondId = second.order().items().get(0).licenses().get(0).id();
        LicenseRef ann = new LicenseRef.User("USR", "ANN@example.com", null);

        assertThat(refused(() -> engine.activate(COMPANY, new Activate(ann, "H1", "wrong", false))))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(ann, "H1", null, false))))
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        LicenseStatus status = engine.activate(COMPANY, new Activate(ann, "H1", password, false));
        assertThat(status.licenseId()).isEqualTo(firstId);
        assertThat(status.user()).isEqualTo("Ann@Example.com");
        assertThat(status.licenseKey()).isNull();

        LicenseRef annSecond = new LicenseRef.User("USR", "ann@example.com", secondId);
        assertThat(engine.activate(COMPANY, new Activate(annSecond, "H1", password, false)).licenseId())
                .isEqualTo(secondId);
        // Other operations name the user without a password.
        assertThat(engine.check(COMPANY, new Check(ann, "H1", false)).licenseId()).isEqualTo(firstId);
        assertThat(refused(() -> engine.check(COMPANY, new Check(new LicenseRef.User("USR", "ann@example.com",
                999_999L), "H1", false)))).isEqualTo(ErrorCode.LICENSE_NOT_FOUND);
        assertThat(refused(() -> engine.check(COMPANY, new Check(new LicenseRef.User("USR", "bob@example.com",
                null), "H1", false)))).isEqualTo(ErrorCode.LICENSE_NOT_FOUND);
    }

    @Test
    void aUsersOwnMaxActivationsCapsThatUsersDevices() {
        OrderResult result = userLicense("[{\"email\": \"a@example.com\", \"max_activations\": 1}, "
                + "{\"email\": \"b@example.com\"}]");
        String passwordA = passwordOf(result, "a@example.com");
        String passwordB = passwordOf(result, "b@example.com");
        LicenseRef a = new LicenseRef.User("USR", "a@example.com", null);
        LicenseRef b = new LicenseRef.User("USR", "b@example.com", null);
        engine.activate(COMPANY, new Activate(a, "A1", passwordA, false));
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(a, "A2", passwordA, false))))
                .isEqualTo(ErrorCode.USER_ACTIVATED_MAX_TIMES);
        assertThat(engine.activate(COMPANY, new Activate(b, "B1", passwordB, false)).timesActivated()).isEqualTo(2);
        assertThat(engine.activate(COMPANY, new Activate(b, "B2", passwordB, false)).timesActivated()).isEqualTo(3);
        // The license's limit (3, the product's) comes after the user's own.
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(b, "B3", passwordB, false))))
                .isEqualTo(ErrorCode.LICENSE_ACTIVATED_MAX_TIMES);
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(a, "A3", passwordA, false))))
                .isEqualTo(ErrorCode.USER_ACTIVATED_MAX_TIMES);
    }

    private static String passwordOf(OrderResult result, String email) {
        return result.newPasswords().stream().filter(p -> p.email().equals(email)).map(NewPassword::password)
                .findFirst().orElseThrow();
    }

    // ---- activation ----

    @Test
    void activationBindsDistinctDevicesUpToMaxActivations() {
        String key = license("");
        LicenseStatus before = activate(key, "H1");
        assertThat(before.active()).isTrue();
        assertThat(before.timesActivated()).isEqualTo(1);
        assertThat(before.maxActivations()).isEqualTo(2);
        int events = eventsOf(key).size();
        assertThat(activate(key, "H1").timesActivated()).as("again: nothing changes").isEqualTo(1);
        assertThat(eventsOf(key)).hasSize(events);
        assertThat(activate(key, "H2").timesActivated()).isEqualTo(2);
        assertThat(refused(() -> activate(key, "H3"))).isEqualTo(ErrorCode.LICENSE_ACTIVATED_MAX_TIMES);
        assertThat(refused(() -> activate(key, " "))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void aHardwareIdWithAnInvisibleCharacterIsRefusedAndTakesNoSlot() {
        String key = license("");
        activate(key, "laptop-1");
        for (String invisible : new String[] {"laptop-1\u00a0", "\u200blaptop-1", "lap\u00adtop-1", "lap top-1"}) {
            assertThat(refused(() -> activate(key, invisible))).as(invisible).isEqualTo(ErrorCode.VALIDATION_ERROR);
        }
        assertThat(check(key, "laptop-1").timesActivated()).isEqualTo(1);
    }

    @Test
    void unlimitedActivationsHaveNoCap() {
        String key = license("\"max_activations\": 1, \"allow_unlimited_activations\": true");
        for (int i = 0; i < 5; i++) {
            activate(key, "H" + i);
        }
        assertThat(check(key, "H4").timesActivated()).isEqualTo(5);
    }

    @Test
    void theFirstActivationSetsLicenseActive() {
        String key = license("");
        String other = license("");
        activate(key, "H1");
        assertThat(check(key, "H1").active()).isTrue();
        activate(other, "H1");
        deactivate(other, "H1");
        activate(other, "H1");
        assertThat(check(other, "H1").active()).isTrue();
    }

    @Test
    void preventVmRefusesVirtualMachines() {
        String key = license("\"prevent_vm\": true");
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(app(key), "H1", null, true))))
                .isEqualTo(ErrorCode.VM_NOT_ALLOWED);
        assertThat(engine.activate(COMPANY, new Activate(app(key), "H1", null, false)).timesActivated()).isEqualTo(1);
        String open = license("");
        assertThat(engine.activate(COMPANY, new Activate(app(open), "H1", null, true)).timesActivated()).isEqualTo(1);
    }

    @Test
    void aDisabledLicenseRefusesAllButDeactivateAndRelease() {
        String key = license("\"enabled\": false, \"is_floating_cloud\": true");
        assertThat(refused(() -> activate(key, "H1"))).isEqualTo(ErrorCode.LICENSE_NOT_ENABLED);
        assertThat(refused(() -> check(key, "H1"))).isEqualTo(ErrorCode.LICENSE_NOT_ENABLED);
        assertThat(refused(() -> consume(key, "export", 1))).isEqualTo(ErrorCode.LICENSE_NOT_ENABLED);
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(key), "H1", null))))
                .isEqualTo(ErrorCode.LICENSE_NOT_ENABLED);
        assertThat(refused(() -> engine.transfer(COMPANY, new Transfer(app(key), "H1", "H2"))))
                .isEqualTo(ErrorCode.LICENSE_NOT_ENABLED);
        // Deactivate and release are not refused for being disabled: they reach their own rules.
        assertThat(refused(() -> deactivate(key, "H1"))).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        assertThat(refused(() -> engine.release(COMPANY, new Release(app(key), "H1"))))
                .isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
    }

    @Test
    void theRulesAnswerInTheDesignsOrder() {
        OrderResult disabled = engine.createOrderJson(COMPANY, "{\"id\": \"o-order\", \"items\": [{\"product_code\": "
                + "\"USR\", \"licenses\": [{\"enabled\": false, \"users\": [{\"email\": \"d@example.com\"}]}]}]}");
        licenseIds.add(disabled.order().items().get(0).licenses().get(0).id());
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(new LicenseRef.User("USR", "d@example.com",
                null), "H1", "wrong", false)))).as("not enabled before credentials")
                .isEqualTo(ErrorCode.LICENSE_NOT_ENABLED);
        String full = license("\"prevent_vm\": true, \"max_activations\": 1");
        activate(full, "H1");
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(app(full), "H2", null, true))))
                .as("vm before the activation limit").isEqualTo(ErrorCode.VM_NOT_ALLOWED);
        String future = license("\"start_date\": \"2025-04-01\", \"license_type\": \"time-limited\", "
                + "\"validity_period\": \"2025-04-02\"");
        assertThat(refused(() -> engine.activate(COMPANY, new Activate(app(future), "H1", null, true))))
                .as("not started before vm").isEqualTo(ErrorCode.LICENSE_NOT_STARTED);
        String consumption = license("\"license_type\": \"consumption\", \"max_consumptions\": 1");
        assertThat(refused(() -> consume(consumption, "missing", 0))).as("the device before the operation's own")
                .isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        activate(consumption, "H1");
        assertThat(refused(() -> consume(consumption, "missing", 0))).as("the feature before the amount")
                .isEqualTo(ErrorCode.UNSUPPORTED_PRODUCT_FEATURE);
    }

    @Test
    void startDateRefusesActivationBeforeItsMidnight() {
        String key = license("\"start_date\": \"2025-03-26\"");
        clock.set(Instant.parse("2025-03-25T23:59:59Z"));
        assertThat(refused(() -> activate(key, "H1"))).isEqualTo(ErrorCode.LICENSE_NOT_STARTED);
        // It never touches checks: a device that is not active is not found, whatever the start.
        assertThat(refused(() -> check(key, "H1"))).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        clock.set(Instant.parse("2025-03-26T00:00:00Z"));
        assertThat(activate(key, "H1").startDate()).isEqualTo("2025-03-26");
    }

    // ---- expiry ----

    @Test
    void validDurationCountsFromTheFirstActivationAndNeverMoves() {
        String key = license("\"license_type\": \"time-limited\", \"valid_duration\": \"1m\", \"max_activations\": 3, "
                + "\"max_transfers\": -1");
        clock.set(Instant.parse("2025-04-10T08:00:00Z"));
        Instant end = Instant.parse("2025-05-10T08:00:00Z");
        assertThat(activate(key, "H1").validityPeriod()).isEqualTo(end);
        clock.set(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(activate(key, "H2").validityPeriod()).as("a later activation moves nothing").isEqualTo(end);
        deactivate(key, "H1");
        deactivate(key, "H2");
        clock.set(end.minusSeconds(1));
        LicenseStatus last = activate(key, "H3");
        assertThat(last.validityPeriod()).isEqualTo(end);
        assertThat(last.expired()).isFalse();
        clock.set(end);
        assertThat(refused(() -> check(key, "H3"))).isEqualTo(ErrorCode.LICENSE_EXPIRED);
        assertThat(refused(() -> activate(key, "H4"))).isEqualTo(ErrorCode.LICENSE_EXPIRED);
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(key), "H3", null))))
                .isEqualTo(ErrorCode.LICENSE_EXPIRED);
        // Expired before the device check: the order of rules.
        assertThat(refused(() -> check(key, "unknown"))).isEqualTo(ErrorCode.LICENSE_EXPIRED);
        LicenseStatus off = deactivate(key, "H3");
        assertThat(off.expired()).isTrue();
        assertThat(off.timesActivated()).isZero();
    }

    @Test
    void aValidityPeriodDateAloneRunsThroughThatDay() {
        String key = license("\"license_type\": \"time-limited\", \"validity_period\": \"2025-04-10\"");
        LicenseStatus status = activate(key, "H1");
        assertThat(status.validityPeriod()).isEqualTo(Instant.parse("2025-04-11T00:00:00Z"));
        clock.set(Instant.parse("2025-04-10T23:59:59Z"));
        assertThat(check(key, "H1").expired()).isFalse();
        clock.set(Instant.parse("2025-04-11T00:00:00Z"));
        assertThat(refused(() -> check(key, "H1"))).isEqualTo(ErrorCode.LICENSE_EXPIRED);
    }

    @Test
    void aPerpetualLicenseNeverExpires() {
        String key = license("\"valid_duration\": \"1d\"");
        assertThat(activate(key, "H1").validityPeriod()).isNull();
        clock.advance(Duration.ofDays(3650));
        assertThat(check(key, "H1").expired()).isFalse();
    }

    @Test
    void aTrialEndsTrialDaysAfterTheFirstActivation() {
        String key = license("\"is_trial\": true, \"trial_days\": 7");
        clock.set(Instant.parse("2025-04-01T12:00:00Z"));
        LicenseStatus status = activate(key, "H1");
        assertThat(status.trial()).isTrue();
        assertThat(status.validityPeriod()).isEqualTo(Instant.parse("2025-04-08T12:00:00Z"));
        clock.set(Instant.parse("2025-04-08T12:00:00Z"));
        assertThat(refused(() -> check(key, "H1"))).isEqualTo(ErrorCode.TRIAL_EXPIRED);
        assertThat(refused(() -> consume(key, null, 1))).isEqualTo(ErrorCode.TRIAL_EXPIRED);
        String timeLimited = license("\"license_type\": \"time-limited\", \"valid_duration\": \"1d\", "
                + "\"is_trial\": true, \"trial_days\": 30");
        clock.set(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(activate(timeLimited, "H1").validityPeriod()).as("a given duration wins over trial_days")
                .isEqualTo(Instant.parse("2025-05-02T00:00:00Z"));
    }

    @Test
    void aSubscriptionWithGraceGetsItsHours() {
        String key = license("\"license_type\": \"subscription\", \"validity_period\": \"2025-04-01T00:00:00Z\", "
                + "\"allow_grace_period\": true, \"grace_period\": 24");
        String noGrace = license("\"license_type\": \"subscription\", \"validity_period\": \"2025-04-01T00:00:00Z\", "
                + "\"grace_period\": 24");
        activate(key, "H1");
        activate(noGrace, "H1");
        clock.set(Instant.parse("2025-04-01T12:00:00Z"));
        LicenseStatus inGrace = check(key, "H1");
        assertThat(inGrace.expired()).isFalse();
        assertThat(inGrace.validityPeriod()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(refused(() -> check(noGrace, "H1"))).isEqualTo(ErrorCode.LICENSE_EXPIRED);
        clock.set(Instant.parse("2025-04-02T00:00:00Z"));
        assertThat(refused(() -> check(key, "H1"))).isEqualTo(ErrorCode.LICENSE_EXPIRED);
    }

    @Test
    void maintenanceIsShownAndNeverBlocks() {
        String key = license("\"enable_maintenance_period\": true, \"maintenance_duration\": \"1m\"");
        String notEnabled = license("\"maintenance_duration\": \"1m\"");
        assertThat(activate(notEnabled, "H1").maintenancePeriod()).isNull();
        String given = license("\"enable_maintenance_period\": true, \"maintenance_period\": \"2025-03-31\"");
        assertThat(activate(key, "H1").maintenancePeriod()).isEqualTo(Instant.parse("2025-04-25T10:00:00Z"));
        assertThat(activate(given, "H1").maintenancePeriod()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        clock.advance(Duration.ofDays(400));
        assertThat(check(key, "H1").expired()).isFalse();
        assertThat(check(given, "H1").maintenancePeriod()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
    }

    // ---- deactivation and transfers ----

    @Test
    void deactivationUnbindsAndFreesTheSlot() {
        String key = license("\"max_activations\": 1, \"max_transfers\": -1");
        assertThat(refused(() -> deactivate(key, "H1"))).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        activate(key, "H1");
        assertThat(refused(() -> activate(key, "H2"))).isEqualTo(ErrorCode.LICENSE_ACTIVATED_MAX_TIMES);
        assertThat(deactivate(key, "H1").timesActivated()).isZero();
        assertThat(refused(() -> check(key, "H1"))).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        assertThat(activate(key, "H2").timesActivated()).isEqualTo(1);
    }

    @Test
    void noTransferIsAllowedByDefault() {
        String key = license("");
        activate(key, "A");
        assertThat(activate(key, "B").transferCount()).as("a device added beside another is no transfer").isZero();
        deactivate(key, "B");
        assertThat(activate(key, "B").transferCount()).as("the same device back is no transfer").isZero();
        deactivate(key, "B");
        assertThat(refused(() -> activate(key, "C"))).isEqualTo(ErrorCode.TRANSFER_LIMIT_REACHED);
        assertThat(check(key, "A").transferCount()).isZero();
    }

    @Test
    void maxTransfersCountsEachMoveToAnotherDevice() {
        String key = license("\"max_activations\": 1, \"max_transfers\": 1");
        activate(key, "A");
        deactivate(key, "A");
        assertThat(activate(key, "B").transferCount()).isEqualTo(1);
        deactivate(key, "B");
        // A, -A, B, -B, A counts two: beyond the one allowed.
        assertThat(refused(() -> activate(key, "A"))).isEqualTo(ErrorCode.TRANSFER_LIMIT_REACHED);
        assertThat(activate(key, "B").transferCount()).isEqualTo(1);
    }

    @Test
    void minusOneMaxTransfersHasNoLimit() {
        String key = license("\"max_activations\": 1, \"max_transfers\": -1");
        String device = "D0";
        activate(key, device);
        for (int i = 1; i <= 5; i++) {
            deactivate(key, device);
            device = "D" + i;
            activate(key, device);
        }
        LicenseStatus status = check(key, device);
        assertThat(status.transferCount()).isEqualTo(5);
        assertThat(status.maxTransfers()).isEqualTo(-1);
    }

    @Test
    void transferMovesOneDeviceToAnotherWholeOrNotAtAll() {
        String key = license("\"max_activations\": 1, \"max_transfers\": 1");
        activate(key, "A");
        assertThat(refused(() -> engine.transfer(COMPANY, new Transfer(app(key), "X", "B"))))
                .isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        LicenseStatus moved = engine.transfer(COMPANY, new Transfer(app(key), "A", "B"));
        assertThat(moved.hardwareId()).isEqualTo("B");
        assertThat(moved.transferCount()).isEqualTo(1);
        assertThat(moved.timesActivated()).isEqualTo(1);
        assertThat(refused(() -> check(key, "A"))).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        // The second transfer is beyond the limit: B stays active, A stays off.
        assertThat(refused(() -> engine.transfer(COMPANY, new Transfer(app(key), "B", "A"))))
                .isEqualTo(ErrorCode.TRANSFER_LIMIT_REACHED);
        assertThat(check(key, "B").timesActivated()).isEqualTo(1);
    }

    @Test
    void aStoreFailureInATransferLeavesTheLicenseAsItWas() {
        LicenseStore faulty = new FaultInjectingStore(store, 2);
        LicenseEngine failing = LicenseEngine.builder(faulty).clock(clock).random(new Random(1)).build();
        String key = license("\"max_activations\": 1, \"max_transfers\": 1");
        failing.activate(COMPANY, new Activate(app(key), "A", null, false));
        List<LicenseEvent> before = eventsOf(key);
        assertThat(catchThrowableOfType(() -> failing.transfer(COMPANY, new Transfer(app(key), "A", "B")),
                StoreException.class)).isNotNull();
        assertThat(eventsOf(key)).isEqualTo(before);
        assertThat(check(key, "A").transferCount()).isZero();
    }

    // ---- consumption ----

    @Test
    void onlyAConsumptionLicenseConsumesItself() {
        String key = license("");
        activate(key, "H1");
        assertThat(refused(() -> consume(key, null, 1))).isEqualTo(ErrorCode.LICENSE_NOT_CONSUMPTION);
        assertThat(refused(() -> consume(key, "unknown", 1))).isEqualTo(ErrorCode.UNSUPPORTED_PRODUCT_FEATURE);
    }

    @Test
    void consumptionIsAllOrNothingUpToTheLimit() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 10");
        assertThat(refused(() -> consume(key, null, 1))).as("a device must be active")
                .isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
        activate(key, "H1");
        assertThat(consume(key, null, 4).consumption().totalConsumptions()).isEqualTo(4);
        assertThat(consume(key, null, 6).consumption().totalConsumptions()).isEqualTo(10);
        assertThat(refused(() -> consume(key, null, 1))).isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS);
        assertThat(refused(() -> consume(key, null, 0))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(check(key, "H1").consumption().totalConsumptions()).isEqualTo(10);
    }

    @Test
    void overagesRaiseTheLimitOnlyWhenAllowed() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 10, "
                + "\"allow_overages\": true, \"max_overages\": 5");
        String noOverages = license("\"license_type\": \"consumption\", \"max_consumptions\": 10, "
                + "\"max_overages\": 5");
        activate(key, "H1");
        activate(noOverages, "H1");
        assertThat(consume(key, null, 15).consumption().totalConsumptions()).isEqualTo(15);
        assertThat(refused(() -> consume(key, null, 1))).isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS);
        assertThat(refused(() -> consume(noOverages, null, 11))).isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS);
        assertThat(consume(noOverages, null, 10).consumption().totalConsumptions()).isEqualTo(10);
    }

    @Test
    void unlimitedConsumptionWinsOverTheLimit() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 1, "
                + "\"allow_unlimited_consumptions\": true, \"allow_overages\": true, \"max_overages\": 1");
        activate(key, "H1");
        assertThat(consume(key, null, 1_000_000).consumption().totalConsumptions()).isEqualTo(1_000_000);
    }

    @Test
    void negativeConsumptionNeedsLeaveAndNeverGoesBelowZero() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 10, "
                + "\"allow_negative_consumptions\": true");
        String strict = license("\"license_type\": \"consumption\", \"max_consumptions\": 10");
        activate(key, "H1");
        activate(strict, "H1");
        consume(strict, null, 5);
        assertThat(refused(() -> consume(strict, null, -1))).isEqualTo(ErrorCode.NEGATIVE_CONSUMPTIONS_NOT_ALLOWED);
        consume(key, null, 5);
        assertThat(consume(key, null, -3).consumption().totalConsumptions()).isEqualTo(2);
        assertThat(refused(() -> consume(key, null, -3))).isEqualTo(ErrorCode.CONSUMPTION_BELOW_ZERO);
        assertThat(consume(key, null, -2).consumption().totalConsumptions()).isZero();
    }

    @Test
    void periodsResetAtUtcBoundariesWithoutAJob() {
        // Each period: fill the limit just before its boundary, then the boundary itself sees 0.
        String[][] cases = {
                {"daily", "2025-03-25T23:59:59Z", "2025-03-26T00:00:00Z"},
                {"weekly", "2025-03-30T23:59:59Z", "2025-03-31T00:00:00Z"},   // Sunday, then Monday
                {"monthly", "2025-03-31T23:59:59Z", "2025-04-01T00:00:00Z"},
                {"annually", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z"}};
        for (String[] period : cases) {
            clock.set(START);
            String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 3, "
                    + "\"reset_consumption\": true, \"consumption_period\": \"" + period[0] + "\"");
            activate(key, "H1");
            consume(key, null, 2);
            clock.set(Instant.parse(period[1]));
            assertThat(consume(key, null, 1).consumption().totalConsumptions()).as(period[0]).isEqualTo(3);
            assertThat(refused(() -> consume(key, null, 1))).as(period[0])
                    .isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS);
            clock.set(Instant.parse(period[2]));
            assertThat(check(key, "H1").consumption().totalConsumptions()).as(period[0]).isZero();
            assertThat(consume(key, null, 3).consumption().totalConsumptions()).as(period[0]).isEqualTo(3);
        }
        clock.set(Instant.parse("2025-03-25T23:00:00Z"));
        String feature = license("\"product_features\": [{\"code\": \"export\", \"max_consumption\": 2, "
                + "\"reset_consumption\": true, \"consumption_period\": \"daily\"}]");
        activate(feature, "H1");
        consume(feature, "export", 2);
        assertThat(refused(() -> consume(feature, "export", 1))).isEqualTo(ErrorCode.FEATURE_NOT_ENOUGH_CONSUMPTIONS);
        clock.set(Instant.parse("2025-03-26T00:00:00Z"));
        assertThat(consume(feature, "export", 2).features()).extracting(FeatureStatus::totalConsumptions)
                .containsExactly(2L);
        String never = license("\"license_type\": \"consumption\", \"max_consumptions\": 3");
        activate(never, "H1");
        consume(never, null, 3);
        clock.advance(Duration.ofDays(800));
        assertThat(refused(() -> consume(never, null, 1))).isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS);
    }

    @Test
    void featureConsumptionFollowsTheFeaturesRules() {
        String key = license("\"product_features\": [\"print\", \"scan\", "
                + "{\"code\": \"export\", \"max_consumption\": 4, \"allow_overages\": true, \"max_overages\": 1}]");
        activate(key, "H1");
        assertThat(refused(() -> consume(key, "missing", 1))).isEqualTo(ErrorCode.UNSUPPORTED_PRODUCT_FEATURE);
        assertThat(refused(() -> consume(key, "print", 1))).isEqualTo(ErrorCode.FEATURE_NOT_CONSUMPTION);
        LicenseStatus status = consume(key, "export", 5);
        assertThat(status.features()).filteredOn(f -> f.code().equals("export"))
                .extracting(FeatureStatus::totalConsumptions).containsExactly(5L);
        assertThat(refused(() -> consume(key, "export", 1))).isEqualTo(ErrorCode.FEATURE_NOT_ENOUGH_CONSUMPTIONS);
        assertThat(consume(key, "scan", 1_000).features()).filteredOn(f -> f.code().equals("scan"))
                .extracting(FeatureStatus::totalConsumptions).containsExactly(1_000L);
        // The license is perpetual: its own consumption is not a thing, its features' are.
        assertThat(refused(() -> consume(key, null, 1))).isEqualTo(ErrorCode.LICENSE_NOT_CONSUMPTION);
    }

    @Test
    void anExpiredFeatureIsRefusedAndListedOnlyOnRequest() {
        String key = license("\"product_features\": [{\"code\": \"export\", \"expiry_date\": \"2025-03-26\"}, "
                + "\"print\"]");
        activate(key, "H1");
        clock.set(Instant.parse("2025-03-26T23:59:59Z"));
        assertThat(consume(key, "export", 1).features()).extracting(FeatureStatus::code)
                .containsExactly("export", "print");
        clock.set(Instant.parse("2025-03-27T00:00:00Z"));
        assertThat(refused(() -> consume(key, "export", 1))).isEqualTo(ErrorCode.FEATURE_EXPIRED);
        assertThat(check(key, "H1").features()).extracting(FeatureStatus::code).containsExactly("print");
        List<FeatureStatus> all = engine.check(COMPANY, new Check(app(key), "H1", true)).features();
        assertThat(all).extracting(FeatureStatus::code).containsExactly("export", "print");
        assertThat(all.get(0).expired()).isTrue();
        assertThat(all.get(0).totalConsumptions()).isEqualTo(1);
    }

    // ---- retried consumptions ----

    @Test
    void aRetryWithTheSameRequestIdAppliesOnce() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 10");
        activate(key, "H1");
        Consume request = new Consume(app(key), "H1", null, 3, "req-1");
        LicenseStatus first = engine.consume(COMPANY, request);
        assertThat(first.replayed()).isFalse();
        LicenseStatus again = engine.consume(COMPANY, request);
        assertThat(again.replayed()).isTrue();
        assertThat(again.consumption().totalConsumptions()).isEqualTo(3);
        assertThat(refused(() -> engine.consume(COMPANY, new Consume(app(key), "H1", null, 4, "req-1"))))
                .isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(refused(() -> engine.consume(COMPANY, new Consume(app(key), "H2", null, 3, "req-1"))))
                .isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        // Replayed even once the license expired or a new period began: ids never time out.
        clock.advance(Duration.ofDays(400));
        assertThat(engine.consume(COMPANY, request).replayed()).isTrue();
        assertThat(check(key, "H1").consumption().totalConsumptions()).isEqualTo(3);
        // The id is the license's: another license may use it.
        String other = license("\"license_type\": \"consumption\", \"max_consumptions\": 10");
        activate(other, "H1");
        assertThat(engine.consume(COMPANY, new Consume(app(other), "H1", null, 3, "req-1")).replayed()).isFalse();
    }

    @Test
    void theStoreAppliesARequestIdOnceEvenWhenAskedTwice() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 100");
        activate(key, "H1");
        engine.consume(COMPANY, new Consume(app(key), "H1", null, 3, "r1"));
        long id = store.read(reader -> reader.findLicenseByKey(COMPANY, key).orElseThrow().id());
        StoreException twice = catchThrowableOfType(() -> store.inTransaction(tx -> {
            tx.writeLifecycle(new LifecycleWrite(COMPANY, id, START, null, List.of(), List.of(),
                    List.of(new ConsumptionCounter(ConsumptionCounter.LICENSE, Instant.EPOCH, 99)),
                    List.of(new LicenseEvent(tx.reserveIds(1), id, START, LicenseEvent.Kind.CONSUMED, "H1",
                            ConsumptionCounter.LICENSE, 96, Instant.EPOCH, "r1", "another request"))));
            return null;
        }), StoreException.class);
        assertThat(twice).as("the log's unique request id").isNotNull();
        assertThat(check(key, "H1").consumption().totalConsumptions()).as("rolled back whole").isEqualTo(3);
        assertThat(store.read(reader -> reader.findRequest(COMPANY, id, "r1")).orElseThrow().amount()).isEqualTo(3);
    }

    @Test
    void aRefusedRequestLogsNothingSoItsRetryIsJudgedAfresh() {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 10, "
                + "\"reset_consumption\": true, \"consumption_period\": \"daily\"");
        activate(key, "H1");
        consume(key, null, 8);
        Consume request = new Consume(app(key), "H1", null, 5, "r");
        assertThat(refused(() -> engine.consume(COMPANY, request))).isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS);
        clock.advance(Duration.ofDays(1));
        LicenseStatus applied = engine.consume(COMPANY, request);
        assertThat(applied.replayed()).isFalse();
        assertThat(applied.consumption().totalConsumptions()).isEqualTo(5);
        assertThat(refused(() -> engine.consume(COMPANY, new Consume(app(key), "H1", null, 1, "x".repeat(256)))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(refused(() -> engine.consume(COMPANY, new Consume(app(key), "H1", null, 1, ""))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    // ---- floating ----

    @Test
    void aCheckTakesOrRenewsAFloatingSeatUpToFloatingUsers() {
        String key = license("\"is_floating_cloud\": true, \"max_activations\": 3, \"floating_users\": 1, "
                + "\"floating_timeout\": 30");
        LicenseStatus activated = activate(key, "A");
        assertThat(activated.floatingInUseDevices()).as("activating takes no seat").isZero();
        activate(key, "B");
        LicenseStatus seat = check(key, "A");
        assertThat(seat.floatingPeriod()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(seat.floatingInUseDevices()).isEqualTo(1);
        assertThat(refused(() -> check(key, "B"))).isEqualTo(ErrorCode.FLOATING_LIMIT_REACHED);
        clock.advance(Duration.ofMinutes(20));
        assertThat(check(key, "A").floatingPeriod()).as("renewed").isEqualTo(START.plus(Duration.ofMinutes(50)));
        clock.advance(Duration.ofMinutes(30));
        assertThat(check(key, "B").floatingInUseDevices()).as("A's seat ended: free, no job").isEqualTo(1);
        LicenseStatus released = engine.release(COMPANY, new Release(app(key), "B"));
        assertThat(released.floatingInUseDevices()).isZero();
        assertThat(released.floatingPeriod()).isNull();
        int events = eventsOf(key).size();
        assertThat(engine.release(COMPANY, new Release(app(key), "B")).floatingInUseDevices())
                .as("nothing held: no change").isZero();
        assertThat(eventsOf(key)).hasSize(events);
        assertThat(check(key, "A").floatingInUseDevices()).isEqualTo(1);
        deactivate(key, "A");
        assertThat(check(key, "B").floatingInUseDevices()).as("deactivation frees the seat").isEqualTo(1);
    }

    @Test
    void withoutFloatingUsersMaxActivationsCapsTheSeats() {
        String key = license("\"is_floating\": true, \"max_activations\": 2");
        activate(key, "A");
        activate(key, "B");
        check(key, "A");
        assertThat(check(key, "B").floatingInUseDevices()).isEqualTo(2);
    }

    @Test
    void borrowingHoldsTheSeatUntilItsEnd() {
        String key = license("\"is_floating_cloud\": true, \"max_activations\": 2, \"floating_users\": 1, "
                + "\"floating_timeout\": 10, \"can_borrow\": true, \"max_borrow_time\": 48, "
                + "\"license_type\": \"time-limited\", \"validity_period\": \"2025-04-30T00:00:00Z\"");
        activate(key, "A");
        activate(key, "B");
        Instant until = START.plus(Duration.ofHours(24));
        LicenseStatus borrowed = engine.borrow(COMPANY, new Borrow(app(key), "A", until));
        assertThat(borrowed.borrowed()).isTrue();
        assertThat(borrowed.borrowedUntil()).isEqualTo(until);
        assertThat(borrowed.floatingPeriod()).isEqualTo(until);
        clock.advance(Duration.ofHours(2));
        assertThat(check(key, "A").floatingPeriod()).as("a check does not shorten it").isEqualTo(until);
        assertThat(refused(() -> check(key, "B"))).isEqualTo(ErrorCode.FLOATING_LIMIT_REACHED);
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(key), "B", null))))
                .isEqualTo(ErrorCode.FLOATING_LIMIT_REACHED);
        clock.set(until);
        assertThat(check(key, "B").floatingInUseDevices()).isEqualTo(1);
        engine.release(COMPANY, new Release(app(key), "B"));
        LicenseStatus longest = engine.borrow(COMPANY, new Borrow(app(key), "B", null));
        assertThat(longest.borrowedUntil()).isEqualTo(until.plus(Duration.ofHours(48)));
        engine.release(COMPANY, new Release(app(key), "B"));
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(key), "B", clock.instant()))))
                .isEqualTo(ErrorCode.BORROW_UNTIL_NOT_VALID);
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(key), "B",
                clock.instant().plus(Duration.ofHours(48)).plusSeconds(1))))).isEqualTo(ErrorCode.BORROW_UNTIL_NOT_VALID);
        clock.set(Instant.parse("2025-04-29T00:00:00Z"));
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(key), "B",
                Instant.parse("2025-04-30T00:00:01Z"))))).as("not after the license's end")
                .isEqualTo(ErrorCode.BORROW_UNTIL_NOT_VALID);
    }

    @Test
    void borrowAndReleaseNeedAFloatingLicenseFirstThenLeaveToBorrow() {
        String plain = license("\"can_borrow\": true, \"max_borrow_time\": 1");
        String noBorrow = license("\"is_floating\": true");
        activate(plain, "A");
        activate(noBorrow, "A");
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(plain), "A", null))))
                .isEqualTo(ErrorCode.LICENSE_NOT_FLOATING);
        assertThat(refused(() -> engine.release(COMPANY, new Release(app(plain), "A"))))
                .isEqualTo(ErrorCode.LICENSE_NOT_FLOATING);
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(noBorrow), "A", null))))
                .isEqualTo(ErrorCode.BORROW_NOT_ALLOWED);
        assertThat(refused(() -> engine.borrow(COMPANY, new Borrow(app(noBorrow), "B", null))))
                .isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
    }

    // ---- races ----

    @Test
    void eightActivationsRaceForTheLastSlotAndOneWins() throws Exception {
        String key = license("\"max_activations\": 2");
        activate(key, "first");
        List<Outcome> outcomes = race(i -> () -> activate(key, "racer-" + i));
        assertThat(outcomes).filteredOn(Outcome::applied).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.applied())
                .allSatisfy(o -> assertThat(o.refusal()).isEqualTo(ErrorCode.LICENSE_ACTIVATED_MAX_TIMES));
        assertThat(check(key, "first").timesActivated()).isEqualTo(2);
    }

    @Test
    void racingConsumptionsApplyExactlyThoseThatFit() throws Exception {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 10");
        activate(key, "H1");
        consume(key, null, 1);
        // 8 racers of 2 each on 9 left: exactly 4 fit.
        List<Outcome> outcomes = race(i -> () -> consume(key, null, 2));
        assertThat(outcomes).filteredOn(Outcome::applied).hasSize(4);
        assertThat(outcomes).filteredOn(o -> !o.applied())
                .allSatisfy(o -> assertThat(o.refusal()).isEqualTo(ErrorCode.LICENSE_NOT_ENOUGH_CONSUMPTIONS));
        assertThat(check(key, "H1").consumption().totalConsumptions()).isEqualTo(9);
    }

    @Test
    void racingRetriesOfOneRequestIdApplyOnce() throws Exception {
        String key = license("\"license_type\": \"consumption\", \"max_consumptions\": 100");
        activate(key, "H1");
        List<Outcome> outcomes = race(i -> () -> engine.consume(COMPANY,
                new Consume(app(key), "H1", null, 5, "same-request")));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.applied()).isTrue());
        assertThat(outcomes).filteredOn(o -> !o.status().replayed()).hasSize(1);
        assertThat(check(key, "H1").consumption().totalConsumptions()).isEqualTo(5);
    }

    /** What one racer got: a status, or a refusal's code. */
    protected record Outcome(LicenseStatus status, ErrorCode refusal) {
        boolean applied() {
            return status != null;
        }
    }

    /** Runs {@link #THREADS} calls at once (released together) and returns what each got. */
    protected List<Outcome> race(Function<Integer, Callable<LicenseStatus>> racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<LicenseStatus> call = racer.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome(call.call(), null);
                    } catch (LicenseRejectedException e) {
                        return new Outcome(null, e.error().code());
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
