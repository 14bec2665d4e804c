package dev.licensing.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** The import's live bar on a terminal: lines done of the file's, lines/s and ETA. */
final class TerminalBar implements ImportProgress {
    private final ProgressBar bar;

    TerminalBar(long totalLines) {
        // The bar redraws itself on its own thread, so a step only moves a counter.
        this.bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(totalLines)
                .setUnit(" lines", 1).showSpeed().setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void at(long line) {
        bar.stepTo(line);
    }

    @Override
    public void close() {
        bar.close();
    }
}
