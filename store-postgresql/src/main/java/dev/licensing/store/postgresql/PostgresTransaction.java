package dev.licensing.store.postgresql;

import dev.licensing.store.jdbc.Companies;
import dev.licensing.store.jdbc.JdbcTransaction;
import dev.licensing.store.jdbc.ReaderQueries;
import dev.licensing.store.jdbc.StatementCache;
import org.jdbi.v3.core.Handle;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A write transaction on one pooled connection at READ COMMITTED, running beside other processes' transactions: the
 * unique indexes decide races, and an append locks its order's row. Ids come from {@link PostgresIds}, outside the
 * transaction; the blocks it reserved are remembered so that a rollback can give them back.
 */
final class PostgresTransaction extends JdbcTransaction {
    private final PostgresIds ids;
    private final List<long[]> reserved = new ArrayList<>();

    PostgresTransaction(Handle handle, StatementCache statements, Companies companies, PostgresFailures failures,
                        ReaderQueries queries, PostgresIds ids) {
        super(handle, statements, companies, failures, queries, PostgresDialect.INSTANCE);
        this.ids = ids;
    }

    @Override
    protected long reserve(int count) throws SQLException {
        long first = ids.reserve(count);
        if (count > 0) {
            reserved.add(new long[] {first, first + count});
        }
        return first;
    }

    /** After a rollback: gives back this transaction's blocks, latest first, while each is still the last one. */
    void giveBackIds(Throwable cause) {
        try {
            for (int i = reserved.size() - 1; i >= 0; i--) {
                if (!ids.giveBack(reserved.get(i)[0], reserved.get(i)[1])) {
                    return;
                }
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
