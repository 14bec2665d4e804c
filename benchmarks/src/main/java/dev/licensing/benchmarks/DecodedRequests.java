package dev.licensing.benchmarks;

import dev.licensing.api.order.OrderRequest;
import dev.licensing.core.wire.DecodedOrder;
import dev.licensing.core.wire.LicenseSpringJson;

import java.util.ArrayDeque;

/**
 * Generated requests, decoded ahead of the measured code: the creation benchmarks measure "create an order from a
 * request", not JSON. A benchmark tops the queue up in an invocation-level setup and takes from it while measured, so
 * that the queue stays small however many orders an iteration writes, and no order is ever written twice.
 *
 * <p>Not thread-safe.
 */
final class DecodedRequests {

    private final OrderGenerator generator;
    private final LicenseSpringJson json = new LicenseSpringJson(false);
    private final ArrayDeque<OrderRequest> queue = new ArrayDeque<>();

    DecodedRequests(GeneratorOptions options) {
        this.generator = new OrderGenerator(options);
    }

    GeneratedCatalog catalog() {
        return generator.catalog();
    }

    /** Generates and decodes requests until {@code count} are waiting. */
    void topUp(int count) {
        while (queue.size() < count) {
            DecodedOrder decoded = json.readOrder(generator.nextLine());
            if (!decoded.errors().isEmpty()) {
                throw new IllegalStateException("the generator wrote a bad line: " + decoded.errors());
            }
            queue.add(decoded.request());
        }
    }

    /** The next request; {@link #topUp} must have made it. */
    OrderRequest next() {
        OrderRequest request = queue.poll();
        if (request == null) {
            throw new IllegalStateException("no request waiting: top the queue up first");
        }
        return request;
    }
}
