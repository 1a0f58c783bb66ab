package dev.talkbook.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The window's layout as it was before presenter mode: every split pane's items and divider
 * positions, the root's inline style, and the window's place, size and full-screen state. {@link
 * #restore()} puts all of it back. Leaving full screen resizes the window a moment later, and a
 * split pane keeps a pane that is not resizable with its parent (the navigator) at its width in
 * pixels, so the dividers are set again once the window has its old size back.
 */
final class LayoutSnapshot {

  private record Split(SplitPane pane, List<Node> items, double[] dividers) {}

  private final Stage stage;
  private final List<Split> splits = new ArrayList<>();
  private final String rootStyle;
  private final boolean fullScreen;
  private final boolean maximized;
  private final double x;
  private final double y;
  private final double width;
  private final double height;
  private Runnable settle;

  private LayoutSnapshot(Stage stage) {
    this.stage = stage;
    Scene scene = stage.getScene();
    rootStyle = scene.getRoot().getStyle();
    fullScreen = stage.isFullScreen();
    maximized = stage.isMaximized();
    x = stage.getX();
    y = stage.getY();
    width = scene.getWidth();
    height = scene.getHeight();
    collect(scene.getRoot());
  }

  /**
   * Every split pane under {@code node}, through split panes' items rather than their children: a
   * split pane made just now (the REPL's dock, built on first use) has no skin and so no children
   * yet.
   */
  private void collect(Node node) {
    if (node instanceof SplitPane pane) {
      splits.add(new Split(pane, List.copyOf(pane.getItems()), pane.getDividerPositions()));
      pane.getItems().forEach(this::collect);
    } else if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(this::collect);
    }
  }

  /** The layout of {@code stage}'s window now. */
  static LayoutSnapshot take(Stage stage) {
    return new LayoutSnapshot(stage);
  }

  /** Whether the window was full screen. */
  boolean wasFullScreen() {
    return fullScreen;
  }

  /** The divider positions recorded for {@code pane}, or null when it was not in the window. */
  double[] dividers(SplitPane pane) {
    return splits.stream()
        .filter(s -> s.pane() == pane)
        .map(s -> s.dividers().clone())
        .findFirst()
        .orElse(null);
  }

  /** Puts the layout back, and again once the window has its old size back. */
  void restore() {
    Scene scene = stage.getScene();
    for (Split split : splits) {
      if (!sameItems(split.pane().getItems(), split.items())) {
        split.pane().getItems().setAll(split.items());
      }
    }
    scene.getRoot().setStyle(rootStyle);
    if (stage.isFullScreen() != fullScreen) {
      stage.setFullScreen(fullScreen);
    }
    if (!fullScreen && !maximized && (stage.getX() != x || stage.getY() != y)) {
      stage.setX(x);
      stage.setY(y);
    }
    applyDividers();
    // A split pane given its items again lays them out afresh in a later pulse, and one resized
    // (leaving full screen) keeps a pane not resizable with its parent at its width in pixels:
    // either moves the dividers. So after each layout, once the window has its old size, the
    // dividers are set again where they differ, until they stay put for two pulses.
    int[] steady = {0};
    settle =
        () -> {
          if (scene.getWidth() != width || scene.getHeight() != height) {
            steady[0] = 0;
            return;
          }
          if (dividersAsBefore()) {
            if (++steady[0] >= 2) {
              stopSettling();
            }
          } else {
            steady[0] = 0;
            applyDividers();
            Platform.requestNextPulse();
          }
        };
    scene.addPostLayoutPulseListener(settle);
    Platform.requestNextPulse();
    // A window that does not get its old size back (moved to another screen, resized by hand)
    // keeps the dividers set above; stop watching after a while.
    PauseTransition giveUp = new PauseTransition(Duration.seconds(3));
    giveUp.setOnFinished(e -> stopSettling());
    giveUp.play();
  }

  private boolean dividersAsBefore() {
    for (Split split : splits) {
      double[] now = split.pane().getDividerPositions();
      if (now.length != split.dividers().length) {
        return false;
      }
      for (int i = 0; i < now.length; i++) {
        if (Math.abs(now[i] - split.dividers()[i]) > 1e-9) {
          return false;
        }
      }
    }
    return true;
  }

  /** Stops waiting for the old size (the window was resized by hand, or presenting again). */
  void stopSettling() {
    if (settle != null) {
      stage.getScene().removePostLayoutPulseListener(settle);
      settle = null;
    }
  }

  private void applyDividers() {
    for (Split split : splits) {
      if (split.dividers().length > 0) {
        split.pane().setDividerPositions(split.dividers());
      }
    }
  }

  private static boolean sameItems(List<Node> now, List<Node> before) {
    if (now.size() != before.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i) != before.get(i)) {
        return false;
      }
    }
    return true;
  }
}
