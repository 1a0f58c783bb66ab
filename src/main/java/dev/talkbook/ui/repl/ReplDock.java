package dev.talkbook.ui.repl;

import dev.talkbook.ui.common.HeldKeys;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;

/**
 * Where the REPL pane lives: docked under the window's content (shown and hidden with {@link
 * #toggle()}), or in a window of its own ({@link #detach()}; closing that window docks it again).
 */
public final class ReplDock {

  private final ReplPane pane;
  private final Node content;
  private final SplitPane split = new SplitPane();
  private final Window owner;
  private final Consumer<Scene> styler;

  /** The pane's own window, null while it is docked or hidden. */
  private final ObjectProperty<Stage> detached = new SimpleObjectProperty<>();

  /**
   * Whether the pane is in a window of its own (the Java menu's Dock or Detach says which): bound
   * to {@link #detached}, not kept beside it by hand.
   */
  private final ReadOnlyBooleanWrapper inWindow = new ReadOnlyBooleanWrapper();

  /** Where the user last put the divider; NaN until then (see {@link #share}). */
  private double divider = Double.NaN;

  /** What had the focus before the pane was shown and took it: it gets it back on hiding. */
  private Node before;

  /**
   * @param content the window's content, above the pane
   * @param styler applies the app's theme (and the keys it takes from the main window) to the
   *     detached window's scene
   */
  public ReplDock(ReplPane pane, Node content, Window owner, Consumer<Scene> styler) {
    this.pane = pane;
    this.content = content;
    this.owner = owner;
    this.styler = styler;
    split.setOrientation(Orientation.VERTICAL);
    split.getItems().add(content);
    pane.setOnDetach(this::detach, "Detach");
    inWindow.bind(detached.isNotNull());
  }

  /** The node to put where the content was. */
  public Node root() {
    return split;
  }

  public ReplPane pane() {
    return pane;
  }

  /** Whether the pane is in a window of its own. */
  public ReadOnlyBooleanProperty detachedProperty() {
    return inWindow.getReadOnlyProperty();
  }

  /** Docks a detached pane again (focusing its input), or detaches a docked or hidden one. */
  public void dockOrDetach() {
    if (detached.get() != null) {
      detached.get().close(); // its window's onHidden docks the pane
    } else {
      detach();
    }
  }

  public boolean isShown() {
    return detached.get() != null || split.getItems().contains(pane.root());
  }

  /**
   * Shows the pane docked (and focuses its input), or hides it; a detached window comes forward.
   */
  public void toggle() {
    if (detached.get() != null) {
      detached.get().toFront();
      pane.focusInput();
    } else if (split.getItems().contains(pane.root())) {
      divider = split.getDividerPositions()[0];
      boolean hadFocus = holdsFocus();
      split.getItems().remove(pane.root());
      if (hadFocus && before != null && before.getScene() == split.getScene()) {
        // The focus goes back to where it was before the pane took it (the notes, mostly), not
        // to the scene's first field.
        before.requestFocus();
      }
    } else {
      show();
    }
  }

  /** Docks and shows the pane, focusing its input. */
  public void show() {
    if (detached.get() == null && !split.getItems().contains(pane.root())) {
      // A first show: the split was only just put in the window, at no size yet.
      layOut();
      split.getItems().add(pane.root());
      split.setDividerPositions(Double.isNaN(divider) ? share(split.getHeight()) : divider);
    }
    // Lay the pane out first: a node without its skin does not take the focus.
    layOut();
    if (!holdsFocus() && split.getScene() != null) {
      before = split.getScene().getFocusOwner();
    }
    pane.focusInput();
  }

