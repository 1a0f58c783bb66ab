package dev.talkbook.ui.details;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.common.ListPhrase;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.TagCount;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.BidiText;
import dev.talkbook.ui.common.CommaList;
import dev.talkbook.ui.common.CutText;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Icons;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.SaveWait;
import dev.talkbook.ui.common.TalkTime;
import dev.talkbook.ui.common.TextWidth;
import dev.talkbook.ui.common.Tips;
import dev.talkbook.ui.common.UiExecutors;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The open talk's details: title, speakers, time, room, slide and video links (opened in the system
 * browser), tags with completion from the notebook's tags. Saved as the notes are: {@link
 * #AUTOSAVE_DELAY} after typing stops and at the latest {@link #AUTOSAVE_MAX_WAIT} after the first
 * unsaved change while it goes on ({@link SaveWait}), when a field is left or Enter is pressed,
 * before another talk is shown, when the window closes ({@link #close}) and from the shutdown hook
 * ({@link #saveForShutdown}); those last save what the fields show, no more. A value that cannot be
 * saved (a time not yet like 2026-11-24 14:30) is kept in its field, which is marked, and explained
 * under the fields, every such field's on a line; the other fields are saved all the same (while
 * the typing goes on without a pause, the fields that can be saved are, and one that cannot is
 * marked and explained at the pause, not every half second as it is typed). {@link
 * #unsavedProperty} says whether a field holds text not yet in the notebook, {@link
 * #notSavedProperty} which fields the notebook cannot take.
 */
public final class TalkDetailsPane {
  static final DateTimeFormatter TIME = TalkTime.FORM;

  private final Notebook notebook;
  private final UiExecutors executors;
  private final Consumer<Talk> saved;
  private final Consumer<String> openLink;

  /** Told what a field held that could not be saved when its talk was left (the status bar). */
  private Consumer<String> leftUnsaved = message -> {};

  /** Told that a link got its https:// (a message, and how to take it back: the status bar). */
  private java.util.function.BiConsumer<String, Runnable> schemeAdded = (message, undo) -> {};

  private java.util.function.BiConsumer<String, Runnable> tagRespelled = (message, undo) -> {};

  /**
   * Told what a window's first show of a talk put back of the texts kept before it opened (typed
   * just before a kill), with how to take it back (the status bar's Undo).
   */
  private java.util.function.BiConsumer<String, Runnable> putBackTold = (message, undo) -> {};

  /**
   * Told what kept texts were not put back, the notebook having changed their fields since, with
   * the texts themselves, and what to do once that is dismissed (the status bar, until then): the
   * texts stay kept, set aside, until then.
   */
  private KeptAsideTeller keptAsideTold = (message, copyAgain, dismissed) -> {};

  /**
   * Says which kept details were not put back ({@link #onKeptAside}): {@code message}, with {@code
   * copyAgain} to put their texts on the clipboard again (the user may have copied something else
   * since: the message never says they are on it still), and {@code dismissed} to run once the user
   * dismissed it.
   */
  @FunctionalInterface
  public interface KeptAsideTeller {
    void tell(String message, java.util.function.BooleanSupplier copyAgain, Runnable dismissed);
  }

  /** Puts a text on the clipboard; whether it took it (the system clipboard, on the FX thread). */
  private java.util.function.Predicate<String> clipboard = TalkDetailsPane::copy;

  /** What fields held that could not be saved, per talk: shown again with the talk. */
  private KeptFields kept = new KeptFields();

  /** Links whose added https:// the user took back: not added again. */
  private final java.util.Set<String> schemeDeclined = new java.util.HashSet<>();

  // The whole title, on as many lines as it needs (a field had cut a long one).
  final TitleField title = titleField();
  // The label names the field; the prompt says only how to fill it, which a field two to a row
  // shows whole ("Speakers, comma sepa…" was cut there).
  final TextField speakers = field("speakers", "Comma separated", "Speakers, comma separated");
  // A format, not a date: an example date in grey was taken for the talk's own time.
  final TextField time = field("time", TalkTime.PROMPT);

  /**
   * Beside the time, read only: the talk's time with its end where the programme gave its length
   * ("09:00–12:00"); hidden without a length or a time.
   */
  final Label timeSpan = new Label();

  /** The style class of {@link #timeSpan}. */
  public static final String TIME_SPAN_STYLE = "tb-time-span";

  /**
   * The time's cell: the time with its span beside it, or (two fields a row where the span beside
   * the time would cut the speakers' and tags' prompts) the span under the time.
   */
  private VBox timeBox;

  private HBox timeRow;

  /** The fields' room, as the pane's width last told it (0 before it was laid out). */
  private double fieldsRoom;

  final TextField room = field("room", "Room");
  // Short prompts: the labels beside say what the links are for, and the fields are narrow.
  final TextField slides = field("slides", "https://…");
  final TextField video = field("video", "https://…");
  final TextField tags = field("tags", "Comma separated", "Tags, comma separated");
  private final Label problem = new Label();

  /** The problems last brought into view ({@link #problemsCame}); empty while none is shown. */
  private java.util.Set<String> problemsInView = java.util.Set.of();

  /** Each field's own accessible text, to which a problem it has is added. */
  private final Map<TextInputControl, String> accessibleTexts = new java.util.HashMap<>();

  /** What the status bar says of fields that cannot be saved ("Time not saved: …"), or "". */
  private final javafx.beans.property.ReadOnlyStringWrapper notSaved =
      new javafx.beans.property.ReadOnlyStringWrapper("");

  /** Set by {@link #close}: the window is closing, and what it hears back changes nothing. */
  private boolean closed;

  final ToggleButton star = new ToggleButton();
  final Label abstractText = new Label();
  final Label removed = new Label();
  private final TitledPane root;

  /** The one line shown when the details are folded: title · speakers · time · room. */
  private final javafx.beans.property.StringProperty summary =
      new javafx.beans.property.SimpleStringProperty("Details");

  /** The tags' completions, made when the first one is offered (a popup window: null before). */
  private ContextMenu tagSuggestions;

  private Talk talk;

  /**
   * The time zone of the event of the talk shown (null: none, or not read yet), so that its end is
   * the wall-clock time there on a night the clocks change; read off the FX thread on each show.
   */
  private java.time.ZoneId eventZone;

  /** The event {@link #eventZone} is of (-1: none yet). */
  private long eventZoneOf = -1;

  private List<String> knownTags = List.of();

  /** How long after a pause in typing the details are saved (as long as the notes wait). */
  public static final java.time.Duration AUTOSAVE_DELAY = SaveWait.DELAY;

  /**
   * The longest typed details stay unsaved while the typing goes on without a pause, as the notes:
   * 7 s of steady typing into the tags had all been lost to a crash.
   */
  public static final java.time.Duration AUTOSAVE_MAX_WAIT = SaveWait.MAX_WAIT;

  private final javafx.animation.PauseTransition autosave = new javafx.animation.PauseTransition();

  /** When the next autosave comes: the notes' rule. */
  private final SaveWait saveWait = new SaveWait();

  /** Whether the autosave under way comes before the typing paused ({@link #saveWhileTyping}). */
  private boolean beforePause;

  /** When a field was last typed into ({@link System#nanoTime}). */
  private long lastTyped;

  /** The title as it was when the title field was entered or the talk shown (Esc's). */
  private String titleBefore;

  /** Whether {@link #show} is writing the fields (not the user typing). */
  private boolean showing;

  private final javafx.beans.property.ReadOnlyBooleanWrapper unsaved =
      new javafx.beans.property.ReadOnlyBooleanWrapper();

  /** What the fields hold that the notebook does not, for the shutdown hook; null when nothing. */
  private volatile Pending pending;

  /** Details typed for talk {@code talkId} and not yet stored. */
  record Pending(long talkId, Talk.Details details) {}

  /** The details a save has sent and not yet heard back of (FX thread), or null. */
  private Talk.Details sending;

  /** Whether a change of the tags' text offers completions: not when the pane wrote it. */
  private boolean completing = true;

  /** From this width on, the fields go two a row. */
  static final double WIDE = 500;

  /** The room the fields leave for the scroll bar, there or not, when they choose their rows. */
  static final double BAR_ROOM = 16;

  /** The narrowest the pane makes the window's middle column, folded or not. */
  static final double MIN_WIDTH = 300;

  /** The title bar's tooltip: what a click on it does. */
  static final String FOLD_TIP = "Show or hide the details";

  private final GridPane grid = new GridPane();

  /** The pane the fields scroll in, once they are shown (null before). */
  private ScrollPane fieldsBox;

  private final HBox titleRow = new HBox(4, title, star);
  private final VBox abstractPane = new VBox(2);
  private HBox slidesBox;
  private HBox videoBox;
  private javafx.scene.layout.StackPane speakersBox;
  private javafx.scene.layout.StackPane tagsBox;
  private javafx.scene.layout.StackPane roomBox;
  private boolean wide;

  public TalkDetailsPane(
      Notebook notebook, UiExecutors executors, Consumer<Talk> saved, Consumer<String> openLink) {
    this.notebook = notebook;
    this.executors = executors;
    this.saved = saved;
    this.openLink = openLink;
    title.getStyleClass().add("tb-title-field");
    problem.getStyleClass().add("tb-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    grid.setHgap(8);
    grid.setVgap(6);
    grid.setPadding(new Insets(26, 30, 18, 30)); // with the theme's padding of the fold's content
    // As wide as a time needs ("2026-12-31 23:59") or its prompt, the wider, whatever the font.
    time.prefWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> {
                  return Math.ceil(
                          Math.max(
                              TextWidth.of("2026-12-31 23:59", time.getFont()),
                              TextWidth.of(time.getPromptText(), time.getFont())))
                      + time.getInsets().getLeft()
                      + time.getInsets().getRight()
                      + 4;
                },
                time.fontProperty(),
                time.insetsProperty()));
    slides.setAccessibleText("Link to the slides");
    video.setAccessibleText("Link to the recording");
    room.setPrefColumnCount(8);
    slides.setPrefColumnCount(8);
    video.setPrefColumnCount(8);
    star.setId("detail-star");
    star.getStyleClass().addAll("flat", "tb-tool", "tb-star-toggle");
    Tips.install(star, "Star: on your agenda (" + Keys.shown("Shortcut+D") + ")");
    star.setAccessibleText("Starred");
    star.setOnAction(e -> setStar(star.isSelected()));
    HBox.setHgrow(title, Priority.ALWAYS);
    titleRow.setAlignment(Pos.CENTER_LEFT);
    removed.setId("detail-removed");
    removed.getStyleClass().add("tb-problem");
    removed.setWrapText(true);
    removed.managedProperty().bind(removed.visibleProperty());
    abstractText.setId("detail-abstract");
    abstractText.setWrapText(true);
    abstractText.getStyleClass().add("tb-abstract");
    abstractText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    // The abstract's scroll pane (and its bars) joins the pane with the first talk that has one:
    // notes of one's own have none, and a hidden control is still styled and skinned.
    abstractText
        .textProperty()
        .addListener(
            (obs, was, text) -> {
              if (!text.isEmpty() && abstractPane.getChildren().isEmpty()) {
                buildAbstract();
              }
            });
    abstractPane.visibleProperty().bind(abstractText.textProperty().isNotEmpty());
    abstractPane.managedProperty().bind(abstractPane.visibleProperty());
    slidesBox = withOpen(slides, "Open the slides");
    videoBox = withOpen(video, "Open the recording");
    speakersBox = CutText.marked(speakers);
    tagsBox = CutText.marked(tags);
    roomBox = CutText.marked(room);
    timeSpan.getStyleClass().add(TIME_SPAN_STYLE);
    timeSpan.setMinWidth(Region.USE_PREF_SIZE);
    timeSpan.managedProperty().bind(timeSpan.visibleProperty());
    timeSpan.setVisible(false);
    timeRow = new HBox(6, time, timeSpan);
    timeRow.setAlignment(Pos.CENTER_LEFT);
    timeBox = new VBox(2, timeRow);
    timeBox.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(time, Priority.ALWAYS);
    time.textProperty().addListener((o, was, now) -> showTimeSpan());
    arrange(true);
    // The fields (seven text fields: ~25 ms of the FX thread to style and skin at the start) join
    // the pane once it is both in a window and unfolded: a folded pane's content is hidden, but it
    // would still be styled, skinned and laid out.
    root = new TitledPane();
    root.setId("talk-details");
    root.setExpanded(true);
    InvalidationListener fill =
        obs -> {
          if (root.getContent() == null && root.isExpanded() && root.getScene() != null) {
            root.setContent(fieldsBox());
          }
        };
    root.expandedProperty().addListener(fill);
    root.sceneProperty().addListener(fill);
    root.setAnimated(false);
    root.getStyleClass().add("tb-details");
    // Folded, the pane is one line that still says what the talk is.
    root.textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(root.expandedProperty())
                .then("Details")
                .otherwise(summary));
    // The tip is the title bar's, the fold's control: on the whole pane it showed over the fields
    // while the user typed in them (flaky11). The bar is made with the pane's skin.
    // Folded, the bar's summary line is cut in a narrow pane ("… · 20…"): the tip has it whole.
    root.setAccessibleHelp(FOLD_TIP);
    javafx.beans.value.ObservableValue<String> barTip =
        javafx.beans.binding.Bindings.when(root.expandedProperty())
            .then(FOLD_TIP)
            .otherwise(summary.concat("\n" + FOLD_TIP));
    root.skinProperty()
        .addListener(
            (obs, was, skin) -> {
              Node bar = titleBar();
              if (bar != null) {
                Tips.installOn(bar, barTip);
              }
            });
    // A TitledPane is at least as wide as its title; folded, that title is the whole summary line,
    // which would push the window's dividers and narrow the navigator and the preview. The line is
    // cut with "…" instead; the fields go one a row in a pane this narrow.
    root.setMinWidth(MIN_WIDTH);
    for (TextField f : fields()) {
      f.setOnAction(e -> saveAsked());
    }
    for (TextInputControl f : allFields()) {
      f.focusedProperty()
          .addListener(
              (obs, was, focused) -> {
                if (was && !focused) {
                  // Left for another control: done with it, links get their https://. Still the
                  // window's focus owner, the window itself lost the keyboard (another app, Quit):
                  // saved as it shows.
                  boolean movedOn = f.getScene() == null || f.getScene().getFocusOwner() != f;
                  save(true, movedOn);
                }
              });
    }
    for (TextInputControl f : allFields()) {
      accessibleTexts.put(f, f.getAccessibleText());
    }
    for (TextInputControl f : allFields()) {
      f.textProperty().addListener((obs, old, text) -> typedInto());
    }
    // Esc in a field that cannot be saved takes it back to what the notebook holds: its problem
    // goes (it stayed in the status bar for minutes, tester 9a).
    for (String name : FIELD_NAMES) {
      TextInputControl f = fieldNamed(name);
      f.addEventFilter(
          javafx.scene.input.KeyEvent.KEY_PRESSED,
          e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && cancel(name)) {
              e.consume();
            }
          });
    }
    autosave.setOnFinished(
        e -> {
          if (beforePause) {
            saveWhileTyping();
          } else {
            save(false, false);
          }
        });
    title
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (focused) {
                titleBefore = title.getText();
              }
            });
    tags.textProperty().addListener((obs, old, text) -> suggestTags(text));
    show(null);
  }

  /**
   * The title: Enter saves, as in the other fields; Esc puts back the title as it was when the
   * field was entered (saved while typing, the stored title is already the typed one).
   */
  private TitleField titleField() {
    TitleField f = new TitleField(this::saveAsked, () -> talk == null ? null : titleBefore);
    f.setId("detail-title");
    f.setPromptText("Talk title");
    f.setAccessibleText("Talk title");
    return f;
  }

  /** The title bar of the pane (a click on it folds the pane), once its skin made it; else null. */
  Node titleBar() {
    for (Node child : root.getChildrenUnmodifiable()) {
      if (child.getStyleClass().contains("title")) {
        return child;
      }
    }
    return null;
  }

  public TitledPane root() {
    return root;
  }

  /**
   * The fields in a pane that scrolls when the window is too short for them: the notes under the
   * details keep their room (a short window had left them no line to type in).
   */
  private ScrollPane fieldsBox() {
    ScrollPane box = new ScrollPane(grid);
    fieldsBox = box;
    box.setFitToWidth(true);
    box.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    box.getStyleClass().add("tb-details-fields");
    // Two fields a row where there is room, one a row in a narrow pane: never a cut value, nor a
    // cut prompt ("Comma separate…" at 500 px: the room depends on the font, not a fixed width).
    // Told by the pane's width less room for a scroll bar, not the fields' width: a problem shown
    // under the fields brings the scroll bar, which narrowed the fields, which went one a row
    // (taller, so the bar stayed): the details jumped from two columns to one.
    box.widthProperty()
        .addListener(
            (obs, old, width) -> {
              double room =
                  width.doubleValue() - box.snappedLeftInset() - box.snappedRightInset() - BAR_ROOM;
              fieldsRoom = room;
              boolean wide = room >= Math.max(WIDE, wideNeeds());
              if (wide != this.wide) {
                arrange(wide);
              }
              placeTimeSpan();
            });
    // Down to none of them where the window has no room (the least window with the REPL shown
    // under the notes): the fold's header stays, and the fields come back as the room does.
    box.setMinHeight(0);
    return box;
  }

  GridPane grid() {
    return grid;
  }

  /**
   * Lays the fields out: wide, two a row (speakers and time, tags and room, slides and video; the
   * wide fields take the room, time and room keep what their values need); narrow, one a row.
   */
  private void arrange(boolean wide) {
    this.wide = wide;
    grid.getChildren().clear();
    ColumnConstraints label = new ColumnConstraints();
    label.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints grow = new ColumnConstraints();
    grow.setHgrow(Priority.ALWAYS);
    grow.setMinWidth(60);
    int span;
    if (wide) {
      ColumnConstraints fit = new ColumnConstraints();
      fit.setMinWidth(Region.USE_PREF_SIZE);
      grid.getColumnConstraints().setAll(label, grow, label, fit);
      span = 4;
      grid.add(titleRow, 0, 0, span, 1);
      grid.addRow(1, label("Speakers"), speakersBox, label("Time"), timeBox);
      grid.addRow(2, label("Tags"), tagsBox, label("Room"), roomBox);
      // Links are long: slides and video share the row's width, not the narrow time column.
      HBox links = new HBox(8, slidesBox, label("Video"), videoBox);
      links.setAlignment(Pos.CENTER_LEFT);
      HBox.setHgrow(slidesBox, Priority.ALWAYS);
      HBox.setHgrow(videoBox, Priority.ALWAYS);
      slidesBox.setPrefWidth(0);
      videoBox.setPrefWidth(0);
      grid.add(label("Slides"), 0, 3);
      grid.add(links, 1, 3, 3, 1);
    } else {
      slidesBox.setPrefWidth(Region.USE_COMPUTED_SIZE);
      videoBox.setPrefWidth(Region.USE_COMPUTED_SIZE);
      grid.getColumnConstraints().setAll(label, grow);
      span = 2;
      grid.add(titleRow, 0, 0, span, 1);
      grid.addRow(1, label("Speakers"), speakersBox);
      grid.addRow(2, label("Time"), timeBox);
      grid.addRow(3, label("Room"), roomBox);
      grid.addRow(4, label("Tags"), tagsBox);
      grid.addRow(5, label("Slides"), slidesBox);
      grid.addRow(6, label("Video"), videoBox);
    }
    int next = grid.getRowCount();
    grid.add(problem, 0, next, span, 1);
    grid.add(removed, 0, next + 1, span, 1);
    grid.add(abstractPane, 0, next + 2, span, 1);
  }

  /**
   * Puts the time's span beside the time, or under it where, two fields a row, the span beside it
   * would leave the speakers and the tags less than their prompts (an imported talk's "09:00–09:45"
   * at 1366×768 had cut them to "Comma separa" and a speaker's name to "Ada Lovelac…").
   */
  private void placeTimeSpan() {
    boolean below =
        wide
            && timeSpan.isVisible()
            && fieldsRoom < wideNeeds() + timeRow.getSpacing() + timeSpan.prefWidth(-1);
    javafx.scene.layout.Pane home = below ? timeBox : timeRow;
    if (timeSpan.getParent() != home) {
      ((javafx.scene.layout.Pane) timeSpan.getParent()).getChildren().remove(timeSpan);
      home.getChildren().add(timeSpan);
    }
  }

  /** True when the time's span shows under the time, not beside it. */
  boolean timeSpanBelow() {
    return timeSpan.getParent() == timeBox;
  }

  /**
   * The grid's width from which two fields a row show the speakers' and tags' prompts whole beside
   * the time and the room: the labels, those prompts and the time's width, in the fields' font.
   */
  double wideNeeds() {
    javafx.scene.text.Font font = speakers.getFont();
    double labels =
        Math.max(textWidth("Speakers", font), textWidth("Tags", font))
            + Math.max(textWidth("Time", font), textWidth("Room", font));
    double prompt =
        Math.max(textWidth(speakers.getPromptText(), font), textWidth(tags.getPromptText(), font))
            + speakers.getInsets().getLeft()
            + speakers.getInsets().getRight()
            + 4;
    Insets padding = grid.getPadding();
    return padding.getLeft()
        + padding.getRight()
        + labels
        + prompt
        + time.prefWidth(-1)
        + 3 * grid.getHgap()
        + 8; // the labels' own insets
  }

  private static double textWidth(String text, javafx.scene.text.Font font) {
    return Math.ceil(TextWidth.of(text, font));
  }

  private static TextField field(String id, String prompt) {
    return field(id, prompt, prompt);
  }

  private static TextField field(String id, String prompt, String accessibleText) {
    TextField f = new TextField();
    f.setId("detail-" + id);
    f.setPromptText(prompt);
    f.setAccessibleText(accessibleText);
    return f;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("tb-field-label");
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  /**
   * {@code url} with its open button, which says what it opens ({@code what}) to a screen reader.
   */
  private HBox withOpen(TextField url, String what) {
    Button open = new Button(null, Icons.of(Feather.EXTERNAL_LINK));
    open.getStyleClass().addAll("flat", "tb-tool", "tb-open-link");
    Tips.install(open, what + " in the browser");
    open.setAccessibleText(what);
    open.disableProperty().bind(url.textProperty().isEmpty());
    open.setOnAction(e -> openLink.accept(url.getText().strip()));
    javafx.scene.layout.StackPane marked = CutText.marked(url);
    HBox.setHgrow(marked, Priority.ALWAYS);
    HBox box = new HBox(2, marked, open);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** The one-line fields (the title, which wraps, aside). */
  private List<TextField> fields() {
    return List.of(speakers, time, room, slides, video, tags);
  }

  private List<TextInputControl> allFields() {
    return List.of(title, speakers, time, room, slides, video, tags);
  }

  /**
   * Gives the keyboard to the first field, the title, when the fields are shown (unfolded, a talk
   * open): where Ctrl+Shift+Tab from the notes goes, and Tab then takes the fields in reading
   * order. False when they are not shown.
   */
  public boolean focusFirstField() {
    if (talk == null || !root.isExpanded() || root.getContent() == null || !root.isVisible()) {
      return false;
    }
    title.requestFocus();
    return true;
  }

  /** Read-only notebooks show the details without letting them be changed. */
  public void setEditable(boolean editable) {
    for (TextInputControl f : allFields()) {
      f.setEditable(editable);
    }
    star.setDisable(!editable);
  }

  /** "Title · Speakers · 2026-03-12 18:30 · Room", what is set of it. */
  static String summary(Talk talk) {
    if (talk == null) {
      return "Details";
    }
    Talk.Details d = talk.details();
    List<String> parts = new java.util.ArrayList<>();
    // each piece kept in its place: a time after an Arabic name was laid out with it, backwards
    parts.add(BidiText.kept(d.title()));
    if (!d.speakers().isEmpty()) {
      parts.add(BidiText.kept(String.join(", ", d.speakers())));
    }
    if (d.startsAt() != null) {
      parts.add(TIME.format(d.startsAt()));
    }
    if (d.room() != null && !d.room().isBlank()) {
      parts.add(BidiText.kept(d.room()));
    }
    return String.join("  \u00b7  ", parts);
  }

  /**
   * Shows a talk's details (or nothing, disabled, for null). What the fields hold unsaved for the
   * talk shown so far is saved first; the same talk shown again (read again after a change
   * elsewhere) keeps what is being typed.
   */
  public void show(Talk shown) {
    boolean same = talk != null && shown != null && talk.id() == shown.id();
    if (talk != null && unsaved.get()) {
      save(true, false);
      if (!same && !problem.getText().isEmpty()) {
        // The field is about to show another talk's value: what it held is kept, and shown again
        // with that talk; said where it is seen (the message under the fields goes with it).
        leftUnsaved.accept(
            "Kept unsaved in “"
                + talk.details().title()
                + "”: "
                + problem.getText().replace('\n', ' ')); // one line in the status bar
      }
    }
    autosave.stop();
    saveWait.saving();
    boolean keepTyping = same && unsaved.get();
    talk = shown;
    if (shown == null || shown.eventId() != eventZoneOf) {
      eventZone = null; // another event's zone is not this one's
      eventZoneOf = shown == null ? -1 : shown.eventId();
    }
    showTimeSpan();
    if (shown != null) {
      long eventId = shown.eventId();
      executors.run(
          () -> notebook.events().find(eventId).flatMap(dev.talkbook.core.notebook.Event::zone),
          zone -> {
            if (talk != null && talk.eventId() == eventId) {
              eventZone = zone.orElse(null);
              eventZoneOf = eventId;
              showTimeSpan();
            }
          },
          // the end as without a zone (as for an event that has none); a notebook that cannot be
          // read says so where the talk is saved
          error ->
              System.getLogger(TalkDetailsPane.class.getName())
                  .log(System.Logger.Level.WARNING, "Reading the event's time zone", error));
    }
    root.setDisable(shown == null);
    if (!keepTyping) {
      showProblems(null);
      showing = true;
      KeptFields.Sorted sorted = null;
      try {
        showFields(shown == null ? null : shown.details());
        titleBefore = title.getText();
        if (shown != null) {
          // What could not be saved when the talk was left (or before a restart) comes back,
          // unless the notebook changed that field since it was typed (elsewhere: not overwritten).
          sorted =
              KeptFields.sort(
                  kept.kept(shown.id()),
                  name -> savedText(name, shown.details()),
                  (name, text) -> holds(shown.details(), name, text));
          // One edit of the field's own (setText leaves none): Ctrl+Z in it takes it back.
          sorted
              .putBack()
              .forEach(
                  (name, text) -> {
                    TextInputControl f = fieldNamed(name);
                    f.replaceText(0, f.getLength(), text);
                  });
        }
      } finally {
        showing = false;
      }
      refreshUnsaved();
      if (shown != null) {
        putBackKept(shown, sorted);
      }
    }
    summary.set(summary(shown));
    star.setSelected(shown != null && shown.starred());
    star.setText(star.isSelected() ? "★" : "☆");
    abstractText.setText(shown == null ? "" : shown.programme().abstractText());
    removed.setVisible(shown != null && shown.programme().removed());
    removed.setText(
        shown == null || !shown.programme().removed()
            ? ""
            : "No longer in the programme (the last import did not list it). Your notes are"
                + " kept.");
    hideSuggestions();
    if (shown != null) {
      executors.run(
          () -> notebook.talks().tags().stream().map(TagCount::name).toList(),
          names -> knownTags = names,
          error -> knownTags = List.of());
    }
  }

  /**
   * {@link #show} put {@code sorted}'s texts back into talk {@code shown}'s fields: they are saved
   * (typed before a kill) or marked (a time half typed), and said the first time since the window
   * opened, with Undo; those whose field changed since are set aside, and said with their text
   * (with those set aside before the window opened, the first time), put on the clipboard, and kept
   * until that is dismissed.
   */
  private void putBackKept(Talk shown, KeptFields.Sorted sorted) {
    long id = shown.id();
    boolean fromBefore = kept.firstShownSinceStart(id);
    Map<String, KeptFields.Kept> entries = kept.kept(id);
    entries.keySet().retainAll(sorted.putBack().keySet());
    kept.put(id, entries); // what is not put back is set aside below, or stored already
    Map<String, KeptFields.Kept> aside = new java.util.LinkedHashMap<>();
    boolean asideFromBefore = kept.asideFirstShownSinceStart(id);
    if (asideFromBefore) {
      aside.putAll(kept.aside(id));
    }
    aside.putAll(sorted.changedSince());
    kept.setAside(id, sorted.changedSince());
    if (!aside.isEmpty()) {
      String texts = asideTexts(aside);
      String said =
          changedSinceText(
                  shown.details().title(),
                  fromBefore || asideFromBefore,
                  aside,
                  name -> savedText(name, shown.details()))
              + asideWhere(aside.size(), clipboard.test(texts));
      System.getLogger(TalkDetailsPane.class.getName()).log(System.Logger.Level.INFO, said);
      KeptFields keptIn = kept; // this notebook's, should another open before the dismissal
      java.util.function.Predicate<String> copier = clipboard;
      keptAsideTold.tell(said, () -> copier.test(texts), () -> keptIn.dropAside(id, aside));
    }
    if (sorted.putBack().isEmpty()) {
      return;
    }
    // A link kept without its https:// was kept so (its fix taken back): not fixed again.
    sorted.putBack().values().forEach(text -> schemeDeclined.add(text.strip()));
    showProblems(savable());
    if (talk != null && talk.id() == id && !savable().details().equals(talk.details())) {
      save(false, false); // typed before a kill, not saved then
    }
    if (fromBefore) {
      Map<String, String> before = new java.util.LinkedHashMap<>();
      sorted.putBack().keySet().forEach(name -> before.put(name, savedText(name, shown.details())));
      Map<String, String> putBack = Map.copyOf(sorted.putBack());
      putBackTold.accept(
          putBackText(shown.details().title(), putBack.keySet()),
          () -> takePutBackBack(id, putBack, before));
    }
  }

  /**
   * "Details of “T” not yet saved when Talkbook stopped were put back (room, tags).": the fields
   * named in the order they show.
   */
  static String putBackText(String title, java.util.Collection<String> fields) {
    return "Details of “"
        + title
        + "” not yet saved when Talkbook stopped were put back ("
        + String.join(", ", FIELD_NAMES.stream().filter(fields::contains).toList())
        + ").";
  }

  /**
   * What was not put back, field by field, the text typed first (a cut message keeps it) and what
   * the field holds now: "Details typed before Talkbook stopped were not put back, as “T” changed
   * since: room “Hall 2” (now “B”)." ({@code fromBefore}; else "kept unsaved").
   */
  static String changedSinceText(
      String title,
      boolean fromBefore,
      Map<String, KeptFields.Kept> aside,
      java.util.function.UnaryOperator<String> stored) {
    List<String> each = new java.util.ArrayList<>();
    for (String name : FIELD_NAMES) {
      if (aside.containsKey(name)) {
        String now = stored.apply(name);
        each.add(
            fieldWord(name)
                + " “"
                + aside.get(name).text()
                + "” (now "
                + (now.isEmpty() ? "empty" : "“" + now + "”")
                + ")");
      }
    }
    return "Details "
        + (fromBefore ? "typed before Talkbook stopped" : "kept unsaved")
        + " were not put back, as “"
        + title
        + "” changed since: "
        + String.join("; ", each)
        + ".";
  }

  /** The texts of {@code aside}, one a line in the fields' order: what goes on the clipboard. */
  private static String asideTexts(Map<String, KeptFields.Kept> aside) {
    List<String> texts = new java.util.ArrayList<>();
    FIELD_NAMES.stream().filter(aside::containsKey).forEach(n -> texts.add(aside.get(n).text()));
    return String.join("\n", texts);
  }

  /**
   * Where the texts set aside are, {@code count} of them, put on the clipboard as this is said
   * ({@code copied}) or not: " It was put on the clipboard, paste it where it belongs (Copy again
   * puts it back there); kept until this is dismissed." Read later, after the user copied other
   * things, it is still true: it never says the clipboard holds it now.
   */
  static String asideWhere(int count, boolean copied) {
    String them = count == 1 ? "it" : "them";
    return (copied
            ? (count == 1 ? " It was" : " They were")
                + " put on the clipboard, paste "
                + them
                + " where "
                + (count == 1 ? "it belongs" : "they belong")
                + " (Copy again puts "
                + them
                + " back there); "
            : " The clipboard could not take " + them + " (Copy again tries again); ")
        + "kept until this is dismissed.";
  }

  private static boolean copy(String text) {
    try {
      javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
      content.putString(text);
      return javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** How the messages name field {@code name}: "room", "slides link". */
  private static String fieldWord(String name) {
    return switch (name) {
      case "slides", "video" -> name + " link";
      default -> name;
    };
  }

  /**
   * Undo of what a show put back ({@code putBack}: field name → text) of texts kept before the
   * window opened: each field that still holds it shows, and stores, {@code before} again (what the
   * notebook held then), unless the talk changed since.
   */
  private void takePutBackBack(long id, Map<String, String> putBack, Map<String, String> before) {
    if (closed) {
      return;
    }
    if (talk != null && talk.id() == id) {
      putBack.forEach(
          (name, text) -> {
            if (fieldNamed(name).getText().equals(text)) {
              fieldNamed(name).setText(before.get(name));
            }
          });
      refreshUnsaved();
      save(false, false);
      return;
    }
    Map<String, KeptFields.Kept> entries = kept.kept(id);
    entries.keySet().removeAll(putBack.keySet());
    kept.put(id, entries);
    executors.run(
        () -> {
          Talk now = notebook.talks().get(id);
          Talk.Details d = now.details();
          for (Map.Entry<String, String> e : putBack.entrySet()) {
            if (holds(d, e.getKey(), e.getValue())) {
              d = apply(e.getKey(), before.get(e.getKey()), d);
            }
          }
          return d.equals(now.details()) ? now : notebook.talks().update(id, d);
        },
        this::stored,
        error -> tell(error));
  }

  /**
   * Esc in field {@code name}: when it holds text that cannot be saved, it shows again what the
   * notebook holds, and its problem goes; false (Esc left to others) when it has none.
   */
  private boolean cancel(String name) {
    if (talk == null || showing) {
      return false;
    }
    TextInputControl f = fieldNamed(name);
    if (!savable().problems().containsKey(name)) {
      return false;
    }
    String saved = savedText(name, talk.details());
    f.setText(saved);
    f.positionCaret(saved.length());
    save(false, false);
    return true;
  }

  /** What field {@code name} shows of {@code d}, the details as saved. */
  private static String savedText(String name, Talk.Details d) {
    return switch (name) {
      case "title" -> d.title();
      case "speakers" -> String.join(", ", d.speakers());
      case "time" -> d.startsAt() == null ? "" : TIME.format(d.startsAt());
      case "room" -> d.room() == null ? "" : d.room();
      case "slides" -> d.slidesUrl() == null ? "" : d.slidesUrl();
      case "video" -> d.videoUrl() == null ? "" : d.videoUrl();
      case "tags" -> String.join(", ", d.tags());
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** {@link #timeSpan} for the time typed and the shown talk's length. */
  private void showTimeSpan() {
    java.time.Duration length = talk == null ? null : talk.programme().duration();
    String span = "";
    if (length != null) {
      try {
        span =
            TalkTime.parse(time.getText())
                .map(at -> DateTimeText.clockSpan(at, length, eventZone))
                .orElse("");
      } catch (NotebookException e) {
        span = ""; // a time half typed: the field's own problem says so when it is left
      }
    }
    // "(clocks go back)" under the span, which keeps the time typed beside it in view.
    timeSpan.setText(
        span.replace(" " + DateTimeText.CLOCKS_GO_BACK, "\n" + DateTimeText.CLOCKS_GO_BACK));
    timeSpan.setAccessibleText(span.isEmpty() ? null : "From the programme: " + span);
    timeSpan.setVisible(!span.isEmpty());
    placeTimeSpan();
  }

  private void showFields(Talk.Details d) {
    title.setText(d == null ? "" : d.title());
    speakers.setText(d == null ? "" : String.join(", ", d.speakers()));
    time.setText(d == null || d.startsAt() == null ? "" : TIME.format(d.startsAt()));
    room.setText(d == null || d.room() == null ? "" : d.room());
    slides.setText(d == null || d.slidesUrl() == null ? "" : d.slidesUrl());
    video.setText(d == null || d.videoUrl() == null ? "" : d.videoUrl());
    tags.setText(d == null ? "" : String.join(", ", d.tags()));
  }

  /**
   * Where to say what a field held that could not be saved (a time half typed) when the user went
   * on to another talk: the text is gone from the field then.
   */
  public void onLeftUnsaved(Consumer<String> tell) {
    leftUnsaved = tell;
  }

  /**
   * Where to say that a link typed without its scheme got {@code https://}, with how to take it
   * back (the status bar's Undo).
   */
  public void onSchemeAdded(java.util.function.BiConsumer<String, Runnable> tell) {
    schemeAdded = tell;
  }

  /**
   * Where to say that a tag given another case here was respelled on every talk that has it, with
   * how to take the edit back, respelling and all (the status bar's Undo, Ctrl+Z outside the
   * field): the field's own Ctrl+Z did, but only while the keyboard was still in it.
   */
  public void onTagRespelled(java.util.function.BiConsumer<String, Runnable> tell) {
    tagRespelled = tell;
  }

  /**
   * Where to say what a window's first show of a talk put back of its details kept before the
   * window opened (typed just before Talkbook stopped), with how to take it back (the status bar's
   * Undo, Ctrl+Z outside the notes).
   */
  public void onPutBack(java.util.function.BiConsumer<String, Runnable> tell) {
    putBackTold = tell;
  }

  /**
   * Where to say which kept details were not put back because the notebook changed those fields
   * since they were typed (the command line, an import, another window), with what was typed, and
   * what to run once the user dismissed that (a message that stays until then): the texts are kept
   * until then (and put on the clipboard, again whenever the user asks), so a second kill or a
   * closed window does not lose them.
   */
  public void onKeptAside(KeptAsideTeller tell) {
    keptAsideTold = tell;
  }

  /**
   * Keeps what fields held that the notebook could not take in {@code settings} under {@code key}
   * (one notebook's), so it comes back after a restart too; read from there now.
   */
  public void keepUnsavedIn(
      dev.talkbook.ui.common.Settings settings, dev.talkbook.ui.common.Settings.Key<String> key) {
    kept = new KeptFields(settings.get(key), text -> settings.put(key, text));
  }

  /** The talks whose fields hold text kept unsaved (none shown now, or the one shown). */
  public java.util.Set<Long> keptTalks() {
    return kept.talks();
  }

  /**
   * The talks {@code ids} are gone (deleted): what their fields kept unsaved is forgotten, and a
   * shown one's fields are cleared without saving them into it. Returns what puts the texts back,
   * for the deletion's Undo (which brings the talks back under their ids): without it, they would
   * stay in the settings for good.
   */
  public Runnable forgetUnsavedOf(java.util.Collection<Long> ids) {
    if (talk != null && ids.contains(talk.id())) {
      keep(talk.id(), savable().failed(), talk.details()); // as left: what Undo brings back
      talk = null; // gone: nothing is saved into it
      show(null);
    }
    KeptFields.Forgotten forgotten = kept.forget(ids);
    return () -> kept.putBack(forgotten);
  }

  /** Whether a field holds text the notebook does not have (or cannot take yet). */
  public javafx.beans.property.ReadOnlyBooleanProperty unsavedProperty() {
    return unsaved.getReadOnlyProperty();
  }

  /** Why a field's text cannot be saved (shown under the fields), or "" when nothing is wrong. */
  public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
    return problem.textProperty();
  }

  /**
   * What the status bar says while fields hold text the notebook cannot take: which fields, why,
   * and that the others are saved ("Time and Video not saved: …; the other details are saved."), or
   * "" when every field could be saved.
   */
  public javafx.beans.property.ReadOnlyStringProperty notSavedProperty() {
    return notSaved.getReadOnlyProperty();
  }

  /**
   * Shows every field's problem in {@code typed} (none for null): listed under the fields, one a
   * line; each such field marked red, its accessible text saying why; the status bar's words.
   */
  private void showProblems(Attempt typed) {
    Map<String, String> problems = typed == null ? Map.of() : typed.problems();
    problem.setText(String.join("\n", problems.values()));
    problemsCame(java.util.Set.copyOf(problems.keySet()));
    for (String name : FIELD_NAMES) {
      TextInputControl f = fieldNamed(name);
      String why = problems.get(name);
      f.pseudoClassStateChanged(dev.talkbook.ui.common.FormDialogs.INVALID, why != null);
      String own = accessibleTexts.getOrDefault(f, f.getAccessibleText());
      f.setAccessibleText(why == null ? own : own + ". Not saved: " + why);
    }
    notSaved.set(notSavedText(problems));
  }

  /** "Time and Video not saved: why; why; the other details are saved.", or "" for none. */
  static String notSavedText(Map<String, String> problems) {
    if (problems.isEmpty()) {
      return "";
    }
    List<String> names =
        problems.keySet().stream()
            .map(n -> Character.toUpperCase(n.charAt(0)) + n.substring(1))
            .toList();
    String which = ListPhrase.of(names);
    List<String> whys =
        problems.values().stream()
            .map(w -> w.endsWith(".") ? w.substring(0, w.length() - 1) : w)
            .toList();
    return which + " not saved: " + String.join("; ", whys) + "; the other details are saved.";
  }

  /**
   * The user changed a field: saved {@link #AUTOSAVE_DELAY} after the typing stops, and while it
   * goes on at the latest {@link #AUTOSAVE_MAX_WAIT} after the first change not saved.
   */
  private void typedInto() {
    if (showing || talk == null) {
      return;
    }
    refreshUnsaved();
    lastTyped = System.nanoTime();
    if (unsaved.get()) {
      // Kept at once (the settings are written out soon after, off the FX thread): a kill before
      // the save comes puts it back at the next start, as the notes' journal does for the notes.
      keep(talk.id(), notStored(typed(), talk.details()), talk.details());
      long wait = saveWait.changed();
      beforePause = SaveWait.beforePause(wait);
      playAutosave(wait);
    } else {
      autosave.stop();
      saveWait.saving(); // nothing left to save: a new change starts a new wait
      showProblems(null); // typed back to what is stored
      kept.put(talk.id(), Map.of()); // nothing of it to show again
    }
  }

  private void playAutosave(long waitNanos) {
    autosave.setDuration(javafx.util.Duration.millis(Math.max(1, waitNanos / 1_000_000.0)));
    autosave.playFromStart();
  }

  /**
   * The typing has gone on {@link #AUTOSAVE_MAX_WAIT} without a pause: the fields that can be saved
   * are. A field that cannot be yet (a time half typed) is neither marked nor explained nor kept
   * now: it is not saved, as before, and said at the pause ({@link #save(boolean, boolean)}, {@link
   * #AUTOSAVE_DELAY} after the last key), so a time being typed does not flash "not saved" under
   * the fields every half second.
   */
  private void saveWhileTyping() {
    if (talk == null || closed) {
      return;
    }
    saveWait.saving();
    send(savable().details(), false);
    long sinceKey = System.nanoTime() - lastTyped;
    beforePause = false;
    playAutosave(AUTOSAVE_DELAY.toNanos() - sinceKey);
  }

  /** Brings {@link #unsaved} and {@link #pending} up to date with the fields. */
  private void refreshUnsaved() {
    if (talk == null) {
      pending = null;
      unsaved.set(false);
      return;
    }
    Attempt typed = savable();
    boolean differs = !typed.details().equals(talk.details());
    pending = differs ? new Pending(talk.id(), typed.details()) : null;
    unsaved.set(differs || typed.problem() != null);
    // What cannot be saved is kept by save(), 0.4 s after the typing stops, as the rest is: kept at
    // every key, it wrote the settings file at every key.
  }

  /**
   * The details the fields give, field by field; a field that cannot be saved keeps its stored
   * value, and its text is in {@code failed} (field name → text; blank texts aside: the stored
   * value is what a blank title comes back as).
   */
  private record Attempt(
      Talk.Details details, Map<String, String> problems, Map<String, String> failed) {
    /** Every field's problem, one a line, or null when every field can be saved. */
    String problem() {
      return problems.isEmpty() ? null : String.join("\n", problems.values());
    }
  }

  /**
   * The stored details with each field's text that can be saved: a field whose text cannot (a time
   * half typed, a link without its https://) leaves its stored value, and says why.
   */
  private Attempt savable() {
    Talk.Details d = talk.details();
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    Map<String, String> failed = new java.util.LinkedHashMap<>();
    // Each field on its own: one that cannot be saved yet leaves the others to be.
    for (String name : FIELD_NAMES) {
      try {
        d = apply(name, fieldNamed(name).getText(), d);
      } catch (NotebookException e) {
        problems.put(name, e.getMessage());
        if (!fieldNamed(name).getText().isBlank()) {
          failed.put(name, fieldNamed(name).getText());
        }
      }
    }
    return new Attempt(d, problems, failed);
  }

  /** Every field's text, by name (blank ones aside: a blank title comes back as the stored one). */
  private Map<String, String> typed() {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (String name : FIELD_NAMES) {
      String text = fieldNamed(name).getText();
      if (!text.isBlank()) {
        texts.put(name, text);
      }
    }
    return texts;
  }

  /**
   * Keeps talk {@code id}'s {@code texts} (field name → text) as typed on {@code stored}, the
   * details the notebook holds, and on what a save of that talk has under way: put back at its next
   * show only where the field still stores one of them ({@link KeptFields#sort}).
   */
  private void keep(long id, Map<String, String> texts, Talk.Details stored) {
    Talk.Details flying = talk != null && talk.id() == id ? sending : null;
    kept.put(
        id,
        texts,
        name -> {
          String base = savedText(name, stored);
          String sent = flying == null ? base : savedText(name, flying);
          return base.equals(sent) ? List.of(base) : List.of(base, sent);
        });
  }

  /**
   * Of {@code texts} (field name → text), those that say something else than {@code d}: not its
   * value however spelled ("Ann,Bob" is {@code d}'s "Ann, Bob"), so text the notebook holds in its
   * own spelling is not kept, to be put back later over a change made elsewhere.
   */
  private static Map<String, String> notStored(Map<String, String> texts, Talk.Details d) {
    Map<String, String> differ = new java.util.LinkedHashMap<>();
    texts.forEach(
        (name, text) -> {
          if (!text.equals(savedText(name, d)) && !holds(d, name, text)) {
            differ.put(name, text);
          }
        });
    return differ;
  }

  /** Whether {@code d} holds field {@code name}'s value as {@code text} gives it. */
  private static boolean holds(Talk.Details d, String name, String text) {
    try {
      return apply(name, text, d).equals(d);
    } catch (RuntimeException e) {
      return false; // cannot be saved: not held
    }
  }

  /** The fields' names, in the order their problems are told: each field's id is "detail-" + it. */
  private static final List<String> FIELD_NAMES =
      List.of("title", "speakers", "time", "room", "slides", "video", "tags");

  private TextInputControl fieldNamed(String name) {
    return switch (name) {
      case "title" -> title;
      case "speakers" -> speakers;
      case "time" -> time;
      case "room" -> room;
      case "slides" -> slides;
      case "video" -> video;
      case "tags" -> tags;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** {@code d} with the field {@code name} set from {@code text}; throws when it cannot be. */
  private static Talk.Details apply(String name, String text, Talk.Details d) {
    return switch (name) {
      case "title" -> d.withTitle(text);
      case "speakers" -> d.withSpeakers(CommaList.split(text));
      // a refusal's example on the talk's own day (the event's), else on today
      case "time" ->
          d.withStartsAt(
              TalkTime.parse(text, null, d.startsAt() == null ? null : d.startsAt().toLocalDate())
                  .orElse(null));
      case "room" -> d.withRoom(text);
      case "slides" -> d.withSlidesUrl(text);
      case "video" -> d.withVideoUrl(text);
      case "tags" -> d.withTags(CommaList.split(text));
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Saves what the fields hold that is not yet stored, on the calling thread (the shutdown hook's,
   * any but the FX thread): the FX thread may be busy or gone. Nothing when nothing is pending or
   * the notebook is read-only.
   */
  public void saveForShutdown() {
    Pending p = pending;
    if (p != null && !notebook.isReadOnly()) {
      notebook.talks().update(p.talkId(), p.details());
    }
  }

  /** Stars or unstars the shown talk. */
  public void toggleStar() {
    if (talk != null) {
      setStar(!talk.starred());
    }
  }

  private void setStar(boolean starred) {
    if (talk == null) {
      return;
    }
    long id = talk.id();
    star.setSelected(starred);
    star.setText(starred ? "★" : "☆");
    executors.run(
        () -> notebook.talks().star(id, starred),
        this::stored,
        error -> {
          tell(error);
          star.setSelected(talk != null && talk.starred());
          star.setText(star.isSelected() ? "★" : "☆");
        });
  }

  /**
   * Saves the typed details if they changed, as the fields show them (the fields that are valid;
   * see {@link #savable}): a link without its https:// is not fixed here, only when its user leaves
   * a field.
   */
  public void save() {
    save(true, false);
  }

  /**
   * The window is closing: saves what the fields show and nothing else (no https:// added to a
   * link, which the user may have taken back), and from now on what the notebook thread answers
   * changes nothing and asks it for nothing more (its threads are about to stop).
   */
  public void close() {
    save(true, false);
    if (talk != null) {
      // The last save is under way as the settings are written for good: only what it cannot
      // take stays kept (text kept for a kill would outlive it, and later overwrite a change made
      // elsewhere).
      keep(talk.id(), savable().failed(), talk.details());
    }
    autosave.stop();
    hideSuggestions();
    closed = true;
  }

  /**
   * Enter in a field: saves what the fields hold, and when some cannot be saved, brings the list of
   * their problems into the fields' view: in a short window it sat below the scroll edge, and Enter
   * seemed to do nothing.
   */
  private void saveAsked() {
    save(true, true);
    if (!problem.getText().isEmpty()) {
      problemsIntoView();
    }
  }

  /** What the notebook refused, said under the fields and brought into their view. */
  private void tell(Throwable error) {
    String message = Errors.message(error);
    problem.setText(message);
    problemsCame(java.util.Set.of("\n" + message)); // no field's name starts with a line break
  }

  /**
   * The problems' lines in view as they come ({@code which}: the fields that have one, or an
   * error's words): under the last fields they were cut off by the pane's bottom edge (only Enter
   * brought them into view). Once for each new set of them, not at each pause in the typing of a
   * time whose words change with each key: the fields moved then, under a click aimed at one.
   */
  private void problemsCame(java.util.Set<String> which) {
    if (!which.isEmpty() && !which.equals(problemsInView)) {
      problemsIntoView();
    }
    problemsInView = which;
  }

  /**
   * Once the fields are laid out with the problems' text, scrolls them as little as it takes to
   * show its lines whole (its first lines when they are more than the view holds), never so far
   * that the field with the keyboard leaves the view: in a short pane the problems come only as far
   * into view as it stays (its top first).
   */
  private void problemsIntoView() {
    ScrollPane box = fieldsBox;
    javafx.scene.Scene scene = root.getScene();
    if (box == null || scene == null || box.getContent() != grid) {
      return;
    }
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          double view = box.getViewportBounds().getHeight();
          double room = grid.getHeight() - view; // how far the fields scroll
          if (room <= 0 || problem.getText().isEmpty() || !problem.isManaged()) {
            return; // the fields do not scroll, or nothing is listed
          }
          javafx.geometry.Bounds lines = problem.getBoundsInParent(); // in the grid
          double range = box.getVmax() - box.getVmin();
          double shown = (box.getVvalue() - box.getVmin()) / range * room; // the view's top
          double top = shown;
          if (lines.getMaxY() > shown + view) {
            top = lines.getMaxY() - view;
          }
          if (lines.getMinY() < top) {
            top = lines.getMinY();
          }
          javafx.geometry.Bounds typing = focusedFieldBounds();
          if (typing != null) {
            top = Math.max(top, typing.getMaxY() - view);
            top = Math.min(top, typing.getMinY());
          }
          if (top != shown) {
            box.setVvalue(box.getVmin() + Math.max(0, Math.min(room, top)) / room * range);
          }
        };
    scene.addPostLayoutPulseListener(once[0]);
    javafx.application.Platform.requestNextPulse();
  }

  /** Where the focused node, when it is one of the fields' grid, lies in the grid; else null. */
  private javafx.geometry.Bounds focusedFieldBounds() {
    javafx.scene.Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
    for (javafx.scene.Node n = focused; n != null; n = n.getParent()) {
      if (n == grid) {
        return grid.sceneToLocal(focused.localToScene(focused.getLayoutBounds()));
      }
    }
    return null;
  }

  /**
   * Saves what the fields hold; {@code left} when the user is done with the field (Enter, left,
   * another talk), not only paused: then the tags are shown as stored, and a tag typed to complete
   * loses its trailing comma. {@code fixLinks} when the user left a field for another: a link typed
   * without its scheme then gets https:// ({@link #addScheme}).
   */
  private void save(boolean left, boolean fixLinks) {
    autosave.stop();
    saveWait.saving();
    if (talk == null || closed) {
      return;
    }
    if (fixLinks && slides.isEditable()) {
      addScheme("slides", "Slides");
      addScheme("video", "Video");
    }
    Attempt typed = savable();
    keep(talk.id(), notStored(typed(), talk.details()), talk.details());
    showProblems(typed);
    send(typed.details(), left);
  }

  /**
   * Stores {@code details} for the shown talk unless it holds them already or they are on their
   * way; {@code left} as for {@link #save(boolean, boolean)}.
   */
  private void send(Talk.Details details, boolean left) {
    if (details.equals(talk.details()) || details.equals(sending)) {
      refreshUnsaved();
      return;
    }
    long id = talk.id();
    String tagsSent = tags.getText();
    Talk.Details before = talk.details();
    sending = details;
    if (executors.io().isShutdown()) {
      return; // the window is closing: its own save (or the shutdown hook's) has run
    }
    executors.run(
        () -> notebook.talks().update(id, details),
        updated -> {
          if (closed) {
            return; // stored; the window is gone
          }
          if (details.equals(sending)) {
            sending = null;
          }
          // what was sent is stored (maybe respelled: a tag as another talk has it), and what is
          // still kept was typed on it now
          keep(
              id, notStored(notStored(kept.of(id), details), updated.details()), updated.details());
          // a text set aside that the user typed again (pasted) is stored now: no longer kept
          kept.takenAside(id, (name, text) -> holds(updated.details(), name, text));
          Pending p = pending;
          if (p != null && p.talkId() == id && p.details().equals(details)) {
            pending = null; // stored: the shutdown hook has nothing of it to write
          }
          stored(updated);
          // A tag the store respelled (as another talk has it) shows so at once, the field's
          // keyboard or not: left as typed, the commit after it sent the typed spelling again,
          // which respelled the tag on every talk ("Hardware" → "hardware" on Toasters too).
          if (left || !tags.isFocused() || respells(details.tags(), updated.details().tags())) {
            showStoredTags(updated, tagsSent);
          }
          refreshUnsaved();
          List<String> respelled = respelled(before.tags(), updated.details().tags());
          if (!respelled.isEmpty()) {
            tagRespelled.accept(
                String.join(" ", respelled), () -> takeRespellingBack(id, before, updated));
          }
        },
        error -> {
          if (details.equals(sending)) {
            sending = null;
          }
          notSaved.set(""); // nothing of it saved: the status bar says so, with this
          tell(error);
        });
  }

  /**
   * A link the notebook refuses for want of its scheme that starts with a host name ({@code
   * youtu.be/abc123}) gets {@code https://} (one change in the field, which Ctrl+Z takes back), and
   * the status bar says so with an Undo that puts the typed text back, stored link and all.
   */
  private void addScheme(String name, String what) {
    TextField field = (TextField) fieldNamed(name);
    String typed = field.getText();
    String fixed = LinkScheme.withScheme(typed);
    if (fixed == null || schemeDeclined.contains(typed.strip())) {
      return;
    }
    try {
      apply(name, typed, talk.details());
      return; // the notebook takes it as it is
    } catch (NotebookException refused) {
      try {
        apply(name, fixed, talk.details());
      } catch (NotebookException stillRefused) {
        return;
      }
    }
    long id = talk.id();
    String before = "slides".equals(name) ? talk.details().slidesUrl() : talk.details().videoUrl();
    int start = typed.indexOf(typed.strip());
    field.insertText(start, LinkScheme.HTTPS);
    schemeAdded.accept(
        "Added https:// to the " + what + " link: " + fixed,
        () -> takeSchemeBack(id, name, typed, fixed, before));
  }

  /**
   * What a save that gave tags the talk had another case says, one sentence a tag ("Tag “kotlin” is
   * now spelled “Kotlin” on every talk that has it."); none when it respelled nothing.
   */
  static List<String> respelled(List<String> before, List<String> after) {
    List<String> said = new java.util.ArrayList<>();
    for (String now : after) {
      for (String was : before) {
        if (respells(was, now)) {
          said.add("Tag “" + was + "” is now spelled “" + now + "” on every talk that has it.");
        }
      }
    }
    return said;
  }

  /** Whether {@code after} spells in another case a tag {@code before} has. */
  static boolean respells(List<String> before, List<String> after) {
    return after.stream().anyMatch(now -> before.stream().anyMatch(was -> respells(was, now)));
  }

  private static boolean respells(String was, String now) {
    return !was.equals(now)
        && dev.talkbook.core.notebook.Tags.key(was)
            .equals(dev.talkbook.core.notebook.Tags.key(now));
  }

  /**
   * Undo of a save that respelled a tag: the talk's details as they were before it, which spells
   * the tag back on every talk (a user's edit respells), unless the talk was saved since; shown
   * when it is the talk here.
   */
  private void takeRespellingBack(long id, Talk.Details before, Talk saved) {
    executors.run(
        () -> {
          Talk now = notebook.talks().get(id);
          return now.details().equals(saved.details())
              ? notebook.talks().update(id, before)
              : now; // changed since: left as it is
        },
        updated -> {
          if (closed) {
            return;
          }
          stored(updated);
          if (talk != null && talk.id() == id && !unsaved.get()) {
            show(updated);
          }
        },
        error -> tell(error));
  }

  /** Undo of {@link #addScheme}: the typed link back in its field, the link stored before back. */
  private void takeSchemeBack(long id, String name, String typed, String fixed, String before) {
    schemeDeclined.add(typed.strip());
    executors.run(
        () -> {
          Talk now = notebook.talks().get(id);
          String stored =
              "slides".equals(name) ? now.details().slidesUrl() : now.details().videoUrl();
          if (!fixed.equals(stored)) {
            return now; // changed since: left as it is
          }
          return notebook
              .talks()
              .update(id, apply(name, before == null ? "" : before, now.details()));
        },
        updated -> {
          if (closed) {
            return;
          }
          stored(updated);
          if (talk != null && talk.id() == id) {
            if (fieldNamed(name).getText().equals(fixed)) {
              fieldNamed(name).setText(typed);
            }
            refreshUnsaved();
            save(false, false);
          } else {
            Map<String, KeptFields.Kept> entries = kept.kept(id);
            entries.put(
                name, new KeptFields.Kept(typed, List.of(savedText(name, updated.details()))));
            kept.put(id, entries);
          }
        },
        error -> tell(error));
  }

  /** A save or star the notebook stored: shown if that talk is still the one here, then told. */
  private void stored(Talk updated) {
    if (closed) {
      return; // the window is closing: nothing more to show, nor to ask of its closed threads
    }
    if (talk != null && talk.id() == updated.id()) {
      talk = updated;
      summary.set(summary(updated));
    }
    saved.accept(updated);
  }

  /**
   * Shows the tags as the notebook stored them ("hardware" typed is "Hardware" when the notebook
   * has that tag), if the field still holds what was saved ({@code tagsSent}): what was typed into
   * it since is left alone.
   */
  private void showStoredTags(Talk updated, String tagsSent) {
    if (talk == null || talk.id() != updated.id() || !tags.getText().equals(tagsSent)) {
      return;
    }
    String stored = String.join(", ", updated.details().tags());
    int caret = tags.getCaretPosition();
    if (!stored.equals(tagsSent.strip())) {
      // The user did not type this: nothing to complete.
      completing = false;
      try {
        tags.setText(stored);
      } finally {
        completing = true;
      }
      // the caret where it was when only a tag's spelling changed (the field still being typed in)
      tags.positionCaret(
          stored.length() == tagsSent.strip().length() && tags.isFocused()
              ? caret
              : stored.length());
      hideSuggestions();
    }
  }

  private void suggestTags(String text) {
    if (!tags.isFocused() || !completing) {
      return;
    }
    String typing = text.substring(text.lastIndexOf(',') + 1).strip().toLowerCase(Locale.ROOT);
    List<String> already =
        CommaList.split(text).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    List<MenuItem> items =
        typing.isEmpty()
            ? List.of()
            : knownTags.stream()
                .filter(
                    n ->
                        n.toLowerCase(Locale.ROOT).startsWith(typing)
                            && !n.equalsIgnoreCase(typing)
                            && !already.contains(n.toLowerCase(Locale.ROOT)))
                .limit(8)
                .map(this::suggestion)
                .toList();
    if (items.isEmpty()) {
      hideSuggestions();
    } else {
      if (tagSuggestions == null) {
        tagSuggestions = new ContextMenu();
      }
      tagSuggestions.getItems().setAll(items);
      if (!tagSuggestions.isShowing()) {
        tagSuggestions.show(tags, Side.BOTTOM, 0, 0);
      }
    }
  }

  private void buildAbstract() {
    javafx.scene.control.ScrollPane abstractBox = new javafx.scene.control.ScrollPane(abstractText);
    abstractBox.setFitToWidth(true);
    abstractBox.setMaxHeight(130);
    abstractBox.getStyleClass().add("tb-abstract-box");
    Label abstractLabel = new Label("Abstract");
    abstractLabel.getStyleClass().add("tb-field-label");
    abstractPane.getChildren().setAll(abstractLabel, abstractBox);
  }

  private void hideSuggestions() {
    if (tagSuggestions != null) {
      tagSuggestions.hide();
    }
  }

  /** The tags' completions while they show, else null (for tests). */
  ContextMenu suggestionsShown() {
    return tagSuggestions != null && tagSuggestions.isShowing() ? tagSuggestions : null;
  }

  /** The talk shown, or null (for tests). */
  Talk talkShown() {
    return talk;
  }

  /** Whether the completions' popup has been made (for tests). */
  boolean suggestionsMade() {
    return tagSuggestions != null;
  }

  private MenuItem suggestion(String name) {
    MenuItem item = new MenuItem(name);
    item.setOnAction(
        e -> {
          String text = tags.getText();
          int comma = text.lastIndexOf(',');
          String head = comma < 0 ? "" : text.substring(0, comma + 1) + " ";
          tags.setText(head + name + ", ");
          tags.positionCaret(tags.getText().length());
        });
    return item;
  }
}
