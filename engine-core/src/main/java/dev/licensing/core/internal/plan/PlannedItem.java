package dev.licensing.core.internal.plan;

import dev.licensing.api.catalog.Product;
import dev.licensing.core.internal.errors.FieldPath;

import java.util.List;

/**
 * One item of a planned order: its licenses in request order; a bundle order's item plans into its bundle license
 * followed by its sub-licenses.
 *
 * @param customerAccountId the item's own {@code customer_account_id}, or {@code null}
 */
public record PlannedItem(FieldPath path, Product product, Long customerAccountId, List<PlannedLicense> licenses) {
    public PlannedItem {
        licenses = List.copyOf(licenses);
    }
}
