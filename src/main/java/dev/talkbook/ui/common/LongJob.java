package dev.talkbook.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of one long export or import running off the FX thread: progress (0..1, or -1 while it
 * is unknown), a status line, running or not, the result, and a way to cancel. A view binds to it;
 * it holds no control, so it is tested without a window. Updates arrive through {@code fx}
 * (Platform::runLater in the app).
 *
 * @param <R> what the job gives when it is done
 */
public final class LongJob<R> {
  /** What the work can tell the job while it runs. */
  public interface Feedback {
    void progress(int done, int total, String what);

    boolean cancelled();
  }

  private final Executor worker;
  private final Executor fx;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
  private final AtomicBoolean cancel = new AtomicBoolean();
  private final AtomicBoolean progressQueued = new AtomicBoolean();
  private volatile double latestProgress;
  private volatile String latestStatus = "";

  /** What the status line says instead of the progress until the run ends (FX thread; or null). */
  private String note;

  /**
   * A worker that runs each job on a fresh daemon thread of its own, so a long export never holds
   * up the notebook thread (autosave goes on meanwhile).
   */
  public static Executor ownThread(String name) {
    return work -> {
      Thread t = new Thread(work, name);
      t.setDaemon(true);
      t.start();
    };
  }

  public LongJob(Executor worker, Executor fx) {
    this.worker = worker;
    this.fx = fx;
  }

  /**
   * Starts {@code work} on the worker; {@code done} turns its result into the status line. Call on
   * the FX thread; refused while a run is going on.
   */
  public void start(String starting, Function<Feedback, R> work, Function<R, String> done) {
    start(starting, work, done, cancelled -> "Cancelled.");
  }

  /**
   * The same; {@code cancelled} turns the work's {@link CancellationException} into the status line
   * when it stops on a cancel (what a cancelled export leaves behind, say), where the other form
   * says "Cancelled.".
   */
  public void start(
      String starting,
      Function<Feedback, R> work,
      Function<R, String> done,
      Function<CancellationException, String> cancelled) {
    if (running.get()) {
      throw new IllegalStateException("already running");
    }
    cancel.set(false);
    note = null;
    running.set(true);
    result.set(null);
    failure.set(null);
    progress.set(-1);
    status.set(starting);
    Feedback feedback =
        new Feedback() {
          @Override
          public void progress(int done, int total, String what) {
            latestProgress = total <= 0 ? -1 : (double) done / total;
            latestStatus = total <= 0 ? what : done + " of " + total + ": " + what;
            // At most one update queued on the FX thread at a time, however fast the work goes.
            if (progressQueued.compareAndSet(false, true)) {
              fx.execute(
                  () -> {
                    progressQueued.set(false);
                    if (running.get()) {
                      progress.set(latestProgress);
                      status.set(note != null ? note : latestStatus);
                    }
                  });
            }
          }

          @Override
          public boolean cancelled() {
            return cancel.get();
          }
        };
    worker.execute(
        () -> {
          try {
            R r = work.apply(feedback);
            fx.execute(
                () -> {
                  running.set(false);
                  progress.set(1);
                  status.set(done.apply(r));
                  result.set(r);
                });
          } catch (CancellationException e) {
            fx.execute(
                () -> {
                  running.set(false);
                  progress.set(0);
                  status.set(cancelled.apply(e));
                });
          } catch (RuntimeException | Error e) {
            fx.execute(
                () -> {
                  running.set(false);
                  progress.set(0);
                  status.set(dev.talkbook.ui.common.Errors.message(e));
                  failure.set(e);
                });
          }
        });
  }

  /** Asks the running work to stop; it stops at its next check. */
  public void cancel() {
    cancel.set(true);
  }

  /**
   * Until the running work ends, the status line says {@code saying} rather than its progress (a
   * quit that waits for it says so); nothing when none runs. Call on the FX thread.
   */
  public void sayUntilDone(String saying) {
    if (running.get()) {
      note = saying;
      status.set(saying);
    }
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public boolean isRunning() {
    return running.get();
  }

  public ReadOnlyObjectProperty<R> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public R getResult() {
    return result.get();
  }

  public ReadOnlyObjectProperty<Throwable> failureProperty() {
    return failure.getReadOnlyProperty();
  }
}
