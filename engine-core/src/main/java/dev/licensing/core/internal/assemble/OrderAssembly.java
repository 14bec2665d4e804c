package dev.licensing.core.internal.assemble;

import dev.licensing.api.model.Customer;
import dev.licensing.api.model.License;
import dev.licensing.api.model.LicenseFeature;
import dev.licensing.api.model.LicenseUser;
import dev.licensing.api.model.NewPassword;
import dev.licensing.api.model.Order;
import dev.licensing.api.model.OrderItem;
import dev.licensing.api.model.OrderResult;
import dev.licensing.api.model.User;
import dev.licensing.api.order.UserRequest;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.core.internal.plan.LicenseRole;
import dev.licensing.core.internal.plan.OrderHeader;
import dev.licensing.core.internal.plan.PlannedItem;
import dev.licensing.core.internal.plan.PlannedLicense;
import dev.licensing.core.internal.plan.PlannedOrder;
import dev.licensing.core.internal.rules.Customers;
import dev.licensing.core.internal.rules.Emails;
import dev.licensing.core.internal.rules.FeatureResolver.ResolvedFeature;
import dev.licensing.core.internal.rules.Users.NewUser;
import dev.licensing.core.internal.settle.Settled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Record assembly: the stored records of one settled order, from its plan and what settlement decided. Pure: it reads
 * nothing and draws nothing; it only numbers the new records, in one fixed order (the order, its new customer, then
 * item by item the item, each license, its new users and its features), from the transaction's block of ids.
 */
public final class OrderAssembly {
    private final PlannedOrder planned;
    private final Settled settled;
    private final LongSupplier ids;
    private final Map<PlannedLicense, Long> licenseIds = new IdentityHashMap<>();
    private final Map<String, User> newUsers = new HashMap<>();
    private final List<User> created = new ArrayList<>();
    private final List<NewPassword> passwords = new ArrayList<>();

    private OrderAssembly(Settled settled, LongSupplier ids) {
        this.planned = settled.plan();
        this.settled = settled;
        this.ids = ids;
    }

    /** What the store writes for an accepted order, and the result its caller gets. */
    public record Assembled(OrderWrite write, OrderResult result) {
    }

    /** @param ids the transaction's fresh ids, taken in the fixed order the class comment gives */
    public static Assembled assemble(Settled settled, LongSupplier ids) {
        if (!settled.accepted()) {
            throw new IllegalArgumentException("only an accepted order is assembled");
        }
        return new OrderAssembly(settled, ids).assemble();
    }

    private Assembled assemble() {
        OrderWrite write = settled.appendTo() != null ? append(settled.appendTo()) : newOrder();
        return new Assembled(write, new OrderResult(write.order(), passwords, planned.warnings()));
    }

    private OrderWrite newOrder() {
        OrderHeader header = planned.header();
        long orderId = ids.getAsLong();
        Customer customer = settled.customer();
        Customer newCustomer = null;
        if (customer == null && header.customer() != null) {
            newCustomer = Customers.create(ids.getAsLong(), header.customer(), header.customerAccountId());
            customer = newCustomer;
        }
        Long account = Customers.orderAccount(header.customerAccountId(), header.addToCustomerAccount(), customer);
        List<OrderItem> items = items(account);
        Order order = new Order(orderId, planned.company(), header.orderId(), header.bundle(), header.createdAt(),
                header.created(), header.isTest(), header.orderType(), header.language(), header.campaignParams(),
                header.downloadId(), header.preventVm(), header.metadata(), header.reference(),
                customer == null ? null : customer.id(), header.customerIsManager(), account, items);
        return new OrderWrite(order, false, newCustomer, created, settled.customerChanged() ? customer : null);
    }

    private OrderWrite append(Order header) {
        return new OrderWrite(header.withItems(items(header.customerAccountId())), true, null, created);
    }

    private List<OrderItem> items(Long orderAccount) {
        List<OrderItem> items = new ArrayList<>(planned.items().size());
        for (PlannedItem item : planned.items()) {
            long itemId = ids.getAsLong();
            List<License> licenses = new ArrayList<>(item.licenses().size());
            for (PlannedLicense license : item.licenses()) {
                licenses.add(license(license));
            }
            Long account = item.customerAccountId() != null ? item.customerAccountId() : orderAccount;
            items.add(new OrderItem(itemId, item.product().id(), item.product().code(), account, licenses));
        }
        return items;
    }

    private License license(PlannedLicense planLicense) {
        Long bundleLicenseId = null;
        if (planLicense.role() == LicenseRole.SUB_LICENSE) {
            bundleLicenseId = licenseIds.get(planLicense.bundle());
            if (bundleLicenseId == null) {
                throw new IllegalStateException(planLicense.path() + ": a sub-license comes after its bundle license");
            }
        }
        long licenseId = ids.getAsLong();
        licenseIds.put(planLicense, licenseId);
        List<LicenseUser> users = new ArrayList<>(planLicense.users().size());
        for (UserRequest user : planLicense.users()) {
            users.add(new LicenseUser(user(user.email()).id(), user.email(), Boolean.TRUE.equals(user.isManager()),
                    user.maxActivations()));
        }
        List<LicenseFeature> features = new ArrayList<>(planLicense.features().size());
        for (ResolvedFeature feature : planLicense.features()) {
            features.add(new LicenseFeature(ids.getAsLong(), feature.feature().id(), feature.feature().code(),
                    feature.feature().name(), feature.properties()));
        }
        var policy = planLicense.policy();
        var createdAt = planned.header().createdAt();
        return new License(licenseId, planLicense.product().id(), planLicense.product().code(), createdAt, createdAt,
                settled.keys().get(planLicense), users,
                planLicense.role() == LicenseRole.BUNDLE, bundleLicenseId, policy == null ? null : policy.id(),
                policy == null ? null : policy.code(), planLicense.properties(), planLicense.note(),
                planLicense.metadata(), features, planLicense.customFields());
    }

    /** The company's user for {@code email}, or the new one settlement decided, numbered when first named. */
    private User user(String email) {
        String normalized = Emails.normalize(email);
        User existing = settled.users().get(normalized);
        if (existing != null) {
            return existing;
        }
        return newUsers.computeIfAbsent(normalized, key -> {
            NewUser newUser = settled.newUsers().get(key);
            User user = new User(ids.getAsLong(), newUser.email(), newUser.passwordHash());
            created.add(user);
            passwords.add(new NewPassword(newUser.email(), newUser.password()));
            return user;
        });
    }
}
