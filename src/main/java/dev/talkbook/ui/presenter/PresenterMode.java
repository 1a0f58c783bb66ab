package dev.talkbook.ui.presenter;

import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.ui.common.Settings;
import java.util.List;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Presenter mode: full screen, a high-contrast theme with a large font (Ctrl+= / Ctrl+- / Ctrl+0,
 * kept for this mode), the navigator hidden, the REPL shown beside the notes, and the talk's {@code
 * ```java} blocks as a script stepped with Page Down / Page Up (what a clicker sends).
 */
public final class PresenterMode {

  /**
   * The REPL as presenter mode drives it (the window adapts its REPL pane to this, so presenter
   * mode needs nothing from {@code ui.repl}).
   */
  public interface Repl {
    /** Shows the REPL beside the notes. */
    void show();

    /** Puts {@code code} in the REPL's input, the caret at its end. */
    void load(String code);

    /** Runs what is in the REPL's input. */
    void run();

    /** The REPL's code font size in px; 0 goes back to the normal size. */
    void setCodeFontSize(double px);

    void showStatus(String status);
  }

  static final String STYLE_CLASS = "tb-presenter";
  static final double DEFAULT_FONT = Settings.PRESENTER_FONT_SIZE.fallback();
  private static final String STYLESHEET = stylesheet();

  private static String stylesheet() {
    var url = PresenterMode.class.getResource("/dev/talkbook/ui/presenter/presenter.css");
    if (url == null) {
      throw new IllegalStateException(
          "resource /dev/talkbook/ui/presenter/presenter.css is missing");
    }
    return url.toExternalForm();
  }

  private final Stage stage;
  private final SplitPane split;
  private final Node navigator;
  private final Repl repl;
  private final Supplier<String> notes;
  private final Settings settings;
  private final EventHandler<KeyEvent> keys = this::onKey;
  private ScriptQueue script = new ScriptQueue(List.of());
  private boolean active;
  private int navigatorIndex;
  private double fontSize;

  /**
   * @param split the window's split whose first item is the navigator
   * @param navigator the navigator pane, hidden while presenting
   * @param notes the current talk's notes
   */
  public PresenterMode(
      Stage stage,
      SplitPane split,
      Node navigator,
      Repl repl,
      Supplier<String> notes,
      Settings settings) {
    this.stage = stage;
    this.split = split;
    this.navigator = navigator;
    this.repl = repl;
    this.notes = notes;
    this.settings = settings;
    this.fontSize = settings.get(Settings.PRESENTER_FONT_SIZE);
  }

  public boolean isActive() {
    return active;
  }

  public ScriptQueue script() {
    return script;
  }

  public void toggle() {
    if (active) {
      exit();
    } else {
      enter();
    }
  }

  public void enter() {
    if (active) {
      return;
    }
    active = true;
    Scene scene = stage.getScene();
    scene.getRoot().getStyleClass().add(STYLE_CLASS);
    scene.getStylesheets().add(STYLESHEET);
    applyFont();
    navigatorIndex = split.getItems().indexOf(navigator);
    if (navigatorIndex >= 0) {
      split.getItems().remove(navigator);
    }
    repl.show();
    script =
        new ScriptQueue(
            NoteCode.javaBlocks(notes.get()).stream().map(NoteCode.Block::code).toList());
    pane().showStatus(script.position());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    stage.setFullScreenExitHint("Esc or F11 leaves full screen; Java → Presenter mode ends it");
    stage.setFullScreen(true);
  }

  public void exit() {
    if (!active) {
      return;
    }
    active = false;
    Scene scene = stage.getScene();
    scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
    scene.getRoot().getStyleClass().remove(STYLE_CLASS);
    scene.getStylesheets().remove(STYLESHEET);
    scene.getRoot().setStyle("");
    pane().setCodeFontSize(0);
    if (navigatorIndex >= 0 && !split.getItems().contains(navigator)) {
      split.getItems().add(Math.min(navigatorIndex, split.getItems().size()), navigator);
    }
    stage.setFullScreen(false);
    pane().showStatus("Ready: Ctrl+Enter runs");
  }

  private Repl pane() {
    return repl;
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.PAGE_DOWN) {
      apply(script.forward());
    } else if (e.getCode() == KeyCode.PAGE_UP) {
      apply(script.back());
    } else if (e.isShortcutDown()
        && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS)) {
      zoom(2);
    } else if (e.isShortcutDown() && e.getCode() == KeyCode.MINUS) {
      zoom(-2);
    } else if (e.isShortcutDown() && e.getCode() == KeyCode.DIGIT0) {
      fontSize = DEFAULT_FONT;
      settings.put(Settings.PRESENTER_FONT_SIZE, fontSize);
      applyFont();
    } else {
      return;
    }
    e.consume();
  }

  private void apply(ScriptQueue.Step step) {
    if (step instanceof ScriptQueue.Load load) {
      pane().load(load.code().stripTrailing());
    } else if (step instanceof ScriptQueue.Run) {
      pane().run();
    }
    pane().showStatus(script.position());
  }

  private void zoom(double by) {
    fontSize = Math.max(10, Math.min(72, fontSize + by));
    settings.put(Settings.PRESENTER_FONT_SIZE, fontSize);
    applyFont();
  }

  private void applyFont() {
    stage.getScene().getRoot().setStyle("-fx-font-size: " + fontSize + "px;");
    pane().setCodeFontSize(fontSize);
  }

  /** The font size presenter mode uses now. */
  public double fontSize() {
    return fontSize;
  }
}
