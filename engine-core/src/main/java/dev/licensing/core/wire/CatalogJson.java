package dev.licensing.core.wire;

import dev.licensing.api.catalog.Catalog;
import dev.licensing.core.internal.wire.CatalogFileReader;

/**
 * Reads the catalog file (DESIGN §4 "Catalog file"). Checks its structure only, reporting every violation; whether a
 * policy's product, a default policy or a bundle's members exist is the engine's catalog validation. Thread-safe.
 */
public final class CatalogJson {
    private final CatalogFileReader reader = new CatalogFileReader();

    /** A reader of catalog files; one serves any number of reads. */
    public CatalogJson() {
    }

    /**
     * @throws InvalidCatalogException with every violation, each {@code invalid_catalog} at its path
     *                                 ({@code products[0].authorization_method})
     */
    public Catalog read(String json) {
        return reader.read(json);
    }
}
