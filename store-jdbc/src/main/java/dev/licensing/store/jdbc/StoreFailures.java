package dev.licensing.store.jdbc;

import dev.licensing.api.store.StoreException;

/** Turns a driver's failure into the {@link StoreException} a store throws, naming the store and the action. */
public interface StoreFailures {
    StoreException storeFailed(String action, Throwable failure);
}
