package dev.licensing.store.sqlite;

import dev.licensing.store.jdbc.Companies;
import dev.licensing.store.jdbc.JdbcTransaction;
import dev.licensing.store.jdbc.ReaderQueries;
import dev.licensing.store.jdbc.StatementCache;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A write transaction on the writer connection, between the store's BEGIN IMMEDIATE and its COMMIT or ROLLBACK. It
 * holds SQLite's write lock throughout, so the id counter is updated in the transaction itself: a rollback gives its
 * block back, and blocks grow in commit order.
 */
final class SqliteTransaction extends JdbcTransaction {
    private static final String RESERVE_IDS = "UPDATE id_sequence SET next_id = next_id + ? RETURNING next_id - ?";
    private static final String NEXT_ID = "SELECT next_id FROM id_sequence";

    SqliteTransaction(Handle handle, StatementCache statements, Companies companies, Failures failures,
                      ReaderQueries queries) {
        super(handle, statements, companies, failures, queries, SqliteDialect.INSTANCE);
    }

    /** Nothing to lock: BEGIN IMMEDIATE already made this the only writer of the file. */
    @Override
    public void lockLicense(String company, long licenseId) {
        checkActive();
    }

    @Override
    protected long reserve(int count) throws SQLException {
        if (count == 0) {
            return single(statements.prepare(NEXT_ID));
        }
        PreparedStatement reserve = statements.prepare(RESERVE_IDS);
        reserve.setLong(1, count);
        reserve.setLong(2, count);
        return single(reserve);
    }
}
