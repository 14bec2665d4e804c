package dev.licensing.testkit;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.LifecycleWrite;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A transaction that hands every call to another: the kit's wrappers ({@link FaultInjectingStore},
 * {@link StaleReadsStore}) override only the calls they change.
 */
abstract class ForwardingTransaction implements StoreTransaction {
    protected final StoreTransaction transaction;

    ForwardingTransaction(StoreTransaction transaction) {
        this.transaction = transaction;
    }

    @Override
    public void write(List<OrderWrite> writes) {
        transaction.write(writes);
    }

    @Override
    public long reserveIds(int count) {
        return transaction.reserveIds(count);
    }

    @Override
    public Optional<Order> findOrder(String company, String orderId) {
        return transaction.findOrder(company, orderId);
    }

    @Override
    public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
        return transaction.findOrderHeaders(company, orderIds);
    }

    @Override
    public Set<String> existingKeys(String company, Collection<String> keys) {
        return transaction.existingKeys(company, keys);
    }

    @Override
    public Map<String, User> findUsers(String company, Collection<String> emails) {
        return transaction.findUsers(company, emails);
    }

    @Override
    public Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails) {
        return transaction.findCustomersByEmail(company, emails);
    }

    @Override
    public Map<String, Customer> findCustomersByReference(String company, Collection<String> references) {
        return transaction.findCustomersByReference(company, references);
    }

    @Override
    public Optional<License> findLicenseByKey(String company, String key) {
        return transaction.findLicenseByKey(company, key);
    }

    @Override
    public List<License> findUserLicenses(String company, String email, String productCode) {
        return transaction.findUserLicenses(company, email, productCode);
    }

    @Override
    public LifecycleState lifecycleState(String company, long licenseId) {
        return transaction.lifecycleState(company, licenseId);
    }

    @Override
    public Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId) {
        return transaction.findRequest(company, licenseId, requestId);
    }

    @Override
    public List<LicenseEvent> licenseEvents(String company, long licenseId) {
        return transaction.licenseEvents(company, licenseId);
    }

    @Override
    public void lockLicense(String company, long licenseId) {
        transaction.lockLicense(company, licenseId);
    }

    @Override
    public void writeLifecycle(LifecycleWrite write) {
        transaction.writeLifecycle(write);
    }

    @Override
    public void writeVip(VipWrite write) {
        transaction.writeVip(write);
    }

    @Override
    public Optional<LocalDate> vipCoterm(String company, String customerId) {
        return transaction.vipCoterm(company, customerId);
    }

    @Override
    public Optional<VipOrder> findVipOrder(String company, String orderId) {
        return transaction.findVipOrder(company, orderId);
    }

    @Override
    public List<VipOrder> vipOrders(String company, String customerId) {
        return transaction.vipOrders(company, customerId);
    }

    @Override
    public Optional<VipSubscription> findVipSubscription(String company, String subscriptionId) {
        return transaction.findVipSubscription(company, subscriptionId);
    }

    @Override
    public List<VipSubscription> vipSubscriptions(String company, String customerId) {
        return transaction.vipSubscriptions(company, customerId);
    }

    @Override
    public Optional<VipReplay> findVipReplay(String company, String correlationId) {
        return transaction.findVipReplay(company, correlationId);
    }

    @Override
    public Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key) {
        return transaction.findIdempotencyKey(company, key);
    }

    @Override
    public boolean keepIdempotencyKey(String company, KeptIdempotencyKey kept, Instant expiredBefore) {
        return transaction.keepIdempotencyKey(company, kept, expiredBefore);
    }
}
