package dev.talkbook.ui;

import java.time.Duration;
import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Ends JavaFX when the test run is over, before the test JVM exits.
 *
 * <p>A window test's WebViews are collected long after the test: JavaFX's disposer then destroys
 * their pages and runs WebKit's garbage collector on the FX thread, in native code; at the end of a
 * run the FX thread was found doing so, during the last, allocation-heavy test. If the JVM exits
 * meanwhile, WebKit's shutdown hook and the process's exit run beside that code. CI failed once
 * with the fork aborting (SIGABRT) after every test had passed, most likely that way. Ending the
 * toolkit and waiting for the FX thread to finish means no WebKit work is under way on it when the
 * JVM exits; disposals queued later are dropped by the stopped toolkit.
 *
 * <p>Registered through {@code META-INF/services}; does nothing in a run that never started JavaFX.
 * It takes one launcher session per test JVM, as surefire runs them (one session per fork, reruns
 * included): a runner that opened a session per test class would find JavaFX ended after the first.
 */
public final class EndJavaFxAfterTests implements LauncherSessionListener {
  private static final String FX_THREAD = "JavaFX Application Thread";
  private static final Duration BOUND = Duration.ofSeconds(30);

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Thread fx = fxThread();
    if (fx == null) {
      return;
    }
    Platform.exit();
    try {
      fx.join(BOUND.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (fx.isAlive()) {
      // Said where the run's output shows it; the run goes on to exit as it would have.
      System.err.println(
          "EndJavaFxAfterTests: the JavaFX thread did not end within " + BOUND.toSeconds() + " s");
    }
  }

  private static Thread fxThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(FX_THREAD) && t.isAlive())
        .findFirst()
        .orElse(null);
  }
}
