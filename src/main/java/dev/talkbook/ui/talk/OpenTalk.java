package dev.talkbook.ui.talk;

import dev.talkbook.core.markdown.DroppedHtml;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.NotePreviewRenderer;
import dev.talkbook.core.markdown.Outline;
import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.core.markdown.WordCount;
import dev.talkbook.core.notebook.Attachment;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.SvgPictures;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.talk.EditorSession.SaveState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.reactfx.EventSource;
import org.reactfx.EventStream;
import org.reactfx.EventStreams;
import org.reactfx.Subscription;

/**
 * The talk being edited, as one view model: which talk is open and its details, the notes as typed,
 * their saving ({@link EditorSession}: autosave, retries, the shutdown save), the note rendered for
 * the preview with its outline, the word count, attachments, and history restore. Opening a talk is
 * one path: the open one is left once (saved, a revision kept), the next is read, then shown. No
 * controls: the editor feeds it {@link #edited} and shows what {@link #loads()} gives; the preview,
 * outline, status bar and presenter mode bind to its read-only properties.
 *
 * <p>The text flows as one stream: every change goes to the autosave and the word count at once
 * (the count kept from the edit, not the whole note), and to the renderer on a thread of its own at
 * once, latest wins: a change that a newer one overtook while it waited for the render thread is
 * skipped, and only the newest render is applied (ReactFX's {@code awaitLatest}, as RichTextFX's
 * async demos do). No pause is waited for: the preview follows each keystroke by one render of the
 * changed section (tens of ms on a 10,000-line note), and while the renderer is busy the changes
 * typed meanwhile make one render. The render thread gets a change from the FX thread's next task,
 * after the key that made it has been handled, not in the middle of it.
 *
 * <p>Methods are called on one thread (the FX thread); {@code fx} is how results get back there, so
 * tests run it without a toolkit.
 */
public final class OpenTalk {
  /**
   * A talk's notes to show in the editor: a newly opened talk, its text restored, or the open
   * talk's notes as another process saved them ({@code followed}: a read-only window).
   */
  public record Loaded(Talk talk, boolean restored, boolean followed) {
    public Loaded(Talk talk, boolean restored) {
      this(talk, restored, false);
    }
  }

  private final Notebook notebook;
  private final Executor io;
  private final Executor fx;
  private final EditorSession session;

  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<RenderedNote> rendered = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Outline> outline = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper words = new ReadOnlyIntegerWrapper();
  private final ReadOnlyStringWrapper renderProblem = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper abstractHtml = new ReadOnlyStringWrapper("");
  private final Executor render;

  private final EventSource<Loaded> loads = new EventSource<>();

  /** A talk's notes to render. */
  private record Note(long talkId, String text) {}

  private final EventSource<Note> changes = new EventSource<>();
  private final EventSource<Note> renderNow = new EventSource<>();
  private final Subscription renders;

  /** The newest note asked for: one still queued behind it is skipped (render thread reads it). */
  private final AtomicReference<Note> newestRender = new AtomicReference<>();

  /** Render thread only. */
  private NotePreviewRenderer renderer;

  /** Render thread only. */
  private MarkdownRenderer markdown;

  /** The stored pictures' data as the preview shows them, each read and encoded once. */
  private final StoredPictures pictures = new StoredPictures();

  /**
   * The last render's blocks with pictures, filled in, by their HTML as rendered (with stand-ins):
   * a block rendered the same again is the same string, filled without a copy of its pictures, and
   * the preview finds it unchanged at once. Render thread only.
   */
  private Map<String, String> filledBlocks = Map.of();

  /** The talk being opened, while its switch is under way (FX thread). */
  private CompletableFuture<Talk> opening;

  public OpenTalk(
      Notebook notebook,
      Executor io,
      Executor render,
      Executor fx,
      ScheduledExecutorService timer) {
    this(notebook, io, render, fx, timer, null);
  }

