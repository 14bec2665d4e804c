package dev.licensing.core.internal.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.licensing.api.store.LicenseStore;

import java.time.Duration;
import java.util.Optional;

/**
 * Catalog reads for planning, from a Caffeine cache in front of the store: one index per company. An entry expires
 * after a few seconds because another process on the same store may replace the catalog; this engine's own
 * {@code replaceCatalog} invalidates at once.
 */
public final class CatalogCache {
    private final LoadingCache<String, Optional<CatalogIndex>> indexes;

    public CatalogCache(LicenseStore store, Duration expiry) {
        this.indexes = Caffeine.newBuilder()
                .expireAfterWrite(expiry)
                .build(company -> store.catalog(company).map(CatalogIndex::of));
    }

    /** The company's catalog index, or empty when the company has none. */
    public Optional<CatalogIndex> get(String company) {
        return indexes.get(company);
    }

    public void invalidate(String company) {
        indexes.invalidate(company);
    }
}
