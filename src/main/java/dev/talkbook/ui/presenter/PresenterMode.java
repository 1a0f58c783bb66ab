package dev.talkbook.ui.presenter;

import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.ReplGuide;
import dev.talkbook.ui.common.Settings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Presenter mode, in one window or two.
 *
 * <p>One window ({@link #enter()}): full screen, projector colours (light or dark with the theme,
 * every text at least 4.5:1), the navigator hidden, the REPL shown under the notes and preview.
 * Presenter view ({@link #enterPresenterView()}, and {@link #toggle()} when a second screen is
 * there): the main window, full screen on the second screen, shows the audience the REPL alone,
 * code and output large; a window of the presenter's own ({@link PresenterView}) shows the notes as
 * speaker notes, a clock, the time since the start, and the next snippet.
 *
 * <p>One zoom (Ctrl+= / Ctrl+- / Ctrl+0, kept between talks) scales everything the audience sees:
 * the notes, the preview, the REPL's input and output, the window's own text. The talk's {@code
 * ```java} blocks are a script: Page Down types the next snippet into the REPL at a readable pace
 * (or pastes it whole; a Page Down while it types finishes it at once), the next Page Down runs it,
 * Page Up goes back one; what the presenter had typed in the REPL and not run goes to its history
 * first. Leaving (Ctrl+Shift+M, or Esc when no code runs and no find bar or popup is open) finishes
 * a snippet being typed and puts back the layout exactly as it was before: every split pane's panes
 * and dividers, the zoom, the window's place and full-screen state.
 */
public final class PresenterMode {

  /**
   * The REPL as presenter mode drives it (the window adapts its REPL pane to this, so presenter
   * mode needs nothing from {@code ui.repl}).
   */
  public interface Repl {
    /** Shows the REPL docked under the window's content. */
    void show();

    /**
     * Gives the docked REPL room for its toolbar and {@code lines} lines of code and output at its
     * font size now, but at least {@code least} and at most {@code most} of the height it shares
     * with the content above it; nothing when the REPL is alone or detached.
     */
    void giveRoom(int lines, double least, double most);

    /**
     * Shows the REPL alone in the window (true), the content above it hidden, or with the content
     * again (false).
     */
    void showAlone(boolean alone);

    /** Puts {@code code} in the REPL's input (replacing what is there), the caret at its end. */
    void load(String code);

    /** What the REPL's input holds now. */
    String input();

    /**
     * Keeps {@code text} in the REPL's input history, as if it had run: Ctrl+Up in the input (Up on
     * its first line) brings it back.
     */
    void keep(String text);

    /**
     * Whether code runs now (the REPL's, a block of the notes, Run all, Rehearse): Esc stops it
     * then, and does not leave presenter mode.
     */
    boolean runsCode();

    /** Long lines in the REPL's input wrap (true) or scroll sideways (false). */
    void wrapLines(boolean on);

    /**
     * The REPL's input as high as the code in it (true; its output gets the rest: an input emptied
     * by a run gives its room to the result), or as the user left it (false).
     */
    void fitInput(boolean on);

    /** Adds {@code text} at the end of the REPL's input. */
    void append(String text);

    /** Runs what is in the REPL's input. */
    void run();

    /** The REPL's code font size in px; 0 goes back to the normal size. */
    void setCodeFontSize(double px);

    /**
     * Shows {@code status} in the REPL's toolbar, or the longest of the {@code shorter} forms
     * (longest first) that fits it.
     */
    void showStatus(String status, String... shorter);

    /**
     * Has the REPL's toolbar say what {@code guide} gives whenever the REPL is ready or starts
     * running code (where it said "Ready: Ctrl+Enter runs" and "Running…"); null: its own words
     * again.
     */
    void guide(ReplGuide guide);

    /** Stops the code that runs (the REPL's, a block of the notes, Run all, Rehearse). */
    void stop();
  }

  /** The preview as presenter mode drives it. */
  public interface Preview {
    void setPresenting(boolean on);

    /** Scales the page: 1 is the normal size. */
    void setZoom(double factor);

    double zoom();
  }

  /**
   * The window's parts presenter mode changes.
   *
   * @param content the window's split whose items include the navigator
   * @param navigator hidden while presenting in one window
   * @param notesArea the notes editor: the script starts at its caret, whose line stays in sight as
   *     presenter mode changes the layout around it
   * @param notesFontSize the notes editor's font size in px
   * @param details the talk's details form: out of the window while presenting (folded, it still
   *     took a line of the presenter's text size from the notes and the REPL; the title is the
   *     notes' heading in the preview)
   * @param styler applies the app's theme to a scene (the presenter's window)
   * @param findOpen whether the notes' find bar is open: Esc is the find bar's then
   * @param offStage what the audience is not to see, out of the window while presenting in it or
   *     showing the audience the REPL: the menu bar (its keys still work) and the notebook's path
   *     in the status bar (they saw the menus and "/home/…/talks.talkbook")
   */
  public record Window(
      Stage stage,
      SplitPane content,
      Node navigator,
      GenericStyledArea<?, ?, ?> notesArea,
      DoubleProperty notesFontSize,
      Node details,
      Consumer<Scene> styler,
      BooleanSupplier findOpen,
      List<Node> offStage) {}

  static final String STYLE_CLASS = "tb-presenter";
  static final double DEFAULT_FONT = Settings.PRESENTER_FONT_SIZE.fallback();

  /** The preview's own text size in px at zoom 1 (preview.css): the zoom is relative to it. */
  static final double PREVIEW_FONT = 15;

  /**
   * No "press Esc" banner over the audience's screen when the window goes full screen: Esc (when it
   * has nothing else to do) and Ctrl+Shift+M leave presenter mode, full screen with it.
   */
  private static final String NO_HINT = "";

  /**
   * The lines of code and output the REPL has room for in presenter mode, at the presenter's text
   * size: the last result read whole with the code that gave it (at 1024 × 600 it showed three).
   */
  static final int REPL_LINES = 10;

  /** The REPL's least share of the height in presenter mode: half, in a tall window too. */
  static final double REPL_LEAST = 0.5;

  /** The REPL's greatest share of the height: the notes and preview above keep a third. */
  static final double REPL_MOST = 2.0 / 3;

  static final double MIN_FONT = 10;
  static final double MAX_FONT = 72;

  /**
   * The window size at which the audience sees the text at the size the presenter chose (the
   * setting, 24 px by default, Ctrl+= / Ctrl+- on top): a line of about 65 characters of code fills
   * the REPL's width there. A larger window scales it up by its width, as far as its height allows
   * the same (a 1920 × 1080 screen: 1.5 times, 36 px; a 1280 × 800 one: 24 px), a smaller one down
   * to {@link #LEAST_SCALE}. The text had stayed at 22 px on every screen: about 15 pt, below the
   * sample talk's own "at least 20 pt", the code filling half the REPL's width at 1080p.
   */
  static final double REFERENCE_WIDTH = 1280;

  static final double REFERENCE_HEIGHT = 720;
  static final double LEAST_SCALE = 0.75;
  static final double MOST_SCALE = 3;
  private static final String STYLESHEET = stylesheet();

  private static String stylesheet() {
    var url = PresenterMode.class.getResource("/dev/talkbook/ui/presenter/presenter.css");
    if (url == null) {
      throw new IllegalStateException(
          "resource /dev/talkbook/ui/presenter/presenter.css is missing");
    }
    return url.toExternalForm();
  }

  private final Window window;
  private final Stage stage;
  private final Repl repl;
  private final Preview preview;
  private final ObservableValue<String> notes;
  private final Settings settings;
  private final Clock clock;
  private final EventHandler<KeyEvent> keys = this::onKey;
  private final EventHandler<KeyEvent> escape = this::onEscape;
  private final EventHandler<KeyEvent> altTyped = this::onAltTyped;
  private final javafx.beans.value.ChangeListener<String> notesChanged =
      (obs, old, text) -> notesChanged(text);
  private final javafx.beans.value.ChangeListener<Integer> caretMoved =
      (obs, old, at) -> caretMoved(at);
  private final CaretInSight caretInSight;

  /** The toolbar's words while presenting: where the script stands, what the next key does. */
  private final ReplGuide guide =
      new ReplGuide() {
        @Override
        public List<String> ready(ReplGuide.After after) {
          return switch (after) {
            case FAILED -> script.failedForms();
            case STOPPED -> script.stoppedForms();
            case ENDED_JAVA -> script.endedJavaForms();
            case RAN -> forms();
          };
        }

        @Override
        public List<String> running(String code) {
          return script.runningForms(!placed.isEmpty() && code.strip().equals(placed.strip()));
        }
      };

  private final BooleanProperty typing = new SimpleBooleanProperty();
  private final Typist typist;
  private ScriptQueue script = new ScriptQueue(List.of());
  private boolean active;
  private LayoutSnapshot before;
  private double notesFontBefore;
  private double previewZoomBefore;
  private boolean detailsVisibleBefore;
  private boolean detailsManagedBefore;

  /** What {@link Window#offStage} showed before presenting: put back on leaving. */
  private final java.util.Map<Node, Boolean> offStageShownBefore = new java.util.HashMap<>();

  /**
   * The window's size changed while presenting (gone full screen, moved to the projector): the text
   * at the size for it, and the REPL's room again.
   */
  private final javafx.beans.InvalidationListener sizeChanged = obs -> sizeChanged();

  private Node focusBefore;
  private Settings.Hold held;
  private KeyCombination fullScreenExitBefore;

  /** Whether presenter mode moves the notes' caret itself (not the speaker: the script stays). */
  private boolean followingScript;

  /** What presenter mode put in the REPL's input last (a snippet), "" before any. */
  private String placed = "";

  /** Whether the toolbar says that the presenter's own input went to the history (until a key). */
  private boolean keptNote;

  private PresenterView view;
  private final Executor background;

  /** The size the presenter chose (the setting), at {@link #REFERENCE_WIDTH}. */
  private double fontSize;

  /** The size the audience sees now: {@link #fontSize} scaled to the window. */
  private double shownSize;

  /**
   * @param notes the open talk's notes (the speaker notes follow them)
   * @param clock what the presenter's clock and timer read
   * @param background where the speaker notes are highlighted, off the FX thread
   */
  public PresenterMode(
      Window window,
      Repl repl,
      Preview preview,
      ObservableValue<String> notes,
      Settings settings,
      Clock clock,
      Executor background) {
    this.window = window;
    this.stage = window.stage();
    this.repl = repl;
    this.preview = preview;
    this.notes = notes;
    this.settings = settings;
    this.clock = clock;
    this.background = background;
    this.fontSize = settings.get(Settings.PRESENTER_FONT_SIZE);
    this.typist = new Typist(repl::append);
    this.caretInSight = new CaretInSight(window.notesArea());
    typing.set(settings.get(Settings.PRESENTER_TYPING));
    typing.addListener((obs, was, on) -> settings.put(Settings.PRESENTER_TYPING, on));
  }

  public boolean isActive() {
    return active;
  }

  /** Whether the presenter's own window is open (presenter view). */
  public boolean isPresenterView() {
    return view != null;
  }

  public ScriptQueue script() {
    return script;
  }

  /** Whether Page Down types snippets in (true) or pastes them whole (false); a setting. */
  public BooleanProperty typingProperty() {
    return typing;
  }

  /** Presenter mode's key (Java → Presenter mode), which also leaves it from either window. */
  public static final String KEY = "Shortcut+Shift+M";

  private static final javafx.scene.input.KeyCombination LEAVE =
      javafx.scene.input.KeyCombination.keyCombination(KEY);

  /** Leaves presenter mode, or enters it: presenter view when a second screen is there. */
  public void toggle() {
    if (active) {
      exit();
    } else if (Screen.getScreens().size() > 1) {
      enterPresenterView();
    } else {
      enter();
    }
  }

  /** Presenter mode in this window: full screen, navigator hidden, notes, preview and REPL. */
  public void enter() {
    if (active) {
      return;
    }
    begin();
    window.content().getItems().remove(window.navigator());
    // The presenter's sizes before the REPL is shown, its room once after: showing the REPL lays
    // out the whole window (CSS and layout, with the projector's sheet), and each size change
    // after it had the window laid out again (two more passes over the whole scene; the FX
    // thread was held 0.3-1.7 s on entering, on a loaded machine).
    // At the size for the screen it is about to cover: going full screen then changes no size.
    Rectangle2D screen = dev.talkbook.ui.common.FullScreen.screenOf(stage);
    applyFont(false, screen);
    repl.show();
    // At the presenter's text size the REPL's usual third showed three lines of output in a small
    // window: room for the last result, at its size, as the window changes (full screen, below).
    giveReplRoom();
    showPosition();
    caretInSight.keep();
    stage.setFullScreenExitHint(NO_HINT);
    stage.setFullScreen(true);
    dev.talkbook.ui.common.FullScreen.cover(stage, screen);
  }

  /**
   * Presenter view: the audience sees the REPL alone in this window (full screen on a second screen
   * when there is one), the presenter a window of their own with the speaker notes, a clock, the
   * timer and the next snippet.
   */
  public void enterPresenterView() {
    if (view != null) {
      return;
    }
    if (active) {
      // From presenter mode in this window: the same presentation (the script where it stands,
      // the layout to put back on leaving), now with the speaker's window. Only leaving had been
      // done: the presenter was left without the window they asked for.
      leaveOneWindow();
    } else {
      begin();
    }
    Screen home = screenOf(stage);
    Screen audience =
        Screen.getScreens().stream().filter(s -> !s.equals(home)).findFirst().orElse(null);
    // Before the REPL lays the window out (see enter()), at the audience's screen's size when the
    // window goes full screen there, else at the window's.
    applyFont(false, audience == null ? null : audience.getBounds());
    repl.show();
    repl.showAlone(true);
    view =
        new PresenterView(
            clock,
            notes,
            typing,
            window.styler(),
            STYLESHEET,
            keys,
            escape,
            background,
            fontSize,
            this::exit);
    view.update(script);
    view.show(home);
    showPosition();
    if (audience != null) {
      Rectangle2D area = audience.getBounds();
      stage.setX(area.getMinX());
      stage.setY(area.getMinY());
      stage.setFullScreenExitHint(NO_HINT);
      stage.setFullScreen(true);
      dev.talkbook.ui.common.FullScreen.cover(stage, audience.getBounds());
    }
  }

  /**
   * Undoes what {@link #enter()} does beyond {@link #begin()}: the window goes back to the
   * full-screen state it had before presenting (presenter view puts it full screen on the
   * audience's screen when there is one).
   */
  private void leaveOneWindow() {
    if (stage.isFullScreen() && !before.wasFullScreen()) {
      stage.setFullScreen(false);
    }
  }

  private void begin() {
    active = true;
    // The zoom and the folded details are presenter mode's, not the user's: kept out of the
    // settings file until exit() has put the user's back (a kill meanwhile left them as the
    // user's).
    held = settings.holdWrites();
    if (before != null) {
      before.stopSettling();
    }
    before = LayoutSnapshot.take(stage);
    notesFontBefore = window.notesFontSize().get();
    previewZoomBefore = preview.zoom();
    Node details = window.details();
    detailsVisibleBefore = details.isVisible();
    detailsManagedBefore = details.isManaged();
    details.setVisible(false);
    details.setManaged(false);
    offStageShownBefore.clear();
    for (Node node : window.offStage()) {
      offStageShownBefore.put(node, node.isVisible() && node.isManaged());
      node.setVisible(false);
      node.setManaged(false);
    }
    Scene scene = stage.getScene();
    focusBefore = scene.getFocusOwner();
    scene.getRoot().getStyleClass().add(STYLE_CLASS);
    scene.getStylesheets().add(STYLESHEET);
    preview.setPresenting(true);
    script = ScriptQueue.of(notesText(), caret());
    notes.addListener(notesChanged);
    window.notesArea().caretPositionProperty().addListener(caretMoved);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    scene.addEventFilter(KeyEvent.KEY_TYPED, altTyped);
    scene.addEventHandler(KeyEvent.KEY_PRESSED, escape);
    scene.widthProperty().addListener(sizeChanged);
    scene.heightProperty().addListener(sizeChanged);
    // Esc leaves presenter mode as a whole (onEscape), not full screen alone: that left the
    // projector's colours and zoom in a window.
    fullScreenExitBefore = stage.getFullScreenExitKeyCombination();
    stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
    repl.wrapLines(true);
    repl.fitInput(true);
    placed = "";
    keptNote = false;
    // Left with a snippet loaded, back at it (the notes' caret followed the script): the input
    // holds it still, and Page Down runs it.
    if (script.takeLoaded(repl.input())) {
      placed = repl.input().stripTrailing();
    }
    repl.guide(guide);
  }

  private String notesText() {
    return notes.getValue() == null ? "" : notes.getValue();
  }

  private int caret() {
    return window.notesArea().getCaretPosition();
  }

  /**
   * The presenter moved the caret in the notes (clicked a section, went down a page): the next
   * snippet is the one there, as on entering.
   */
  private void caretMoved(int at) {
    if (typist.isTyping() || followingScript) {
      return;
    }
    script.moveTo(at);
    showPosition();
  }

  /**
   * The notes changed while presenting (the talk finished loading, another talk was opened, a block
   * was edited): a script of other snippets starts again from the caret's.
   */
  private void notesChanged(String text) {
    ScriptQueue now = ScriptQueue.of(text == null ? "" : text, caret());
    if (!now.sameSnippets(script)) {
      typist.finish(); // never half a snippet in the REPL
      script = now;
      showPosition();
    }
  }

  /** Leaves presenter mode and puts the window back exactly as it was. */
  public void exit() {
    if (!active) {
      return;
    }
    active = false;
    notes.removeListener(notesChanged);
    window.notesArea().caretPositionProperty().removeListener(caretMoved);
    // A snippet being typed in goes in whole: the presenter leaves with code that can run (or be
    // edited), never half a line of it.
    typist.finish();
    if (view != null) {
      view.close(stage);
      view = null;
    }
    Scene scene = stage.getScene();
    scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
    scene.removeEventFilter(KeyEvent.KEY_TYPED, altTyped);
    scene.removeEventHandler(KeyEvent.KEY_PRESSED, escape);
    scene.widthProperty().removeListener(sizeChanged);
    scene.heightProperty().removeListener(sizeChanged);
    stage.setFullScreenExitKeyCombination(fullScreenExitBefore);
    repl.wrapLines(false);
    repl.fitInput(false);
    scene.getRoot().getStyleClass().remove(STYLE_CLASS);
    scene.getStylesheets().remove(STYLESHEET);
    preview.setPresenting(false);
    preview.setZoom(previewZoomBefore);
    repl.setCodeFontSize(0);
    window.notesFontSize().set(notesFontBefore);
    window.details().setManaged(detailsManagedBefore);
    window.details().setVisible(detailsVisibleBefore);
    offStageShownBefore.forEach(
        (node, shown) -> {
          node.setManaged(shown);
          node.setVisible(shown);
        });
    offStageShownBefore.clear();
    // Where the speaker was at leaving (the REPL's input after a failed snippet), if still there.
    Node focusNow = scene.getFocusOwner();
    before.restore();
    giveFocusBack(scene, focusNow);
    caretInSight.keep();
    repl.guide(null); // the REPL's own words again: "Ready", or "Running…" if code runs
    held.close();
  }

  /**
   * The keyboard goes back where the speaker was at leaving ({@code focusNow}: the REPL's input
   * where a snippet just failed), or else where it was before entering (the notes, mostly, their
   * caret where it is), so the presenter types on at once: putting the layout back takes the notes
   * out of the window and in again, and the scene had given the focus to its first field meanwhile
   * (the navigator's search). After a failed snippet, Esc left presenter mode with the keyboard in
   * the notes, and Ctrl+A with the next snippet typed over the whole notes. The notes when neither
   * node is in the window.
   */
  private void giveFocusBack(Scene scene, Node focusNow) {
    Node focus = focusBefore;
    focusBefore = null;
    if (inWindow(focusNow, scene)) {
      focus = focusNow;
    } else if (!inWindow(focus, scene)) {
      focus = window.notesArea();
    }
    if (focus.getScene() == scene) {
      focus.requestFocus();
    }
  }

  /** Whether {@code node} is shown in {@code scene}: it and every parent visible. */
  private static boolean inWindow(Node node, Scene scene) {
    if (node == null || node.getScene() != scene) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static Screen screenOf(Stage stage) {
    List<Screen> screens =
        Screen.getScreensForRectangle(
            stage.getX(),
            stage.getY(),
            Math.max(1, stage.getWidth()),
            Math.max(1, stage.getHeight()));
    return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
  }

  private void onKey(KeyEvent e) {
    if (toTheMenuBar(e)) {
      e.consume(); // the menu bar is out of the window: no menu the audience sees opens
      return;
    }
    if (LEAVE.match(e)) {
      exit(); // also in the presenter's window, where the main window's menu does not see it
    } else if (e.getCode() == KeyCode.PAGE_DOWN) {
      if (typist.isTyping()) {
        typist.finish();
      } else {
        apply(script.forward());
      }
    } else if (e.getCode() == KeyCode.PAGE_UP) {
      typist.finish(); // then replaced by the snippet before
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
      finishBeforeAKey(e);
      return;
    }
    e.consume();
  }

  /**
   * F10 and Alt alone, which give the keyboard to the menu bar: while presenting the bar is out of
   * the window, and the keys went to a menu no one saw (Down then opened File over the audience's
   * screen, the next keys moved in it, Esc closed it rather than leaving). Taken here they do
   * nothing; the menus' own keys (Ctrl+Shift+P, ...) and Alt with another key still work. An Alt
   * pressed and let go without its press does nothing to the bar.
   */
  private static boolean toTheMenuBar(KeyEvent e) {
    return e.getCode() == KeyCode.ALT
        || (e.getCode() == KeyCode.F10 // Ctrl+F10 on macOS
            && !e.isShiftDown()
            && !e.isAltDown()
            && !e.isMetaDown())
        || menuLetter(e);
  }

  /**
   * Alt with a letter or digit (Alt+F: a menu's letter), which opens a menu of the bar: while
   * presenting the bar is out of the window, and the letter was typed into the REPL's input or the
   * notes instead, in front of the room. Taken here (and its typed character, {@link #onAltTyped}),
   * it does nothing. Alt with a key that is no letter (Alt+Up moves a section) still works, as do
   * accelerators, which the scene handles before this filter. Not on macOS, where Option with a
   * letter types a character (é, ƒ) and menus have no letters.
   */
  private static boolean menuLetter(KeyEvent e) {
    return e.isAltDown()
        && !e.isControlDown()
        && !e.isMetaDown()
        && !MAC
        && (e.getCode().isLetterKey() || e.getCode().isDigitKey());
  }

  private static final boolean MAC = System.getProperty("os.name", "").startsWith("Mac");

  /** The character an Alt+letter types goes nowhere while presenting: see {@link #menuLetter}. */
  private void onAltTyped(KeyEvent e) {
    if (e.isAltDown() && !e.isControlDown() && !e.isMetaDown() && !MAC) {
      e.consume();
    }
  }

  /**
   * Another key pressed in the audience's window while a snippet is typed in finishes the snippet
   * at once, and then does what it does (types after it, moves the caret, …): the keys went into
   * the middle of the snippet, the rest typed after them ({@code new TalkXYZ("SQLite…")}), and the
   * next Page Down ran code that did not compile in front of the room. A modifier alone waits for
   * its key.
   */
  private void finishBeforeAKey(KeyEvent e) {
    if (typist.isTyping() && !e.getCode().isModifierKey() && e.getSource() == stage.getScene()) {
      typist.finish();
    }
  }

  /**
   * Esc, when nothing before it took it (the find bar, a popup, the REPL's or the notes' stop, a
   * field's undo), leaves presenter mode; while code runs it stops it (from anywhere: the REPL and
   * the notes stop it themselves, the preview and the presenter's window did not, and the toolbar
   * says "Esc stops it"); nothing while the notes' find bar or a popup is open.
   */
  private void onEscape(KeyEvent e) {
    if (e.getCode() != KeyCode.ESCAPE
        || e.isShortcutDown()
        || e.isShiftDown()
        || e.isAltDown()
        || !active) {
      return;
    }
    if (repl.runsCode()) {
      e.consume();
      repl.stop();
    } else if (!window.findOpen().getAsBoolean() && !popupOpen()) {
      e.consume();
      exit();
    }
  }

  /** Whether a popup of the window's (a menu, a completion list, a documentation) is showing. */
  private boolean popupOpen() {
    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
      if (w instanceof PopupWindow popup
          && !(w instanceof Tooltip)
          && popup.isShowing()
          && ownedBy(popup)) {
        return true;
      }
    }
    return false;
  }

  private boolean ownedBy(PopupWindow popup) {
    javafx.stage.Window owner = popup.getOwnerWindow();
    while (owner != null) {
      if (owner == stage || (view != null && owner == view.stage())) {
        return true;
      }
      owner = owner instanceof PopupWindow p ? p.getOwnerWindow() : null;
    }
    return false;
  }

  private void apply(ScriptQueue.Step step) {
    keptNote = false;
    if (step instanceof ScriptQueue.Load load) {
      keptNote = keepUnsent();
      placed = load.code().stripTrailing();
      if (typing.get()) {
        repl.load("");
        // Typed in, the next Page Down finishes it; then it runs it, as the toolbar says then.
        typist.type(load.code(), this::typed);
      } else {
        repl.load(placed);
      }
    } else if (step instanceof ScriptQueue.Run) {
      repl.run();
    }
    followInNotes();
    showPosition();
  }

  /**
   * The notes follow the script: their caret to the snippet loaded (or just after the one that
   * ran), its block brought into sight, and the preview with them (it follows the notes' scroll).
   * The audience's notes had stayed at the top while the snippets ran, and the caret, from which a
   * script starts, with them: leaving presenter mode and entering again started at snippet 1. A
   * caret the speaker moves is the script's place again ({@link #caretMoved}).
   */
  private void followInNotes() {
    int at = script.caretInNotes();
    GenericStyledArea<?, ?, ?> area = window.notesArea();
    if (at < 0 || at > area.getLength()) {
      return;
    }
    if (area.getCaretPosition() != at || area.getSelection().getLength() > 0) {
      followingScript = true;
      try {
        area.moveTo(at);
      } finally {
        followingScript = false;
      }
    }
    script
        .blockInPlay()
        .filter(block -> block[1] <= area.getLength())
        .ifPresent(block -> caretInSight.showBlock(block[0], block[1]));
  }

  /** A snippet is in whole (typed to its end, or finished at once). */
  private void typed() {
    if (active) {
      showPosition();
    }
  }

  /**
   * What the presenter typed in the REPL's input and did not run, about to be replaced by a
   * snippet, goes to the input's history (Ctrl+Up brings it back): true when there was such input.
   * A snippet presenter mode put there, run or not, is in the notes already.
   */
  private boolean keepUnsent() {
    String unsent = repl.input();
    if (unsent == null || unsent.isBlank() || unsent.equals(placed)) {
      return false;
    }
    repl.keep(unsent);
    return true;
  }

  /** Whether a snippet is being typed in now. */
  public boolean isTyping() {
    return typist.isTyping();
  }

  /**
   * Shows where the script stands, and what the next key does, in the REPL's toolbar (unless code
   * runs: the toolbar says so until it ends, then where the script stands) and the presenter's
   * window.
   */
  private void showPosition() {
    if (!repl.runsCode()) {
      List<String> forms = forms();
      repl.showStatus(forms.get(0), forms.subList(1, forms.size()).toArray(String[]::new));
    }
    if (view != null) {
      view.update(script);
    }
  }

  /**
   * Where the script stands, longest first: the snippet being typed in, loaded or next, or the end;
   * first, while it holds, that the input a snippet replaced went to the history.
   */
  private List<String> forms() {
    List<String> forms = typist.isTyping() ? script.typingForms() : script.positionForms();
    if (!keptNote) {
      return forms;
    }
    // Said in every form, down to the narrowest toolbar. Ctrl+Up walks the history from any line
    // of a snippet (Up only from its first).
    String back = Keys.shown("Shortcut+Up");
    List<String> notes =
        List.of(
            "Your input went to the history, " + back + " brings it back",
            "Your input is in the history (" + back + ")",
            "Input kept (" + back + ")",
            "Kept (" + back + ")");
    List<String> both = new java.util.ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      both.add(notes.get(i) + " · " + forms.get(Math.min(i, forms.size() - 1)));
    }
    return both;
  }

  private void zoom(double by) {
    fontSize = Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize + by));
    settings.put(Settings.PRESENTER_FONT_SIZE, fontSize);
    applyFont();
  }

  /** One size for everything the audience sees; the REPL's room for it. */
  private void applyFont() {
    applyFont(true);
  }

  /** One size for everything the audience sees; the REPL's room for it when {@code room}. */
  private void applyFont(boolean room) {
    applyFont(room, null);
  }

  /**
   * One size for everything the audience sees, for a window the size of {@code area} (null: the
   * window's size now); the REPL's room for it when {@code room}.
   */
  private void applyFont(boolean room, Rectangle2D area) {
    Scene scene = stage.getScene();
    shownSize =
        area == null
            ? scaled(fontSize, scene.getWidth(), scene.getHeight())
            : scaled(fontSize, area.getWidth(), area.getHeight());
    scene.getRoot().setStyle("-fx-font-size: " + shownSize + "px;");
    repl.setCodeFontSize(shownSize);
    window.notesFontSize().set(shownSize);
    preview.setZoom(shownSize / PREVIEW_FONT);
    if (view != null) {
      view.fontChosen(fontSize); // the speaker's window scales it to its own size
    }
    if (room) {
      giveReplRoom();
    }
  }

  /** The window changed size: the text scaled to it (and the REPL's room), or the room alone. */
  private void sizeChanged() {
    Scene scene = stage.getScene();
    if (active && scaled(fontSize, scene.getWidth(), scene.getHeight()) != shownSize) {
      applyFont();
    } else {
      giveReplRoom();
    }
  }

  /**
   * The size the audience sees for the {@code chosen} size in a window {@code width} × {@code
   * height}: scaled by the window's width from {@link #REFERENCE_WIDTH}, no more than its height
   * allows from {@link #REFERENCE_HEIGHT}, between {@link #LEAST_SCALE} and {@link #MOST_SCALE}
   * times; whole pixels, from {@link #MIN_FONT} to {@link #MAX_FONT}.
   */
  static double scaled(double chosen, double width, double height) {
    if (width <= 0 || height <= 0) {
      return chosen;
    }
    double scale = Math.min(width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT);
    scale = Math.max(LEAST_SCALE, Math.min(MOST_SCALE, scale));
    return Math.max(MIN_FONT, Math.min(MAX_FONT, Math.round(chosen * scale)));
  }

  /**
   * Presenting in this window, the REPL under the notes gets room for {@link #REPL_LINES} lines at
   * the presenter's size, half the height at least and two thirds at most.
   */
  private void giveReplRoom() {
    if (active && view == null) {
      Scene scene = stage.getScene();
      double unzoomed = scaled(DEFAULT_FONT, scene.getWidth(), scene.getHeight());
      repl.giveRoom(replLines(shownSize, unzoomed), REPL_LEAST, REPL_MOST);
    }
  }

  /**
   * The lines the REPL has room for at {@code shown} px: {@link #REPL_LINES} at the size for the
   * window without zoom ({@code unzoomed}) or smaller, and no more room than that when the
   * presenter zooms in: ten lines at the larger size took the notes' and preview's room (two Ctrl+=
   * at 1080p left the notes 430 px of 520, about seven lines), the two now grow alike.
   */
  static int replLines(double shown, double unzoomed) {
    if (shown <= unzoomed || shown <= 0) {
      return REPL_LINES;
    }
    return Math.max(1, (int) Math.round(REPL_LINES * unzoomed / shown));
  }

  /** The font size the audience sees now, in px (the presenter's size scaled to the window). */
  public double fontSize() {
    return shownSize;
  }

  /** The presenter's window while presenter view is on, else null. */
  PresenterView view() {
    return view;
  }
}
