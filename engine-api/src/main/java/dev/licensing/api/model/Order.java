package dev.licensing.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored order. {@code id} is the engine's own id (the response's {@code order_id}); {@code orderId} is the caller's
 * (the request's {@code id}), unique within {@code company}. Request fields are kept as given; {@code created} is the
 * request's string (or {@code null}), {@code createdAt} the instant it names (or the clock's now).
 *
 * <p>An order read back from a store lists its items in the order they were written; an order handed to a store for
 * {@code append} lists only the items to add.
 */
public record Order(
        long id,
        String company,
        String orderId,
        boolean bundle,
        Instant createdAt,
        String created,
        Boolean isTest,
        String orderType,
        String language,
        String campaignParams,
        String downloadId,
        Boolean preventVm,
        String metadata,
        String reference,
        Long customerId,
        boolean customerIsManager,
        Long customerAccountId,
        List<OrderItem> items) {

    public Order {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(createdAt, "createdAt");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The same order with other items (the header unchanged). */
    public Order withItems(List<OrderItem> newItems) {
        return new Order(id, company, orderId, bundle, createdAt, created, isTest, orderType, language, campaignParams,
                downloadId, preventVm, metadata, reference, customerId, customerIsManager, customerAccountId, newItems);
    }
}
