package dev.talkbook.ui.repl;

import dev.talkbook.core.repl.CodeWrap;
import dev.talkbook.core.repl.Definition;
import dev.talkbook.core.repl.Evaluation;
import dev.talkbook.core.repl.KeptOutput;
import dev.talkbook.core.repl.LongLines;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.core.repl.ReplEvent;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.repl.SnippetResult;
import dev.talkbook.core.repl.SnippetResult.Status;
import dev.talkbook.ui.common.FittedLabel;
import dev.talkbook.ui.common.HangingIndent;
import dev.talkbook.ui.common.Icons;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.ReplGuide;
import dev.talkbook.ui.common.ShownKey;
import dev.talkbook.ui.common.Tips;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.kordamp.ikonli.feather.Feather;

/**
 * The REPL pane: a transcript of what ran, the input editor (Java highlighting, auto-indent,
 * bracket matching, Ctrl+Space completion, Ctrl+Shift+Space documentation, Ctrl+Enter to run,
 * Up/Down on the first/last line or Ctrl+Up/Down for the history), Stop/Reset/Restart, a prompt for
 * {@code System.in}, and the list of what is defined. Session events arrive on the session's thread
 * and are applied in batches on the FX thread.
 */
public final class ReplPane {

  static final String VALUE = "tb-repl-value";
  static final String OUT = "tb-repl-out";
  static final String ERR = "tb-repl-err";
  static final String ERROR = "tb-repl-error";
  static final String NOTE = "tb-repl-note";
  static final String CODE = "tb-repl-code";
  static final String PROMPT = "tb-repl-prompt";
  static final String HINT = "tb-repl-hint";

  /** In the input: the span a compiler error is about, or the line that threw. */
  static final String PROBLEM = "tb-repl-problem";

  /**
   * The transcript keeps its newest lines, at most this many: several hundred screens, as a
   * terminal's scroll-back (xterm keeps 1,024 lines, GNOME's terminal 10,000). Older lines go,
   * where a line starts, and its first line says how many went. A long output (a loop printing a
   * million lines) would otherwise make every change to the transcript slow.
   */
  static final int TRANSCRIPT_LINES = 5_000;

  /** The transcript keeps at most this many characters (of long lines), as for its lines. */
  static final int TRANSCRIPT_CHARS = 500_000;

  /**
   * No line in the transcript (output, values, errors, code) is longer than this many characters:
   * the rest of a longer line is left out, and a marker says how much ({@link LongLines}). A
   * wrapped line is laid out whole at every change of its paragraph, at a cost that grows faster
   * than its length: 100,000 characters on one line held the FX thread for about 17 s, 3,000,000
   * for minutes (Esc could not stop the code meanwhile). At 5,000 characters (some 60 wrapped lines
   * at 80 columns, more than a screen) one layout took about 0.1 s here.
   */
  static final int LINE_CHARS = 5_000;

  /**
   * At most this many lines of output are appended to the transcript at once (in one pulse of the
   * FX thread); more waits for the next, and of what waits, only what the transcript keeps is kept.
   * A loop printing two million lines thus shows its newest lines a few times a second, and the
   * window goes on answering; appending all that had come at once held the FX thread for seconds.
   */
  static final int DRAIN_LINES = 500;

  /** Clears the transcript (the Java menu's item shows it too). */
  static final KeyCombination CLEAR =
      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

