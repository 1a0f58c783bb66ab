package dev.talkbook.ui.editor;

import dev.talkbook.core.markdown.HighlightedText;
import dev.talkbook.core.markdown.Highlighting;
import dev.talkbook.ui.common.HangingIndent;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.PaneHeader;
import dev.talkbook.ui.common.TextWidth;
import dev.talkbook.ui.common.Tips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.feather.Feather;
import org.reactfx.EventSource;
import org.reactfx.EventStream;

/**
 * The notes editor: a RichTextFX code area with Markdown highlighting, find and replace (Ctrl+F,
 * Ctrl+H), zoom (Ctrl +/-/0), soft wrap and optional line numbers. Pasted images and dropped files
 * are handed to {@code attach} (file name, bytes), which stores them and inserts a reference.
 */
public final class EditorView {
  public static final String STYLE_CLASS = "tb-editor";
  private static final double DEFAULT_FONT = 14;

  private final CodeArea area = new CodeArea();

  /** Keeps the caret of notes just opened in view while the window settles. */
  private final CaretInView caretInView = new CaretInView(area);

  /** The undo history of each talk: Undo after going to another talk and back still works. */
  private final UndoHistories histories;

  private final BorderPane root = new BorderPane();
  // The find bar (its fields, buttons and tooltips) is made when first shown.
  private GridPane findBar;
  private TextField findField;
  private TextField replaceField;
  private HBox replaceTools;
  private ToggleButton matchCase;
  private Label findStatus;

  /** The find bar's last change was to the notes (a replace): Undo in the bar takes it back. */
  private boolean replacedLast;

  private static final javafx.scene.input.KeyCombination UNDO =
      javafx.scene.input.KeyCombination.keyCombination("Shortcut+Z");
  private static final javafx.scene.input.KeyCombination REDO =
      javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+Z");
  private final DoubleProperty fontSize = new SimpleDoubleProperty(DEFAULT_FONT);
  private final BooleanProperty lineNumbers = new SimpleBooleanProperty(false);

  /**
   * A file pasted or dropped into the notes, or a copied image ({@code pasted-image.png}): to be
   * stored with the talk and linked. Its bytes are made only when it is stored ({@link #read}, on
   * the notebook's thread, not the FX thread): a file is read then, a copied image PNG-encoded then
   * (a big screenshot encoded on paste froze the window).
   */
  public static final class Pasted {
    private final String name;
    private final java.util.function.Supplier<byte[]> content;

    private Pasted(String name, java.util.function.Supplier<byte[]> content) {
      this.name = name;
      this.content = content;
    }

    /** A pasted or dropped file, read when it is stored. */
    public static Pasted of(Path file) {
      return new Pasted(file.getFileName().toString(), () -> readFile(file));
    }

    /**
     * A copied image: its pixels taken now (on the FX thread, where the clipboard's image is read;
     * one bulk copy), its PNG made when it is stored.
     */
    static Pasted image(Image image) {
      int w = (int) image.getWidth();
      int h = (int) image.getHeight();
      int[] argb = new int[w * h];
      image
          .getPixelReader()
          .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
      return new Pasted("pasted-image.png", () -> png(w, h, argb));
    }

    public String name() {
      return name;
    }

    /** Its bytes: the file's read, or the image's PNG made, now (slow: not on the FX thread). */
    public byte[] read() {
      return content.get();
    }

