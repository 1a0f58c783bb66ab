package dev.talkbook.core.site;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * An export in a thread of its own that waits where it first calls {@link #pause} (its first file
 * written, its first talk done) until {@link #letGo}: for what a second export into its folder
 * meets meanwhile.
 */
final class HeldExport<R> {
  private final CountDownLatch writing = new CountDownLatch(1);
  private final CountDownLatch goOn = new CountDownLatch(1);
  private FutureTask<R> running;

  /**
   * A site export of all of {@code notebook} into {@code folder}, started in a thread named {@code
   * thread}, that waits at its first file written.
   */
  static HeldExport<SiteExporter.Result> site(
      dev.talkbook.core.store.Notebook notebook, java.nio.file.Path folder, String thread) {
    SiteExporter first = new SiteExporter(new dev.talkbook.core.markdown.MarkdownRenderer());
    HeldExport<SiteExporter.Result> held = new HeldExport<>();
    first.changed = path -> held.pause();
    held.start(
        () ->
            first.export(
                notebook,
                folder,
                SiteExporter.Options.all(),
                SiteExporter.Progress.NONE,
                () -> false),
        thread);
    return held;
  }

  /** Called by the export (a progress or file hook): the first call waits until let go. */
  void pause() {
    if (writing.getCount() > 0) {
      writing.countDown();
      try {
        goOn.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs {@code export} in a daemon thread named {@code thread}. */
  void start(Callable<R> export, String thread) {
    running = new FutureTask<>(export);
    Thread t = new Thread(running, thread);
    t.setDaemon(true);
    t.start();
  }

  /** Whether the export came to its pause within a minute. */
  boolean writing() throws InterruptedException {
    return writing.await(60, TimeUnit.SECONDS);
  }

  /** Lets the export go on from its pause (or not pause at all). */
  void letGo() {
    goOn.countDown();
  }

  /** The export's result, once it finished (within a minute). */
  R result() throws Exception {
    return running.get(60, TimeUnit.SECONDS);
  }
}
