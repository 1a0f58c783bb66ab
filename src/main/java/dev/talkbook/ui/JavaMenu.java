package dev.talkbook.ui;

import dev.talkbook.core.repl.ReplEvent;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.ShownKey;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.palette.MenuActions;
import dev.talkbook.ui.presenter.PresenterMode;
import dev.talkbook.ui.repl.KeptReplHistory;
import dev.talkbook.ui.repl.NotesRunner;
import dev.talkbook.ui.repl.ReplDock;
import dev.talkbook.ui.repl.ReplPane;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * The Java menu and what it drives: the REPL pane, docked under the window's content (Ctrl+J) or
 * detached; the notes' code blocks run in place; presenter mode and presenter view. The pane and
 * presenter mode are built when first used, not with the window (the runner, with no node of its
 * own, with the menu: Stop needs to know whether it runs).
 */
final class JavaMenu {
  private final Stage stage;
  private final BorderPane root;
  private final SplitPane content;
  private final CodeArea notes;
  private final ReplSession session;
  private final Theme theme;
  private final Settings settings;
  private final WindowParts parts;
  private final CheckMenuItem typing = new CheckMenuItem("Presenter mode types snippets in");

  /**
   * Java → Enable preview features: the REPL restarts with javac's and the JVM's {@code
   * --enable-preview} (it says so in its transcript), and the notes' blocks run so too; remembered.
   */
  final CheckMenuItem preview = new CheckMenuItem("Enable preview features");

  private final MenuItem stop;
  private final AutoCloseable stopState;

  /** Whether the REPL's session runs code (updated from its events). */
  private final BooleanProperty replRunning = new SimpleBooleanProperty();

  private ReplDock dock;

  /** Ctrl+J in the main window's other windows ({@link #showReplFromAnotherWindow}). */
  private final Runnable replFromAnotherWindow = this::showReplFromAnotherWindow;

  /** Java → Detach the REPL, or Dock the REPL while it is in a window of its own. */
  private final MenuItem dockItem =
      WindowMenus.item("Detach the REPL", DOCK_KEY, this::dockOrDetach);

  private final NotesRunner runner;
  private PresenterMode presenter;

  /** Java → Show or hide the REPL; in the main window's other windows, shows it. */
  static final KeyCombination REPL_KEY = KeyCombination.keyCombination("Shortcut+J");

  /** Java → Stop the running code (Esc in the notes and the REPL, too, while code runs). */
  static final String STOP_KEY = "Shortcut+Shift+Period";

  /** Java → Detach the REPL, Dock the REPL: in the main window and in the REPL's own. */
  static final String DOCK_KEY = "Shortcut+Shift+J";

  /** Java → Go to the REPL's definitions, and back to its input. */
  static final String DEFINITIONS_KEY = "Shortcut+Shift+D";

  /**
   * @param root the window's root, whose centre the dock takes over when first shown
   * @param content the window's content (its first item the navigator), above the REPL
   */
  JavaMenu(WindowParts parts, BorderPane root, SplitPane content, ReplSession session) {
    this.stage = parts.stage();
    this.root = root;
    this.content = content;
    this.notes = parts.editor().area();
    this.session = session;
    this.theme = parts.theme();
    this.settings = parts.settings();
    this.parts = parts;
    this.runner = makeRunner();
    // Offered (menu, palette) only while code runs: with nothing running it did nothing, silently.
    // The code may be the REPL's, or the notes' Run all or Rehearse in a JVM of their own.
    stop = WindowMenus.item("Stop the running code", STOP_KEY, this::stopCode);
    replRunning.set(session.isRunning());
    stopState =
        session.addListener(
            event -> {
              // Code runs while an evaluation or a re-run of the definitions does, or while code
              // waits for input: Stop stops each.
              if (event instanceof ReplEvent.EvaluationStarted
                  || event instanceof ReplEvent.EvaluationFinished
                  || event instanceof ReplEvent.Replaying
                  || event instanceof ReplEvent.Restarted
                  || event instanceof ReplEvent.RestartGivenUp
                  || event instanceof ReplEvent.InputRequested) {
                Platform.runLater(() -> replRunning.set(session.isRunning()));
              }
            });
    stop.disableProperty()
        .bind(replRunning.or(runner.runningProperty()).or(backgroundOutput).not());
    OwnedWindowKeys.followInModeless(stage, REPL_KEY, replFromAnotherWindow);
    typing.setSelected(settings.get(Settings.PRESENTER_TYPING));
    typing
        .selectedProperty()
        .addListener((obs, was, on) -> settings.put(Settings.PRESENTER_TYPING, on));
    preview.setSelected(session.preview());
    preview
        .selectedProperty()
        .addListener(
            (obs, was, on) -> {
              settings.put(Settings.REPL_PREVIEW, on);
              session.setPreview(on);
            });
  }

