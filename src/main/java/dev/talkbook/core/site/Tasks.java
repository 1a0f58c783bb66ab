package dev.talkbook.core.site;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work the site's export and import run on other threads. */
final class Tasks {
  private Tasks() {}

  /**
   * What {@code task} returned, waiting for it however often this thread is interrupted (the
   * interrupt is kept for the caller); what it threw is thrown here, unchecked.
   */
  static <T> T done(Future<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