  /** The same, each change journaled in {@code journal} until saved (null: not journaled). */
  public OpenTalk(
      Notebook notebook,
      Executor io,
      Executor render,
      Executor fx,
      ScheduledExecutorService timer,
      dev.talkbook.core.store.NotesJournal journal) {
    this.notebook = notebook;
    this.io = io;
    this.render = render;
    this.fx = fx;
    this.session = new EditorSession(notebook, io, fx, timer, journal);
    this.renders =
        EventStreams.merge(changes, renderNow)
            // A change typed just before a switch must not be rendered over the next talk.
            .filter(note -> getTalk() != null && getTalk().id() == note.talkId())
            .mapToCompletionStage(
                note -> {
                  newestRender.set(note);
                  return CompletableFuture.supplyAsync(
                      () ->
                          newestRender.get() == note
                              ? new Rendered(note.talkId(), renderNote(note.text()))
                              : null, // overtaken while it waited: its render would be dropped
                      // handed over once the FX thread has handled the key: started at once,
                      // the render took a processor from the key's handling (two cores)
                      work -> fx.execute(() -> render.execute(work)));
                })
            .awaitLatest(fx)
            .subscribe(
                result -> {
                  if (result.isSuccess()) {
                    if (result.get() != null) {
                      showRendered(result.get());
                    }
                  } else {
                    renderProblem.set(
                        "The preview failed: " + Errors.message(unwrap(result.getFailure())));
                  }
                });
  }

  // ---- what binds to it

  /** The open talk (its details current; its body as last loaded), or null. */
  public ReadOnlyObjectProperty<Talk> talkProperty() {
    return session.talkProperty();
  }

  public Talk getTalk() {
    return session.getTalk();
  }

  /** The notes as typed, every change. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public String getText() {
    return text.get();
  }

  /** The notes rendered for the preview, a moment after the typing pauses; null when none. */
  public ReadOnlyObjectProperty<RenderedNote> renderedProperty() {
    return rendered.getReadOnlyProperty();
  }

  /** The rendered note's outline (headings and list items); null when no talk is open. */
  public ReadOnlyObjectProperty<Outline> outlineProperty() {
    return outline.getReadOnlyProperty();
  }

  /**
   * The talk's abstract (from its programme) rendered as HTML, shown above the notes; "" when it
   * has none.
   */
  public ReadOnlyStringProperty abstractHtmlProperty() {
    return abstractHtml.getReadOnlyProperty();
  }

  /** Why the last render failed, or null. */
  public ReadOnlyStringProperty renderProblemProperty() {
    return renderProblem.getReadOnlyProperty();
  }

