package dev.licensing.api.lifecycle;

import java.util.Objects;

/**
 * Names the license an operation works on: by key, or by a user of a user-based license (the lowest id of the user's
 * licenses of the product, unless {@code licenseId} picks one of them).
 */
public sealed interface LicenseRef permits LicenseRef.Key, LicenseRef.User {

    /** The code of the product the license must be of. */
    String product();

    /** A key-based license: {@code key} matches exactly within the company. */
    record Key(String product, String key) implements LicenseRef {
        public Key {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(key, "key");
        }
    }

    /** A user-based license of {@code email} (compared as user emails are); {@code licenseId} may be {@code null}. */
    record User(String product, String email, Long licenseId) implements LicenseRef {
        public User {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(email, "email");
        }
    }
}