    private static byte[] readFile(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new dev.talkbook.core.notebook.NotebookException(
            "Cannot read " + file + " to attach it (" + e.getMessage() + ").", e);
      }
    }
  }

  /**
   * Where pasted images and dropped files go, all of one paste or drop at once (linked together, as
   * one undo step); set when the editor is {@link #ready}.
   */
  private Consumer<List<Pasted>> attach;

  private final ExecutorService highlighting =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "talkbook-highlight");
            t.setDaemon(true);
            return t;
          });
  private final OutlinerKeys outliner;

  /**
   * A change to the text: {@code removed} characters at {@code position} became {@code inserted};
   * {@code position} is -1 for several changes made at once (replace all).
   */
  public record Edit(String text, int position, int removed, int inserted) {}

  private final EventSource<Edit> edits = new EventSource<>();

  /** The highlighting the area's styles follow, for the text as it was then; null before any. */
  private Styles shown;

  /** The area's text as of the last change, kept by the changes (FX thread). */
  private final KeptText kept = new KeptText();

  /** Where the text changed since {@link #shown} (current offsets; -1 when nothing did). */
  private int dirtyFrom = -1;

  private int dirtyTo = -1;

  /** The newest highlighting request; older ones still queued are skipped. */
  private volatile long newestRequest;

  /**
   * The parts of the text whose styles in {@link #shown} the area does not show yet: a long note's
   * styles go onto the area a piece at a time, the lines in view first ({@link #styleSome}).
   */
  private final Unstyled unstyled = new Unstyled();

  /** Whether the FX thread has a task queued that styles the next pieces. */
  private boolean stylingQueued;

  /**
   * At most this many characters are styled in one task on the FX thread (some 400 lines, 10 to 20
   * ms of setting styles on a loaded two-core machine); a note up to this long is also highlighted
   * on the FX thread as it is loaded, so a talk opened shows its styles in its first frame.
   */
  static final int STYLE_CHARS = 32 * 1024;

  /**
   * The styles of a text: its Markdown highlighting (with what re-highlighting an edit of it
   * needs), those styles with the hanging indents marked ({@link HangingIndent}), and the area's
   * styles: those with the out-of-date outputs marked too ({@link OutOfDateOutputs}, read from the
   * whole text each time, as an edit of a block's code changes the mark of its output further on).
   */
  private record Styles(HighlightedText markdown, Highlighting hung, Highlighting area) {
    Styles(HighlightedText markdown, Highlighting hung, String text) {
      this(markdown, hung, OutOfDateOutputs.mark(hung, text));
    }
  }

  private record Request(long id, String text, Styles shown, int from, int to) {}

  /** What to restyle: {@code spans} from {@code from}, making the area's styles {@code next}. */
  private record Restyle(Styles next, int from, List<Highlighting.Span> spans) {}

  private final EventSource<Request> requests = new EventSource<>();

  /** An editor made on the FX thread, handing pasted images and dropped files to {@code attach}. */
  public EditorView(Consumer<List<Pasted>> attach) {
    this();
    ready(attach);
  }

  /**
   * Starts making an editor on a thread of its own, while the FX thread builds the rest of the
   * window: creating RichTextFX's code area loads and links some 600 classes of RichTextFX, ReactFX
   * and Flowless (a quarter of a second at start). Nodes that are in no scene may be made on any
   * thread; what is made here is no control (a control's skin, and the first control's choice of
   * the user-agent style sheet, belong to the FX thread), only the code area and its handlers. The
   * FX thread finishes it with {@link #ready}.
   */
  public static CompletableFuture<EditorView> makeAside() {
    CompletableFuture<EditorView> made = new CompletableFuture<>();
    Thread maker =
        new Thread(
            () -> {
              try {
                made.complete(new EditorView());
              } catch (RuntimeException | Error e) {
                made.completeExceptionally(e);
              }
            },
            "talkbook-editor-start");
    maker.setDaemon(true);
    maker.start();
    return made;
  }

  /**
   * On the FX thread: the editor begun by {@link #makeAside}, finished, or (if making it failed)
   * one made here.
   */
  public static EditorView take(
      CompletableFuture<EditorView> aside, Consumer<List<Pasted>> attach) {
    EditorView made;
    try {
      made = aside.join();
    } catch (java.util.concurrent.CompletionException e) {
      System.getLogger(EditorView.class.getName())
          .log(System.Logger.Level.WARNING, "editor not made aside; making it now", e.getCause());
      return new EditorView(attach);
    }
    made.ready(attach);
    return made;
  }

  /** Everything but the scroll pane (its bars are controls): see {@link #makeAside}. */
  private EditorView() {
    histories = TypingUndo.install(area);
    area.multiPlainChanges().subscribe(this::changed);
    // Latest wins: a newer request skips the older ones queued and drops their results (a newer
    // future replaces the one awaited). Not awaitLatest(requests): with the requests themselves as
    // the cancel impulse, each request cancelled its own result, and no restyle was ever applied.
    requests
        .mapToCompletionStage(
            r ->
                CompletableFuture.supplyAsync(
                    () -> r.id() == newestRequest ? restyle(r) : null, afterTheKey(highlighting)))
        .awaitLatest()
        .subscribe(
            result -> {
              if (result.isSuccess() && result.get() != null) {
                apply(result.get());
              }
            });
    area.getStyleClass().add(STYLE_CLASS);
    area.setWrapText(true);
    area.setId("editor");
    area.setAccessibleText("Notes");
    fontSize.addListener((obs, old, size) -> area.setStyle("-fx-font-size: " + size + "px;"));
    area.setStyle("-fx-font-size: " + DEFAULT_FONT + "px;");
    LineHeights.keep(area);
    outliner = new OutlinerKeys(area);
    area.getStylesheets().add(OutlinerKeys.stylesheet());
    lineNumbers.addListener((obs, old, show) -> outliner.folding().setLineNumbers(show));
    installKeys();
    installDrop();
  }

  private static final String HINT =
      "Notes in Markdown: # a heading, - a bullet (Tab indents it),"
          + " ```java for code that runs. "
          + Keys.shown("Shortcut+Slash")
          + " lists every key.";

  /** How the keyboard leaves the notes, where Tab indents: said by a screen reader. */
  static final String LEAVING =
      " Ctrl+Tab moves to the next control, Ctrl+Shift+Tab up to the talk's title.";

  /**
   * What empty notes show where the first line goes: how to write them, gone with the first key.
   * Over the notes rather than RichTextFX's placeholder, which hides while the notes have the
   * focus, that is, whenever one is about to type.
   */
  private Label hint() {
    Label hint = new Label(HINT);
    area.setAccessibleHelp(HINT + LEAVING); // what a screen reader says of the notes
    hint.setId("editor-hint");
    hint.getStyleClass().addAll("tb-muted", "tb-editor-hint");
    hint.setWrapText(true);
    hint.setMouseTransparent(true); // a click there puts the caret in the notes
    hint.setManaged(false); // placed by the notes' box, beside the first line's gutter
    hint.visibleProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> area.getLength() == 0 && area.isEditable(),
                area.lengthProperty(),
                area.editableProperty()));
    // As the notes' own size is set: a number in any locale's digits would not be CSS.
    hint.styleProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> "-fx-font-size: " + fontSize.get() + "px;", fontSize));
    return hint;
  }

  /**
   * Puts {@code hint} where the first line's text starts, right of its gutter (the fold marker, and
   * the line number when shown), as wide as the rest of the notes.
   */
  private void placeHint(javafx.scene.layout.Region box, Label hint) {
    if (!hint.isVisible()) {
      return;
    }
    double x = HINT_LEFT;
    double y = HINT_TOP;
    javafx.scene.Node gutter = area.getParagraphGraphic(0);
    if (gutter != null && gutter.getScene() != null && gutter.getScene() == box.getScene()) {
      javafx.geometry.Bounds at = box.sceneToLocal(gutter.localToScene(gutter.getLayoutBounds()));
      x = at.getMaxX();
      y = at.getMinY();
    }
    double width = Math.max(0, box.getWidth() - x - HINT_RIGHT);
    hint.resizeRelocate(x, y, width, hint.prefHeight(width));
  }

  /** Where the hint goes before the first line is laid out: the notes' padding and gutter (CSS). */
  private static final double HINT_LEFT = 36;

  private static final double HINT_TOP = 10;

  /** Room kept right of the hint: the notes' padding and their scroll bar. */
  private static final double HINT_RIGHT = 28;

  /** On the FX thread: puts the area in its scroll pane; files pasted or dropped go to attach. */
  private void ready(Consumer<List<Pasted>> attach) {
    if (this.attach != null) {
      throw new IllegalStateException("the editor is ready already");
    }
    this.attach = attach;
    Label hint = hint();
    javafx.scene.layout.StackPane notes =
        new javafx.scene.layout.StackPane(new VirtualizedScrollPane<>(area), hint) {
          @Override
          protected void layoutChildren() {
            super.layoutChildren();
            placeHint(this, hint);
          }
        };
    // The gutter widens with line numbers and the size; the box lays the hint out again then.
    lineNumbers.addListener((obs, old, show) -> notes.requestLayout());
    fontSize.addListener((obs, old, size) -> notes.requestLayout());
    hint.visibleProperty().addListener((obs, old, shown) -> notes.requestLayout());
    root.setCenter(notes);
  }

  /**
   * Runs work on {@code thread} once the FX thread has handled the event at hand (a key): started
   * at once, the highlighting and the preview's render took a processor from the FX thread in the
   * middle of a key's handling on a two-core machine (4 ms of processor time, up to 18 ms on the
   * clock). Hands off to {@code thread} from the FX thread's next task, before the next pulse.
   */
  private static Executor afterTheKey(Executor thread) {
    return work ->
        Platform.runLater(
            () -> {
              try {
                thread.execute(work);
              } catch (RejectedExecutionException disposed) {
                // The editor was disposed (its window closed) since the key: nothing to style.
              }
            });
  }

  public Region root() {
    return root;
  }

  public CodeArea area() {
    return area;
  }

  /** The outliner commands (list keys, moving, folding, tasks), for the menus. */
  public OutlinerKeys outliner() {
    return outliner;
  }

  public BooleanProperty lineNumbersProperty() {
    return lineNumbers;
  }

  public BooleanProperty wrapProperty() {
    return area.wrapTextProperty();
  }

  public DoubleProperty fontSizeProperty() {
    return fontSize;
  }

  /**
   * Every change to the text, with the text after it (read once per change, for every listener):
   * the open talk's view model follows these.
   */
  public EventStream<Edit> edits() {
    return edits;
  }

  /**
   * Where the caret, the selection ({@code anchor} to {@code caret}) and the scroll (the paragraph
   * at the top) stood in a text, to come back to.
   */
  public record Place(int anchor, int caret, int top) {
    /** "anchor:caret:top". */
    @Override
    public String toString() {
      return anchor + ":" + caret + ":" + top;
    }

    /** The place {@link #toString} wrote, or null when {@code text} is not one. */
    public static Place parse(String text) {
      String[] parts = text == null ? new String[0] : text.split(":");
      if (parts.length != 3) {
        return null;
      }
      try {
        return new Place(
            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** Where the caret, selection and scroll stand now. */
  public Place place() {
    int top = area.getVisibleParagraphs().isEmpty() ? 0 : area.firstVisibleParToAllParIndex();
    return new Place(area.getAnchor(), area.getCaretPosition(), top);
  }

  /**
   * Replaces the whole text as a fresh start ({@link #load(String)}), with the caret, selection and
   * scroll at {@code place} (cut to the text; null: at the start).
   */
  public void load(String text, Place place) {
    load(null, text, place);
  }

  /**
   * Shows {@code text}, the notes of talk {@code talkId} (null: of no talk), with the caret,
   * selection and scroll at {@code place} (cut to the text; null: at the start). Undo takes back
   * nothing of the notes shown before: it goes on with what was typed in this talk before it was
   * left, if its notes are exactly as they were left then (else with nothing).
   */
  public void load(Long talkId, String text, Place place) {
    replaceAll(talkId, text);
    if (place == null) {
      caretInView.release();
      area.moveTo(0);
      area.requestFollowCaret();
      return;
    }
    int length = area.getLength();
    area.selectRange(
        Math.max(0, Math.min(place.anchor(), length)),
        Math.max(0, Math.min(place.caret(), length)));
    int top = Math.max(0, Math.min(place.top(), area.getParagraphs().size() - 1));
    area.showParagraphAtTop(top);
    if (area.getCurrentParagraph() >= top) {
      // The caret was left in view (or below it): it stays in view though the kept top alone
      // would leave it out (a wrapped line scrolled part way when kept, a narrower window), and
      // while the window's layout settles.
      caretInView.keep();
    } else {
      caretInView.release();
    }
  }

  /**
   * The notes as another process saved them (a read-only window follows): only the part that
   * differs from the text shown is replaced; the caret, the selection and the paragraph at the top
   * stay where they were, moved by what was inserted or removed before them. Undo has nothing to
   * take back after it.
   */
  public void follow(String text) {
    String old = kept.text().length() == area.getLength() ? kept.text() : area.getText();
    if (old.equals(text)) {
      return;
    }
    dev.talkbook.core.common.Difference change = dev.talkbook.core.common.Difference.of(old, text);
    int from = change.from();
    int to = change.beforeTo();
    String inserted = change.inserted(text);
    Place was = place();
    int fromParagraph = lines(old, 0, from);
    int linesAdded = lines(inserted, 0, inserted.length()) - lines(old, from, to);
    area.replaceText(from, to, inserted);
    histories.forgetHistory(); // not the user's change: Undo must not take it back
    int length = inserted.length();
    area.selectRange(moved(was.anchor(), from, to, length), moved(was.caret(), from, to, length));
    int top =
        was.top() > fromParagraph ? Math.max(fromParagraph, was.top() + linesAdded) : was.top();
    area.showParagraphAtTop(Math.max(0, Math.min(top, area.getParagraphs().size() - 1)));
  }

  /** Where offset {@code at} goes when {@code from..to} is replaced by {@code length} chars. */
  private static int moved(int at, int from, int to, int length) {
    if (at <= from) {
      return at;
    }
    return at >= to ? at + length - (to - from) : from + length;
  }

  private static int lines(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Replaces the whole text as a fresh start: no undo back into another talk's notes. */
  public void load(String text) {
    load(null, text, null);
  }

  /**
   * Replaces the whole text. A short one is highlighted here, at once; a long one is shown unstyled
   * and highlighted on the highlighting thread, its styles then put on the area a piece at a time,
   * the lines in view first: highlighting a 1.6 MB note and setting its styles held the FX thread
   * for over a second when its talk was opened.
   */
  private void replaceAll(Long talkId, String text) {
    // The text as kept from the changes: joining a 5 MB note's paragraphs took 0.1–0.4 s.
    histories.leaving(kept.text().length() == area.getLength() ? kept.text() : area.getText());
    unstyled.clear();
    if (text.length() <= STYLE_CHARS) {
      area.replaceText(text);
      Styles all = styles(text);
      newestRequest++; // the request the replacement made is done here, at once
      if (!all.area().spans().isEmpty()) {
        area.setStyleSpans(0, styleSpans(all.area().spans()));
      }
      shown = all;
      dirtyFrom = -1;
    } else {
      shown = null; // nothing to restyle from: the new text is highlighted in full
      area.replace(0, area.getLength(), document(text));
      // Made here rather than by the change, which may not come when the text is the same.
      requests.push(new Request(++newestRequest, text, null, 0, text.length()));
    }
    histories.opened(talkId, text);
  }

  /**
   * {@code text} as the area's document, unstyled. RichTextFX's own {@code replaceText} splits the
   * text into lines with a regular expression: 1.1–1.3 s of the FX thread for a 5 MB note (62,978
   * lines), against 50–340 ms for these lines cut at each {@code '\n'}. A text with a {@code '\r'}
   * is still split RichTextFX's way (it ends lines at {@code "\r\n"} and {@code "\r"} too).
   */
  private ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(
      String text) {
    if (text.indexOf('\r') >= 0) {
      return ReadOnlyStyledDocument.fromString(
          text, area.getInitialParagraphStyle(), area.getInitialTextStyle(), area.getSegOps());
    }
    Collection<String> style = area.getInitialTextStyle();
    ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> lines =
        new ReadOnlyStyledDocumentBuilder<>(area.getSegOps(), area.getInitialParagraphStyle());
    int from = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      lines.addParagraph(text.substring(from, end), style);
      from = end + 1;
    }
    return lines.addParagraph(text.substring(from), style).build();
  }

  /**
   * Puts the caret at {@code offset} (no selection) and keeps it in view while the window settles,
   * as a place loaded is.
   */
  public void caretAt(int offset) {
    area.moveTo(Math.max(0, Math.min(offset, area.getLength())));
    area.requestFollowCaret();
    caretInView.keep();
  }

  /**
   * Selects {@code start..end} and scrolls to it (a search hit, found off the FX thread by {@link
   * dev.talkbook.ui.talk.OpenTalk#find}).
   */
  public void reveal(int start, int end) {
    int length = area.getLength();
    area.selectRange(Math.min(start, length), Math.min(end, length));
    area.requestFollowCaret();
  }

  /** A change: noted as dirty, handed on, and highlighted again off the FX thread. */
  private void changed(List<PlainTextChange> changes) {
    for (PlainTextChange c : changes) {
      int p = c.getPosition();
      int removed = c.getRemoved().length();
      int inserted = c.getInserted().length();
      unstyled.edited(p, removed, inserted);
      if (dirtyFrom < 0) {
        dirtyFrom = p;
        dirtyTo = p + inserted;
      } else {
        dirtyFrom = Math.min(shift(dirtyFrom, p, removed, inserted), p);
        dirtyTo = Math.max(shift(dirtyTo, p, removed, inserted), p + inserted);
      }
    }
    PlainTextChange only = changes.size() == 1 ? changes.get(0) : null;
    String text =
        only != null
            ? kept.splice(only.getPosition(), only.getRemoved(), only.getInserted())
            : null;
    if (text == null || text.length() != area.getLength()) {
      // Several changes at once (replace all), or a change that does not fit: read it all.
      text = area.getText();
      kept.reset(text);
    }
    requests.push(new Request(++newestRequest, text, shown, dirtyFrom, dirtyTo));
    if (only != null) {
      edits.push(
          new Edit(
              text, only.getPosition(), only.getRemoved().length(), only.getInserted().length()));
    } else {
      edits.push(new Edit(text, -1, 0, 0)); // no one change to count from
    }
  }

  /**
   * Where offset {@code x} is after {@code removed} characters at {@code p} became {@code
   * inserted}.
   */
  private static int shift(int x, int p, int removed, int inserted) {
    if (x <= p) {
      return x;
    }
    return x >= p + removed ? x + inserted - removed : p + inserted;
  }

  /**
   * On the highlighting thread: the text highlighted, and the part whose styles differ from what
   * the area shows (the changed range, widened to where the styles really differ). Everything typed
   * since the area's styles were made is one change, {@code [r.from(), r.to())} now: only from the
   * paragraph it starts in to where the highlighting goes on as before is read again.
   */
  private Restyle restyle(Request r) {
    int length = r.text().length();
    Styles next = null;
    if (r.shown() != null) {
      int before = r.shown().markdown().length();
      int inserted = r.to() - r.from();
      int removed = inserted - (length - before);
      if (r.from() >= 0 && removed >= 0 && r.from() + removed <= before) {
        HighlightedText.Change change =
            r.shown().markdown().edited(r.text(), r.from(), removed, inserted);
        next =
            new Styles(
                change.next(),
                HangingIndent.edited(r.shown().hung(), before, change, r.text()),
                r.text());
      }
    }
    if (next == null) {
      next = styles(r.text());
    }
    int from = 0;
    int to = length;
    if (r.shown() != null) {
      from = Math.min(Highlighting.commonPrefix(r.shown().area(), next.area()), r.from());
      to = Math.max(length - Highlighting.commonSuffix(r.shown().area(), next.area()), r.to());
    }
    return new Restyle(next, from, from < to ? next.area().slice(from, to) : List.of());
  }

  /**
   * The styles of {@code text}, read in full: its Markdown highlighting, and the list items'
   * prefixes kept out of the wrapped lines' indent ({@link HangingIndent}).
   */
  private static Styles styles(String text) {
    HighlightedText markdown = HighlightedText.of(text);
    return new Styles(
        markdown, HangingIndent.mark(markdown.highlighting(), HangingIndent.prefixes(text)), text);
  }

  /**
   * On the FX thread: the newest restyle, for the text as it is now. A keystroke's few changed
   * styles are set at once; a long note's are set {@link #STYLE_CHARS} at a time.
   */
  private void apply(Restyle r) {
    shown = r.next();
    dirtyFrom = -1;
    int length = 0;
    for (Highlighting.Span span : r.spans()) {
      length += span.length();
    }
    unstyled.add(r.from(), r.from() + length);
    styleSome();
  }

  /**
   * On the FX thread: sets the styles of up to {@link #STYLE_CHARS} characters not yet styled, from
   * the first line in view on, and leaves the rest to a task of its own. Waits while the text has
   * changed since {@link #shown} (its offsets no longer fit): the next restyle goes on.
   */
  private void styleSome() {
    if (dirtyFrom >= 0 || shown == null || unstyled.isEmpty()) {
      return;
    }
    int budget = STYLE_CHARS;
    // A keystroke's few styles are set whole: the view is looked for only when there is more.
    int near = unstyled.length() <= budget ? 0 : firstInView();
    while (budget > 0 && !unstyled.isEmpty()) {
      int[] piece = unstyled.take(near, budget);
      List<Highlighting.Span> spans = shown.area().slice(piece[0], piece[1]);
      if (!spans.isEmpty()) {
        area.setStyleSpans(piece[0], styleSpans(spans));
      }
      budget -= piece[1] - piece[0];
    }
    if (!unstyled.isEmpty() && !stylingQueued) {
      stylingQueued = true;
      Platform.runLater(
          () -> {
            stylingQueued = false;
            styleSome();
          });
    }
  }

  /** The offset of the first line in view (of the caret's line before the area is laid out). */
  private int firstInView() {
    int par =
        area.getVisibleParagraphs().isEmpty()
            ? area.getCurrentParagraph()
            : area.firstVisibleParToAllParIndex();
    return area.getAbsolutePosition(Math.min(par, area.getParagraphs().size() - 1), 0);
  }

  private static StyleSpans<Collection<String>> styleSpans(List<Highlighting.Span> spans) {
    StyleSpansBuilder<Collection<String>> out = new StyleSpansBuilder<>(spans.size());
    for (Highlighting.Span span : spans) {
      out.add(span.classes(), span.length());
    }
    return out.create();
  }

  /** Stops the highlighting thread (the window is closing). */
  public void dispose() {
    highlighting.shutdownNow();
  }

  /** Back to the normal font size. */
  public void actualSize() {
    fontSize.set(DEFAULT_FONT);
  }

  public void zoom(double delta) {
    fontSize.set(Math.max(8, Math.min(40, fontSize.get() + delta)));
  }

  private void installKeys() {
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
            showFind(false);
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN).match(e)) {
            showFind(true);
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN).match(e)
              && pasteImage()) {
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN).match(e)
              || new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN).match(e)
              || new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN).match(e)) {
            zoom(1);
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN).match(e)
              || new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN).match(e)) {
            zoom(-1);
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN)
              .match(e)) {
            fontSize.set(DEFAULT_FONT);
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN).match(e)
              || new KeyCodeCombination(
                      KeyCode.TAB, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN)
                  .match(e)) {
            e.consume();
            leave(!e.isShiftDown());
          }
        });
    // The character a Ctrl+Tab types (when the focus stays) is no tab in the notes.
    area.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if (e.isControlDown() && "\t".equals(e.getCharacter())) {
            e.consume();
          }
        });
  }

  /**
   * Ctrl+Tab, Ctrl+Shift+Tab: the focus to the next (previous) control after (before) the notes, as
   * Tab does between other controls; in the notes Tab indents. JavaFX 21 has no public call that
   * moves the focus along (Node.requestFocusTraversal came with JavaFX 24), but the scene moves it
   * on a Tab that no control took, from the node the event went to. One is sent to a node of the
   * notes that takes no keys: backwards from their scroll pane; forwards from the hint over them,
   * the notes box's last child (from the scroll pane the focus would go into it, to the notes).
   */
  private void leave(boolean forward) {
    javafx.scene.Node scroll = area.getParent();
    if (scroll == null || scroll.getParent() == null) {
      return;
    }
    List<javafx.scene.Node> box = scroll.getParent().getChildrenUnmodifiable();
    javafx.scene.Node from = forward ? box.get(box.size() - 1) : scroll;
    dev.talkbook.ui.common.Keys.moveFocusOn(from, forward);
  }

  // ---- find and replace ----------------------------------------------------------------------

  /**
   * The bar over the notes, in two rows that share their columns: the find field, what it found ("2
   * of 5"), match case, previous, next, close; under it (with Ctrl+H) the replace field and the
   * replace buttons. The fields take the room left: every word and prompt shows whole down to the
   * smallest window, whose notes column is some 350 px wide.
   */
  private void buildFindBar() {
    findField = new TextField();
    findField.setPromptText("Find");
    findField.setId("find-field");
    keepPromptWhole(findField);
    findStatus = new Label();
    findStatus.setId("find-status");
    findStatus.getStyleClass().add("tb-muted");
    findStatus.setMinWidth(Region.USE_PREF_SIZE);
    matchCase = new ToggleButton("Aa");
    matchCase.setId("match-case");
    matchCase.getStyleClass().addAll("flat", "tb-tool", "tb-match-case");
    Tips.install(matchCase, "Match case");
    matchCase.setAccessibleText("Match case");
    matchCase.setMinWidth(Region.USE_PREF_SIZE);
    matchCase.selectedProperty().addListener((obs, old, on) -> findAsTyped());
    Button previous =
        PaneHeader.tool(Feather.CHEVRON_UP, "Previous match (Shift+Enter)", () -> find(false));
    Button next = PaneHeader.tool(Feather.CHEVRON_DOWN, "Next match (Enter)", () -> find(true));
    Button close = PaneHeader.tool(Feather.X, "Close (Esc)", this::hideFind);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox findTools = new HBox(2, findStatus, matchCase, previous, next, gap, close);
    findTools.setAlignment(Pos.CENTER_LEFT);
    HBox.setMargin(findStatus, new Insets(0, 4, 0, 0));

    replaceField = new TextField();
    replaceField.setPromptText("Replace");
    replaceField.setId("replace-field");
    keepPromptWhole(replaceField);
    Button replace = new Button("Replace");
    replace.setId("replace-one");
    Tips.install(replace, "Replace this match and find the next (Enter in the field)");
    replace.setOnAction(e -> replaceOne());
    Button replaceAll = new Button("Replace all");
    replaceAll.setId("replace-all");
    replaceAll.setOnAction(e -> replaceAll());
    replace.setMinWidth(Region.USE_PREF_SIZE);
    replaceAll.setMinWidth(Region.USE_PREF_SIZE);
    // Notes that cannot be changed (shown cut, a read-only window) are not changed by a replace:
    // its text would show in the notes and never be saved.
    replace.disableProperty().bind(area.editableProperty().not());
    replaceAll.disableProperty().bind(area.editableProperty().not());
    replaceTools = new HBox(6, replace, replaceAll);
    replaceTools.setAlignment(Pos.CENTER_LEFT);

    findBar = new GridPane();
    findBar.setId("find-bar");
    findBar.getStyleClass().add("tb-find-bar");
    findBar.setHgap(6);
    findBar.setVgap(4);
    findBar.setPadding(new Insets(4, 8, 4, 8));
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    ColumnConstraints tools = new ColumnConstraints();
    tools.setMinWidth(Region.USE_PREF_SIZE);
    findBar.getColumnConstraints().setAll(fields, tools);
    // Tab follows the children's order: Find, Replace, the replace buttons, then the small find
    // tools (match case, previous, next, close), not those four between the two fields.
    findBar.add(findField, 0, 0);
    findBar.add(replaceField, 0, 1);
    findBar.add(replaceTools, 1, 1);
    findBar.add(findTools, 1, 0);

    findField.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            find(!e.isShiftDown());
          }
        });
    replaceField.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            replaceOne();
          }
        });
    // Esc leaves the bar from any of its controls. After a replace, Undo and Redo in the bar act
    // on the notes (the fields' own undo took back only their typing), until a field is edited.
    findBar.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            hideFind();
          } else if (replacedLast && UNDO.match(e) && area.isUndoAvailable()) {
            e.consume();
            area.undo();
            findStatus.setText("Undone");
          } else if (replacedLast && REDO.match(e) && area.isRedoAvailable()) {
            e.consume();
            area.redo();
            findStatus.setText("Redone");
          }
        });
    findField.textProperty().addListener((obs, old, text) -> findAsTyped());
    for (TextField f : List.of(findField, replaceField)) {
      f.textProperty().addListener((obs, old, text) -> replacedLast = false);
    }
  }

  /**
   * A field of the find bar is never narrower than its prompt in the field's font (a fixed 80 px
   * cut "Replace" short in the smallest window), measured again when the font changes.
   */
  private static void keepPromptWhole(TextField field) {
    Runnable measure =
        () -> {
          Insets in = field.getPadding();
          field.setMinWidth(
              Math.ceil(
                  TextWidth.of(field.getPromptText(), field.getFont())
                      + in.getLeft()
                      + in.getRight()
                      + 8));
        };
    measure.run();
    field.fontProperty().addListener((obs, old, font) -> measure.run());
    field.paddingProperty().addListener((obs, old, padding) -> measure.run());
  }

  public void showFind(boolean withReplace) {
    if (findBar == null) {
      buildFindBar();
    }
    for (javafx.scene.Node n : List.of(replaceField, replaceTools)) {
      n.setVisible(withReplace);
      n.setManaged(withReplace);
    }
    root.setTop(findBar);
    String selected = area.getSelectedText();
    if (!selected.isEmpty() && !selected.contains("\n") && !selected.equals(findField.getText())) {
      findField.setText(selected); // found as typed
    } else {
      findAsTyped(); // the same words again: from the caret, counted afresh
    }
    findField.requestFocus();
    findField.selectAll();
  }

  /** Whether the find bar is open over the notes. */
  public boolean findOpen() {
    return findBar != null && root.getTop() == findBar;
  }

  public void hideFind() {
    root.setTop(null);
    area.requestFocus();
  }

  private Pattern pattern() {
    if (findField == null) {
      return null; // nothing asked for yet
    }
    String needle = findField.getText();
    if (needle.isEmpty()) {
      return null;
    }
    return Pattern.compile(
        Pattern.quote(needle),
        matchCase.isSelected() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The words in the find field changed (or match case did): the first match from where the last
   * one starts (or the caret), so typing on narrows the match in place.
   */
  private void findAsTyped() {
    Pattern p = pattern();
    if (p == null) {
      findStatus.setText("");
      return;
    }
    show(p.matcher(area.getText()), area.getSelection().getStart(), true);
  }

  /** Selects the next (or previous) match from the caret, wrapping around. */
  boolean find(boolean forward) {
    Pattern p = pattern();
    if (p == null) {
      return false;
    }
    int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart();
    return show(p.matcher(area.getText()), from, forward);
  }

  /**
   * Selects the first match at or after {@code from} (forward) or the last before it, wrapping
   * around, and says which of how many it is; with none, clears the old match (the caret stays
   * where it began) and says so.
   */
  private boolean show(Matcher m, int from, boolean forward) {
    int start = -1;
    int end = -1;
    if (forward) {
      if (m.find(from) || m.find(0)) {
        start = m.start();
        end = m.end();
      }
    } else {
      m.reset();
      while (m.find()) {
        if (m.start() >= from && start >= 0) {
          break;
        }
        start = m.start();
        end = m.end();
        if (m.start() >= from) {
          break;
        }
      }
    }
    if (start < 0) {
      findStatus.setText("No results");
      area.moveTo(area.getSelection().getStart());
      return false;
    }
    int nth = 0;
    int count = 0;
    for (m.reset(); m.find(); ) {
      count++;
      if (m.start() <= start) {
        nth = count;
      }
    }
    findStatus.setText(Math.max(nth, 1) + " of " + count);
    area.selectRange(start, end);
    area.requestFollowCaret();
    return true;
  }

  private void replaceOne() {
    Pattern p = pattern();
    if (p == null || refusedReadOnly()) {
      return;
    }
    if (p.matcher(area.getSelectedText()).matches()) {
      area.replaceSelection(replaceField.getText());
      replacedLast = true;
    }
    find(true);
  }

  /** Whether the notes cannot be changed now, which the find bar then says. */
  private boolean refusedReadOnly() {
    if (area.isEditable()) {
      return false;
    }
    findStatus.setText("Read-only: nothing replaced");
    return true;
  }

  /** Replaces every match as one undoable change. */
  int replaceAll() {
    Pattern p = pattern();
    if (p == null || refusedReadOnly()) {
      return 0;
    }
    String text = area.getText();
    Matcher m = p.matcher(text);
    int count = 0;
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replaceField.getText()));
      count++;
    }
    m.appendTail(out);
    if (count > 0) {
      area.replaceText(0, text.length(), out.toString());
      replacedLast = true;
    }
    findStatus.setText(count == 1 ? "1 replaced" : count + " replaced");
    return count;
  }

  // ---- images and files ----------------------------------------------------------------------

  /**
   * Pastes as Ctrl+V in the notes does: files and a copied image are stored with the talk and
   * linked, text is pasted (Edit → Paste).
   */
  public void paste() {
    if (!pasteImage()) {
      area.paste();
      area.requestFollowCaret(); // as Ctrl+V does: thousands of lines pasted leave it far down
    }
  }

  private boolean pasteImage() {
    Clipboard clipboard = Clipboard.getSystemClipboard();
    if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
      attachFiles(clipboard.getFiles());
      return true;
    }
    if (clipboard.hasImage() && !clipboard.hasString()) {
      attach.accept(List.of(Pasted.image(clipboard.getImage())));
      return true;
    }
    return false;
  }

  private void installDrop() {
    area.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    area.setOnDragDropped(
        e -> {
          boolean done = e.getDragboard().hasFiles();
          if (done) {
            attachFiles(e.getDragboard().getFiles());
          }
          e.setDropCompleted(done);
          e.consume();
        });
  }

  /**
   * The files of one paste or drop, handed on together (their links go in as one), unread: a 50 MB
   * file read here froze the window while it was read.
   */
  private void attachFiles(List<java.io.File> files) {
    attach.accept(files.stream().map(f -> Pasted.of(f.toPath())).toList());
  }

  /** Encodes {@code w}×{@code h} ARGB pixels, row by row, as PNG. */
  static byte[] png(int w, int h, int[] argb) {
    java.awt.image.BufferedImage buffered =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    buffered.setRGB(0, 0, w, h, argb, 0, w);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(buffered, "png", out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("PNG encoding in memory failed", e);
    }
    return out.toByteArray();
  }
}
