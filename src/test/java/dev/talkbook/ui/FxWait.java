package dev.talkbook.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in the TestFX tests, for a loaded machine (CI has two cores; a helper's machine runs at a
 * load of 20–35): on a condition, never a fixed sleep, with a generous time limit (a condition that
 * holds returns at once, so the limit costs nothing when all is well).
 *
 * <p>Why not {@code WaitForAsyncUtils.waitFor} as it is: there an exception thrown by the condition
 * (a lookup that finds nothing yet, a list read while the FX thread changes it) ends the wait at
 * once with that exception; here it means "not yet". And a node found by a lookup may not have been
 * laid out yet (a tree row made in this pulse sits at 0,0 until the next): {@link #shown} waits
 * until it has, so a click lands on it.
 */
public final class FxWait {
  /** How long a condition may take to hold before the test fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** How long a node must stay in one place to count as laid out (several frames). */
  static final Duration SETTLED = Duration.ofMillis(100);

  private FxWait() {}

  /** Where a node was first seen at its current place, and when. */
  private record Settling(Bounds where, long since) {}

  /**
   * Waits until {@code condition} (run on this thread) is true, then for the FX events queued by
   * then; an exception from the condition counts as "not yet".
   */
  public static void until(Callable<Boolean> condition) {
    until("the condition", condition);
  }

  /** {@link #until(Callable)}, saying {@code what} was waited for if it never held. */
  public static void until(String what, Callable<Boolean> condition) {
    until(what, condition, () -> "");
  }

  private static void until(String what, Callable<Boolean> condition, Supplier<String> detail) {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    Throwable last = null;
    while (true) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          WaitForAsyncUtils.waitForFxEvents();
          return;
        }
        last = null;
      } catch (Exception | AssertionError e) {
        last = e;
      }
      if (System.nanoTime() > end) {
        String more = detail.get();
        throw new AssertionError(
            "waited "
                + TIMEOUT.toSeconds()
                + " s for "
                + what
                + ", in vain"
                + (more.isEmpty() ? "" : ": " + more),
            last);
      }
      sleep(10);
    }
  }

  /**
   * Waits until {@code condition}, run on the FX thread (so it sees the scene graph between two
   * pulses, never halfway through a change), is true.
   */
  public static void untilFx(String what, Callable<Boolean> condition) {
    untilFx(what, condition, () -> "");
  }

  private static void untilFx(String what, Callable<Boolean> condition, Supplier<String> detail) {
    until(what, () -> onFx(condition), detail);
  }

  /** Runs {@code work} on the FX thread and returns what it returned (rethrowing what it threw). */
  public static <T> T onFx(Callable<T> work) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return work.call();
    }
    try {
      return WaitForAsyncUtils.asyncFx(work).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("the FX thread did not answer in " + TIMEOUT.toSeconds() + " s", e);
    }
  }

  /**
   * The node {@code query} finds, once it is on screen and laid out (see {@link #isShown}); waits
   * for it.
   */
  public static Node shown(FxRobot robot, String query) {
    return shown(robot, query, node -> true);
  }

  /** The first node {@code query} finds that also passes {@code test}, once shown and laid out. */
  public static Node shown(FxRobot robot, String query, Predicate<Node> test) {
    Node[] found = new Node[1];
    java.util.Map<Node, Settling> settling = new java.util.IdentityHashMap<>();
    String[] why = {"nothing found"};
    untilFx(
        "“" + query + "” to be shown",
        () -> {
          List<String> reasons = new ArrayList<>();
          for (Node n : robot.lookup(query).queryAll()) {
            if (test.test(n)) {
              String not = whyNotShown(n);
              if (not == null) {
                // Laid out: where it was at the last look (a row made in this pulse sits at 0,0
                // until the next; some controls keep asking for a layout, so that flag is no sign).
                Bounds now = n.localToScene(n.getLayoutBounds());
                Settling seen = settling.get(n);
                if (seen != null && seen.where().equals(now)) {
                  if (System.nanoTime() - seen.since() >= SETTLED.toNanos()) {
                    found[0] = n;
                    return true;
                  }
                } else {
                  settling.put(n, new Settling(now, System.nanoTime()));
                }
                not = "not yet in the same place for " + SETTLED.toMillis() + " ms";
              }
              reasons.add(n + ": " + not);
            }
          }
          why[0] = reasons.isEmpty() ? "nothing found" : String.join("; ", reasons);
          return false;
        },
        () -> why[0]);
    return found[0];
  }

  /** Clicks on what {@code query} finds once it is shown and laid out. */
  public static void clickOn(FxRobot robot, String query) {
    robot.clickOn(shown(robot, query));
  }

  /**
   * True when {@code node} is in a showing window, it and its parents are visible, and it has a
   * size and its centre lies inside its scene. Call on the FX thread. ({@link #shown} also waits
   * until it stays in one place, that is, it was laid out.)
   */
  public static boolean isShown(Node node) {
    return whyNotShown(node) == null;
  }

  /** Why {@code node} is not {@link #isShown shown}, or null when it is. */
  static String whyNotShown(Node node) {
    Scene scene = node.getScene();
    if (scene == null) {
      return "in no scene";
    }
    Window window = scene.getWindow();
    if (window == null || !window.isShowing()) {
      return "its window is not showing";
    }
    for (Node n : ancestry(node)) {
      if (!n.isVisible()) {
        return n + " is hidden";
      }
    }
    Bounds bounds = node.localToScene(node.getLayoutBounds());
    if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
      return "it has no size: " + bounds;
    }
    double x = bounds.getCenterX();
    double y = bounds.getCenterY();
    if (x < 0 || y < 0 || x >= scene.getWidth() || y >= scene.getHeight()) {
      return "its centre is outside the window: " + bounds;
    }
    return null;
  }

  private static List<Node> ancestry(Node node) {
    List<Node> all = new ArrayList<>();
    for (Node n = node; n != null; n = n.getParent()) {
      all.add(n);
    }
    return all;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
