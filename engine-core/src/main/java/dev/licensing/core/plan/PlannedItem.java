package dev.licensing.core.plan;

import dev.licensing.api.catalog.Product;

import java.util.List;

/**
 * One item of a planned order. An item plans into one or more licenses (a bundle item will plan into its bundle license
 * and its sub-licenses).
 *
 * @param customerAccountId the item's own {@code customer_account_id}, or {@code null}
 */
public record PlannedItem(String path, Product product, Long customerAccountId, List<PlannedLicense> licenses) {
    public PlannedItem {
        licenses = List.copyOf(licenses);
    }
}
