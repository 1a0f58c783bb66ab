package dev.talkbook.core.share;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The share server's timer (idle timeouts, the streams' keep-alive comments) on one daemon thread:
 * Jetty's {@code ScheduledExecutorScheduler}, except that stopping waits for the thread to end.
 * Jetty's own only asks its thread to stop, so a share that had stopped could still have its timer
 * running for a moment (on a busy machine, long enough to be seen after {@code stop} returned).
 */
final class ShareTimer extends AbstractLifeCycle implements Scheduler {
  /** How long stopping waits for a task that is running to finish. */
  private static final long STOP_WAIT_MS = 1000;

  private final String name;
  private volatile ScheduledThreadPoolExecutor executor;

  ShareTimer(String name) {
    this.name = name;
  }

  @Override
  protected void doStart() throws Exception {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    executor = e;
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    ScheduledThreadPoolExecutor e = executor;
    executor = null;
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    super.doStop();
  }

  /** Runs {@code task} once after {@code delay}; a stopped timer runs nothing, as Jetty's. */
  @Override
  public Task schedule(Runnable task, long delay, TimeUnit unit) {
    ScheduledThreadPoolExecutor e = executor;
    if (e == null) {
      return () -> false;
    }
    ScheduledFuture<?> future = e.schedule(task, delay, unit);
    return () -> future.cancel(false);
  }
}