  /**
   * The keyboard to the REPL's input, asked for (Ctrl+J) while it may not take it yet: its window
   * not yet focused (Ctrl+J in the live share panel brings the main window forward, which the
   * system does a moment later), or the input not yet on screen. Until it has the keyboard, the
   * keys its window and {@code from} (the window where the REPL was asked for) get are held and
   * then given to it in order ({@link HeldKeys}): typed for the REPL, they never land in the notes,
   * which live share sends to every viewer. At most {@link HeldKeys#AT_MOST}; then they go where
   * the input's window has its focus, which is the input. On the FX thread.
   */
  public void keysToInput(Scene... from) {
    CodeArea input = pane.input();
    Scene to = input.getScene();
    if (to == null || input.isFocused()) {
      return;
    }
    HeldKeys keys = HeldKeys.hold(to, from);
    Runnable[] check = new Runnable[1];
    javafx.beans.InvalidationListener[] focus = new javafx.beans.InvalidationListener[1];
    Runnable done =
        () -> {
          to.removePostLayoutPulseListener(check[0]);
          input.focusedProperty().removeListener(focus[0]);
          keys.release();
        };
    focus[0] =
        o -> {
          if (input.isFocused()) {
            done.run();
          }
        };
    long until = System.nanoTime() + (long) (HeldKeys.AT_MOST.toMillis() * 1_000_000);
    check[0] =
        () -> {
          if (input.getScene() != to || System.nanoTime() > until) {
            done.run(); // gone (docked elsewhere), or the bound passed: released to the focus
          } else if (to.getFocusOwner() != input) {
            pane.focusInput(); // on screen now
          }
        };
    input.focusedProperty().addListener(focus[0]);
    to.addPostLayoutPulseListener(check[0]);
    pane.focusInput();
    javafx.application.Platform.requestNextPulse();
  }

  /** Whether the focus is in the pane. */
  private boolean holdsFocus() {
    Node focused = split.getScene() == null ? null : split.getScene().getFocusOwner();
    for (Node n = focused; n != null; n = n.getParent()) {
      if (n == pane.root()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives the docked pane room for its toolbar and {@code lines} lines of code and output at its
   * font size now, but at least {@code least} and at most {@code most} of the dock's height, the
   * content above the rest; nothing when the pane is detached or alone.
   */
  public void giveRoom(int lines, double least, double most) {
    if (detached.get() == null
        && split.getItems().size() == 2
        && split.getItems().contains(pane.root())) {
      layOut();
      double height = split.getHeight();
      if (height <= 0) {
        return;
      }
      double share = Math.max(least, Math.min(most, pane.heightFor(lines) / height));
      split.setDividerPositions(1 - share);
      layOut();
    }
  }

  /**
   * Lays out the whole window, not the split alone: a split laid out before its parent gave it its
   * size squeezes the content's columns to the split's preferred width, and the content's own
   * dividers (navigator, preview) moved for good the first time the REPL was shown.
   */
  private void layOut() {
    Parent top = split.getScene() == null ? split : split.getScene().getRoot();
    top.applyCss();
    top.layout();
  }

  /**
   * Shows the pane docked and alone, the content above it out of the window (true: presenter view's
   * audience sees the REPL only), or the content and the pane again (false).
   */
  public void showAlone(boolean alone) {
    if (detached.get() != null) {
      return;
    }
    if (alone) {
      split.getItems().setAll(pane.root());
    } else if (!split.getItems().contains(content)) {
      split.getItems().add(0, content);
      split.setDividerPositions(divider);
    }
    layOut();
    pane.focusInput();
  }

  /**
   * The divider's place for a first show in a split {@code height} pixels high: the REPL gets about
   * a third, at least room for its input and a few results (220 px) and at most 360 px, so the
   * notes above keep most of the window.
   */
  static double share(double height) {
    if (height <= 0) {
      return 0.68;
    }
    double repl = Math.max(220, Math.min(360, height * 0.32));
    return Math.max(0.3, 1 - repl / height);
  }

  /** Moves the pane into a window of its own. */
  public void detach() {
    if (detached.get() != null) {
      return;
    }
    if (split.getItems().contains(pane.root())) {
      divider = split.getDividerPositions()[0];
      split.getItems().remove(pane.root());
    }
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle("Java REPL — Talkbook");
    javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(pane.root());
    Scene scene = new Scene(holder, 900, 600);
    styler.accept(scene);
    stage.setScene(scene);
    pane.setOnDetach(stage::close, "Dock");
    stage.setOnHidden(
        e -> {
          holder.getChildren().clear();
          detached.set(null);
          pane.setOnDetach(this::detach, "Detach");
          show();
        });
    detached.set(stage);
    stage.show();
    pane.focusInput();
  }

  /** Closes a detached window and lets go of the session. */
  public void close() {
    if (detached.get() != null) {
      Stage s = detached.get();
      s.setOnHidden(null);
      detached.set(null);
      s.close();
    }
    pane.dispose();
  }
}
