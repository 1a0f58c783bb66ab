package dev.talkbook.ui.presenter;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.markdown.HighlightedText;
import dev.talkbook.core.markdown.Highlighting;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.Tips;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The presenter's own window in presenter view: the talk's notes as speaker notes (following the
 * snippet in play) in the editor's monospaced font and Markdown colours, a clock, the time since
 * the talk began, and the next snippet. The audience sees the REPL in the main window meanwhile.
 * Page Down, the zoom keys and Esc work here too, so a clicker works whichever window has the
 * focus.
 */
final class PresenterView {
  static final String STYLE_CLASS = "tb-presenter-view";

  private final Stage stage = new Stage();
  private final Clock clock;
  private final ObservableValue<String> notes;
  private final StyleClassedTextArea notesArea = new StyleClassedTextArea();
  private final VirtualizedScrollPane<StyleClassedTextArea> notesScroll =
      new VirtualizedScrollPane<>(notesArea);
  private final TextArea next = new TextArea();

  /** What {@link #next} shows: the next snippet, or the one loaded that Page Down runs. */
  private final Label nextCaption = caption(NEXT);

  static final String NEXT = "Next snippet";
  static final String LOADED = "In the REPL: Page Down runs it";
  private final Label clockLabel = new Label();
  private final Label timer = new Label();
  private final Label position = new Label();
  private final Timeline ticking;
  private final ChangeListener<String> notesChanged = (obs, old, text) -> showNotes(text);
  private final Executor background;
  private Instant began;
  private int inPlay = -1;
  private long highlights; // the newest highlighting asked for

  /**
   * The columns of code a line of the speaker notes holds at the presenter's usual size: a code
   * line of 80 characters reads on one line, as the speaker wrote it.
   */
  static final int COLUMNS = 80;

  /** The notes' padding left and right, and room for their scroll bar, in px. */
  private static final double NOTES_INSETS = 14 + 14 + 16;

  /** The notes' share of the window's width at first (the split's divider). */
  private static final double NOTES_SHARE = 0.58;

  /** The size the presenter chose (presenter mode's, at its reference window size). */
  private double chosenFont;

  /** The size this window's text is drawn at now: see {@link #fitted}. */
  private double shownFont;

  /**
   * Text styled as the notes' is (their font family, which the style sheets pick): the fit is
   * measured in its font.
   */
  private final javafx.scene.text.Text notesFont = new javafx.scene.text.Text();

  /** Whether {@link #applyFont} is asked for after the notes' width changed. */
  private boolean fitAsked;

