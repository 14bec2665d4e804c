package dev.licensing.api.store;

import dev.licensing.api.vip.VipOrder;
import dev.licensing.api.vip.VipSubscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The VIP Marketplace dialect's reads: its dynamic state, per company. Part of {@link StoreReader}. */
public interface VipStoreReader {

    /** The customer's coterm date once an order set it (the catalog's is only its first value). */
    Optional<LocalDate> vipCoterm(String company, String customerId);

    /** The order with that id in the company, whichever customer it belongs to. */
    Optional<VipOrder> findVipOrder(String company, String orderId);

    /** The customer's orders, in the order they were first written. */
    List<VipOrder> vipOrders(String company, String customerId);

    /** The subscription with that id in the company, whichever customer it belongs to. */
    Optional<VipSubscription> findVipSubscription(String company, String subscriptionId);

    /** The customer's subscriptions, in the order they were first written. */
    List<VipSubscription> vipSubscriptions(String company, String customerId);

    /** The kept answer for a correlation id in the company, however old. */
    Optional<VipReplay> findVipReplay(String company, String correlationId);
}