  private static final KeyCombination RUN =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination COMPLETE =
      new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination DOCUMENT =
      new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination HISTORY_BACK =
      new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination HISTORY_FORWARD =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN);

  /** Up on the input's first line walks the history back, as in jshell. */
  private static final KeyCombination UP = new KeyCodeCombination(KeyCode.UP);

  /** Down on the input's last line walks the history forward. */
  private static final KeyCombination DOWN = new KeyCodeCombination(KeyCode.DOWN);

  private final ReplSession session;
  private final JavaInput java = new JavaInput();
  private final ReplHistory history = new ReplHistory();

  /** Where the history is kept across restarts; null until {@link #keepHistoryIn} has read it. */
  private KeptReplHistory keptHistory;

  private final BorderPane root = new BorderPane();
  private final CodeArea input = new CodeArea();
  private final StyleClassedTextArea transcript = new StyleClassedTextArea();
  private final ListView<Definition> definitions = new ListView<>();

  /** The input is never lower than this, in px: two lines at the default font size. */
  static final double INPUT_MIN_HEIGHT = 52;

  /** The definitions list is never narrower than this, in px at the style sheet's size. */
  static final double DEFINITIONS_MIN_WIDTH = 190;

  /** The definitions list's font size in the style sheet ({@code repl.css}), in px. */
  private static final double DEFINITIONS_SHEET_FONT = 12;

  /**
   * The least width the transcript and input keep beside the definitions, in px at the style
   * sheet's size: where the pane has not that much more than the definitions' own least width (a
   * narrow window at the presenter's text size), the definitions give way to the transcript.
   */
  static final double TRANSCRIPT_MIN_WIDTH = 190;

  private final SplitPane main = new SplitPane();

  /** The transcript over the input. */
  private final SplitPane codeSplit = new SplitPane();

  private VirtualizedScrollPane<CodeArea> inputScroll;
  private HBox bar;

  /** Whether the input is kept as high as its code ({@link #fitInput}). */
  private boolean fitInput;

  /** Where the divider over the input was before {@link #fitInput} moved it. */
  private double codeDividerBefore = 0.6;

  private final javafx.beans.InvalidationListener refit = obs -> refitInput();

  /**
   * Beyond the lines themselves, the height the code takes in px: the transcript's padding, the
   * divider, the input's insets.
   */
  static final double CODE_CHROME = 26;

  /** The code's font size set by {@link #setCodeFontSize}, in px; 0 for the sheet's. */
  private double codeFontSize;

  /** Where the divider was when the definitions last gave way. */
  private double definitionsDivider = 0.7;

  private final Button run = new Button("Run");
  private final Button stop = new Button("Stop");
  private final Button reset = new Button("Reset");
  private final Button restart = new Button("Restart");
  private final Button detach = new Button();
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final FittedLabel state = new FittedLabel();
  private final Label javaVersion = new Label();
  private final HBox stdinBar = new HBox(6);
  private final TextField stdinField = new TextField();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

  /** Whether the session runs the definitions again in a new JVM (Stop and Esc stop that). */
  private final javafx.beans.property.BooleanProperty replaying =
      new javafx.beans.property.SimpleBooleanProperty(false);

  /**
   * Whether output from a thread the code left running (a background thread printing between
   * evaluations) came within the last {@link #BACKGROUND_QUIET}: Stop (and Esc) then end it, by
   * starting Java again, and the toolbar says so. No evaluation runs, so Stop had nothing to stop
   * and stayed greyed out, and only Restart or Reset ended such a thread, which nothing said.
   */
  private final ReadOnlyBooleanWrapper background = new ReadOnlyBooleanWrapper(false);

  /** After this long without output from a background thread, Stop no longer offers to end it. */
  static final javafx.util.Duration BACKGROUND_QUIET = javafx.util.Duration.seconds(3);

  private final javafx.animation.PauseTransition backgroundQuiet =
      new javafx.animation.PauseTransition(BACKGROUND_QUIET);

  /** What the session said when it gave up starting a JVM by itself; null when it has not. */
  private String givenUp;

  /**
   * Events not applied yet, in order; guarded by itself. Output that follows output of the same
   * stream is merged into it, and of a merged output more than the transcript keeps only the newest
   * part is held: a flood of output while the FX thread is busy holds at most about that much.
   */
  private final ArrayDeque<ReplEvent> pending = new ArrayDeque<>();

  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  /** Output's long lines cut before they are queued (guarded by {@link #pending}). */
  private final LongLines longLines = new LongLines(LINE_CHARS);

  /**
   * Error links in the transcript: [start, end) of the text, the input it came from, the offset.
   */
  private final List<Link> links = new ArrayList<>();

  private final AutoCloseable subscription;
  private Runnable onDetach = () -> {};

  /**
   * An error link: {@code [start, end)} of the transcript, the input it came from and the offset
   * there; for a compile problem, the problem too and the transcript's columns it was laid out for
   * ({@link #relayOutProblems}), else null and 0.
   */
  private record Link(
      int start,
      int end,
      String code,
      int position,
      SnippetResult.Problem problem,
      String style,
      int columns) {
    Link(int start, int end, String code, int position) {
      this(start, end, code, position, null, null, 0);
    }

    Link shifted(int by) {
      return new Link(start + by, end + by, code, position, problem, style, columns);
    }
  }

  /** An input run from this pane: its code, where it starts in the input, the input's text. */
  private record Ran(String code, int base, String inputText) {}

  /** The input run last from this pane, until its evaluation starts. */
  private Ran runFromInput;

  /** The input whose evaluation is running or was shown last, if it came from this pane. */
  private Ran shownRun;

  /** Spans marked in the input ([start, end)), while its text is what ran. */
  private final List<int[]> marks = new ArrayList<>();

  /** Lines (their line breaks) the transcript let go from its top since it was last cleared. */
  private long droppedLines;

  /** The length of the transcript's first line saying so, its break included; 0 before any. */
  private int droppedNoteLength;

  private final int keptLines;
  private final int keptChars;

  public ReplPane(ReplSession session) {
    this(session, TRANSCRIPT_LINES, TRANSCRIPT_CHARS);
  }

  /** A pane whose transcript keeps {@code lines} lines and {@code chars} characters (tests). */
  ReplPane(ReplSession session, int lines, int chars) {
    this.session = session;
    this.keptLines = lines;
    this.keptChars = chars;
    backgroundQuiet.setOnFinished(
        e -> {
          background.set(false);
          showIdle(lastAfter); // as the last run left it (a failure stays said)
        });
    layout();
    wireInput();
    subscription = session.addListener(this::offer);
    if (session.ready().isDone()) {
      showIdle();
      // What the session holds already (a block of the notes run before the pane was first
      // shown): the list said "Nothing defined yet" until the next run, and presenter mode's
      // script then "replaced" definitions nobody saw.
      readDefinitions();
    }
  }

  /** The definitions list read again from the session (off the FX thread), then shown. */
  private void readDefinitions() {
    session
        .definitions()
        .thenAccept(list -> Platform.runLater(() -> definitions.getItems().setAll(list)));
  }

  public Node root() {
    return root;
  }

  public CodeArea input() {
    return input;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public boolean isRunning() {
    return running.get();
  }

  /**
   * Whether a thread the code left running prints while no evaluation runs (output came within the
   * last few seconds): Stop, Esc and Java → Stop end it by starting Java again ({@link
   * #endBackgroundThread}).
   */
  public ReadOnlyBooleanProperty backgroundOutputProperty() {
    return background.getReadOnlyProperty();
  }

  /**
   * Ends the threads the code left running, when one prints and nothing else runs: Java is started
   * again and the definitions run again (as Restart does; a JVM's threads end only with it,
   * JShell's stop reaches only the thread that runs a snippet). False, doing nothing, otherwise.
   */
  public boolean endBackgroundThread() {
    if (!background.get() || running.get() || replaying.get() || othersRunning.get()) {
      return false;
    }
    quietBackground();
    appendStyled(
        "Stopping the background thread: Java starts again and runs the definitions again.\n",
        NOTE);
    session.restart();
    return true;
  }

  /** No more background output is said or offered to stop. */
  private void quietBackground() {
    backgroundQuiet.stop();
    background.set(false);
  }

  /** Whether the transcript's last line is in sight (for tests). */
  boolean transcriptEndInSight() {
    int last = transcript.getParagraphs().size() - 1;
    return transcript.getVisibleParagraphs().size() > 0
        && transcript.lastVisibleParToAllParIndex() >= last - 1;
  }

  /** The names the definitions list shows now (tests). */
  List<String> definitionsShown() {
    return definitions.getItems().stream().map(Definition::name).toList();
  }

  /**
   * Shows a block of Java → Run all as it has run in the run's own JVM, so a speaker sees the run
   * go on: which block of how many, its code, and what it gave (the text written under it into the
   * notes once the run ends). Not kept for "Save transcript to notes": it did not run in this
   * session. FX thread.
   */
  public void showRanBlock(int index, int total, String code, NoteCode.Result result) {
    failureFromEnd = 0;
    appendStyled(
        "Run all, code block " + (index + 1) + " of " + total + " (in a fresh Java VM):\n", NOTE);
    appendStyled(prompted(code), CODE);
    String text = result.text();
    if (!text.isEmpty()) {
      appendStyled(text.endsWith("\n") ? text : text + "\n", result.failed() ? ERROR : OUT);
    }
    trimTranscript();
    showEnd();
  }

  /** The transcript's text (for tests and "save transcript"). */
  public String transcriptText() {
    return transcript.getText();
  }

  /** What the Detach/Dock button does; the dock sets it. */
  public void setOnDetach(Runnable action, String label) {
    this.onDetach = action;
    detach.setText(label);
  }

  /** The font size of transcript, input and definitions, in px; 0 for the style sheet's. */
  public void setCodeFontSize(double px) {
    String style = px > 0 ? "-fx-font-size: " + px + "px;" : "";
    transcript.setStyle(style);
    input.setStyle(style);
    definitions.setStyle(style);
    codeFontSize = px;
    placeDefinitions();
    followEnd();
    restyleLater(); // the input's lines hold another number of columns
  }

  /** Whether the definitions list is in the pane now (it gives way where the pane is narrow). */
  public boolean showsDefinitions() {
    return main.getItems().contains(definitions);
  }

  /**
   * The pane's width as far as the window shows it: at the presenter's text size the toolbar above
   * can be wider than a narrow window, and the pane as wide as the toolbar, its right end past the
   * window's edge.
   */
  private double widthInWindow() {
    double width = main.getWidth();
    javafx.scene.Scene scene = main.getScene();
    if (scene != null && width > 0) {
      width = Math.min(width, scene.getWidth() - main.localToScene(0, 0).getX());
    }
    return width;
  }

  /**
   * The definitions list as wide as its words need at the font size now, beside the transcript
   * where the pane has room for both at their least widths; else the transcript alone, the
   * definitions back once the pane is wide enough again. Cut to a few letters a line, they could
   * not be read.
   */
  private void placeDefinitions() {
    double scale = codeFontSize > 0 ? codeFontSize / DEFINITIONS_SHEET_FONT : 1;
    double least = DEFINITIONS_MIN_WIDTH * scale;
    definitions.setMinWidth(least);
    double width = widthInWindow();
    boolean room = width <= 0 || width >= least + TRANSCRIPT_MIN_WIDTH * scale;
    boolean shown = showsDefinitions();
    if (room && !shown) {
      main.getItems().add(definitions);
      main.setDividerPositions(definitionsDivider);
    } else if (!room && shown) {
      definitionsDivider = main.getDividerPositions()[0];
      main.getItems().remove(definitions);
    }
  }

  /** Shows the transcript's end once the layout under way is done. */
  private void followEnd() {
    Platform.runLater(
        () -> {
          relayOutProblems(); // the columns may have changed with the size or the font
          showEnd();
        });
  }

  /**
   * The transcript's end in sight: the caret there, followed; after a failure, its first line at
   * the top when the failure is longer than the transcript has room for (the room read four "at
   * java.base/…" lines in presenter mode, the exception's name and message scrolled off above).
   */
  private void showEnd() {
    transcript.moveTo(transcript.getLength());
    int failure = transcript.getParagraphs().size() - failureFromEnd;
    if (failureFromEnd > 0 && failure >= 0) {
      // At the top, or lower when the rest fits below it: the flow shows no room past the end.
      transcript.showParagraphAtTop(failure);
    } else {
      transcript.requestFollowCaret();
    }
  }

  /**
   * Where the last run's failure begins (its exception or first compile error), in paragraphs from
   * the transcript's end (trimming its top keeps it); 0: no failure to keep in sight, the end is
   * followed.
   */
  private int failureFromEnd;

  /** The failure just appended from {@code start} on stays in sight (see {@link #showEnd}). */
  private void keepInSight(int start) {
    if (failureFromEnd == 0) {
      int par = transcript.offsetToPosition(start, Bias.Forward).getMajor();
      failureFromEnd = transcript.getParagraphs().size() - par;
    }
  }

  /**
   * Empties the transcript (Java → Clear the REPL transcript, Ctrl+L, its context menu); "Save
   * transcript to notes" then saves only what runs after. The session and its definitions stay.
   */
  public void clearTranscript() {
    transcript.clear();
    failureFromEnd = 0;
    links.clear();
    ran.clear();
    droppedLines = 0;
    droppedNoteLength = 0;
  }

  /** Whether code the pane does not run itself runs (the notes' Run all, Rehearse). */
  private final javafx.beans.property.BooleanProperty othersRunning =
      new javafx.beans.property.SimpleBooleanProperty(false);

  private Runnable stopOthers = () -> {};

  /**
   * Stop (and Esc) also stop what {@code stop} stops, and are offered while {@code runs} holds: the
   * notes' Run all and Rehearse, which run in JVMs of their own.
   */
  public void stopAlso(javafx.beans.value.ObservableBooleanValue runs, Runnable stop) {
    othersRunning.bind(runs);
    stopOthers = stop;
  }

  private void stopCode() {
    if (endBackgroundThread()) {
      return;
    }
    session.stop();
    stopOthers.run();
    // A wait for input ends with the stop (also one of a thread left running, which no
    // evaluation's end would hide).
    hideStdinIfShown();
  }

  private javafx.beans.binding.BooleanBinding stoppable;

  /**
   * Whether Stop (and Esc) have something to stop: code the pane ran, the definitions run again
   * after a restart, code waiting for input (a thread left running asks between evaluations), or
   * code the pane does not run itself.
   */
  private javafx.beans.binding.BooleanBinding stoppable() {
    if (stoppable == null) {
      stoppable =
          running.or(replaying).or(stdinBar.visibleProperty()).or(othersRunning).or(background);
    }
    return stoppable;
  }

  /**
   * A short message in the pane's toolbar (e.g. about running the notes' code blocks), with shorter
   * forms of it, longest first, for a toolbar too narrow for the whole of it (its tooltip then says
   * it whole).
   */
  public void showStatus(String message, String... shorter) {
    state.show(message, shorter);
  }

  /** The guide the toolbar's state follows, null for the pane's own words. */
  private ReplGuide guide;

  /**
   * Has the toolbar's state say what {@code guide} gives (null: the pane's own words again), now
   * and whenever the REPL is ready or starts running code.
   */
  public void guideWith(ReplGuide guide) {
    this.guide = guide;
    if (running.get()) {
      showRunning();
    } else {
      showIdle();
    }
  }

  /** The status the toolbar shows now, as it is drawn (for tests). */
  FittedLabel status() {
    return state;
  }

  public void focusInput() {
    input.requestFocus();
  }

  /**
   * Keeps the input's history in {@code kept} from now on, after putting what it holds (the inputs
   * of an earlier start, read on {@code io}: not on the FX thread) before the inputs run so far, so
   * Up after a restart or a crash walks back to the snippets run before it.
   */
  public void keepHistoryIn(KeptReplHistory kept, Executor io) {
    CompletableFuture<List<String>> older;
    try {
      older = CompletableFuture.supplyAsync(kept::read, io);
    } catch (RejectedExecutionException closing) {
      return; // the window is closing
    }
    older.thenAcceptAsync(
        inputs -> {
          int runMeanwhile = history.entries().size();
          history.restoreOlder(inputs);
          keptHistory = kept;
          if (runMeanwhile > 0) {
            keepHistory();
          }
        },
        Platform::runLater);
  }

  /** The history written out soon, once it is kept in a file. */
  private void keepHistory() {
    if (keptHistory != null) {
      keptHistory.keep(history.entries());
    }
  }

  /**
   * Keeps {@code text} in the input's history as if it had run, so Up brings it back (presenter
   * mode, before a snippet replaces what the presenter had typed).
   */
  public void keepInHistory(String text) {
    history.add(text);
    keepHistory();
  }

  /**
   * Long lines of the input wrap (true, presenter mode: at its text size a one-line snippet ran
   * past the pane's edge) or scroll sideways (false). The transcript always wraps.
   */
  public void wrapInput(boolean on) {
    input.setWrapText(on);
    wrapCode = on;
    restyle(); // its long lines' hanging indent, or none
  }

  /**
   * The input as high as the code in it, and the transcript the rest (true: presenter mode, where
   * an input emptied by a run gives its room to the result, and a snippet typed in takes what its
   * lines need, up to half); or the divider back where it was (false).
   */
  public void fitInput(boolean on) {
    if (on == fitInput) {
      return;
    }
    fitInput = on;
    if (on) {
      codeDividerBefore = codeSplit.getDividerPositions()[0];
      input.totalHeightEstimateProperty().addListener(refit);
      codeSplit.heightProperty().addListener(refit);
      stdinBar.managedProperty().addListener(refit);
      refitInput();
    } else {
      input.totalHeightEstimateProperty().removeListener(refit);
      codeSplit.heightProperty().removeListener(refit);
      stdinBar.managedProperty().removeListener(refit);
      codeSplit.setDividerPositions(codeDividerBefore);
    }
  }

  /** The divider over the input where the input's code, with the stdin prompt if shown, fits. */
  private void refitInput() {
    double height = codeSplit.getHeight();
    if (!fitInput || height <= 0) {
      return;
    }
    Double code = input.totalHeightEstimateProperty().getValue();
    double lines = code == null ? lineHeight() : code;
    double wanted =
        lines
            + input.snappedTopInset()
            + input.snappedBottomInset()
            + (stdinBar.isManaged() ? stdinBar.prefHeight(-1) : 0)
            + 4;
    wanted = Math.min(Math.max(wanted, INPUT_MIN_HEIGHT), height / 2);
    codeSplit.setDividerPositions(Math.max(0, 1 - wanted / height));
  }

  /**
   * The height the pane needs for its toolbar and {@code lines} lines of code and output at its
   * font size now, in px.
   */
  public double heightFor(int lines) {
    root.applyCss();
    return bar.prefHeight(-1) + lines * lineHeight() + CODE_CHROME;
  }

  /** The height of a line of code at the font size now, in px. */
  private double lineHeight() {
    javafx.scene.text.Text probe = new javafx.scene.text.Text("Xg");
    probe.setFont(
        javafx.scene.text.Font.font(
            "Monospaced", codeFontSize > 0 ? codeFontSize : CODE_SHEET_FONT));
    return probe.getLayoutBounds().getHeight();
  }

  /** The transcript's and the input's font size in the style sheet ({@code repl.css}), in px. */
  private static final double CODE_SHEET_FONT = 13;

  /** Stops listening to the session (the window closes; the session lives on). */
  public void dispose() {
    try {
      subscription.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- layout ---------------------------------------------------------------------------------

  /**
   * The width {@code bar} needs for its buttons, the state's shortest form and the Java version.
   */
  private double widthWithVersion(HBox bar) {
    double width = bar.snappedLeftInset() + bar.snappedRightInset();
    int shown = 0;
    for (Node child : bar.getChildren()) {
      if (child == state) {
        width += state.minWidth(-1);
      } else if (child == javaVersion || child.isManaged()) {
        width += child.prefWidth(-1);
      } else {
        continue;
      }
      shown++;
    }
    return width + bar.getSpacing() * Math.max(0, shown - 1);
  }

  private void layout() {
    root.getStyleClass().add("tb-repl");
    root.getStylesheets().add(stylesheet());
    run.setGraphic(Icons.of(Feather.PLAY));
    run.setTooltip(
        Tips.tooltip(
            "Run the selection, or all of the input (" + Keys.shown("Shortcut+Enter") + ")"));
    run.setOnAction(e -> runInput());
    stop.setGraphic(Icons.of(Feather.SQUARE));
    stop.setTooltip(Tips.tooltip("Stop the running code (Esc)"));
    stop.setOnAction(e -> stopCode());
    stop.disableProperty().bind(stoppable().not());
    reset.setTooltip(Tips.tooltip("Forget everything: a fresh Java VM"));
    reset.setOnAction(e -> session.reset());
    restart.setTooltip(Tips.tooltip("A fresh Java VM, with the definitions run again"));
    restart.setOnAction(e -> session.restart());
    detach.setOnAction(e -> onDetach.run());
    spinner.setPrefSize(16, 16);
    spinner.setMaxSize(16, 16);
    spinner.visibleProperty().bind(running);
    state.getStyleClass().add("tb-muted");
    String version = session.javaVersion();
    javaVersion.setText("Java " + Runtime.Version.parse(version).feature());
    javaVersion.getStyleClass().addAll("tb-repl-java", "tb-muted");
    javaVersion.setTooltip(
        Tips.tooltip(
            "The REPL compiles and runs your code with Java "
                + version
                + ".\nCode that needs a newer Java gets a message saying so."));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    bar =
        new HBox(6, run, stop, spinner, state, grow, javaVersion, reset, restart, detach) {
          @Override
          protected void layoutChildren() {
            // Where the buttons and the state's shortest form leave no room for "Java 17" (the
            // smallest window at presenter mode's text size), the Java version gives way: it is in
            // the REPL's transcript and menus too, what comes next in the script is not.
            boolean room = widthWithVersion(this) <= getWidth();
            if (javaVersion.isManaged() != room) {
              javaVersion.setManaged(room);
              javaVersion.setVisible(room);
            }
            super.layoutChildren();
          }
        };
    // In a narrow window the state shows a shorter form of its words, never a button cut.
    for (Button b : List.of(run, stop, reset, restart, detach)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    javaVersion.setMinWidth(Region.USE_PREF_SIZE);
    state.show("Starting Java…");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 6, 4, 6));
    bar.getStyleClass().add("tb-repl-bar");

    transcript.setEditable(false);
    transcript.setWrapText(true);
    transcript.getStyleClass().add("tb-repl-transcript");
    transcript.setContextMenu(transcriptMenu());
    transcript.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (Keys.asksForContextMenu(e)) {
            var at = transcript.localToScreen(transcript.getBoundsInLocal());
            transcript.getContextMenu().show(transcript, at.getMinX() + 16, at.getMinY() + 16);
            e.consume();
          }
        });
    transcript.setOnMouseClicked(
        e -> {
          int at = transcript.getCaretPosition();
          for (Link link : links) {
            if (at >= link.start && at <= link.end) {
              showInInput(link.code, link.position);
              break;
            }
          }
        });

    input.getStyleClass().addAll("tb-repl-input", "tb-editor");
    // A long line that wraps (presenter mode) continues two columns in from its code, as the
    // transcript's code does: its indentation and first two characters are shown beside the line
    // number, out of the text's flow (HangingIndent); wrapped from column 0, "-> w *" / "h;" lost
    // the code's indentation.
    java.util.function.IntFunction<Node> numbers = LineNumberFactory.get(input);
    input.setParagraphGraphicFactory(
        p -> {
          Node number = numbers.apply(p);
          Node prefix = HangingIndent.graphic(input, p);
          return prefix == null ? number : new HBox(number, prefix);
        });
    input
        .widthProperty()
        .addListener(
            (obs, was, now) -> {
              if (wrapCode) {
                restyleLater();
              }
            });
    input.setWrapText(false);

    Label stdinLabel = new Label("The code reads System.in:");
    stdinField.setPromptText("type a line, Enter sends it; Ctrl+D ends the input");
    HBox.setHgrow(stdinField, Priority.ALWAYS);
    stdinBar.getChildren().addAll(stdinLabel, stdinField);
    stdinBar.setAlignment(Pos.CENTER_LEFT);
    stdinBar.setPadding(new Insets(2, 6, 2, 6));
    stdinBar.getStyleClass().add("tb-repl-stdin");
    stdinBar.setVisible(false);
    stdinBar.setManaged(false);
    stdinField.setOnAction(
        e -> {
          String line = stdinField.getText();
          stdinField.clear();
          appendStyled(line + "\n", PROMPT);
          session.input(line + "\n");
          hideStdin();
        });
    stdinField.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isControlDown() && e.getCode() == KeyCode.D) {
            session.endOfInput();
            hideStdin();
            e.consume();
          }
        });

    inputScroll = new VirtualizedScrollPane<>(input);
    // A short pane (the least window) takes its room from the transcript, not from the input.
    inputScroll.setMinHeight(INPUT_MIN_HEIGHT);
    VirtualizedScrollPane<?> transcriptScroll = new VirtualizedScrollPane<>(transcript);
    transcriptScroll.setMinHeight(0);
    // The newest output stays in sight through a change of the pane's size or font (presenter
    // mode and its zoom, a smaller window, presenter view), as it does when output comes: the
    // transcript kept its first line in place and the newest output went below the fold.
    transcriptScroll.heightProperty().addListener((obs, was, now) -> followEnd());
    transcriptScroll.widthProperty().addListener((obs, was, now) -> followEnd());
    // The node Ctrl+Tab leaves the input from (see leaveInput): after the input, taking no room.
    inputEnd.setManaged(false);
    VBox inputBox = new VBox(stdinBar, inputScroll, inputEnd);
    VBox.setVgrow(inputScroll, Priority.ALWAYS);
    codeSplit.getItems().setAll(transcriptScroll, inputBox);
    codeSplit.setOrientation(Orientation.VERTICAL);
    codeSplit.setDividerPositions(0.6);

    definitions.getStyleClass().add("tb-repl-definitions");
    // Ctrl+Tab moves on from the list as from the input (a list keeps it): as a Tab would.
    definitions.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB && e.isControlDown()) {
            e.consume();
            Keys.moveFocusOn(definitions, !e.isShiftDown());
          }
        });
    Label nothing = new Label("Nothing defined yet");
    nothing.setWrapText(true);
    definitions.setPlaceholder(nothing);
    definitions.setCellFactory(list -> new DefinitionCell());
    definitions.setOnMouseClicked(
        e -> {
          Definition d = definitions.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && d != null) {
            input.insertText(input.getCaretPosition(), d.name());
            input.requestFocus();
          }
        });
    definitions.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          Definition d = definitions.getSelectionModel().getSelectedItem();
          if (d != null && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)) {
            toggleWhole(d);
            e.consume();
          }
        });
    // Room for a definition and its value, and for "Nothing defined yet", whatever width the pane
    // had when it was first laid out (a dock shown in a narrow window once left it at ~96 px).
    definitions.setMinWidth(DEFINITIONS_MIN_WIDTH);
    main.getItems().setAll(codeSplit, definitions);
    main.setDividerPositions(definitionsDivider);
    // The width the pane is given, not the least its two sides need: else the definitions' least
    // width made the pane (and the window's content) wider than the window, and they never gave
    // way.
    main.setMinWidth(0);
    main.widthProperty().addListener((obs, was, now) -> placeDefinitions());
    javafx.beans.value.ChangeListener<Number> windowWidth = (obs, was, now) -> placeDefinitions();
    main.sceneProperty()
        .addListener(
            (obs, was, now) -> {
              if (was != null) {
                was.widthProperty().removeListener(windowWidth);
              }
              if (now != null) {
                now.widthProperty().addListener(windowWidth);
              }
            });
    SplitPane.setResizableWithParent(definitions, false);

    root.setTop(bar);
    root.setCenter(main);
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE && stoppable().get()) {
            stopCode();
            e.consume();
          } else if (CLEAR.match(e)) {
            // here too for the detached pane, whose window has no Java menu
            clearTranscript();
            e.consume();
          }
        });
  }

  /** The transcript's context menu: Copy, Select all, Clear transcript. */
  private ContextMenu transcriptMenu() {
    MenuItem copy = new MenuItem("Copy");
    copy.setOnAction(e -> transcript.copy());
    MenuItem all = new MenuItem("Select all");
    all.setOnAction(e -> transcript.selectAll());
    MenuItem clear = new MenuItem("Clear transcript");
    clear.setAccelerator(new ShownKey(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
    clear.setOnAction(e -> clearTranscript());
    ContextMenu menu = new ContextMenu(copy, all, new SeparatorMenuItem(), clear);
    menu.getStyleClass().add("tb-repl-transcript-menu");
    menu.setOnShowing(e -> copy.setDisable(transcript.getSelection().getLength() == 0));
    return menu;
  }

  /** A definition's value takes at most this many lines in the list until it is opened. */
  static final int SHUT_LINES = 2;

  /** The definitions opened to show their whole value ({@link #key}). */
  private final Set<String> opened = new java.util.HashSet<>();

  /** What stays the same of a definition as its value changes. */
  private static String key(Definition d) {
    return d.kind() + " " + d.name();
  }

  /** Whether the list shows {@code d} whole (opened) rather than in its first lines. */
  boolean showsWhole(Definition d) {
    return opened.contains(key(d));
  }

  /**
   * Opens {@code d} to show its whole value, or shuts it to its first {@link #SHUT_LINES} lines (a
   * click on it, Enter or Space): at the presenter's text size a long value was cut at two lines
   * with no way to read the rest. It stays open while the session keeps it.
   */
  void toggleWhole(Definition d) {
    boolean open = !opened.remove(key(d));
    if (open) {
      opened.add(key(d));
    }
    definitions.refresh(); // the cells are measured again
    if (open) {
      // Opened low in the list, its end was below the list's edge: it goes to the top, once the
      // list has measured it again.
      definitions.applyCss();
      definitions.layout();
      definitions.scrollTo(d);
    }
  }

  /**
   * Puts the keyboard in the definitions list (the first selected if none is), or back in the input
   * from there (Java → Go to the REPL's definitions). False when the list has given way to the
   * transcript in a narrow pane: the toolbar then says so.
   */
  public boolean focusDefinitions() {
    if (definitions.isFocused()) {
      input.requestFocus();
      return true;
    }
    if (!showsDefinitions()) {
      showStatus(
          "The definitions have no room here: a wider window or a smaller zoom shows them",
          "No room for the definitions",
          "No room");
      return false;
    }
    if (definitions.getSelectionModel().isEmpty() && !definitions.getItems().isEmpty()) {
      definitions.getSelectionModel().select(0);
    }
    definitions.requestFocus();
    return true;
  }

  /**
   * A definition in the list: its words wrapped at the list's width, at most {@link #SHUT_LINES}
   * lines (the cut marked "…") unless opened; a click opens or shuts it; its tooltip at the list's
   * text size (the presenter's, while presenting).
   */
  private final class DefinitionCell extends ListCell<Definition> {
    private final Tooltip tip = Tips.tooltip();

    DefinitionCell() {
      // Long values wrap (a zero preferred width makes the cell take the list's).
      setWrapText(true);
      setPrefWidth(0);
      setEllipsisString("…");
      tip.setWrapText(true);
      tip.setMaxWidth(640);
      tip.fontProperty().bind(fontProperty());
      setOnMouseClicked(
          e -> {
            if (!isEmpty() && getItem() != null && e.getClickCount() == 1) {
              toggleWhole(getItem());
            }
          });
    }

    @Override
    protected void updateItem(Definition d, boolean empty) {
      super.updateItem(d, empty);
      String text = empty || d == null ? null : describe(d);
      setText(text);
      if (text == null) {
        setTooltip(null);
      } else {
        tip.setText(text + (showsWhole(d) ? "" : "\n(click or Enter shows it whole)"));
        setTooltip(tip);
      }
    }

    /**
     * As high as its words wrapped at {@code width}: all of them when opened, else at most {@link
     * #SHUT_LINES} lines; never lower than the theme's row. (The theme's cell size alone made every
     * definition two lines at most, whatever its value.)
     */
    @Override
    protected double computePrefHeight(double width) {
      double row = super.computePrefHeight(width);
      Definition d = getItem();
      String text = getText();
      if (d == null || text == null || isEmpty()) {
        return row;
      }
      double wrap = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset() - 1;
      javafx.scene.text.Text words = new javafx.scene.text.Text(text);
      words.setFont(getFont());
      words.setLineSpacing(getLineSpacing());
      words.setWrappingWidth(Math.max(1, wrap));
      double height = words.getLayoutBounds().getHeight();
      if (!showsWhole(d)) {
        javafx.scene.text.Text line = new javafx.scene.text.Text("X");
        line.setFont(getFont());
        height = Math.min(height, SHUT_LINES * line.getLayoutBounds().getHeight());
      }
      double pad = getFont().getSize() * 0.6;
      return Math.max(row, height + snappedTopInset() + snappedBottomInset() + pad);
    }
  }

  static String describe(Definition d) {
    return switch (d.kind()) {
      case VARIABLE -> d.detail() + " " + d.name() + " = " + d.value();
      case METHOD -> d.name() + d.detail();
      case TYPE -> d.detail() + " " + d.name();
      case IMPORT -> "import " + (d.detail().isEmpty() ? "" : d.detail() + " ") + d.name();
      case LIBRARY -> "//DEPS " + d.name() + "   (" + d.detail() + ")";
    };
  }

  private void wireInput() {
    input
        .textProperty()
        .addListener(
            (obs, old, text) -> {
              if (!marks.isEmpty() && (shownRun == null || !text.equals(shownRun.inputText))) {
                marks.clear(); // The marks were about the text that ran.
              }
              restyle();
            });
    input.caretPositionProperty().addListener((obs, old, caret) -> restyle());
    input.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (RUN.match(e)) {
            runInput();
          } else if (DOCUMENT.match(e)) {
            showDocumentation();
          } else if (COMPLETE.match(e)) {
            complete();
          } else if (HISTORY_BACK.match(e) || (UP.match(e) && onFirstLine())) {
            String previous = history.previous(input.getText());
            if (previous != null) {
              input.replaceText(previous);
              // On its first line, so that Up again goes on walking back.
              int firstLineEnd = previous.indexOf('\n');
              input.moveTo(firstLineEnd < 0 ? previous.length() : firstLineEnd);
            }
          } else if (HISTORY_FORWARD.match(e) || (DOWN.match(e) && onLastLine())) {
            String next = history.next();
            if (next != null) {
              input.replaceText(next);
              input.moveTo(next.length());
            }
          } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isShiftDown()) {
            input.replaceSelection(JavaInput.newLineAt(input.getText(), input.getCaretPosition()));
          } else if (e.getCode() == KeyCode.TAB && e.isControlDown()) {
            leaveInput(!e.isShiftDown());
          } else {
            return;
          }
          e.consume();
        });
    input.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if (e.isControlDown() && "\t".equals(e.getCharacter())) {
            e.consume(); // the character a Ctrl+Tab types is no tab in the input
            return;
          }
          // Typing } on a line of only indentation takes one level off.
          if ("}".equals(e.getCharacter())) {
            int caret = input.getCaretPosition();
            String text = input.getText();
            int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
            String line = text.substring(lineStart, caret);
            if (line.length() >= 4 && line.isBlank()) {
              input.replaceText(caret - 4, caret, "}");
              e.consume();
            }
          }
        });
  }

  /** An empty node after the input, where Ctrl+Tab leaves it forwards from. */
  private final Region inputEnd = new Region();

  /**
   * Ctrl+Tab, Ctrl+Shift+Tab: the focus to the control after (before) the input, where Tab indents
   * (in the detached window the buttons were out of the keyboard's reach), as in the notes.
   */
  private void leaveInput(boolean forward) {
    Keys.moveFocusOn(forward ? inputEnd : inputScroll, forward);
  }

  /** Whether the caret is on the input's first line (Up then walks the history). */
  private boolean onFirstLine() {
    return input.getText().lastIndexOf('\n', input.getCaretPosition() - 1) < 0;
  }

  /** Whether the caret is on the input's last line (Down then walks the history). */
  private boolean onLastLine() {
    return input.getText().indexOf('\n', input.getCaretPosition()) < 0;
  }

  private void restyle() {
    restyleAsked = false;
    String text = input.getText();
    if (text.isEmpty()) {
      return;
    }
    var spans =
        JavaInput.withMarks(
            java.styles(text, input.getCaretPosition()), marks, PROBLEM, text.length());
    if (wrapCode) {
      spans =
          JavaInput.withMarks(
              spans, hangingPrefixes(text, inputColumns()), HangingIndent.CLASS, text.length());
    }
    input.setStyleSpans(0, spans);
  }

  /** Whether a {@link #restyle} is asked for on a later pulse (the input's size changed). */
  private boolean restyleAsked;

  /** {@link #restyle} once after the layout under way (a change of width comes in one). */
  private void restyleLater() {
    if (!restyleAsked) {
      restyleAsked = true;
      Platform.runLater(
          () -> {
            if (restyleAsked) {
              restyle();
            }
          });
    }
  }

  /**
   * The prefixes ({@link HangingIndent#codePrefix}) of the lines of {@code text} longer than {@code
   * columns}, which wrap: {@code [start, end)} in the text.
   */
  static List<int[]> hangingPrefixes(String text, int columns) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      String line = text.substring(start, end);
      if (line.length() > columns) {
        int prefix = HangingIndent.codePrefix(line);
        if (prefix > 0) {
          out.add(new int[] {start, start + prefix});
        }
      }
      if (newline < 0) {
        break;
      }
      start = newline + 1;
    }
    return out;
  }

  /**
   * How many characters of code a line of the input holds beside its line number, one kept spare (a
   * line a column shorter than thought still wraps with its indent); {@link Integer#MAX_VALUE}
   * before it is laid out.
   */
  int inputColumns() {
    double width = input.getWidth();
    if (width <= 0) {
      return Integer.MAX_VALUE;
    }
    double gutter = 0;
    for (Node n : input.lookupAll(".lineno")) {
      gutter = Math.max(gutter, n.getLayoutBounds().getWidth());
    }
    double usable = width - gutter - SCROLL_BAR;
    return Math.max(1, (int) Math.floor(usable / columnWidth()) - 1);
  }

  /** The width of a character of code at the pane's size, in px. */
  private double columnWidth() {
    javafx.scene.text.Text probe = new javafx.scene.text.Text("0123456789");
    probe.setFont(
        javafx.scene.text.Font.font(
            "Monospaced", codeFontSize > 0 ? codeFontSize : CODE_SHEET_FONT));
    return probe.getLayoutBounds().getWidth() / 10;
  }

  /** The spans marked in the input now (compiler errors, the line that threw). */
  List<int[]> marks() {
    return List.copyOf(marks);
  }

  // ---- actions --------------------------------------------------------------------------------

  /** Runs the selection, or the whole input. */
  public void runInput() {
    String selected = input.getSelectedText();
    String code = selected.isBlank() ? input.getText() : selected;
    if (code.isBlank()) {
      return;
    }
    history.add(code);
    keepHistory();
    boolean whole = selected.isBlank();
    if (code.strip().equals("/deps")) {
      showLibraries();
      if (whole) {
        input.clear();
      }
      return;
    }
    runFromInput = new Ran(code, whole ? 0 : input.getSelection().getStart(), input.getText());
    session
        .evaluate(code)
        .thenAccept(
            evaluation ->
                Platform.runLater(
                    () -> {
                      boolean allGood =
                          evaluation.results().stream()
                              .allMatch(r -> r.succeeded() || r.status() == Status.INCOMPLETE);
                      // Code that ended its JVM (System.exit, Runtime.halt) ran: it is nothing
                      // to fix, and left in the input, the next input was added to it and ended
                      // Java again. It is in the history (Ctrl+Up). A compile error stays.
                      boolean endedJava =
                          evaluation.outcome() == Evaluation.Outcome.JVM_ENDED
                              && evaluation.results().stream()
                                  .noneMatch(r -> r.status() == Status.COMPILE_ERROR);
                      if (whole && (allGood || endedJava) && input.getText().equals(code)) {
                        input.clear();
                      }
                    }));
  }

  /** {@code /deps}: the libraries named by //DEPS so far, with their jars. */
  private void showLibraries() {
    appendStyled("› /deps\n", CODE);
    List<ReplSession.Library> list = session.libraries();
    if (list.isEmpty()) {
      appendStyled(
          "No libraries yet: a line //DEPS group:artifact:version in the input or a ```java block"
              + " adds one.\n",
          NOTE);
      return;
    }
    for (ReplSession.Library l : list) {
      appendStyled(
          l.coordinates()
              + "   "
              + String.join(", ", l.jars().stream().map(p -> p.getFileName().toString()).toList())
              + "\n",
          OUT);
    }
  }

  private void showInInput(String code, int position) {
    if (!input.getText().equals(code)) {
      input.replaceText(code);
    }
    input.moveTo(Math.max(0, Math.min(position, code.length())));
    input.requestFollowCaret();
    input.requestFocus();
  }

  private void complete() {
    String text = input.getText();
    int caret = input.getCaretPosition();
    session
        .completions(text, caret)
        .thenAccept(
            c ->
                Platform.runLater(
                    () -> {
                      if (!input.getText().equals(text) || c.suggestions().isEmpty()) {
                        return;
                      }
                      if (c.suggestions().size() == 1) {
                        input.replaceText(c.anchor(), caret, c.suggestions().get(0));
                        return;
                      }
                      ContextMenu menu = new ContextMenu();
                      menu.getStyleClass().add("tb-repl-completions");
                      for (String s :
                          c.suggestions().subList(0, Math.min(40, c.suggestions().size()))) {
                        MenuItem item = new MenuItem(s);
                        item.setMnemonicParsing(false);
                        item.setOnAction(ev -> input.replaceText(c.anchor(), caret, s));
                        menu.getItems().add(item);
                      }
                      input
                          .getCaretBounds()
                          .ifPresent(b -> menu.show(input, b.getMinX(), b.getMaxY()));
                    }));
  }

  private void showDocumentation() {
    String text = input.getText();
    int caret = input.getCaretPosition();
    session
        .documentation(text, caret, true)
        .thenAccept(
            docs ->
                Platform.runLater(
                    () -> {
                      javafx.stage.Window window =
                          input.getScene() == null ? null : input.getScene().getWindow();
                      if (window == null || !input.getText().equals(text)) {
                        return;
                      }
                      input
                          .getCaretBounds()
                          .ifPresent(
                              b ->
                                  documentation =
                                      DocumentationPopup.show(
                                          window,
                                          b,
                                          docs.isEmpty()
                                              ? "No documentation here."
                                              : String.join("\n\n", docs),
                                          stylesheet()));
                    }));
  }

  /** The documentation popup shown last (for tests), or null. */
  private Popup documentation;

  Popup documentationPopup() {
    return documentation;
  }

  /** The REPL's own style sheet (its pane, the documentation popup, the Rehearse window). */
  static String stylesheet() {
    var css = ReplPane.class.getResource("/dev/talkbook/ui/repl/repl.css");
    if (css == null) {
      throw new IllegalStateException("resource /dev/talkbook/ui/repl/repl.css is missing");
    }
    return css.toExternalForm();
  }

  private void hideStdin() {
    stdinBar.setVisible(false);
    stdinBar.setManaged(false);
    input.requestFocus();
  }

  // ---- events ---------------------------------------------------------------------------------

  /** Queues a session's event for the FX thread (package-private for tests). */
  void offer(ReplEvent event) {
    synchronized (pending) {
      // Long lines are cut here, as the output arrives: the queue never holds more of a line than
      // the transcript shows, and the count of what is left out of it is exact.
      for (ReplEvent e : longLines.accept(event)) {
        if (!(e instanceof ReplEvent.Output o
            && pending.peekLast() instanceof ReplEvent.Output last
            && last.evaluation() == o.evaluation()
            && last.stream() == o.stream())) {
          pending.add(e);
        } else {
          pending.pollLast();
          pending.add(merged(last, o));
        }
      }
    }
    if (drainScheduled.compareAndSet(false, true)) {
      Platform.runLater(this::drain);
    }
  }

  /**
   * {@code later} appended to {@code earlier}; once that holds more than twice what the transcript
   * keeps, only its newest part, what went counted as dropped before it. Output the session dropped
   * before {@code later} takes {@code earlier} away, as {@link #appendOutput} does with the
   * transcript: merged, the two ran on as if nothing had gone between them.
   */
  private ReplEvent.Output merged(ReplEvent.Output earlier, ReplEvent.Output later) {
    KeptOutput.Tail tail =
        new KeptOutput.Tail(earlier.text(), earlier.droppedBefore(), earlier.droppedLinesBefore())
            .then(later.text(), later.droppedBefore(), later.droppedLinesBefore());
    String text = tail.text();
    if (text.length() > 2L * keptChars
        || KeptOutput.lineBreaks(text, 0, text.length()) > 2L * keptLines) {
      tail = tail.within(keptLines, keptChars);
    }
    return new ReplEvent.Output(
        earlier.evaluation(),
        earlier.stream(),
        tail.text(),
        tail.droppedChars(),
        tail.droppedLines());
  }

  private void drain() {
    drainScheduled.set(false);
    List<ReplEvent> events;
    synchronized (pending) {
      events = new ArrayList<>(pending);
      pending.clear();
    }
    boolean refresh = false;
    long lines = DRAIN_LINES;
    List<ReplEvent> kept = keptOutput(events);
    for (int i = 0; i < kept.size(); i++) {
      ReplEvent e = kept.get(i);
      if (e instanceof ReplEvent.Output o
          && lines < KeptOutput.lines(o.text(), 0, o.text().length())) {
        // A flood: this much now, the rest (and what follows it) at the next drain, so that the
        // transcript moves on at a steady pace and the FX thread is never held for long.
        int split = lineStart(o.text(), lines);
        apply(
            new ReplEvent.Output(
                o.evaluation(),
                o.stream(),
                o.text().substring(0, split),
                o.droppedBefore(),
                o.droppedLinesBefore()));
        List<ReplEvent> rest = new ArrayList<>(kept.subList(i + 1, kept.size()));
        rest.add(
            0, new ReplEvent.Output(o.evaluation(), o.stream(), o.text().substring(split), 0, 0));
        synchronized (pending) {
          for (int j = rest.size() - 1; j >= 0; j--) {
            pending.addFirst(rest.get(j));
          }
        }
        if (drainScheduled.compareAndSet(false, true)) {
          Platform.runLater(this::drain);
        }
        break;
      }
      if (e instanceof ReplEvent.Output o) {
        lines -= KeptOutput.lines(o.text(), 0, o.text().length());
      }
      refresh |= apply(e);
    }
    trimTranscript();
    // The newest output in sight: the caret goes to the end (a trim had put it at the start, and
    // the transcript then stayed at its first kept line whatever ran next).
    showEnd();
    if (refresh) {
      readDefinitions();
    }
  }

  /**
   * The events with only as much of their output as the transcript keeps, or, when more came (a
   * flood), as one drain shows: the newest. Output older than that is left out and counted as
   * dropped before the oldest output kept (which then takes the transcript's top away, saying how
   * many lines went), so that a drain after a flood of output appends at most what the transcript
   * keeps, however much came meanwhile; appending all of it and then taking it away again held the
   * FX thread for tens of seconds. Other events stay as they are.
   */
  private List<ReplEvent> keptOutput(List<ReplEvent> events) {
    long allLines = 0;
    long allChars = 0;
    for (ReplEvent e : events) {
      if (e instanceof ReplEvent.Output o) {
        allLines += KeptOutput.lines(o.text(), 0, o.text().length());
        allChars += o.text().length();
      }
    }
    if (allLines <= keptLines && allChars <= keptChars) {
      return events;
    }
    // A flood: its newest lines, as many as one drain shows, so that the drain after the last of
    // it (the code ended or was stopped) shows its end at once.
    long lines = Math.min(keptLines, DRAIN_LINES);
    long chars = keptChars;
    int cut = -1;
    int cutStart = 0;
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof ReplEvent.Output o) {
        String text = o.text();
        long n = KeptOutput.lines(text, 0, text.length());
        if (n <= lines && text.length() <= chars) {
          lines -= n;
          chars -= text.length();
        } else {
          cut = i;
          cutStart =
              lines < 1 || chars < 1
                  ? text.length()
                  : KeptOutput.tailStart(text, (int) lines, (int) chars);
          break;
        }
      }
    }
    if (cut < 0) {
      return events;
    }
    List<ReplEvent> kept = new ArrayList<>(events.size());
    long droppedChars = 0;
    long droppedLines = 0;
    for (int i = 0; i < events.size(); i++) {
      ReplEvent e = events.get(i);
      if (!(e instanceof ReplEvent.Output o) || i > cut) {
        kept.add(e);
      } else if (i < cut) {
        droppedChars += o.droppedBefore() + o.text().length();
        droppedLines +=
            o.droppedLinesBefore() + KeptOutput.lineBreaks(o.text(), 0, o.text().length());
      } else {
        String text = o.text();
        kept.add(
            new ReplEvent.Output(
                o.evaluation(),
                o.stream(),
                text.substring(cutStart),
                o.droppedBefore() + droppedChars + cutStart,
                o.droppedLinesBefore() + droppedLines + KeptOutput.lineBreaks(text, 0, cutStart)));
      }
    }
    return kept;
  }

  /** Where the line after the first {@code lines} lines of {@code text} starts (at least 1). */
  private static int lineStart(String text, long lines) {
    int at = 0;
    for (long n = Math.max(1, lines); n > 0; n--) {
      int br = text.indexOf('\n', at);
      if (br < 0) {
        return text.length();
      }
      at = br + 1;
    }
    return at;
  }

  /** Applies one event; true when the definitions should be read again. */
  private boolean apply(ReplEvent event) {
    if (event instanceof ReplEvent.Starting s) {
      givenUp = null;
      quietBackground(); // a new JVM: the old one's threads are gone
      // The why may be a long sentence (how the last JVM ended): the toolbar has room for less.
      state.show(s.why() + "…", "Starting Java again…", "Starting…");
    } else if (event instanceof ReplEvent.Ready) {
      showIdle();
    } else if (event instanceof ReplEvent.Replaying r) {
      if (r.definitions() > 0) {
        replaying.set(true);
        hideStdinIfShown();
        state.show(
            "Running "
                + r.definitions()
                + " definition"
                + (r.definitions() == 1 ? "" : "s")
                + " again (Esc stops)…",
            "Running definitions again…",
            "Re-running…");
      }
    } else if (event instanceof ReplEvent.RestartGivenUp g) {
      replaying.set(false);
      givenUp = g.message();
      if (!running.get()) {
        appendStyled(g.reason() + "\n", NOTE);
      }
      appendStyled(g.message() + "\n", ERROR);
      showIdle();
      return true;
    } else if (event instanceof ReplEvent.StartFailed f) {
      state.show("Java could not start");
      appendStyled(f.message() + "\n", ERROR);
      // What the JDK and the JVM said, for a closer look (the log has the whole trace).
      appendStyled("Details: " + f.detail().replace("\n", " \u2014 ") + "\n", NOTE);
    } else if (event instanceof ReplEvent.EvaluationStarted s) {
      quietBackground(); // Stop stops the evaluation now; the thread is said again after it
      running.set(true);
      currentCode = s.input();
      shownRun = runFromInput != null && runFromInput.code.equals(s.input()) ? runFromInput : null;
      runFromInput = null;
      if (shownRun != null && !marks.isEmpty()) {
        marks.clear();
        restyle();
      }
      showRunning();
      failureFromEnd = 0; // this run's output followed
      appendStyled(prompted(s.input()), CODE);
    } else if (event instanceof ReplEvent.Output o) {
      if (o.evaluation() < 0) {
        failureFromEnd = 0; // a background thread's newest output followed
      }
      appendOutput(o);
      if (o.evaluation() < 0 && !running.get() && !replaying.get()) {
        // A thread the code left running prints between evaluations.
        backgroundQuiet.playFromStart();
        if (!background.get()) {
          background.set(true);
          showIdle(lastAfter);
        }
      }
    } else if (event instanceof ReplEvent.InputRequested) {
      stdinBar.setVisible(true);
      stdinBar.setManaged(true);
      stdinField.requestFocus();
    } else if (event instanceof ReplEvent.SnippetFinished f) {
      showResult(f.result());
    } else if (event instanceof ReplEvent.EvaluationFinished f) {
      running.set(false);
      hideStdinIfShown();
      Evaluation ev = f.evaluation();
      if (!ev.results().isEmpty()) {
        ran.add(new NoteCode.Ran(currentCode, NoteCode.outputOf(ev), ev.failed()));
      }
      if (!ev.message().isEmpty()) {
        appendStyled(
            ev.message() + "\n", ev.outcome() == Evaluation.Outcome.NOT_RUN ? ERROR : NOTE);
      }
      showIdle(
          ev.outcome() == Evaluation.Outcome.JVM_ENDED
              ? ReplGuide.After.ENDED_JAVA
              : ev.stoppedOnRequest()
                  ? ReplGuide.After.STOPPED
                  : ev.failed() ? ReplGuide.After.FAILED : ReplGuide.After.RAN);
      return true;
    } else if (event instanceof ReplEvent.Restarted r) {
      replaying.set(false);
      String again =
          r.replayed() + " definition" + (r.replayed() == 1 ? " was" : "s were") + " run again.";
      if (running.get()) {
        // The snippet that ended the JVM said why already: say only what was restored.
        appendStyled(
            (r.replayed() == 0 ? "A new JVM runs your code." : "A new JVM runs your code; " + again)
                + "\n",
            NOTE);
      } else {
        appendStyled(r.reason() + (r.replayed() == 0 ? "" : " " + again) + "\n", NOTE);
      }
      // Each definition not restored, or restored with a remark, on a line of its own: which, why.
      for (ReplEvent.Rerun rerun : r.reruns()) {
        appendStyled(
            (rerun.restored() ? "Run again without input: " : "Not restored: ")
                + ReplSession.shortened(rerun.source())
                + " \u2014 "
                + rerun.why()
                + ".\n",
            rerun.restored() ? NOTE : ERROR);
      }
      showIdle();
      return true;
    } else if (event instanceof ReplEvent.Reset) {
      appendStyled("Reset: everything was forgotten.\n", NOTE);
      return true;
    } else if (event instanceof ReplEvent.LibrariesResolving r) {
      state.show("Resolving libraries…");
      appendStyled("Resolving " + String.join(", ", r.libraries()) + " …\n", NOTE);
    } else if (event instanceof ReplEvent.LibrariesAdded a) {
      showRunning();
      String from =
          a.downloadedBytes() > 0
              ? "downloaded " + megabytes(a.downloadedBytes())
              : "from the local Maven repository";
      appendStyled(
          "Added to the class path: "
              + String.join(", ", a.jars())
              + " ("
              + from
              + ", "
              + seconds(a.took())
              + ").\n",
          NOTE);
      return true;
    } else if (event instanceof ReplEvent.ClassPathAdded c) {
      appendStyled("Added to the class path: " + c.path() + "\n", NOTE);
    }
    return false;
  }

  private String currentCode = "";

  /** What ran in this pane's session so far, in order: "Save transcript to notes" writes it. */
  private final List<NoteCode.Ran> ran = new ArrayList<>();

  /** The inputs that ran so far, with what each gave. */
  public List<NoteCode.Ran> ranSoFar() {
    return List.copyOf(ran);
  }

  static String megabytes(long bytes) {
    return bytes < 100_000
        ? Math.max(1, Math.round(bytes / 1000.0)) + " kB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private String prompted(String code) {
    StringBuilder out = new StringBuilder();
    String[] lines = code.strip().split("\n", -1);
    // In presenter mode a long line is shown in pieces, each after the first indented as its line
    // is: wrapped by the transcript, it had run on from column 0 ("-> w *" / "h;").
    int columns = wrapCode ? transcriptColumns() : Integer.MAX_VALUE;
    for (int i = 0; i < lines.length; i++) {
      String lead = i == 0 ? "› " : "  ";
      out.append(
              lines[i].length() + lead.length() > columns
                  ? CodeWrap.wrapped(lines[i], lead, columns)
                  : lead + lines[i])
          .append('\n');
    }
    return out.toString();
  }

  /** Whether code shown in the transcript is broken into pieces that fit it (presenter mode). */
  private boolean wrapCode;

  /**
   * How many characters of code a line of the transcript holds now, one kept spare; {@link
   * Integer#MAX_VALUE} before it is laid out.
   */
  int transcriptColumns() {
    double width = transcript.getWidth();
    if (width <= 0) {
      return Integer.MAX_VALUE;
    }
    double column = columnWidth();
    Insets padding = transcript.getPadding();
    double usable = width - padding.getLeft() - padding.getRight() - SCROLL_BAR;
    return Math.max(MIN_COLUMNS, (int) Math.floor(usable / column) - 1);
  }

  /** Room left for the transcript's vertical scroll bar, in px. */
  private static final double SCROLL_BAR = 16;

  /** The fewest columns code is broken at: a narrower transcript wraps it itself. */
  private static final int MIN_COLUMNS = 20;

  private void showResult(SnippetResult r) {
    switch (r.status()) {
      case OK -> {
        if (r.value() != null && !r.value().isEmpty()) {
          String name = r.kind() == SnippetResult.Kind.EXPRESSION ? "" : r.name() + " ";
          String type = "   (" + r.type() + ")\n";
          if (r.valueAtJShellLimit()) {
            // JShell may have cut it: say so, not how many of the characters it passed on are
            // not shown
            appendCut(
                LongLines.cutAtJShellLimit(name + "⇒ " + r.value(), LINE_CHARS) + type, VALUE);
          } else {
            appendStyled(name + "⇒ " + r.value() + type, VALUE);
          }
        }
        if (!r.note().isEmpty()) {
          appendStyled(r.note() + "\n", NOTE);
        }
      }
      case INCOMPLETE, STOPPED, TIMED_OUT, JVM_ENDED -> appendStyled(r.note() + "\n", NOTE);
      case COMPILE_ERROR -> {
        int start = transcript.getLength();
        for (SnippetResult.Problem p : r.problems()) {
          appendProblem(p, p.error() ? ERROR : NOTE);
          if (p.error()) {
            mark(p.start(), Math.max(p.end(), p.position() + 1));
          }
        }
        if (r.problems().isEmpty()) {
          appendStyled("This could not be compiled.\n", ERROR);
        }
        keepInSight(start);
        if (!r.note().isEmpty()) {
          appendStyled(r.note() + "\n", HINT);
        }
      }
      case EXCEPTION -> {
        SnippetResult.Failure f = r.failure();
        int start = transcript.getLength();
        appendLink(f.describe(), ERROR, f.position());
        keepInSight(start);
        if (f.position() >= 0) {
          int lineEnd = currentCode.indexOf('\n', f.position());
          mark(f.position(), lineEnd < 0 ? currentCode.length() : lineEnd);
        }
      }
    }
  }

  /** Marks {@code [start, end)} of the input that ran, if it came from the input as it is now. */
  private void mark(int start, int end) {
    if (shownRun == null || !input.getText().equals(shownRun.inputText)) {
      return;
    }
    marks.add(new int[] {shownRun.base + start, shownRun.base + Math.max(start + 1, end)});
    restyle();
  }

  /**
   * Appends compile problem {@code p} laid out for the transcript's columns now (its source line in
   * pieces that fit, the marker under the piece), kept to be laid out again when they change.
   */
  private void appendProblem(SnippetResult.Problem p, String style) {
    int columns = transcriptColumns();
    int start = transcript.getLength();
    appendStyled(p.describe(columns), style);
    links.add(
        new Link(start, transcript.getLength(), lastInput(), p.position(), p, style, columns));
  }

  /**
   * The compile problems in the transcript laid out again for its columns now, where they changed
   * (a zoom, presenter mode, a narrower pane): laid out for the wider transcript, a problem's
   * source line wrapped by the transcript and its marker landed under the wrong characters.
   */
  private void relayOutProblems() {
    int columns = transcriptColumns();
    if (columns == Integer.MAX_VALUE) {
      return; // not laid out yet
    }
    int shift = 0;
    // where the last run's failure starts, in paragraphs from the top: its own problems laid out
    // on more (or fewer) lines keep its first line where showEnd puts it
    int failure = transcript.getParagraphs().size() - failureFromEnd;
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i).shifted(shift);
      if (l.problem() != null && l.columns() != columns) {
        String text = LongLines.cut(l.problem().describe(columns), LINE_CHARS);
        int lines = lineBreaks(text) - lineBreaks(transcript.getText(l.start(), l.end()));
        if (failureFromEnd > 0
            && transcript.offsetToPosition(l.start(), Bias.Forward).getMajor() >= failure) {
          failureFromEnd += lines;
        } else {
          failure += lines;
        }
        transcript.replaceText(l.start(), l.end(), text);
        transcript.setStyle(l.start(), l.start() + text.length(), Set.of(l.style()));
        int end = l.start() + text.length();
        shift += end - l.end();
        l = new Link(l.start(), end, l.code(), l.position(), l.problem(), l.style(), columns);
      }
      links.set(i, l);
    }
  }

  private static int lineBreaks(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  private void appendLink(String text, String style, int position) {
    int start = transcript.getLength();
    appendStyled(text, style);
    if (position >= 0) {
      links.add(new Link(start, transcript.getLength(), lastInput(), position));
    }
  }

  /** The input of the evaluation being shown. */
  private String lastInput() {
    return currentCode;
  }

  /** Appends {@code text}, its lines longer than {@link #LINE_CHARS} cut. */
  private void appendStyled(String text, String style) {
    appendCut(LongLines.cut(text, LINE_CHARS), style);
  }

  /** Appends {@code text} whose long lines are cut already (output, cut as it arrives). */
  private void appendCut(String text, String style) {
    if (text.isEmpty()) {
      return;
    }
    transcript.append(text, style);
  }

  /**
   * Appends output. Output the session dropped before it (it came faster than it could be shown) is
   * older than this text and newer than all the transcript holds, so all of that goes too; and of
   * an output longer than the transcript keeps, only its newest lines are appended (adding the rest
   * only to take it away again was slow, on the FX thread).
   */
  private void appendOutput(ReplEvent.Output o) {
    String text = o.text();
    int start = KeptOutput.tailStart(text, keptLines, keptChars);
    if (o.droppedBefore() > 0 || start > 0) {
      dropTop(
          transcript.getLength(), o.droppedLinesBefore() + KeptOutput.lineBreaks(text, 0, start));
    }
    appendCut(text.substring(start), o.stream() == ReplEvent.Stream.ERR ? ERR : OUT);
  }

  /** Keeps the transcript's newest lines within its caps. */
  private void trimTranscript() {
    int length = transcript.getLength();
    int paragraphs = transcript.getParagraphs().size() - (droppedNoteLength > 0 ? 1 : 0);
    if (paragraphs <= keptLines && length - droppedNoteLength <= keptChars) {
      return;
    }
    String kept = transcript.getText(droppedNoteLength, length);
    int start = KeptOutput.tailStart(kept, keptLines, keptChars);
    if (start > 0) {
      dropTop(droppedNoteLength + start, 0);
    }
  }

  /**
   * Takes the transcript's text before {@code offset} away, and says in its first line how many
   * lines went so far: those before {@code offset} and {@code moreLines} that never reached it.
   */
  private void dropTop(int offset, long moreLines) {
    int before = offset == 0 ? 0 : transcript.offsetToPosition(offset, Bias.Forward).getMajor();
    droppedLines += before - (droppedNoteLength > 0 ? 1 : 0) + moreLines;
    String note =
        droppedLines == 0
            ? "… earlier output dropped\n"
            : "… "
                + KeptOutput.count(droppedLines)
                + (droppedLines == 1 ? " earlier line dropped\n" : " earlier lines dropped\n");
    transcript.replaceText(0, offset, note);
    transcript.setStyle(0, note.length(), Set.of(NOTE));
    droppedNoteLength = note.length();
    int shift = note.length() - offset;
    List<Link> kept = new ArrayList<>();
    for (Link l : links) {
      if (l.start >= offset) {
        kept.add(l.shifted(shift));
      }
    }
    links.clear();
    links.addAll(kept);
  }

  private void hideStdinIfShown() {
    if (stdinBar.isVisible()) {
      stdinBar.setVisible(false);
      stdinBar.setManaged(false);
    }
  }

  private void showIdle() {
    showIdle(ReplGuide.After.RAN);
  }

  /** How the last run ended, as the state last said it: what it says again once output stops. */
  private ReplGuide.After lastAfter = ReplGuide.After.RAN;

  /** The state once nothing runs, {@code after} a run that ended so. */
  private void showIdle(ReplGuide.After after) {
    lastAfter = after;
    if (running.get() || replaying.get()) {
      return;
    }
    if (background.get()) {
      state.show(
          "Output from a background thread: Stop ends it (Java starts again, as with Restart)",
          "Background thread printing: Stop ends it",
          "Background output: Stop",
          "Background");
    } else if (givenUp != null) {
      state.show(
          "Java ended: Restart runs the definitions again, Reset starts with nothing",
          "Java ended: press Restart or Reset",
          "Java ended");
    } else if (guide != null) {
      show(guide.ready(after));
    } else if (after == ReplGuide.After.ENDED_JAVA) {
      // The code ended its JVM (System.exit): it did not fail, and a new JVM runs.
      state.show(
          "Your code ended Java: a new Java VM is ready, " + Keys.shown("Shortcut+Enter") + " runs",
          "Java ended: a new one is ready",
          "Java ended");
    } else {
      state.show("Ready: " + Keys.shown("Shortcut+Enter") + " runs", "Ready");
    }
  }

  private void showRunning() {
    if (guide != null) {
      show(guide.running(currentCode));
    } else {
      state.show("Running… Esc stops it", "Running… (Esc)", "Running…");
    }
  }

  /** Shows the first of {@code forms} that fits the toolbar (they are longest first). */
  private void show(List<String> forms) {
    state.show(forms.get(0), forms.subList(1, forms.size()).toArray(String[]::new));
  }
}
