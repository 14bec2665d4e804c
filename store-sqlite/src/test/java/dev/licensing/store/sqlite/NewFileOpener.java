package dev.licensing.store.sqlite;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process of {@link OpeningFilesTest}: opens the store on a file that may not exist yet, as one of several
 * processes started together, and writes one order.
 */
public final class NewFileOpener {
    private NewFileOpener() {
    }

    public static void main(String[] args) {
        try (SqliteLicenseStore store = SqliteLicenseStore.open(Path.of(args[0]))) {
            store.inTransaction(tx -> {
                tx.write(List.of(Fixtures.newOrder(tx, Fixtures.COMPANY, args[1], 1, 1)));
                return null;
            });
        }
    }
}
