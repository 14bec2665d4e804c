package dev.licensing.api.store;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reads the engine needs. Each lookup takes a whole batch of values so that bulk import asks once per batch, not
 * once per order. Inside a {@link StoreTransaction} reads see the transaction's own writes.
 */
public interface StoreReader extends VipStoreReader {

    /** The whole order (header, every item and license in write order), or empty. */
    Optional<Order> findOrder(String company, String orderId);

    /**
     * The headers (items left empty) of those of {@code orderIds} that exist in the company, keyed by the caller's order
     * id. Ids that do not exist are absent from the map.
     */
    Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds);

    /** Those of {@code keys} that some license of the company already has (exact, case-sensitive match). */
    Set<String> existingKeys(String company, Collection<String> keys);

    /**
     * The form under which an email names one user, or one customer, of a company: lower case in {@code Locale.ROOT}
     * (which SQL's ASCII-only {@code lower()} is not). The engine and every store compare and key emails by it.
     */
    static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /**
     * The company's users whose email equals one of {@code emails} ignoring case, keyed by {@link #emailKey}.
     */
    Map<String, User> findUsers(String company, Collection<String> emails);

    /** The company's customers whose email equals one of {@code emails} ignoring case, keyed by {@link #emailKey}. */
    Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails);

    /**
     * The company's customers whose reference equals one of {@code references} exactly, keyed by reference; when several
     * customers share a reference, the one created first.
     */
    Map<String, Customer> findCustomersByReference(String company, Collection<String> references);
}
