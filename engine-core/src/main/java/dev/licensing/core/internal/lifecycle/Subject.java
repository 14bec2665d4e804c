package dev.licensing.core.internal.lifecycle;

import dev.licensing.api.LicenseProperties;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseUser;

/** The license an operation found, and the user who named it (for a user reference, else {@code null}). */
record Subject(String company, License license, LicenseUser user) {

    long id() {
        return license.id();
    }

    LicenseProperties properties() {
        return license.properties();
    }

    Long userId() {
        return user == null ? null : user.userId();
    }

    boolean floating() {
        LicenseProperties p = properties();
        return Boolean.TRUE.equals(p.isFloating()) || Boolean.TRUE.equals(p.isFloatingCloud());
    }

    /** How many seats may be held at once: {@code floating_users}, or 0 there meaning no cap beyond activations. */
    int seatCap() {
        LicenseProperties p = properties();
        if (p.floatingUsers() != null && p.floatingUsers() > 0) {
            return p.floatingUsers();
        }
        return Boolean.TRUE.equals(p.allowUnlimitedActivations()) ? Integer.MAX_VALUE : count(p.maxActivations());
    }

    static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