  PresenterView(
      Clock clock,
      ObservableValue<String> notes,
      BooleanProperty typing,
      Consumer<Scene> styler,
      String stylesheet,
      EventHandler<KeyEvent> keys,
      EventHandler<KeyEvent> escape,
      Executor background,
      double fontSize,
      Runnable end) {
    this.clock = clock;
    this.background = background;
    this.notes = notes;
    began = clock.instant();
    clockLabel.getStyleClass().add("tb-presenter-clock");
    clockLabel.setId("presenter-clock");
    timer.getStyleClass().add("tb-presenter-timer");
    timer.setId("presenter-timer");
    // Tab reaches the bar's controls, ringed as elsewhere (they took no focus: Tab showed none).
    Button restart = new Button("Restart timer");
    restart.setOnAction(e -> restartTimer());
    CheckBox type = new CheckBox("Type snippets in (Page Down finishes)");
    type.selectedProperty().bindBidirectional(typing);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    // Leaving from the speaker's own window: this button, the presenter-mode key, or closing it.
    Button leave = new Button("End presenting");
    leave.setId("presenter-end");
    leave.setOnAction(e -> end.run());
    leave.setTooltip(
        Tips.tooltip(
            "Back to the notes in the main window (" + Keys.shown(PresenterMode.KEY) + ")"));
    // In a small window (1024×640: a 922 px speaker's window) the clock, the timer and the buttons
    // keep their words (they were cut to "0…" and "Restart ti…"); the check box's words give way.
    for (Region r : List.of(clockLabel, timer, restart, leave)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    type.setMinWidth(0);
    HBox bar = new HBox(clockLabel, timer, restart, gap, type, leave);
    bar.getStyleClass().add("tb-presenter-bar");

    notesArea.setEditable(false);
    notesArea.setWrapText(true);
    // The editor's look (its font, and the colours of its highlighting, below): code lines up as
    // the presenter wrote it, headings stand out.
    notesArea.getStyleClass().addAll("tb-editor", "tb-presenter-notes");
    notesArea.setId("presenter-notes");
    notesArea.setPadding(new javafx.geometry.Insets(10, 14, 10, 14));
    Region notesEnd = new Region(); // where Tab moves on from: after the notes, taking no room
    notesEnd.setManaged(false);
    notesFont.getStyleClass().add("text");
    javafx.scene.Group notesFontBox = new javafx.scene.Group(notesFont);
    notesFontBox.getStyleClass().add("tb-editor");
    notesFontBox.setManaged(false);
    notesFontBox.setVisible(false);
    VBox notesBox = new VBox(caption("Speaker notes"), notesScroll, notesEnd, notesFontBox);
    VBox.setVgrow(notesScroll, Priority.ALWAYS);
    // The notes only read: Tab goes on to the bar's controls (the area took it and kept the focus).
    notesArea.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB && !e.isAltDown() && !e.isShortcutDown()) {
            e.consume();
            Keys.moveFocusOn(e.isShiftDown() ? notesScroll : notesEnd, !e.isShiftDown());
          }
        });

    next.setEditable(false);
    // Wrapped: a long line was cut at a narrow window's edge, behind a scroll bar.
    next.setWrapText(true);
    next.setFocusTraversable(false);
    next.getStyleClass().add("tb-presenter-next");
    next.setId("presenter-next");
    position.getStyleClass().add("tb-presenter-position");
    position.setWrapText(true);
    VBox nextBox = new VBox(6, nextCaption, next, position);
    VBox.setVgrow(next, Priority.ALWAYS);
    nextBox.setPadding(new javafx.geometry.Insets(0, 0, 8, 0));

    SplitPane split = new SplitPane(notesBox, nextBox);
    split.setDividerPositions(NOTES_SHARE);
    BorderPane root = new BorderPane(split);
    root.setTop(bar);
    root.getStyleClass().addAll(PresenterMode.STYLE_CLASS, STYLE_CLASS);
    Scene scene = new Scene(root, 1000, 700);
    styler.accept(scene);
    scene.getStylesheets().add(stylesheet);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    scene.addEventHandler(KeyEvent.KEY_PRESSED, escape);
    stage.setScene(scene);
    // The text grows with the notes' width, so that a line of 80 columns of code fits them (it
    // scaled as the audience's does: 32 px in a 1920 × 1080 screen's window, code wrapped at 50
    // columns, read up close on a laptop).
    chosenFont = fontSize;
    // After the layout that gave the notes their width: a size set during the layout pass was
    // not applied to the notes until something else changed.
    notesScroll
        .widthProperty()
        .addListener(
            (obs, was, now) -> {
              if (!fitAsked) {
                fitAsked = true;
                Platform.runLater(this::applyFont);
              }
            });
    applyFont();
    stage.setTitle("Presenter view — Talkbook");
    stage.setOnCloseRequest(
        e -> {
          e.consume(); // end() closes it, with the main window put back as it was
          end.run();
        });

    notes.addListener(notesChanged);
    showNotes(notes.getValue());
    ticking = new Timeline(new KeyFrame(javafx.util.Duration.millis(500), e -> tick()));
    ticking.setCycleCount(Timeline.INDEFINITE);
    tick();
  }

  /** The presenter chose another size (Ctrl+= / Ctrl+-, in either window). */
  void fontChosen(double px) {
    chosenFont = px;
    applyFont();
  }

  private void applyFont() {
    fitAsked = false;
    Scene scene = stage.getScene();
    double width = notesScroll.getWidth();
    if (width <= 0) { // not laid out yet
      width = scene.getWidth() * NOTES_SHARE;
    }
    double size = fitted(width - NOTES_INSETS, columnWidth(), chosenFont);
    if (size != shownFont) {
      shownFont = size;
      scene.getRoot().setStyle("-fx-font-size: " + size + "px;");
    }
  }

  /**
   * The size the speaker's window draws its text at, in whole px: at the presenter's usual size
   * (24, {@link PresenterMode#DEFAULT_FONT}) the largest at which {@link #COLUMNS} columns of code
   * fit the notes' {@code textWidth} (12 px in a 1280 × 800 screen's window, 19 in a 1920 × 1080
   * one's); a size the presenter chose with Ctrl+= / Ctrl+- scales it by as much (26 is 26 / 24 of
   * it). {@code columnWidth} is a column's width per px of text size. The audience's sizes are
   * {@link PresenterMode#scaled}'s.
   */
  static double fitted(double textWidth, double columnWidth, double chosen) {
    double fits = Math.floor(textWidth / (COLUMNS * columnWidth));
    double size = Math.round(fits * chosen / PresenterMode.DEFAULT_FONT);
    return Math.max(PresenterMode.MIN_FONT, Math.min(PresenterMode.MAX_FONT, size));
  }

  /** A column's width in the notes' font per px of size (about 0.6 for a monospaced font). */
  private double columnWidth() {
    notesFont.applyCss();
    javafx.scene.text.Text probe = new javafx.scene.text.Text("0".repeat(COLUMNS));
    probe.setFont(javafx.scene.text.Font.font(notesFont.getFont().getFamily(), 100));
    return probe.getLayoutBounds().getWidth() / COLUMNS / 100;
  }

  /** The size this window's text is drawn at now, in px. */
  double fontSize() {
    return shownFont;
  }

  /** How many lines paragraph {@code paragraph} of the speaker notes takes (1: not wrapped). */
  int notesLinesOf(int paragraph) {
    return notesArea.getParagraphLinesCount(paragraph);
  }

  /** The notes' width for text, in px: the area's, less its padding. */
  double notesTextWidth() {
    return notesArea.getWidth()
        - notesArea.getPadding().getLeft()
        - notesArea.getPadding().getRight();
  }

  private static Label caption(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("tb-presenter-caption");
    label.setPadding(new javafx.geometry.Insets(6, 10, 4, 10));
    return label;
  }

  /** Shows the window filling most of {@code screen}'s visible area. */
  void show(Screen screen) {
    Rectangle2D area = screen.getVisualBounds();
    stage.setX(area.getMinX() + area.getWidth() * 0.05);
    stage.setY(area.getMinY() + area.getHeight() * 0.05);
    stage.setWidth(area.getWidth() * 0.9);
    stage.setHeight(area.getHeight() * 0.9);
    stage.show();
    ticking.play();
  }

  Stage stage() {
    return stage;
  }

  /**
   * The script moved: what the next Page Down acts on (the snippet loaded, which it runs, else the
   * one it loads: with a snippet loaded the box said "(no more snippets)" or the one after), where
   * the script stands, the notes at the one in play.
   */
  void update(ScriptQueue script) {
    next.setText(script.forPageDown().map(String::stripTrailing).orElse("(no more snippets)"));
    nextCaption.setText(script.isLoaded() ? LOADED : NEXT);
    position.setText(script.position());
    int offset = script.offsetInNotes();
    if (offset >= 0 && offset != inPlay) {
      inPlay = offset;
      followNotes();
    }
  }

  /**
   * Shows the notes at once, plain; their highlighting (16–30 ms for a note of 11,000 lines) is
   * made on {@link #background} and put on when it is done, if the notes did not change meanwhile.
   */
  private void showNotes(String text) {
    String shown = text == null ? "" : text;
    notesArea.replaceText(shown);
    followNotes();
    long asked = ++highlights;
    try {
      CompletableFuture.supplyAsync(() -> HighlightedText.of(shown).highlighting(), background)
          .thenAcceptAsync(
              highlighting -> {
                if (asked == highlights) {
                  highlight(highlighting);
                }
              },
              Platform::runLater);
    } catch (RejectedExecutionException e) {
      // The app is closing: the notes stay plain.
    }
  }

  private void highlight(Highlighting highlighting) {
    if (highlighting.spans().isEmpty()) {
      return;
    }
    StyleSpansBuilder<Collection<String>> spans =
        new StyleSpansBuilder<>(highlighting.spans().size());
    highlighting.spans().forEach(span -> spans.add(span.classes(), span.length()));
    notesArea.setStyleSpans(0, spans.create());
  }

  private void followNotes() {
    if (inPlay < 0 || notesArea.getLength() == 0) {
      return;
    }
    int offset = Math.min(inPlay, notesArea.getLength());
    int paragraph =
        notesArea
            .offsetToPosition(offset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
            .getMajor();
    notesArea.moveTo(offset);
    notesArea.showParagraphAtTop(Math.max(0, paragraph - 2));
  }

  void restartTimer() {
    began = clock.instant();
    tick();
  }

  void tick() {
    clockLabel.setText(
        LocalTime.ofInstant(clock.instant(), clock.getZone()).format(DateTimeText.CLOCK));
    timer.setText(elapsed(Duration.between(began, clock.instant())));
  }

  /** "12:05" under an hour, "1:02:05" beyond. */
  static String elapsed(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }

  String clockText() {
    return clockLabel.getText();
  }

  String timerText() {
    return timer.getText();
  }

  String nextText() {
    return next.getText();
  }

  String nextCaption() {
    return nextCaption.getText();
  }

  String notesText() {
    return notesArea.getText();
  }

  /** The style classes of the speaker notes' character at {@code offset}. */
  Collection<String> notesStyleAt(int offset) {
    return notesArea.getStyleOfChar(offset);
  }

  /** The font family the speaker notes are drawn in. */
  String notesFontFamily() {
    return notesTexts().map(t -> t.getFont().getFamily()).findFirst().orElse("");
  }

  /** The size the speaker notes draw a run of text at, in px (0 where none is in sight). */
  double notesSizeOf(String run) {
    return notesTexts()
        .filter(t -> t.getText().equals(run))
        .map(t -> t.getFont().getSize())
        .findFirst()
        .orElse(0.0);
  }

  /** The colour the speaker notes draw a run of text in, {@code null} where none is in sight. */
  javafx.scene.paint.Paint notesFillOf(String run) {
    return notesTexts()
        .filter(t -> t.getText().equals(run))
        .map(javafx.scene.text.Text::getFill)
        .findFirst()
        .orElse(null);
  }

  private java.util.stream.Stream<javafx.scene.text.Text> notesTexts() {
    return notesArea.lookupAll(".text").stream()
        .filter(javafx.scene.text.Text.class::isInstance)
        .map(javafx.scene.text.Text.class::cast);
  }

  /** Whether this paragraph of the notes is in sight in the speaker notes. */
  boolean notesShows(int paragraph) {
    return notesArea.firstVisibleParToAllParIndex() <= paragraph
        && paragraph <= notesArea.lastVisibleParToAllParIndex();
  }

  /**
   * Closes the window once the event that asked for it is handled, not inside its handlers: closed
   * inside the handlers of Esc or Ctrl+Shift+M, this window crashed the JVM in GTK's key handling
   * (SIGSEGV in {@code WindowContextBase::process_key}, 3 of 3 on Xvfb; after the key, 0 of 3). Why
   * this window and not the others that close on Esc (a plain stage closed so did not crash in 26
   * tries) is not pinned down: its leaving also puts the main window back and gives it the
   * keyboard, and the speaker notes are an editor that takes input-method events (JDK-8301219, on
   * that path, was fixed in JavaFX 22).
   *
   * <p>{@code back} (the main window) is then given the keyboard by the system too, not only a node
   * in it: without a window manager to hand it on (Xvfb, a kiosk), the closed window's keyboard
   * fell back to whichever window the pointer was over, the main window not told it had it; the
   * next popup it opened (the command palette, Ctrl+Shift+P) took the keyboard with a grab that the
   * system broke at once, so the palette closed as it opened and the words typed next went into the
   * notes.
   */
  void close(javafx.stage.Window back) {
    ticking.stop();
    notes.removeListener(notesChanged);
    Platform.runLater(
        () -> {
          stage.close();
          back.requestFocus();
        });
  }
}
