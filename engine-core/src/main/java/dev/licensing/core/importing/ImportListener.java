package dev.licensing.core.importing;

/**
 * Hears each line's outcome as its batch is settled, in line order. A batch's outcomes are heard, and then
 * {@link #flush} is called, BEFORE the batch commits: a generated password exists only in its order's result, so what
 * the listener keeps of it (a responses file) must be durable before the order is. An exception thrown here rolls back
 * the batch being committed and stops the import; the batches before it stay committed.
 */
@FunctionalInterface
public interface ImportListener {
    void onOutcome(ImportOutcome outcome);

    /**
     * Makes the outcomes heard so far durable (writes and flushes a file, say). Called before each commit and at the end
     * of each batch; throwing (a full disk) rolls back the batch being committed. Does nothing by default.
     */
    default void flush() {
    }

    /**
     * Asked before each line is read: {@code true} ends the import early (a signal, say) once the lines already read
     * are settled, so that nothing read is left half-done. {@code false} by default. Lines are read and decoded on a
     * thread of the import's own, up to a batch ahead of the one being settled, and this is asked there: an
     * implementation must be safe to call from that thread (read a volatile or atomic flag).
     */
    default boolean stopRequested() {
        return false;
    }
}
