package dev.talkbook.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;

/**
 * The work a dialog runs that a quit from it (Ctrl+Q) must not cut off halfway: an export is
 * cancelled, as its Cancel button does, and an import, one transaction that Close waits for, is
 * waited for; the dialog's status line says which until it has ended, and only then does the dialog
 * close and the app quit. A dialog names its jobs here as it makes them; {@code DialogButtons}'s
 * Cancel-or-Close button names its own.
 */
public final class WorkBeforeQuit {
  private static final String KEY = WorkBeforeQuit.class.getName();

  /** Said while a cancelled job stops. */
  public static final String STOPPING = "Stopping, then Talkbook quits…";

  /** Said while a job that is not cancelled runs on. */
  public static final String WAITING = "Talkbook quits when this is done…";

  private record Job(LongJob<?> job, boolean cancel) {}

  private WorkBeforeQuit() {}

  /** A quit from {@code window} cancels {@code job} first and waits until it has stopped. */
  public static void cancels(Window window, LongJob<?> job) {
    jobs(window).add(new Job(job, true));
  }

  /** A quit from {@code window} waits until {@code job} is done (it cannot stop halfway). */
  public static void waitsFor(Window window, LongJob<?> job) {
    jobs(window).add(new Job(job, false));
  }

  /**
   * Runs {@code then} (on the FX thread) once none of {@code window}'s jobs runs: at once when none
   * does; else after cancelling those that are cancelled, when the last has ended. A second call
   * while it waits is ignored (Ctrl+Q pressed again). Call on the FX thread.
   */
  public static void then(Window window, Runnable then) {
    List<Job> running = jobs(window).stream().filter(j -> j.job().isRunning()).toList();
    if (running.isEmpty()) {
      then.run();
      return;
    }
    if (window.getProperties().putIfAbsent(KEY + " waiting", Boolean.TRUE) != null) {
      return;
    }
    for (Job j : running) {
      if (j.cancel()) {
        j.job().cancel();
        j.job().sayUntilDone(STOPPING);
      } else {
        j.job().sayUntilDone(WAITING);
      }
    }
    ChangeListener<Boolean> ended =
        new ChangeListener<>() {
          @Override
          public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
            if (running.stream().noneMatch(j -> j.job().isRunning())) {
              running.forEach(j -> j.job().runningProperty().removeListener(this));
              window.getProperties().remove(KEY + " waiting");
              then.run();
            }
          }
        };
    running.forEach(j -> j.job().runningProperty().addListener(ended));
  }

  @SuppressWarnings("unchecked")
  private static List<Job> jobs(Window window) {
    return (List<Job>) window.getProperties().computeIfAbsent(KEY, k -> new ArrayList<Job>());
  }
}
