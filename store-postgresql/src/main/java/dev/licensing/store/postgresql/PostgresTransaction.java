package dev.licensing.store.postgresql;

import dev.licensing.store.jdbc.Companies;
import dev.licensing.store.jdbc.JdbcTransaction;
import dev.licensing.store.jdbc.ReaderQueries;
import dev.licensing.store.jdbc.StatementCache;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A write transaction on one pooled connection at READ COMMITTED, running beside other processes' transactions: the
 * unique indexes decide races, an append locks its order's row and a lifecycle operation its license's state row. Ids
 * come from {@link PostgresIds}, outside the transaction; the blocks it reserved are remembered so that a rollback can
 * give them back.
 */
final class PostgresTransaction extends JdbcTransaction {
    /**
     * A license has no state row until its first lifecycle write, and a row that does not exist cannot be locked: the
     * lock first inserts the initial state (what {@code LicenseState.initial} reads as), which a racing transaction's
     * insert waits for and then skips.
     */
    private static final String ENSURE_STATE = "INSERT INTO license_state (company_id, license_id, active, "
            + "transfer_count, last_activation_event, last_deactivation_event) VALUES (?, ?, 0, 0, 0, 0) "
            + "ON CONFLICT (company_id, license_id) DO NOTHING";
    private static final String LOCK_STATE =
            "SELECT license_id FROM license_state WHERE company_id = ? AND license_id = ? FOR UPDATE";

    private final PostgresIds ids;
    private final List<long[]> reserved = new ArrayList<>();

    PostgresTransaction(Handle handle, StatementCache statements, Companies companies, PostgresFailures failures,
                        ReaderQueries queries, PostgresIds ids) {
        super(handle, statements, companies, failures, queries, PostgresDialect.INSTANCE);
        this.ids = ids;
    }

    /**
     * Takes the license's state row lock ({@code SELECT ... FOR UPDATE}) until the transaction ends: a racing operation
     * on the same license waits here, then reads what this one committed, so that counts (activations, consumptions,
     * floating seats) are decided one at a time.
     */
    @Override
    public void lockLicense(String company, long licenseId) {
        checkActive();
        try {
            // A company that wrote nothing has no license to lock.
            Long companyId = companyId(company).orElse(null);
            if (companyId == null) {
                return;
            }
            PreparedStatement ensure = statements.prepare(ENSURE_STATE);
            ensure.setLong(1, companyId);
            ensure.setLong(2, licenseId);
            ensure.executeUpdate();
            PreparedStatement lock = statements.prepare(LOCK_STATE);
            lock.setLong(1, companyId);
            lock.setLong(2, licenseId);
            single(lock);
        } catch (SQLException e) {
            throw failures.storeFailed("locking license " + licenseId, e);
        }
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
