package dev.licensing.store.memory;

import dev.licensing.api.model.Order;
import dev.licensing.api.store.OrderWrite;
import dev.licensing.api.store.StoreException;
import dev.licensing.api.store.StoreReader;
import dev.licensing.api.store.StoreTransaction;
import dev.licensing.testkit.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static dev.licensing.testkit.TestData.COMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the memory store adds to the SPI's contract: how it behaves where the contract leaves it a choice. */
class MemoryLicenseStoreTest {
    private final MemoryLicenseStore store = new MemoryLicenseStore();
    private final LongSupplier ids = new AtomicLong(1_000)::incrementAndGet;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReadOnTheThreadOfARunningTransactionSeesCommittedDataWithoutWaiting() {
        OrderWrite write = TestData.keyedOrder(ids, COMPANY, "m-1", "M-1");

        Optional<Order> seen = store.inTransaction(tx -> {
            tx.write(List.of(write));
            return store.read(reader -> reader.findOrder(COMPANY, "m-1"));
        });

        Optional<Order> afterCommit = store.read(reader -> reader.findOrder(COMPANY, "m-1"));
        assertThat(seen).isEmpty();
        assertThat(afterCommit).contains(write.order());
    }

    @Test
    void aRollbackTakesBackTheIdsItReserved() {
        long first = store.inTransaction(tx -> tx.reserveIds(5));
        catchThrowable(() -> store.inTransaction(tx -> {
            tx.reserveIds(100);
            throw new IllegalStateException("roll back");
        }));

        long afterRollback = store.inTransaction(tx -> tx.reserveIds(1));
        assertThat(first).isEqualTo(1);
        assertThat(afterRollback).isEqualTo(6);
    }

    @Test
    void aTransactionDoesNotNest() {
        assertThatThrownBy(() -> store.inTransaction(tx -> store.inTransaction(inner -> inner.reserveIds(1))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("do not nest");
    }

    @Test
    void aTransactionCannotStartInsideARead() {
        assertThatThrownBy(() -> store.read(reader -> store.inTransaction(tx -> tx.reserveIds(1))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("inside a read");
    }

    @Test
    void aTransactionKeptPastItsWorkRefusesEveryCall() {
        StoreTransaction leaked = store.inTransaction(tx -> tx);

        assertThatThrownBy(() -> leaked.write(List.of(TestData.keyedOrder(ids, COMPANY, "m-2", "M-2"))))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> leaked.reserveIds(1)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> leaked.findOrder(COMPANY, "m-2")).isInstanceOf(StoreException.class);
    }

    @Test
    void aReaderKeptPastItsWorkRefusesEveryCall() {
        StoreReader leaked = store.read(reader -> reader);

        assertThatThrownBy(() -> leaked.existingKeys(COMPANY, List.of("M-3"))).isInstanceOf(StoreException.class);
    }

    @Test
    void aTransactionThatFindsTheStoreClosedWhenItsWorkReturnsFails() {
        OrderWrite write = TestData.keyedOrder(ids, COMPANY, "m-4", "M-4");
        MemoryLicenseStore closing = new MemoryLicenseStore();

        assertThatThrownBy(() -> closing.inTransaction(tx -> {
            tx.write(List.of(write));
            closing.close();
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }
}
