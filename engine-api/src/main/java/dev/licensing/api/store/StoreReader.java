package dev.licensing.api.store;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;

import java.util.Collection;
import java.util.List;
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
     * The company's users whose email has the same {@link dev.licensing.api.EmailKey} as one of {@code emails}, keyed
     * by that key.
     */
    Map<String, User> findUsers(String company, Collection<String> emails);

    /**
     * The company's customers whose email has the same {@link dev.licensing.api.EmailKey} as one of {@code emails},
     * keyed by that key.
     */
    Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails);

    /**
     * The company's customers whose reference equals one of {@code references} exactly, keyed by reference; when several
     * customers share a reference, the one created first.
     */
    Map<String, Customer> findCustomersByReference(String company, Collection<String> references);

    /** The company's license with exactly this key (with its users and features), or empty. */
    Optional<License> findLicenseByKey(String company, String key);

    /**
     * The company's licenses of product {@code productCode} that list the user whose email equals {@code email}
     * ignoring case (as {@link #findUsers} compares), lowest id first.
     */
    List<License> findUserLicenses(String company, String email, String productCode);

    /**
     * The license's lifecycle: its state ({@link LicenseState#initial} before any write), its active devices and its
     * consumption counters.
     */
    LifecycleState lifecycleState(String company, long licenseId);

    /** The license's consumption event applied under {@code requestId}, or empty. */
    Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId);

    /** The company's kept idempotency key {@code key} (exact match), however old, or empty. */
    Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key);

    /** The license's whole event log, oldest first: for audits and the conformance kit's ledger check. */
    List<LicenseEvent> licenseEvents(String company, long licenseId);
}
