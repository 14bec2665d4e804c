package dev.licensing.store.sqlite;

import dev.licensing.api.store.OrderWrite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link CrashTest}: writes batches of orders through the SPI until it is killed, printing the
 * number of orders committed after each commit.
 */
public final class CrashWriter {
    static final int ITEMS = 2;
    static final int LICENSES = 3;
    static final int BATCH = 10;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        SqliteLicenseStore store = SqliteLicenseStore.open(Path.of(args[0]));
        for (int batch = 0; ; batch++) {
            int first = batch * BATCH;
            store.inTransaction(tx -> {
                List<OrderWrite> writes = new ArrayList<>();
                for (int i = first; i < first + BATCH; i++) {
                    writes.add(Fixtures.newOrder(tx, Fixtures.COMPANY, "o-" + i, ITEMS, LICENSES));
                }
                tx.write(writes);
                return null;
            });
            System.out.println(first + BATCH);
            System.out.flush();
        }
    }
}
