package io.natgrad.cli.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress: a progress bar on a terminal; plain, periodic ASCII lines otherwise (CI logs
 * stay readable — a bar without a terminal writes carriage returns and escape codes as one line).
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final PrintStream out;
  private final long total;
  private long lastLine;

  Progress(String task, long total, PrintStream out) {
    this.total = total;
    this.out = out;
    this.bar = System.console() != null
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" steps", 1).build()
        : null;
  }

  void update(long steps, double epRewMean, double fps) {
    if (bar != null) {
      bar.stepTo(Math.min(steps, total));
      bar.setExtraMessage(String.format(Locale.ROOT, " ep_rew_mean %.1f", epRewMean));
      return;
    }
    long now = System.nanoTime();
    if (steps >= total || now - lastLine > 2_000_000_000L || lastLine == 0) {
      lastLine = now;
      out.printf(Locale.ROOT, "steps %d/%d (%.0f%%)  ep_rew_mean %.2f  fps %.0f%n", steps, total,
          100.0 * Math.min(steps, total) / total, epRewMean, fps);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
