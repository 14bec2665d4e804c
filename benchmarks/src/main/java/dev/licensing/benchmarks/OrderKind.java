package dev.licensing.benchmarks;

/**
 * The orders the engine's creation benchmarks write: exactly 1 or 10 key-based licenses (as the floor's 1 and 10), or
 * one user-based license of one to three users, which the floor has no table for. Otherwise the generator's realistic
 * mix of policies, overrides, features, custom fields, customers and given keys.
 */
public enum OrderKind {
    KEYS_1(1, false),
    KEYS_10(10, false),
    USERS_1(1, true);

    private final int licenses;
    private final boolean userBased;

    OrderKind(int licenses, boolean userBased) {
        this.licenses = licenses;
        this.userBased = userBased;
    }

    /** Licenses in every order of this kind. */
    public int licenses() {
        return licenses;
    }

    public GeneratorOptions options(long seed) {
        return GeneratorOptions.defaults(seed).withExactLicenses(licenses).withUserShare(userBased ? 1.0 : 0.0);
    }
}
