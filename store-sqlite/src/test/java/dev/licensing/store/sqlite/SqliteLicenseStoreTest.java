package dev.licensing.store.sqlite;

import dev.licensing.api.model.Order;
import dev.licensing.api.store.LicenseStore;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.UniqueViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.licensing.store.sqlite.Fixtures.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteLicenseStoreTest {
    @TempDir
    Path dir;

    static Optional<Order> find(LicenseStore store, String company, String orderId) {
        return store.read(reader -> reader.findOrder(company, orderId));
    }

    @Test
    void anOrderRoundTripsEveryFieldAndSurvivesReopening() {
        Path file = dir.resolve("store.db");
        Order written;
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            written = store.inTransaction(tx -> {
                OrderWrite write = Fixtures.newOrder(tx, COMPANY, "o-1", 2, 3);
                tx.write(List.of(write));
                assertThat(tx.findOrder(COMPANY, "o-1")).contains(write.order());
                return write.order();
            });
            assertThat(find(store, COMPANY, "o-1")).contains(written);
        }
        try (SqliteLicenseStore store = SqliteLicenseStore.open(file)) {
            assertThat(find(store, COMPANY, "o-1")).contains(written);
            assertThat(find(store, "other", "o-1")).isEmpty();
        }
    }

    @Test
    void appendedItemsFollowTheStoredOnes() {
        try (SqliteLicenseStore store = SqliteLicenseStore.open(dir.resolve("store.db"))) {
            Order first = store.inTransaction(tx -> {
                OrderWrite write = Fixtures.newOrder(tx, COMPANY, "o-1", 1, 1);
                tx.write(List.of(write));
                return write.order();
            });
            Order appended = store.inTransaction(tx -> {
                Order header = tx.findOrderHeaders(COMPANY, List.of("o-1")).get("o-1");
                OrderWrite a = Fixtures.append(tx, header, "a1", 2);
                OrderWrite b = Fixtures.append(tx, header, "a2", 1);
                tx.write(List.of(a, b));
                return first.withItems(List.of(first.items().get(0), a.order().items().get(0),
                        b.order().items().get(0)));
            });
            assertThat(find(store, COMPANY, "o-1")).contains(appended);
        }
    }

    @Test
    void aTakenKeyIsNamedAndNothingOfTheWriteRemains() {
        try (SqliteLicenseStore store = SqliteLicenseStore.open(dir.resolve("store.db"))) {
            store.inTransaction(tx -> {
                tx.write(List.of(Fixtures.newOrder(tx, COMPANY, "o-1", 1, 1)));
                return null;
            });
            // o-2's item is keyed "o-1-0-0" too, so its license key clashes with o-1's.
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                OrderWrite clash = Fixtures.newOrder(tx, COMPANY, "o-2", 1, 1);
                Order renamed = clash.order();
                OrderWrite other = Fixtures.newOrder(tx, COMPANY, "o-1", 1, 1);
                tx.write(List.of(new OrderWrite(new Order(renamed.id(), COMPANY, "o-2", false, renamed.createdAt(),
                        null, null, null, null, null, null, null, null, null, null, false, null,
                        other.order().items()), false, null, List.of())));
                return null;
            })).isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                assertThat(e.kind()).isEqualTo(UniqueViolationException.Kind.LICENSE_KEY);
                assertThat(e.value()).isEqualTo("o-1-0-0");
            });
            assertThat(find(store, COMPANY, "o-2")).isEmpty();
        }
    }
}
