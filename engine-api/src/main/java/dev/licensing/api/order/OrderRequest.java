package dev.licensing.api.order;

import java.util.List;
import java.util.Objects;

/**
 * A LicenseSpring Create Order request (plain or bundle). Optional fields are {@code null} when absent; values are kept
 * as given (dates as their exact strings). {@code id} is the caller's order id, unique within a company.
 *
 * @param metadata               the order's metadata: a string that holds a serialized JSON object
 * @param customerAccountId      the order-level {@code customer_account_id} of the page's parameter list
 * @param reference              an order-level reference, as the bundle examples carry
 * @param includeMetadataString  accepted as the page's type lists it; it changes nothing the engine returns
 */
public record OrderRequest(
        String id,
        boolean bundle,
        boolean append,
        Boolean isTest,
        String created,
        String orderType,
        String language,
        String campaignParams,
        String downloadId,
        Boolean preventVm,
        String metadata,
        Boolean includeMetadataString,
        Boolean addToCustomerAccount,
        Long customerAccountId,
        CustomerRequest customer,
        String reference,
        List<ItemRequest> items) {

    public OrderRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A minimal plain order: an id and its items. */
    public static OrderRequest of(String id, List<ItemRequest> items) {
        Objects.requireNonNull(id, "id");
        return new OrderRequest(id, false, false, null, null, null, null, null, null, null, null, null, null, null,
                null, null, items);
    }
}