  /**
   * The words in the notes, kept up to date from each edit; -1 while a long note's words are being
   * counted.
   */
  public ReadOnlyIntegerProperty wordsProperty() {
    return words.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<SaveState> saveStateProperty() {
    return session.stateProperty();
  }

  /** Why the last save failed (the whole message and the reason alone), or null. */
  public ReadOnlyObjectProperty<EditorSession.SaveProblem> saveProblemProperty() {
    return session.problemProperty();
  }

  /** After a failed save: how long until the next try; null when nothing failed. */
  public ReadOnlyObjectProperty<Duration> retryInProperty() {
    return session.retryInProperty();
  }

  /** The notes to show in the editor, each time a talk is opened (or restored, or closed: null). */
  public EventStream<Loaded> loads() {
    return loads;
  }

  /** Whether everything typed is in the notebook. */
  public boolean isSaved() {
    return session.isSaved();
  }

  // ---- opening and leaving

  /**
   * Opens talk {@code talkId}: leaves the open talk once (its notes saved, a revision kept), reads
   * the talk on the notebook thread, then shows it. The future completes on the FX thread with the
   * talk shown; it fails when the talk could not be read, or when the open talk's notes could not
   * be saved ({@link NotebookException}; the open talk then stays open, nothing is lost).
   */
  public CompletableFuture<Talk> open(long talkId) {
    Talk current = getTalk();
    if (current != null && current.id() == talkId) {
      return CompletableFuture.completedFuture(current);
    }
    if (opening != null && !opening.isDone()) {
      opening.cancel(false); // a newer choice wins; the leave under way still completes
    }
    CompletableFuture<?> left =
        current == null
            ? CompletableFuture.completedFuture(null)
            : session
                .leave()
                .exceptionally(
                    error -> {
                      throw new CompletionException(
                          new NotebookException(
                              "“"
                                  + current.title()
                                  + "” stays open: its notes could not be saved. "
                                  + Errors.message(unwrap(error)),
                              unwrap(error)));
                    });
    CompletableFuture<Talk> next = new CompletableFuture<>();
    opening = next;
    left.thenApplyAsync(ignored -> notebook.talks().get(talkId), io)
        .whenCompleteAsync(
            (talk, error) -> {
              if (next.isCancelled()) {
                return;
              }
              if (error != null) {
                next.completeExceptionally(unwrap(error));
              } else {
                try {
                  show(talk);
                  next.complete(talk);
                } catch (RuntimeException | Error failed) {
                  // The views failed to show it (the editor): said, not lost in this future.
                  next.completeExceptionally(failed);
                }
              }
            },
            fx);
    return next;
  }

  /** Shows {@code talk}, already read, as the open talk (the one open before has been left). */
  public void show(Talk talk) {
    session.open(talk);
    String body = talk == null ? "" : talk.body();
    text.set(body);
    count(body);
    renderProblem.set(null);
    try {
      loads.push(new Loaded(talk, false));
    } finally {
      // A view that failed to show the notes leaves the preview and outline to follow the talk
      // open all the same, not to go on showing the talk left.
      if (talk == null) {
        rendered.set(null);
        outline.set(null);
      } else {
        renderNow.push(new Note(talk.id(), body));
      }
      renderAbstract(talk);
    }
  }

  /** Renders the talk's abstract on the render thread. */
  private void renderAbstract(Talk talk) {
    String text = talk == null ? "" : talk.programme().abstractText();
    if (text.isEmpty()) {
      abstractHtml.set("");
      return;
    }
    long id = talk.id();
    CompletableFuture.supplyAsync(() -> markdown().render(text), render)
        .whenCompleteAsync(
            (html, error) -> {
              if (getTalk() != null && getTalk().id() == id) {
                abstractHtml.set(error == null ? html : "");
              }
            },
            fx);
  }

  /** Saves the open talk and keeps a revision of it; fails when the notes could not be saved. */
  public CompletableFuture<?> leave() {
    return session.leave();
  }

  /**
   * Where keys held for talk {@code talkId} (typed while it is opened) tell their text: its
   * journal, so that a kill before its notes are shown loses none of them.
   */
  public dev.talkbook.ui.common.HeldKeys.Ahead typedAhead(long talkId) {
    return session.typedAhead(talkId);
  }

  /** The open talk was deleted: forget it without saving. */
  public void deleted() {
    session.close();
    show(null);
  }

  /** The user chose to quit without saving: the notes are dropped. */
  public void discard() {
    session.close();
  }

  /** The talk's details changed elsewhere (renamed, moved): the notes being edited are kept. */
  public void detailsChanged(Talk updated) {
    String before = getTalk() == null ? "" : getTalk().programme().abstractText();
    session.detailsChanged(updated);
    if (getTalk() != null && !before.equals(getTalk().programme().abstractText())) {
      renderAbstract(getTalk());
    }
  }

  // ---- editing

  /**
   * The editor's text changed: {@code removed} characters at {@code position} were replaced by
   * {@code inserted} characters, giving {@code newText}.
   */
  public void edited(String newText, int position, int removed, int inserted) {
    String before = text.get();
    if (getTalk() == null || newText.equals(before)) {
      return; // nothing open, or the echo of a load
    }
    if (position < 0 || position + removed > before.length()) {
      count(newText); // a change that does not fit: count afresh
    } else {
      int delta = WordCount.delta(before, newText, position, removed, inserted);
      if (counting != 0) {
        countedDelta += delta; // added to the count under way once it arrives
      } else {
        words.set(words.get() + delta);
      }
    }
    text.set(newText);
    session.edited(newText, position, removed, inserted);
    changes.push(new Note(getTalk().id(), newText));
  }

  /**
   * Notes up to this long are counted on the FX thread as they are shown; longer ones on the render
   * thread (a 5 MB note took 150–230 ms to count, a 20 MB one most of a second).
   */
  static final int COUNT_HERE_CHARS = 256 * 1024;

  /** The count under way on the render thread (its number), 0 when none. */
  private long counting;

  private long counts;

  /** The words added by the edits made while {@link #counting}. */
  private int countedDelta;

  /**
   * Counts the words of {@code notes}: at once when short, else on the render thread, the words
   * property -1 (not known) until then and the edits made meanwhile added to the count.
   */
  private void count(String notes) {
    if (notes.length() <= COUNT_HERE_CHARS) {
      counting = 0;
      words.set(WordCount.of(notes));
      return;
    }
    long number = ++counts;
    counting = number;
    countedDelta = 0;
    words.set(-1);
    CompletableFuture.supplyAsync(() -> WordCount.of(notes), render)
        .whenCompleteAsync(
            (count, error) -> {
              if (counting == number) {
                counting = 0;
                words.set(error == null ? count + countedDelta : -1);
              }
            },
            fx);
  }

  /** Saves now if anything is unsaved; fails when the save failed. */
  public CompletableFuture<?> saveNow() {
    return session.saveNow();
  }

  /** The notes not yet in the notebook (for the shutdown hook; any thread), or null. */
  public EditorSession.Unsaved unsaved() {
    return session.unsaved();
  }

  /** Saves the newest text on the calling thread, without the FX thread (the shutdown hook). */
  public void saveForShutdown() {
    session.saveForShutdown();
  }

  /**
   * A version from the history was restored (already written by the notebook): the editor replaces
   * its text with it, as one change that can be undone.
   */
  public void restored(Talk talk) {
    session.open(talk);
    text.set(talk.body());
    count(talk.body());
    loads.push(new Loaded(talk, true));
    renderNow.push(new Note(talk.id(), talk.body()));
  }

  /**
   * Another process saved the open talk (a read-only window follows it): its notes and details as
   * saved replace what is shown; the editor changes only the part that differs.
   */
  public void followed(Talk saved) {
    String abstractBefore = getTalk() == null ? "" : getTalk().programme().abstractText();
    session.open(saved);
    text.set(saved.body());
    count(saved.body());
    loads.push(new Loaded(saved, false, true));
    renderNow.push(new Note(saved.id(), saved.body()));
    if (!abstractBefore.equals(saved.programme().abstractText())) {
      renderAbstract(saved);
    }
  }

  /**
   * Stores a pasted or dropped file with the open talk; completes on the FX thread with the
   * Markdown that links it (an image shown, anything else a link).
   */
  public CompletableFuture<String> attach(String name, byte[] bytes) {
    return attach(name, () -> bytes);
  }

  /**
   * {@link #attach(String, byte[])} with the bytes read on the notebook's thread ({@code bytes}: a
   * pasted file's, which may be big, or fail to read: the future then fails with its error), into
   * the talk open now, whichever is open when it is stored.
   */
  public CompletableFuture<String> attach(String name, java.util.function.Supplier<byte[]> bytes) {
    Talk talk = getTalk();
    if (talk == null) {
      return CompletableFuture.failedFuture(new NotebookException("No talk is open to attach to."));
    }
    CompletableFuture<String> done = new CompletableFuture<>();
    CompletableFuture.supplyAsync(
            () -> {
              AttachmentRef ref = notebook.attachments().add(talk.id(), name, null, bytes.get());
              String type =
                  notebook.attachments().find(ref.sha256()).map(Attachment::mediaType).orElse("");
              return ref.markdown(type);
            },
            io)
        .whenCompleteAsync(
            (markdown, error) -> {
              if (error != null) {
                done.completeExceptionally(unwrap(error));
              } else {
                done.complete(markdown);
              }
            },
            fx);
    return done;
  }

  /** A place in the open talk's notes: {@code start..end}, as offsets into its text. */
  public record Found(int start, int end) {}

  /**
   * Where the first of {@code words} (ignoring case) is that the open talk's notes show: not one
   * inside a raw HTML tag, a script, a style or a comment, which the search does not find ({@link
   * DroppedHtml#shownText}, which keeps every other character where it is). The notes are parsed on
   * the render thread (a search hit in a big note with raw HTML froze the window while it was
   * parsed on the FX thread); the future completes on the FX thread, empty when no word is shown,
   * or when the notes changed or another talk opened meanwhile (the place would be wrong).
   */
  public CompletableFuture<Optional<Found>> find(List<String> words) {
    Talk talk = getTalk();
    String notes = getText();
    if (talk == null || words.stream().allMatch(String::isBlank)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    List<String> wanted = List.copyOf(words);
    CompletableFuture<Optional<Found>> done = new CompletableFuture<>();
    CompletableFuture.supplyAsync(() -> firstShown(notes, wanted), render)
        .whenCompleteAsync(
            (found, error) -> {
              if (error != null) {
                done.completeExceptionally(unwrap(error));
              } else if (getTalk() == null
                  || getTalk().id() != talk.id()
                  || !notes.equals(getText())) {
                done.complete(Optional.empty());
              } else {
                done.complete(found);
              }
            },
            fx);
    return done;
  }

  private static Optional<Found> firstShown(String notes, List<String> words) {
    String text = DroppedHtml.shownText(notes).toLowerCase(Locale.ROOT);
    for (String word : words) {
      int at = word.isBlank() ? -1 : text.indexOf(word.toLowerCase(Locale.ROOT));
      if (at >= 0) {
        return Optional.of(new Found(at, at + word.length()));
      }
    }
    return Optional.empty();
  }

  // ---- rendering (render thread)

  private RenderedNote renderNote(String note) {
    if (renderer == null) {
      renderer = new NotePreviewRenderer(markdown());
    }
    RenderedNote out = renderer.render(note, this::inlineAttachment);
    List<RenderedNote.Block> blocks = out.blocks();
    List<RenderedNote.Block> filled = null;
    Map<String, String> nowFilled = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      RenderedNote.Block b = blocks.get(i);
      String html = filledBlocks.get(b.html());
      if (html == null) {
        html = pictures.filledIn(b.html(), notebook.attachments()::bytes);
      }
      if (!html.equals(b.html())) {
        nowFilled.put(b.html(), html);
        if (filled == null) {
          filled = new ArrayList<>(blocks);
        }
        filled.set(i, new RenderedNote.Block(b.firstLine(), b.lastLine(), html));
      }
    }
    filledBlocks = nowFilled;
    return filled == null ? out : new RenderedNote(filled, out.outline(), out.frontMatter());
  }

  private MarkdownRenderer markdown() {
    if (markdown == null) {
      // commonmark's set-up costs ~0.3 s: built on first use, off the FX thread.
      markdown = new MarkdownRenderer();
    }
    return markdown;
  }

  /**
   * The preview shows stored images inline, as data URLs; another file the talk holds keeps its
   * {@code attachment:} address (an image of it is then a link to it, not a missing image), and so
   * does an SVG holding scripts or links, which the site publishes as a download, not a picture
   * ({@link SvgPictures}): the preview shows what readers will see. One the notebook does not hold
   * resolves to nothing. A picture is given as a stand-in that {@link #renderNote} fills in with
   * its data ({@link StoredPictures}).
   */
  private Optional<String> inlineAttachment(AttachmentRef ref) {
    Optional<Attachment> found = notebook.attachments().find(ref.sha256());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String type = found.get().mediaType();
    if (!type.startsWith("image/")) {
      return Optional.of(ref.url());
    }
    if (SvgPictures.isSvg(type)) {
      byte[] bytes = notebook.attachments().bytes(ref.sha256());
      if (!SvgPictures.isInert(bytes)) {
        return Optional.of(ref.url());
      }
      pictures.keep(ref.sha256(), bytes);
    }
    // the picture's data is filled in after the render (renderNote), read and encoded once
    return Optional.of(pictures.standIn(type, ref.sha256()));
  }

  private record Rendered(long talkId, RenderedNote note) {}

  private void showRendered(Rendered result) {
    if (getTalk() == null || getTalk().id() != result.talkId()) {
      return; // closed or switched while rendering
    }
    renderProblem.set(null);
    rendered.set(result.note());
    outline.set(result.note().outline());
  }

  /** Stops the render stream (the window is closing). */
  public void dispose() {
    renders.unsubscribe();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException
            || e instanceof java.util.concurrent.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
