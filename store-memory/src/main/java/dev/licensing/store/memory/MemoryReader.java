package dev.licensing.store.memory;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.User;
import dev.licensing.api.store.KeptIdempotencyKey;
import dev.licensing.api.store.LicenseEvent;
import dev.licensing.api.store.LifecycleState;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipStoreReader;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The SPI's batch reads over whatever layers {@code views} stacks for a company. Usable until {@link #end()}. */
final class MemoryReader implements StoreReader {
    private final Function<String, CompanyView> views;
    private final VipStoreReader vip;
    private final Lifecycles lifecycles;
    private boolean active = true;

    MemoryReader(Function<String, CompanyView> views, VipStoreReader vip, Lifecycles lifecycles) {
        this.views = views;
        this.vip = vip;
        this.lifecycles = lifecycles;
    }

    /** After this every read fails: a reader kept past its work would read data it holds no lock for. */
    void end() {
        active = false;
    }

    @Override
    public Optional<KeptIdempotencyKey> findIdempotencyKey(String company, String key) {
        return Optional.ofNullable(view(company).idempotencyKey(key));
    }

    @Override
    public Optional<Order> findOrder(String company, String orderId) {
        return view(company).order(orderId);
    }

    @Override
    public Map<String, Order> findOrderHeaders(String company, Collection<String> orderIds) {
        CompanyView view = view(company);
        Map<String, Order> found = new HashMap<>();
        for (String orderId : orderIds) {
            Order header = view.header(orderId);
            if (header != null) {
                found.put(orderId, header);
            }
        }
        return Map.copyOf(found);
    }

    @Override
    public Set<String> existingKeys(String company, Collection<String> keys) {
        CompanyView view = view(company);
        Set<String> found = new HashSet<>();
        for (String key : keys) {
            if (view.hasKey(key)) {
                found.add(key);
            }
        }
        return Set.copyOf(found);
    }

    @Override
    public Map<String, User> findUsers(String company, Collection<String> emails) {
        CompanyView view = view(company);
        return byEmail(emails, view::user);
    }

    @Override
    public Map<String, Customer> findCustomersByEmail(String company, Collection<String> emails) {
        CompanyView view = view(company);
        return byEmail(emails, view::customerByEmail);
    }

    @Override
    public Map<String, Customer> findCustomersByReference(String company, Collection<String> references) {
        CompanyView view = view(company);
        Map<String, Customer> found = new HashMap<>();
        for (String reference : references) {
            Customer customer = view.customerByReference(reference);
            if (customer != null) {
                found.put(reference, customer);
            }
        }
        return Map.copyOf(found);
    }

    @Override
    public Optional<License> findLicenseByKey(String company, String key) {
        return Optional.ofNullable(view(company).licenseByKey(key));
    }

    @Override
    public List<License> findUserLicenses(String company, String email, String productCode) {
        CompanyView view = view(company);
        User user = view.user(CompanyData.emailKey(email));
        if (user == null) {
            return List.of();
        }
        List<License> found = new ArrayList<>();
        for (License license : view.licensesOfUser(user.id())) {
            if (productCode.equals(license.productCode())) {
                found.add(license);
            }
        }
        found.sort(Comparator.comparingLong(License::id));
        return List.copyOf(found);
    }

    @Override
    public LifecycleState lifecycleState(String company, long licenseId) {
        checkActive();
        return lifecycles.state(licenseId);
    }

    @Override
    public Optional<LicenseEvent> findRequest(String company, long licenseId, String requestId) {
        checkActive();
        return lifecycles.request(licenseId, requestId);
    }

    @Override
    public List<LicenseEvent> licenseEvents(String company, long licenseId) {
        checkActive();
        return lifecycles.events(licenseId);
    }

    private static <T> Map<String, T> byEmail(Collection<String> emails, Function<String, T> lookup) {
        Map<String, T> found = new HashMap<>();
        for (String email : emails) {
            String key = CompanyData.emailKey(email);
            T value = lookup.apply(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return Map.copyOf(found);
    }

    @Override
    public Optional<LocalDate> vipCoterm(String company, String customerId) {
        return vip().vipCoterm(company, customerId);
    }

    @Override
    public Optional<VipOrder> findVipOrder(String company, String orderId) {
        return vip().findVipOrder(company, orderId);
    }

    @Override
    public List<VipOrder> vipOrders(String company, String customerId) {
        return vip().vipOrders(company, customerId);
    }

    @Override
    public Optional<VipSubscription> findVipSubscription(String company, String subscriptionId) {
        return vip().findVipSubscription(company, subscriptionId);
    }

    @Override
    public List<VipSubscription> vipSubscriptions(String company, String customerId) {
        return vip().vipSubscriptions(company, customerId);
    }

    @Override
    public Optional<VipReplay> findVipReplay(String company, String correlationId) {
        return vip().findVipReplay(company, correlationId);
    }

    private VipStoreReader vip() {
        if (!active) {
            throw new StoreException("a StoreReader must not be used after its work returned", null);
        }
        return vip;
    }

    private CompanyView view(String company) {
        checkActive();
        return views.apply(company);
    }

    private void checkActive() {
        if (!active) {
            throw new StoreException("a StoreReader must not be used after its work returned", null);
        }
    }
}
