package dev.licensing.core.importing;

/**
 * How {@link dev.licensing.core.LicenseEngine#importOrders} runs.
 *
 * @param batchSize    how many lines go into one store transaction (at least 1); only one batch is held in memory
 * @param skipExisting count an order whose id existed in the store before the import started as skipped instead of
 *                     rejecting it, so that an import cut off half-way is finished by running it again. An id taken
 *                     earlier in the same import is still {@code order_id_exists}. An {@code append} line whose order
 *                     existed before the import is skipped too: nothing records which appends a cut-off run applied,
 *                     and skipping never applies one twice, at the price of losing an append whose order was
 *                     committed in an earlier batch than the append before the cut
 */
public record ImportOptions(int batchSize, boolean skipExisting) {
    public static final int DEFAULT_BATCH_SIZE = 1000;

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one line, got " + batchSize);
        }
    }

    /** Batches of {@value #DEFAULT_BATCH_SIZE}, existing ids rejected. */
    public static ImportOptions defaults() {
        return new ImportOptions(DEFAULT_BATCH_SIZE, false);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(size, skipExisting);
    }

    public ImportOptions withSkipExisting(boolean skip) {
        return new ImportOptions(batchSize, skip);
    }
}
