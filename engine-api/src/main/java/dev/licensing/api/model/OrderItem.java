package dev.licensing.api.model;

import java.util.List;

/**
 * One item of an order: a product and its licenses, in request order. In a bundle order the list holds the bundle
 * license first and then its sub-licenses.
 */
public record OrderItem(long id, long productId, String productCode, Long customerAccountId, List<License> licenses) {
    public OrderItem {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }
}
