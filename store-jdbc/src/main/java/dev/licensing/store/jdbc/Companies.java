package dev.licensing.store.jdbc;

import org.jdbi.v3.core.Handle;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of companies, by name. Only committed ids are cached: a rolled-back transaction's company id may be handed to
 * another name later. A committed company is never deleted, so a cached id stays true for every instance on the file.
 */
public final class Companies {
    static final String FIND = "SELECT id FROM companies WHERE name = ?";

    private final Map<String, Long> committed = new ConcurrentHashMap<>();

    /** The company's id as {@code handle} sees it, caching what is committed. */
    public Optional<Long> find(Handle handle, String name) {
        Long cached = committed.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> found = handle.createQuery(FIND).bind(0, name).mapTo(Long.class).findOne();
        found.ifPresent(id -> committed.put(name, id));
        return found;
    }

    /** Ids that a transaction created, now committed. */
    public void committed(Map<String, Long> created) {
        committed.putAll(created);
    }
}
