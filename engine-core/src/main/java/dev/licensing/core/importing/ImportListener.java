package dev.licensing.core.importing;

/**
 * Hears each line's outcome as its batch is settled: in line order, a batch's created orders once it committed. An
 * exception thrown here stops the import; the batches before it stay committed.
 */
@FunctionalInterface
public interface ImportListener {
    void onOutcome(ImportOutcome outcome);
}
