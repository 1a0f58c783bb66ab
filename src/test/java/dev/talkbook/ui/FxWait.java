package dev.talkbook.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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

  private FxWait() {}

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
    until(what, TIMEOUT, condition, detail);
  }

  private static void until(
      String what, Duration limit, Callable<Boolean> condition, Supplier<String> detail) {
    long end = System.nanoTime() + limit.toNanos();
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
                + limit.toSeconds()
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

  /**
   * {@link #untilFx(String, Callable)} with a longer limit, for work that is slow by nature (a JVM
   * started, a library downloaded) on a loaded machine.
   */
  public static void untilFx(String what, Duration limit, Callable<Boolean> condition) {
    until(what, limit, () -> onFx(condition), () -> "");
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
    String[] why = {"nothing found"};
    LaidOut laidOut = new LaidOut();
    untilFx(
        "“" + query + "” to be shown",
        () -> {
          List<String> reasons = new ArrayList<>();
          for (Node n : robot.lookup(query).queryAll()) {
            if (test.test(n)) {
              String not = laidOut.whyNotShown(n);
              if (not == null) {
                found[0] = n;
                return true;
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

  /** {@code node}, once it is on screen and laid out (see {@link #isShown}); waits for it. */
  public static <N extends Node> N shown(N node) {
    String[] why = {""};
    LaidOut laidOut = new LaidOut();
    untilFx(
        node + " to be shown",
        () -> {
          String not = laidOut.whyNotShown(node);
          why[0] = not == null ? "" : not;
          return not == null;
        },
        () -> why[0]);
    return node;
  }

  /** Clicks on {@code node} once it is shown and laid out. */
  public static void clickOn(FxRobot robot, Node node) {
    robot.clickOn(shown(node));
  }

  /**
   * True when {@code node} is in a showing window, it and its parents are visible, and it has a
   * size and its centre lies inside its scene. Call on the FX thread. ({@link #shown} also waits
   * until a layout pulse has passed and left it where it was, that is, it was laid out.)
   */
  public static boolean isShown(Node node) {
    return whyNotShown(node) == null;
  }

  /**
   * Tells, over the checks of one wait, when a node is laid out: when a pulse (whose layout pass
   * places new nodes: a tree row made in one pulse sits at 0,0 until the next) has run since the
   * node was seen where it is now. Not the "needs layout" flag: a node can keep it with no pulse to
   * come (marked while its parent laid it out, so the parent was not told; some labels keep
   * asking). Not a time either: on a loaded machine no pulse may run for a while. Each look asks
   * for a pulse, so one comes even when nothing else changes. Used on the FX thread.
   */
  private static final class LaidOut {
    private record Seen(Bounds bounds, long pulse) {}

    private final Map<Node, Seen> seen = new IdentityHashMap<>();

    String whyNotShown(Node node) {
      String not = FxWait.whyNotShown(node);
      if (not != null) {
        return not;
      }
      Bounds bounds = node.localToScene(node.getLayoutBounds());
      long pulse = pulses(node.getScene());
      Seen last = seen.get(node);
      if (last != null && last.bounds().equals(bounds) && pulse > last.pulse()) {
        return null;
      }
      if (last == null || !last.bounds().equals(bounds)) {
        seen.put(node, new Seen(bounds, pulse));
      }
      Platform.requestNextPulse();
      return "no layout pulse yet since it was seen at " + bounds;
    }
  }

  /** Pulses counted per scene (after their layout pass), on the FX thread. */
  private static final Map<Scene, long[]> PULSES = new WeakHashMap<>();

  private static long pulses(Scene scene) {
    long[] count = PULSES.get(scene);
    if (count == null) {
      long[] fresh = new long[1];
      scene.addPostLayoutPulseListener(() -> fresh[0]++);
      PULSES.put(scene, fresh);
      count = fresh;
    }
    return count[0];
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