  Menu menu() {
    var talk = parts.talk().talkProperty();
    BooleanBinding noTalk = talk.isNull();
    BooleanBinding notPresentable =
        Bindings.createBooleanBinding(() -> talk.get() == null && !presenting(), talk);
    return new Menu(
        "_Java",
        null,
        MenuActions.words(
            WindowMenus.item("Show or hide the REPL", "Shortcut+J", this::toggleRepl),
            "repl jshell console java"),
        MenuActions.words(dockItem, "repl jshell window dock detach attach back"),
        MenuActions.words(
            WindowMenus.item(
                "Go to the REPL's definitions", DEFINITIONS_KEY, this::toggleDefinitionsFocus),
            "variables values vars methods list whole long value expand"),
        new SeparatorMenuItem(),
        WindowMenus.unavailableWhile(
            WindowMenus.shows(
                WindowMenus.item("Run the code block at the caret", null, this::runBlockAtCaret),
                new ShownKey(
                    KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
            noTalk),
        WindowMenus.unavailableWhile(
            MenuActions.words(
                WindowMenus.item(
                    "Run all code blocks in a fresh Java VM", null, () -> runner().runAll()),
                "execute snippets repl"),
            noTalk),
        WindowMenus.unavailableWhile(
            WindowMenus.item(
                "Save transcript to notes",
                null,
                () -> runner().saveTranscript(dock().pane().ranSoFar())),
            noTalk),
        MenuActions.words(
            WindowMenus.item("Clear the REPL transcript", "Shortcut+L", this::clearTranscript),
            "repl jshell console output empty cls"),
        new SeparatorMenuItem(),
        WindowMenus.unavailableWhile(
            MenuActions.words(
                WindowMenus.item("Rehearse…", null, () -> runner().rehearse()),
                "check compare output dry run"),
            noTalk),
        MenuActions.words(
            WindowMenus.item("Prepare for offline…", null, () -> runner().prepareForOffline()),
            "deps libraries download maven wifi"),
        new SeparatorMenuItem(),
        MenuActions.words(stop, "repl interrupt cancel"),
        MenuActions.words(
            WindowMenus.item("Restart Java (run the definitions again)", null, session::restart),
            "repl jshell"),
        MenuActions.words(
            WindowMenus.item("Reset Java (forget everything)", null, session::reset),
            "repl jshell clear"),
        MenuActions.words(preview, "repl jshell enable-preview jep incubator new language"),
        new SeparatorMenuItem(),
        // With no talk open there is nothing to present; one presenting may always leave.
        WindowMenus.unavailableWhile(
            MenuActions.words(
                WindowMenus.item("Presenter mode", PresenterMode.KEY, this::togglePresenter),
                "present projector full screen talk demo"),
            notPresentable),
        WindowMenus.unavailableWhile(
            MenuActions.words(
                WindowMenus.item(
                    "Presenter view (a window for the speaker)", null, this::presenterView),
                "present speaker notes timer clock second screen"),
            notPresentable),
        typing);
  }

  private boolean presenting() {
    return presenter != null && presenter.isActive();
  }

  /** Presenter mode on or off; on only with a talk open (its notes are what is presented). */
  private void togglePresenter() {
    if (presenting() || parts.talk().getTalk() != null) {
      presenter().toggle();
    }
  }

  /**
   * The keyboard to the REPL's definitions (the REPL shown first), where Enter shows a long value
   * whole; from there, back to the REPL's input.
   */
  private void toggleDefinitionsFocus() {
    if (!dock().isShown()) {
      toggleRepl();
    }
    dock.pane().focusDefinitions();
  }

  /** Empties the REPL's transcript (nothing to do before the pane was first built). */
  private void clearTranscript() {
    if (dock != null) {
      dock.pane().clearTranscript();
    }
  }

  void runBlockAtCaret() {
    runner().runBlockAtCaret();
  }

  /** Stops the code that runs: the REPL's (a block run at the caret), Run all's, Rehearse's. */
  private void stopCode() {
    // A background thread that prints while nothing runs ends with its JVM (the pane says so).
    if (dock != null && dock.pane().endBackgroundThread()) {
      return;
    }
    session.stop();
    runner.stop();
  }

  /**
   * Whether a thread the REPL's code left running prints while nothing runs: Stop and Esc end it.
   */
  private final javafx.beans.property.BooleanProperty backgroundOutput =
      new javafx.beans.property.SimpleBooleanProperty(false);

  /** Whether code runs, or a background thread prints, so that Stop and Esc have work. */
  private boolean stoppable() {
    return session.isRunning() || runner.isRunning() || backgroundOutput.get();
  }

  /** Esc in the notes: stops the code that runs, if any; false (Esc is not used) when none does. */
  boolean stopIfRunning() {
    if (stoppable()) {
      stopCode();
      return true;
    }
    return false;
  }

  /** The REPL's dock, built (and put under the content) when first asked for. */
  ReplDock dock() {
    if (dock == null) {
      // The content moves into the dock's split: out of the scene for a moment, which took the
      // focus from the notes to the search field (a block run, the REPL not yet built, and the
      // presenter's next keys went there). It goes back to where it was.
      Node focused = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
      root.setCenter(null);
      ReplPane pane = new ReplPane(session);
      // Up walks back to the inputs run before this start too (a crash or a quit mid-talk).
      pane.keepHistoryIn(
          KeptReplHistory.of(
              settings.file().toAbsolutePath().getParent(),
              parts.notebook().file(),
              parts.executors().io()),
          parts.executors().io());
      pane.stopAlso(runner.runningProperty(), runner::stop);
      backgroundOutput.bind(pane.backgroundOutputProperty());
      dock = new ReplDock(pane, content, stage, this::dressDetached);
      dockItem
          .textProperty()
          .bind(
              Bindings.when(dock.detachedProperty())
                  .then("Dock the REPL")
                  .otherwise("Detach the REPL"));
      root.setCenter(dock.root());
      if (focused != null) {
        root.applyCss(); // the split's skin puts the content back in the scene
        if (focused.getScene() == stage.getScene()) {
          focused.requestFocus();
        }
      }
    }
    return dock;
  }

  /** Docks the detached REPL again, or detaches it (showing it). */
  private void dockOrDetach() {
    dock().dockOrDetach();
    settings.put(Settings.REPL_SHOWN, dock.isShown());
  }

  /**
   * The detached REPL's window: the app's theme, and the keys a user reaches for there that only
   * the main window's menus had (it has no menu bar): Dock (Ctrl+Shift+J); Ctrl+J back to the main
   * window, as it hides the docked pane; the command palette, over the main window.
   */
  private void dressDetached(javafx.scene.Scene scene) {
    theme.apply(scene);
    KeyCombination palette = KeyCombination.keyCombination(WindowMenus.PALETTE_KEY);
    scene.getAccelerators().put(KeyCombination.keyCombination(DOCK_KEY), this::dockOrDetach);
    scene
        .getAccelerators()
        .put(
            KeyCombination.keyCombination("Shortcut+J"),
            () -> {
              stage.toFront();
              stage.requestFocus();
            });
    scene
        .getAccelerators()
        .put(
            palette,
            () -> {
              Runnable open = stage.getScene().getAccelerators().get(palette);
              if (open != null) {
                stage.requestFocus();
                open.run();
              }
            });
  }

  /**
   * Shows or hides the REPL pane, and remembers which for the next start; shown, the keyboard goes
   * to its input (keys typed before it can take them wait for it, {@link ReplDock#keysToInput}).
   */
  private void toggleRepl() {
    dock().toggle();
    settings.put(Settings.REPL_SHOWN, dock.isShown());
    if (dock.isShown()) {
      dock.keysToInput();
    }
  }

  /**
   * Ctrl+J in a window beside the main one (the live share panel, Now and next), which has no Java
   * menu: it did nothing there, and what the user then typed for the REPL went where the keyboard
   * was next, the notes, out to live share's viewers. The REPL is shown (never hidden: it is asked
   * for) with the main window brought forward, and the keys typed meanwhile, in that window too,
   * wait for its input.
   */
  private void showReplFromAnotherWindow() {
    if (presenting()) {
      return; // presenter view's window has its own keys
    }
    javafx.scene.Scene from = null;
    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
      if (w.isFocused() && w != stage && w.getScene() != null) {
        from = w.getScene();
      }
    }
    if (!dock().isShown() || dock.detachedProperty().get()) {
      dock.toggle();
    }
    settings.put(Settings.REPL_SHOWN, dock.isShown());
    if (!dock.detachedProperty().get()) {
      stage.toFront();
      stage.requestFocus();
    }
    if (from != null) {
      dock.keysToInput(from);
    } else {
      dock.keysToInput();
    }
  }

  /**
   * Shows the REPL pane as the window starts, when it was shown as the window last closed; the
   * focus stays where the start put it (the notes).
   */
  void showIfShownLastTime() {
    if (!settings.get(Settings.REPL_SHOWN) || (dock != null && dock.isShown())) {
      return;
    }
    Node focused = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
    dock().show();
    if (focused != null && focused.getScene() == stage.getScene()) {
      focused.requestFocus();
    }
  }

  /** Whether the REPL pane was built. */
  boolean isBuilt() {
    return dock != null;
  }

  private NotesRunner runner() {
    return runner;
  }

  private NotesRunner makeRunner() {
    // In the REPL pane's line when it is shown, else in the window's status bar: with the pane
    // hidden, "These notes name no libraries" and the like were said where nobody could see.
    NotesRunner made =
        new NotesRunner(
            notes,
            session,
            message -> {
              if (dock != null && dock.isShown()) {
                dock.pane().showStatus(message);
              } else {
                parts.status().showMessage(message);
              }
            });
    // Each block of a Run all in the REPL's transcript as it has run, when the REPL is built.
    made.showRanBlocksIn(
        (index, total, code, result) -> {
          if (dock != null) {
            dock.pane().showRanBlock(index, total, code, result);
          }
        });
    // A run's outputs go only into the talk it ran from, while its notes are shown.
    made.notesShownAre(
        () -> {
          dev.talkbook.core.notebook.Talk open = parts.talk().getTalk();
          return open == null ? null : open.id();
        });
    return made;
  }

  private PresenterMode presenter() {
    if (presenter == null) {
      ReplDock repl = dock();
      Node navigator = content.getItems().get(0);
      presenter =
          new PresenterMode(
              new PresenterMode.Window(
                  stage,
                  content,
                  navigator,
                  parts.editor().area(),
                  parts.editor().fontSizeProperty(),
                  parts.details().root(),
                  theme::apply,
                  parts.editor()::findOpen,
                  java.util.List.of(root.getTop(), parts.status().path())),
              PresenterParts.repl(repl, this::stoppable, this::stopCode),
              PresenterParts.preview(parts.preview()),
              parts.talk().textProperty(),
              settings,
              parts.host().clock(),
              parts.executors().render());
      presenter.typingProperty().bindBidirectional(typing.selectedProperty());
    }
    return presenter;
  }

  /**
   * Presenter view on demand (one screen too), also from presenter mode in this window (which only
   * left presenter mode before); chosen again in presenter view, leaves it.
   */
  private void presenterView() {
    if (presenting() && presenter.isPresenterView()) {
      presenter.exit();
    } else if (presenting() || parts.talk().getTalk() != null) {
      presenter().enterPresenterView();
    }
  }

  void close() {
    OwnedWindowKeys.stop(stage, REPL_KEY, replFromAnotherWindow);
    // Run all and Rehearse end with the window, and their JVMs with them (the app may be quitting).
    runner.close();
    try {
      stopState.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (presenter != null) {
      presenter.exit(); // puts the layout back before the window remembers it
    }
    settings.put(Settings.REPL_SHOWN, dock != null && dock.isShown());
    if (dock != null) {
      dock.close();
    }
  }
}
