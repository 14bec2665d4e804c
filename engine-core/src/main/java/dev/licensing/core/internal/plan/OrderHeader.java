package dev.licensing.core.internal.plan;

import dev.licensing.api.order.CustomerRequest;
import dev.licensing.api.order.OrderRequest;

import java.time.Instant;

/**
 * The order's own fields as planning resolved them: everything its stored header needs that the store does not decide
 * (the engine id, the matched customer and, through it, the account).
 *
 * @param created              the request's {@code created} as given, or {@code null}
 * @param createdAt            the instant {@code created} names, else the clock's now
 * @param customer             the request's customer, or {@code null}
 * @param customerIsManager    whether that customer manages the order's licenses
 * @param customerAccountId    the order's own {@code customer_account_id}, or {@code null}
 * @param addToCustomerAccount whether a matched customer's account becomes the order's ({@code null}: yes)
 */
public record OrderHeader(String orderId, boolean bundle, boolean append, String created, Instant createdAt,
                          Boolean isTest, String orderType, String language, String campaignParams, String downloadId,
                          Boolean preventVm, String metadata, String reference, CustomerRequest customer,
                          boolean customerIsManager, Long customerAccountId, Boolean addToCustomerAccount) {

    static OrderHeader of(OrderRequest request, Instant createdAt) {
        CustomerRequest customer = request.customer();
        return new OrderHeader(request.id(), request.bundle(), request.append(), request.created(), createdAt,
                request.isTest(), request.orderType(), request.language(), request.campaignParams(),
                request.downloadId(), request.preventVm(), request.metadata(), request.reference(), customer,
                customer != null && Boolean.TRUE.equals(customer.isManager()), request.customerAccountId(),
                request.addToCustomerAccount());
    }
}
