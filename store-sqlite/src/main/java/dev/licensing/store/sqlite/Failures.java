package dev.licensing.store.sqlite;

import dev.licensing.api.store.StoreException;
import dev.licensing.store.jdbc.StoreFailures;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's failures into {@link StoreException}s that name the file and say what went wrong in plain words. */
final class Failures implements StoreFailures {
    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;

    Failures(Path file) {
        this.file = file;
    }

    @Override
    public StoreException storeFailed(String action, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String detail = sql == null ? String.valueOf(failure.getMessage()) : describe(sql);
        return new StoreException("SQLite store " + file + ": " + action + " failed: " + detail, failure);
    }

    StoreException cannotOpen(Throwable failure) {
        SQLException sql = sqlCause(failure);
        String detail = sql == null ? String.valueOf(failure.getMessage()) : describe(sql);
        return new StoreException("cannot open SQLite store " + file + ": " + detail, failure);
    }

    StoreException invalid(String why) {
        return new StoreException("cannot open SQLite store " + file + ": " + why, null);
    }

    private static String describe(SQLException e) {
        return switch (primaryCode(e)) {
            case SQLITE_NOTADB -> "the file is not a SQLite database";
            case SQLITE_CORRUPT -> "the database file is corrupt (" + e.getMessage() + ")";
            case SQLITE_READONLY -> "the database file is read-only (" + e.getMessage() + ")";
            case SQLITE_CANTOPEN -> "the file cannot be opened: check that its directory exists and is writable ("
                    + e.getMessage() + ")";
            case SQLITE_BUSY, SQLITE_LOCKED -> "timed out waiting for a lock held by another connection or process ("
                    + e.getMessage() + ")";
            case SQLITE_FULL -> "the disk is full (" + e.getMessage() + ")";
            case SQLITE_IOERR -> "an I/O error (" + e.getMessage() + ")";
            default -> e.getMessage();
        };
    }

    static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
