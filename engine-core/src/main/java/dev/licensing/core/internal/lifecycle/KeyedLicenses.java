package dev.licensing.core.internal.lifecycle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.licensing.api.model.License;
import dev.licensing.api.store.StoreReader;

import java.time.Duration;
import java.util.Optional;

/**
 * Key-based licenses as found, cached for a few seconds in front of the store: finding a license by its key is most of
 * a {@code check} (a wide row with JSON columns). Caching is exact today because a license never changes once written
 * (no admin edits yet, design/lifecycle.md "Not in this step"), and a lifecycle transaction never sees a license it
 * did not find committed; the expiry bounds how stale an entry may get once a license can change in another process,
 * as for the catalog. Absence is never cached: a license another process creates is found at once.
 */
final class KeyedLicenses {
    private static final Duration EXPIRY = Duration.ofSeconds(5);
    private static final long MAX_ENTRIES = 100_000;

    private final Cache<CacheKey, License> licenses = Caffeine.newBuilder()
            .expireAfterWrite(EXPIRY)
            .maximumSize(MAX_ENTRIES)
            .build();

    Optional<License> find(StoreReader reader, String company, String key) {
        CacheKey cacheKey = new CacheKey(company, key);
        License cached = licenses.getIfPresent(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<License> found = reader.findLicenseByKey(company, key);
        found.ifPresent(license -> licenses.put(cacheKey, license));
        return found;
    }

    private record CacheKey(String company, String key) {
    }
}
