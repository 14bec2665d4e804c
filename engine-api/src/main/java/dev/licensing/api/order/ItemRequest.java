package dev.licensing.api.order;

import java.util.List;

/**
 * One item: a product and the licenses ordered for it. In a bundle order {@code productCode} names the bundle product,
 * and {@code key} or {@code users} authorize the bundle license.
 *
 * @param licensePolicy the page's item-level {@code license_policy}: the policy code for those of the item's licenses
 *                      that name none
 * @param note          applies to each license of the item that has no note of its own
 */
public record ItemRequest(
        String productCode,
        String key,
        List<UserRequest> users,
        Boolean active,
        String subscriptionId,
        String licensePolicy,
        Long customerAccountId,
        String note,
        List<LicenseRequest> licenses) {

    public ItemRequest {
        users = users == null ? null : List.copyOf(users);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    /** An item with a product code and its licenses, nothing else. */
    public static ItemRequest of(String productCode, List<LicenseRequest> licenses) {
        return new ItemRequest(productCode, null, null, null, null, null, null, null, licenses);
    }
}
