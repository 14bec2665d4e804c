package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.ErrorCode;
import dev.licensing.api.LicenseProperties;
import dev.licensing.api.LicenseType;
import dev.licensing.api.lifecycle.Activate;
import dev.licensing.api.lifecycle.Borrow;
import dev.licensing.api.lifecycle.Check;
import dev.licensing.api.lifecycle.Consume;
import dev.licensing.api.lifecycle.Deactivate;
import dev.licensing.api.lifecycle.LicenseRef;
import dev.licensing.api.lifecycle.LicenseRejectedException;
import dev.licensing.api.lifecycle.LicenseStatus;
import dev.licensing.api.lifecycle.Release;
import dev.licensing.api.lifecycle.Transfer;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.User;
import dev.licensing.api.store.Activation;
import dev.licensing.api.store.ConsumptionCounter;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LicenseState;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.core.internal.errors.FieldPath;
import dev.licensing.core.internal.errors.Problems;
import dev.licensing.core.internal.rules.Emails;
import dev.licensing.core.internal.rules.Identifiers;
import dev.licensing.core.internal.rules.Passwords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The license lifecycle of {@code design/lifecycle.md}: each operation finds the license, locks it, reads its state,
 * applies the rules in the design's order (the first broken one is the answer) and writes its changes with one
 * {@link StoreTransaction#writeLifecycle}, all in one write transaction. Only {@code check} of a license that is not
 * floating writes nothing, so it runs as a read.
 */
public final class Lifecycle {
    private static final int MAX_REQUEST_ID = 255;

    private final LicenseStore store;
    private final Clock clock;
    private final LicenseFinder finder;

    /** {@code productExists} tells whether the company's catalog has the product code. */
    public Lifecycle(LicenseStore store, Clock clock, BiPredicate<String, String> productExists) {
        this.store = store;
        this.clock = clock;
        this.finder = new LicenseFinder(productExists);
    }

    /** What an operation decides and writes once its license is found and its state locked. */
    private interface LockedWork {
        LicenseStatus apply(StoreTransaction tx, Subject subject, LifecycleState state);
    }

    /** One write transaction: find the license, lock its state (lifecycle.md "Concurrency"), then {@code work}. */
    private LicenseStatus inLockedTransaction(String company, LicenseRef license, LockedWork work) {
        return store.inTransaction(tx -> {
            Subject subject = finder.find(tx, company, license);
            return work.apply(tx, subject, lockedState(tx, subject));
        });
    }

    public LicenseStatus activate(String company, Activate request) {
        String hardwareId = requireHardwareId(request.hardwareId(), "hardware_id");
        Instant now = now();
        finder.requireProduct(company, request.license());
        return inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            requireEnabled(subject);
            if (request.license() instanceof LicenseRef.User user) {
                requirePassword(tx, company, user.email(), request.password());
            }
            requireStarted(subject, now);
            requireNotExpired(subject, state, now);
            requireVmAllowed(subject, request.vm());
            if (StatusBuilder.device(state, hardwareId) != null) {
                return StatusBuilder.status(subject, state, hardwareId, now, false);
            }
            requireActivationFits(subject, state, hardwareId);
            return write(tx, subject, state, hardwareId, now,
                    activation(tx, subject, state, hardwareId, request.vm(), now));
        });
    }

    public LicenseStatus check(String company, Check request) {
        String hardwareId = requireHardwareId(request.hardwareId(), "hardware_id");
        Instant now = now();
        finder.requireProduct(company, request.license());
        // A license that is not floating has nothing to write on a check: a read, concurrent with every other.
        Optional<LicenseStatus> read = store.read(reader -> {
            Subject subject = finder.find(reader, company, request.license());
            if (subject.floating()) {
                return Optional.empty();
            }
            LifecycleState state = reader.lifecycleState(company, subject.id());
            requireValid(subject, state, hardwareId, now);
            return Optional.of(StatusBuilder.status(subject, state, hardwareId, now,
                    request.includeExpiredFeatures()));
        });
        // Floating (a license's properties never change once written): the seat is taken in a write transaction.
        return read.orElseGet(() -> inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            Activation device = requireValid(subject, state, hardwareId, now);
            requireSeat(subject, state, device, now);
            Instant seatUntil = now.plus(Duration.ofMinutes(Subject.count(subject.properties().floatingTimeout())));
            Activation renewed = device.withSeat(seatUntil, device.borrowedUntil());
            LifecycleWrite write = seatWrite(tx, subject, renewed, LicenseEvent.Kind.SEAT_TAKEN, now);
            tx.writeLifecycle(write);
            return StatusBuilder.status(subject, after(state, write), hardwareId, now,
                    request.includeExpiredFeatures());
        }));
    }

    public LicenseStatus deactivate(String company, Deactivate request) {
        String hardwareId = requireHardwareId(request.hardwareId(), "hardware_id");
        Instant now = now();
        finder.requireProduct(company, request.license());
        return inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            requireDevice(state, hardwareId);
            return write(tx, subject, state, hardwareId, now, deactivation(tx, subject, state, hardwareId, now));
        });
    }

    public LicenseStatus transfer(String company, Transfer request) {
        String from = requireHardwareId(request.fromHardwareId(), "from_hardware_id");
        String to = requireHardwareId(request.hardwareId(), "hardware_id");
        Instant now = now();
        finder.requireProduct(company, request.license());
        return inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            requireEnabled(subject);
            requireNotExpired(subject, state, now);
            requireDevice(state, from);
            LifecycleWrite off = deactivation(tx, subject, state, from, now);
            LifecycleState between = after(state, off);
            if (StatusBuilder.device(between, to) != null) {
                return write(tx, subject, state, to, now, off);
            }
            requireActivationFits(subject, between, to);
            LifecycleWrite on = activation(tx, subject, between, to, false, now);
            List<LicenseEvent> events = new ArrayList<>(off.events());
            events.addAll(on.events());
            return write(tx, subject, state, to, now, new LifecycleWrite(company, subject.id(), now, on.state(),
                    off.deactivated(), on.activations(), List.of(), events));
        });
    }

    public LicenseStatus consume(String company, Consume request) {
        String hardwareId = requireHardwareId(request.hardwareId(), "hardware_id");
        String requestId = request.requestId();
        if (requestId != null && (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID)) {
            throw Refusal.at(ErrorCode.VALIDATION_ERROR, "request_id",
                    "a request id has 1 to " + MAX_REQUEST_ID + " characters");
        }
        String feature = request.feature() == null ? ConsumptionCounter.LICENSE : request.feature();
        String fingerprint = fingerprint(feature, request.consumptions(), hardwareId);
        Instant now = now();
        finder.requireProduct(company, request.license());
        return inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            if (requestId != null) {
                Optional<LicenseEvent> applied = tx.findRequest(company, subject.id(), requestId);
                if (applied.isPresent()) {
                    if (!fingerprint.equals(applied.get().fingerprint())) {
                        throw Refusal.at(ErrorCode.REQUEST_ID_REUSED, "request_id", "request id '" + requestId
                                + "' was applied to another consumption of this license");
                    }
                    return StatusBuilder.status(subject, state, hardwareId, now, false).asReplayed();
                }
            }
            requireValid(subject, state, hardwareId, now);
            Limit limit = request.feature() == null ? licenseLimit(subject) : featureLimit(subject, feature, now);
            long n = request.consumptions();
            if (n == 0) {
                throw Refusal.at(ErrorCode.VALIDATION_ERROR, "consumptions", "consumptions must not be 0");
            }
            Instant periodStart = Periods.start(limit.reset(), limit.period(), now);
            long total = StatusBuilder.currentTotal(state, feature, periodStart);
            long sum = limit.apply(total, n);
            long eventId = tx.reserveIds(1);
            LicenseEvent event = new LicenseEvent(eventId, subject.id(), now, LicenseEvent.Kind.CONSUMED, hardwareId,
                    feature, n, periodStart, requestId, fingerprint);
            return write(tx, subject, state, hardwareId, now, new LifecycleWrite(company, subject.id(), now, null,
                    List.of(), List.of(), List.of(new ConsumptionCounter(feature, periodStart, sum)), List.of(event)));
        });
    }

    public LicenseStatus borrow(String company, Borrow request) {
        String hardwareId = requireHardwareId(request.hardwareId(), "hardware_id");
        Instant now = now();
        finder.requireProduct(company, request.license());
        return inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            Activation device = requireValid(subject, state, hardwareId, now);
            requireFloating(subject);
            LicenseProperties p = subject.properties();
            if (!Boolean.TRUE.equals(p.canBorrow())) {
                throw Refusal.of(ErrorCode.BORROW_NOT_ALLOWED, "the license does not allow borrowing");
            }
            Instant latest = now.plus(Duration.ofHours(Subject.count(p.maxBorrowTime())));
            Instant until = request.until() == null ? latest : request.until();
            Instant end = end(subject, state, now);
            if (!until.isAfter(now) || until.isAfter(latest) || (end != null && until.isAfter(end))) {
                throw Refusal.at(ErrorCode.BORROW_UNTIL_NOT_VALID, "borrowed_until", "borrowing must end after now, "
                        + "within max_borrow_time (" + Subject.count(p.maxBorrowTime()) + " hours) and not after "
                        + "the license's end");
            }
            requireSeat(subject, state, device, now);
            // Kept to the millisecond, as every instant the stores keep.
            Instant kept = until.truncatedTo(ChronoUnit.MILLIS);
            LifecycleWrite write = seatWrite(tx, subject, device.withSeat(device.seatUntil(), kept),
                    LicenseEvent.Kind.BORROWED, now);
            tx.writeLifecycle(write);
            return StatusBuilder.status(subject, after(state, write), hardwareId, now, false);
        });
    }

    public LicenseStatus release(String company, Release request) {
        String hardwareId = requireHardwareId(request.hardwareId(), "hardware_id");
        Instant now = now();
        finder.requireProduct(company, request.license());
        return inLockedTransaction(company, request.license(), (tx, subject, state) -> {
            Activation device = requireDevice(state, hardwareId);
            requireFloating(subject);
            Instant seatEnd = device.seatEnd();
            if (seatEnd == null || !seatEnd.isAfter(now)) {
                return StatusBuilder.status(subject, state, hardwareId, now, false);
            }
            LifecycleWrite write = seatWrite(tx, subject, device.withSeat(null, null),
                    LicenseEvent.Kind.RELEASED, now);
            tx.writeLifecycle(write);
            return StatusBuilder.status(subject, after(state, write), hardwareId, now, false);
        });
    }

    /** The clock's instant to the millisecond: what every store keeps of an instant, so all answer alike. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The license's end as the rules see it at {@code now}: fixed at the first activation, or, before it, as an
     * activation now would fix it.
     */
    static Instant end(Subject subject, LifecycleState state, Instant now) {
        LicenseState license = state.license();
        return license.firstActivatedAt() != null ? license.validityEnd() : Ends.validity(subject.properties(), now);
    }

    // ---- the rules, in lifecycle.md's order ----

    private static LifecycleState lockedState(StoreTransaction tx, Subject subject) {
        tx.lockLicense(subject.company(), subject.id());
        return tx.lifecycleState(subject.company(), subject.id());
    }

    private static void requireEnabled(Subject subject) {
        if (Boolean.FALSE.equals(subject.properties().enabled())) {
            throw Refusal.of(ErrorCode.LICENSE_NOT_ENABLED, "the license is disabled");
        }
    }

    private static void requirePassword(StoreReader reader, String company, String email, String password) {
        Optional<User> user = reader.findUsers(company, List.of(Emails.normalize(email))).values().stream()
                .findFirst();
        if (password == null || user.isEmpty() || user.get().passwordHash() == null
                || !Passwords.matches(password, user.get().passwordHash())) {
            throw Refusal.at(ErrorCode.INVALID_CREDENTIALS, "password", "wrong email or password");
        }
    }

    private static void requireStarted(Subject subject, Instant now) {
        String start = subject.properties().startDate();
        if (start != null && now.isBefore(Ends.startOf(start))) {
            throw Refusal.of(ErrorCode.LICENSE_NOT_STARTED, "the license starts at " + start);
        }
    }

    private static void requireNotExpired(Subject subject, LifecycleState state, Instant now) {
        LicenseProperties p = subject.properties();
        if (Ends.expired(p, end(subject, state, now), now)) {
            boolean trial = Boolean.TRUE.equals(p.isTrial());
            throw Refusal.of(trial ? ErrorCode.TRIAL_EXPIRED : ErrorCode.LICENSE_EXPIRED,
                    (trial ? "the trial" : "the license") + " ended at " + end(subject, state, now));
        }
    }

    private static Activation requireDevice(LifecycleState state, String hardwareId) {
        Activation device = StatusBuilder.device(state, hardwareId);
        if (device == null) {
            throw Refusal.at(ErrorCode.DEVICE_NOT_FOUND, "hardware_id",
                    "device '" + hardwareId + "' is not activated on this license");
        }
        return device;
    }

    /** What check, consume and borrow need: enabled, not expired, an active device (returned). */
    private static Activation requireValid(Subject subject, LifecycleState state, String hardwareId, Instant now) {
        requireEnabled(subject);
        requireNotExpired(subject, state, now);
        return requireDevice(state, hardwareId);
    }

    private static void requireVmAllowed(Subject subject, boolean vm) {
        if (vm && Boolean.TRUE.equals(subject.properties().preventVm())) {
            throw Refusal.of(ErrorCode.VM_NOT_ALLOWED, "the license may not be activated on a virtual machine");
        }
    }

    /** Transfer limit, the user's own activation limit, the license's: for a device that is not active yet. */
    private static void requireActivationFits(Subject subject, LifecycleState state, String hardwareId) {
        LicenseProperties p = subject.properties();
        int maxTransfers = Subject.count(p.maxTransfers());
        if (isTransfer(state.license(), hardwareId) && maxTransfers != -1
                && state.license().transferCount() >= maxTransfers) {
            throw Refusal.of(ErrorCode.TRANSFER_LIMIT_REACHED, "the license allows " + maxTransfers
                    + " transfers and has made " + state.license().transferCount());
        }
        if (subject.user() != null && subject.user().maxActivations() != null) {
            long own = state.activations().stream()
                    .filter(activation -> subject.userId().equals(activation.userId())).count();
            if (own >= subject.user().maxActivations()) {
                throw Refusal.of(ErrorCode.USER_ACTIVATED_MAX_TIMES, "user '" + subject.user().email()
                        + "' has " + own + " active devices, the most allowed");
            }
        }
        if (!Boolean.TRUE.equals(p.allowUnlimitedActivations())
                && state.activations().size() >= Subject.count(p.maxActivations())) {
            throw Refusal.of(ErrorCode.LICENSE_ACTIVATED_MAX_TIMES, "the license has "
                    + state.activations().size() + " active devices, the most allowed");
        }
    }

    /**
     * A new device is a transfer when the license's last deactivation came after its last activation and was of
     * another device (A, -A, B counts one; adding B beside A counts none).
     */
    private static boolean isTransfer(LicenseState license, String hardwareId) {
        return license.lastDeactivationEvent() > license.lastActivationEvent()
                && !hardwareId.equals(license.lastDeactivatedHardwareId());
    }

    private static void requireFloating(Subject subject) {
        if (!subject.floating()) {
            throw Refusal.of(ErrorCode.LICENSE_NOT_FLOATING, "the license is not floating");
        }
    }

    /** A device that holds no seat may take one only while fewer than the cap are held. */
    private static void requireSeat(Subject subject, LifecycleState state, Activation device, Instant now) {
        Instant held = device.seatEnd();
        if (held != null && held.isAfter(now)) {
            return;
        }
        int inUse = StatusBuilder.seatsInUse(state, device.hardwareId(), now);
        if (inUse >= subject.seatCap()) {
            throw Refusal.of(ErrorCode.FLOATING_LIMIT_REACHED, "all " + inUse + " floating seats are in use");
        }
    }

    private static Limit licenseLimit(Subject subject) {
        LicenseProperties p = subject.properties();
        if (p.licenseType() != LicenseType.CONSUMPTION) {
            throw Refusal.of(ErrorCode.LICENSE_NOT_CONSUMPTION, "the license is of type " + p.licenseType().wire());
        }
        return new Limit(false, value(p.maxConsumptions()), Boolean.TRUE.equals(p.allowUnlimitedConsumptions()),
                Boolean.TRUE.equals(p.allowOverages()), value(p.maxOverages()),
                Boolean.TRUE.equals(p.allowNegativeConsumptions()), p.resetConsumption(), p.consumptionPeriod());
    }

    private static Limit featureLimit(Subject subject, String code, Instant now) {
        LicenseFeature feature = subject.license().features().stream()
                .filter(candidate -> candidate.code().equals(code)).findFirst()
                .orElseThrow(() -> Refusal.at(ErrorCode.UNSUPPORTED_PRODUCT_FEATURE, "feature",
                        "feature '" + code + "' is not on the license"));
        if (!StatusBuilder.consumes(feature)) {
            throw Refusal.at(ErrorCode.FEATURE_NOT_CONSUMPTION, "feature",
                    "feature '" + code + "' has no max_consumption");
        }
        if (StatusBuilder.featureExpired(feature, now)) {
            throw Refusal.at(ErrorCode.FEATURE_EXPIRED, "feature",
                    "feature '" + code + "' expired on " + feature.properties().expiryDate());
        }
        var p = feature.properties();
        return new Limit(true, value(p.maxConsumption()), Boolean.TRUE.equals(p.allowUnlimitedConsumptions()),
                Boolean.TRUE.equals(p.allowOverages()), value(p.maxOverages()),
                Boolean.TRUE.equals(p.allowNegativeConsumptions()), p.resetConsumption(), p.consumptionPeriod());
    }

    // ---- the writes ----

    private LicenseStatus write(StoreTransaction tx, Subject subject, LifecycleState state, String hardwareId,
                                Instant now, LifecycleWrite write) {
        tx.writeLifecycle(write);
        return StatusBuilder.status(subject, after(state, write), hardwareId, now, false);
    }

    private static LifecycleWrite activation(StoreTransaction tx, Subject subject, LifecycleState state,
                                             String hardwareId, boolean vm, Instant now) {
        LicenseState old = state.license();
        long eventId = tx.reserveIds(1);
        boolean first = old.firstActivatedAt() == null;
        LicenseProperties p = subject.properties();
        LicenseState updated = new LicenseState(subject.id(), first ? now : old.firstActivatedAt(),
                first ? Ends.validity(p, now) : old.validityEnd(),
                first ? Ends.maintenance(p, now) : old.maintenanceEnd(), true,
                old.transferCount() + (isTransfer(old, hardwareId) ? 1 : 0), eventId, old.lastDeactivationEvent(),
                old.lastDeactivatedHardwareId());
        Activation activation = new Activation(eventId, hardwareId, subject.userId(), now, vm, null, null);
        LicenseEvent event = new LicenseEvent(eventId, subject.id(), now, LicenseEvent.Kind.ACTIVATED, hardwareId,
                null, 0, null, null, null);
        return new LifecycleWrite(subject.company(), subject.id(), now, updated, List.of(), List.of(activation),
                List.of(), List.of(event));
    }

    private static LifecycleWrite deactivation(StoreTransaction tx, Subject subject, LifecycleState state,
                                               String hardwareId, Instant now) {
        LicenseState old = state.license();
        long eventId = tx.reserveIds(1);
        LicenseState updated = new LicenseState(subject.id(), old.firstActivatedAt(), old.validityEnd(),
                old.maintenanceEnd(), old.active(), old.transferCount(), old.lastActivationEvent(), eventId,
                hardwareId);
        LicenseEvent event = new LicenseEvent(eventId, subject.id(), now, LicenseEvent.Kind.DEACTIVATED, hardwareId,
                null, 0, null, null, null);
        return new LifecycleWrite(subject.company(), subject.id(), now, updated, List.of(hardwareId), List.of(),
                List.of(), List.of(event));
    }

    private static LifecycleWrite seatWrite(StoreTransaction tx, Subject subject, Activation changed,
                                            LicenseEvent.Kind kind, Instant now) {
        LicenseEvent event = new LicenseEvent(tx.reserveIds(1), subject.id(), now, kind, changed.hardwareId(), null,
                0, null, null, null);
        return new LifecycleWrite(subject.company(), subject.id(), now, null, List.of(), List.of(changed), List.of(),
                List.of(event));
    }

    /** The state {@code write} leaves behind, as the store will hold it. */
    static LifecycleState after(LifecycleState state, LifecycleWrite write) {
        Map<String, Activation> devices = new LinkedHashMap<>();
        state.activations().forEach(activation -> devices.put(activation.hardwareId(), activation));
        write.deactivated().forEach(devices::remove);
        write.activations().forEach(activation -> devices.put(activation.hardwareId(), activation));
        Map<String, ConsumptionCounter> counters = new LinkedHashMap<>();
        state.counters().forEach(counter -> counters.put(counter.feature(), counter));
        write.counters().forEach(counter -> counters.put(counter.feature(), counter));
        return new LifecycleState(write.state() == null ? state.license() : write.state(),
                List.copyOf(devices.values()), List.copyOf(counters.values()));
    }

    private static String requireHardwareId(String hardwareId, String field) {
        if (hardwareId == null || hardwareId.isBlank()) {
            throw Refusal.at(ErrorCode.VALIDATION_ERROR, field, "a hardware id is required");
        }
        // An identifier like a key: "laptop-1" and "laptop-1" with a no-break space must not take two slots.
        Problems problems = new Problems();
        if (!Identifiers.check(hardwareId, FieldPath.ROOT.field(field), problems)) {
            throw new LicenseRejectedException(problems.errors().get(0));
        }
        return hardwareId;
    }

    /** What a request id stands for: the same id with another fingerprint is another request. */
    private static String fingerprint(String feature, long consumptions, String hardwareId) {
        return feature.length() + ":" + feature + ":" + consumptions + ":" + hardwareId;
    }

    private static long value(Long number) {
        return number == null ? 0 : number;
    }
}
