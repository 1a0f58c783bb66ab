package dev.talkbook.core.repl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests whose REPL JVM cannot start: JDI's leftover of such a launch (see {@link
 * NoDelayExecutionProvider#isLaunchLeftover}) reaches the JVM's default handler, which under TestFX
 * (once a UI test has run in the same JVM) fails whichever UI test checks for exceptions next.
 */
public final class LaunchLeftovers {
  private LaunchLeftovers() {}

  /** A test body that may throw. */
  public interface Body {
    void run() throws Exception;
  }

  /** The exception JDI's "connection acceptor" thread throws, as JDK 17 to 25 write it. */
  public static IllegalArgumentException example() {
    IllegalArgumentException e = new IllegalArgumentException("Invalid listener");
    e.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "com.sun.tools.jdi.SocketTransportService",
              "accept",
              "SocketTransportService.java",
              357),
          new StackTraceElement(
              "com.sun.tools.jdi.AbstractLauncher$Helper$2", "run", "AbstractLauncher.java", 262)
        });
    return e;
  }

  /**
   * Runs the body with leftovers kept from the default handler (anything else still reaches it),
   * until JDI's acceptor threads have ended; returns the leftovers seen.
   */
  public static List<Throwable> keptFromTheDefaultHandler(Body body) throws Exception {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    List<Throwable> leftovers = new CopyOnWriteArrayList<>();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          if (NoDelayExecutionProvider.isLaunchLeftover(error)) {
            leftovers.add(error);
          } else if (previous != null) {
            previous.uncaughtException(thread, error);
          } else {
            error.printStackTrace();
          }
        });
    try {
      body.run();
    } finally {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("connection acceptor")) {
          t.join(60_000); // ends at once: its listener is closed
        }
      }
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    return leftovers;
  }
}
