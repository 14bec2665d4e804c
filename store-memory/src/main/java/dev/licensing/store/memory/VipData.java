package dev.licensing.store.memory;

import dev.licensing.api.store.VipReplay;
import dev.licensing.api.store.VipStoreReader;
import dev.licensing.api.store.VipWrite;
import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One company's VIP Marketplace state: what is committed, or what a transaction writes on top of it. A record written
 * again replaces the older one in place, so lists keep the order of first writes. Not thread-safe, as
 * {@link CompanyData}.
 */
final class VipData {
    private final Map<String, LocalDate> coterms = new HashMap<>();
    private final Map<String, VipOrder> orders = new LinkedHashMap<>();
    private final Map<String, VipSubscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, VipReplay> replays = new HashMap<>();

    void add(VipWrite write) {
        if (write.coterm() != null) {
            coterms.put(write.customerId(), write.coterm());
        }
        write.orders().forEach(order -> orders.put(order.orderId(), order));
        write.subscriptions().forEach(subscription -> subscriptions.put(subscription.subscriptionId(), subscription));
        if (write.replay() != null) {
            replays.put(write.replay().correlationId(), write.replay());
        }
    }

    /** Takes over everything of {@code newer}, a layer written after this one. */
    void absorb(VipData newer) {
        coterms.putAll(newer.coterms);
        orders.putAll(newer.orders);
        subscriptions.putAll(newer.subscriptions);
        replays.putAll(newer.replays);
    }

    /** The reads over a committed layer and, in a transaction, its pending one (either may be absent). */
    static VipStoreReader reader(Function<String, VipData> committed, Function<String, VipData> pending) {
        return new Layers(committed, pending);
    }

    private record Layers(Function<String, VipData> committed, Function<String, VipData> pending)
            implements VipStoreReader {

        @Override
        public Optional<LocalDate> vipCoterm(String company, String customerId) {
            return find(company, data -> data.coterms.get(customerId));
        }

        @Override
        public Optional<VipOrder> findVipOrder(String company, String orderId) {
            return find(company, data -> data.orders.get(orderId));
        }

        @Override
        public List<VipOrder> vipOrders(String company, String customerId) {
            return merged(company, data -> data.orders).stream()
                    .filter(order -> order.customerId().equals(customerId)).toList();
        }

        @Override
        public Optional<VipSubscription> findVipSubscription(String company, String subscriptionId) {
            return find(company, data -> data.subscriptions.get(subscriptionId));
        }

        @Override
        public List<VipSubscription> vipSubscriptions(String company, String customerId) {
            return merged(company, data -> data.subscriptions).stream()
                    .filter(subscription -> subscription.customerId().equals(customerId)).toList();
        }

        @Override
        public Optional<VipReplay> findVipReplay(String company, String correlationId) {
            return find(company, data -> data.replays.get(correlationId));
        }

        private <T> Optional<T> find(String company, Function<VipData, T> lookup) {
            for (VipData data : layers(company)) {
                T found = lookup.apply(data);
                if (found != null) {
                    return Optional.of(found);
                }
            }
            return Optional.empty();
        }

        /** The committed records in their order, each replaced by its pending version, then the pending-only ones. */
        private <T> List<T> merged(String company, Function<VipData, Map<String, T>> records) {
            Map<String, T> all = new LinkedHashMap<>();
            List<VipData> layers = layers(company);
            for (int i = layers.size() - 1; i >= 0; i--) {
                all.putAll(records.apply(layers.get(i)));
            }
            return new ArrayList<>(all.values());
        }

        /** Newest first. */
        private List<VipData> layers(String company) {
            List<VipData> layers = new ArrayList<>(2);
            VipData newer = pending.apply(company);
            if (newer != null) {
                layers.add(newer);
            }
            VipData older = committed.apply(company);
            if (older != null) {
                layers.add(older);
            }
            return layers;
        }
    }
}
