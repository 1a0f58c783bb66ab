package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.markdown.LineSpans;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.LongLines;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.HeldKeys;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.common.UserInput;
import dev.talkbook.ui.details.TalkDetailsPane;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.navigator.NavNode;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.outline.OutlineView;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.talk.OpenTalk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Shows the open talk ({@link OpenTalk}) on the window's views: the editor gets the notes of each
 * talk opened and reports every change back; the details pane, the title bar and the last-talk
 * setting follow the talk; the preview, the outline and the status bar follow what it renders and
 * counts. Opening a talk from the navigator, search, the switcher or at start goes through {@link
 * #open}. The preview's WebKit and the outline panel are built once the first notes are on screen.
 */
final class TalkScreen {
  private final Stage stage;
  private final Notebook notebook;
  private final UiExecutors executors;
  private final Settings settings;
  private final OpenTalk talk;
  private final EditorView editor;
  private final TalkDetailsPane details;
  private final PreviewView preview;
  private final NavigatorView navigator;
  private final StatusBar status;
  private final Supplier<OutlineView> makeOutline;
  private final List<Consumer<OutlineView>> outlineReady = new ArrayList<>();
  private OutlineView outline;
  private Runnable onTalkShown;

  /** Whether the window has shown its first talk (or found none to show). */
  private boolean firstShown;

  /** Where the caret and scroll were left in each talk visited, kept across restarts. */
  private final TalkPlaces places;

  /** The talk whose notes the editor shows, -1 when none. */
  private long shownId = -1;

  /**
   * Whether the user moved the caret or scrolled in the notes shown since they were opened: until
   * then the place kept for the talk stays as it is (the notes may not reach it now, or not be laid
   * out yet), so that visiting a talk never overwrites where it was left.
   */
  private boolean moved;

  /** The selection as the notes were opened with it. */
  private int openedAnchor;

  private int openedCaret;

  /** The open talk's place, kept ({@link #places}) once the caret and scroll rest a moment. */
  private final javafx.animation.PauseTransition keepPlace =
      new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));

  /**
   * @param makeOutline builds the outline panel and puts it in the window
   */
  TalkScreen(WindowParts parts, Supplier<OutlineView> makeOutline) {
    this.stage = parts.stage();
    this.notebook = parts.notebook();
    this.executors = parts.executors();
    this.settings = parts.settings();
    this.talk = parts.talk();
    this.editor = parts.editor();
    this.details = parts.details();
    this.preview = parts.preview();
    this.navigator = parts.navigator();
    this.status = parts.status();
    this.makeOutline = makeOutline;
    talk.loads().subscribe(this::load);
    places = TalkPlaces.load(settings.file().toAbsolutePath().getParent(), notebook.file());
    places.writeChangesOn(executors.windowState());
    takeOverLastPlace();
    keepPlace.setOnFinished(e -> rememberPlace());
    editor
        .area()
        .caretPositionProperty()
        .addListener(
            (obs, old, at) -> {
              moved |= at.intValue() != openedCaret;
              // Kept at once (the file written on the notebook thread, ahead of the save that
              // takes this key): typing never rests, and a kill after a burst saved put the caret
              // back where it rested before the burst. The rest below keeps the scroll as it
              // settles.
              keepCaretPlace();
              keepPlace.playFromStart();
            });
    // Scrolling, by the wheel or the scroll bars, moves the place too (the caret stays).
    javafx.event.EventHandler<javafx.scene.input.InputEvent> scrolled =
        e -> moved |= inNotes(e.getTarget());
    editor.root().addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, scrolled);
    editor.root().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, scrolled);
    editor
        .area()
        .estimatedScrollYProperty()
        .addListener((obs, old, y) -> keepPlace.playFromStart());
    editor
        .edits()
        .subscribe(
            e -> {
              // Only the notes of the talk open: a cut note's text in the editor is not its
              // notes, and the notes of the talk left, which a view that failed to show the next
              // one leaves in the editor, are not the next one's (saved over them before).
              Talk open = talk.getTalk();
              if (!shownCut && open != null && open.id() == shownId) {
                talk.edited(e.text(), e.position(), e.removed(), e.inserted());
              }
            });
    ChangeListener<Boolean> saveOnLeaving =
        (obs, was, focused) -> {
          if (was && !focused) {
            talk.saveNow();
          }
        };
    editor.area().focusedProperty().addListener(saveOnLeaving);
    stage.focusedProperty().addListener(saveOnLeaving);
    talk.renderedProperty()
        .addListener(
            (obs, old, note) -> {
              if (note != null) {
                preview.show(note);
              }
            });
    talk.abstractHtmlProperty().addListener((obs, old, html) -> preview.showAbstract(html));
    // A talk gone from the programme says so in the preview too (with the details folded, only
    // the navigator's strike-through said it).
    talk.talkProperty()
        .addListener(
            (obs, old, shown) ->
                preview.showCancelled(shown != null && shown.programme().removed()));
    talk.renderProblemProperty()
        .addListener(
            (obs, old, problem) -> {
              if (problem != null) {
                preview.show("<p>" + escape(problem) + "</p>");
              }
            });
    talk.outlineProperty()
        .addListener(
            (obs, old, next) -> {
              if (outline != null && next != null) {
                outline.show(next);
              }
            });
    editor
        .area()
        .currentParagraphProperty()
        .addListener(
            (obs, old, par) -> {
              if (outline != null) {
                outline.showCaret(par);
              }
            });
    // A key typed into notes shown cut says again why nothing happens (the first notice times out);
    // so does one typed into the notes of the talk left, read-only under a talk that a view failed
    // to show (the failure's notice went after a few seconds, and then nothing said why).
    editor
        .area()
        .addEventFilter(
            KeyEvent.KEY_TYPED,
            e -> {
              if (!isTyping(e)) {
                return;
              }
              Talk open = talk.getTalk();
              if (open != null && open.id() != shownId && !editor.area().isEditable()) {
                status.showMessageOnce(notShownMessage(open));
              } else if (shownCut && cutNotice != null) {
                status.showMessageOnce(cutNotice);
              }
            });
    if (notebook.isReadOnly()) {
      // Nothing could be saved: say so by not offering to change the notes or details.
      editor.area().setEditable(false);
      details.setEditable(false);
      // A key typed into the notes or details is told why nothing happens (the status bar).
      StatusBar status = parts.status();
      javafx.event.EventHandler<KeyEvent> typed =
          e -> {
            if (isTyping(e) && status.readOnlyMessage() != null) {
              status.showMessageOnce(status.readOnlyMessage());
            }
          };
      editor.area().addEventFilter(KeyEvent.KEY_TYPED, typed);
      details.root().addEventFilter(KeyEvent.KEY_TYPED, typed);
    }
  }

  /** The failure a future reports, out of its wrappers. */
  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** Whether {@code e} types text (not a shortcut, not a control character). */
  private static boolean isTyping(KeyEvent e) {
    String c = e.getCharacter();
    return !c.isEmpty()
        && !Character.isISOControl(c.charAt(0))
        && !e.isControlDown()
        && !e.isMetaDown()
        && !e.isAltDown();
  }

  /** The outline panel, or null before a talk was first shown. */
  OutlineView outline() {
    return outline;
  }

  /** Runs {@code action} with the outline panel once it is built (at once if it is). */
  void onOutline(Consumer<OutlineView> action) {
    if (outline != null) {
      action.accept(outline);
    } else {
      outlineReady.add(action);
    }
  }

  /** Loads the tree and the talk that was open last time. */
  void start() {
    start(null);
  }

  /**
   * Loads the tree and the talk that was open last time, with the caret in its notes (typing goes
   * on where it stopped, not into the search field); with {@code first} (read while the toolkit
   * started, for this notebook and that talk) shows them at once, so the window's first frame has
   * them, else reads them on the notebook thread.
   */
  void start(EarlyStart.FirstView first) {
    long lastOpen = settings.get(Settings.lastTalk(notebook.file()));
    boolean hung = lastOpen >= 0 && settings.get(Settings.openingTalk(notebook.file())) == lastOpen;
    long last = hung ? -1 : lastOpen;
    if (hung) {
      // The last start did not get past showing its notes: the window opens without it.
      settings.put(Settings.lastTalk(notebook.file()), -1L);
      settings.put(Settings.openingTalk(notebook.file()), -1L);
      status.showMessage(
          "Talk "
              + lastOpen
              + " was not opened again: Talkbook may not have finished showing its notes last"
              + " time (it stopped while showing them: it hung on them, or was closed or killed"
              + " just then)."
              + " Its notes are kept; open it from the list, or edit them with talkbook talk edit "
              + lastOpen
              + " --notes-file FILE.");
    }
    if (first != null && first.talkId() == last) {
      navigator.show(first.tree(), last >= 0 ? last : null);
      forgetUnsavedOfTalksNotIn(first.tree());
      if (last >= 0 && first.talk().isPresent()) {
        talk.show(first.talk().get());
        focusNotesOnceShown(UserInput.watch(stage.getScene()));
      } else {
        noTalkToShow();
      }
      return;
    }
    executors.run(
        () -> NavigatorView.Contents.read(notebook),
        contents -> {
          navigator.show(contents, last >= 0 ? last : null);
          forgetUnsavedOfTalksNotIn(contents);
        },
        error -> Errors.show(stage, "Could not read the notebook", error));
    if (last < 0) {
      noTalkToShow();
      return;
    }
    UserInput touched = UserInput.watch(stage.getScene());
    executors.run(
        () -> notebook.talks().find(last),
        found ->
            found.ifPresentOrElse(
                shown -> {
                  talk.show(shown);
                  focusNotesOnceShown(touched);
                },
                () -> {
                  touched.stop();
                  noTalkToShow();
                }),
        error -> {
          touched.stop();
          Errors.show(stage, "Could not open the last talk", error);
          noTalkToShow();
        });
  }

  /**
   * What the details kept unsaved of talks the notebook no longer has (deleted by the command line,
   * or while another window had the notebook) is forgotten, as the notebook opens: the talks are
   * those the tree read, looked up on the notebook thread (nothing when nothing is kept).
   */
  private void forgetUnsavedOfTalksNotIn(NavigatorView.Contents contents) {
    java.util.Set<Long> kept = details.keptTalks();
    if (kept.isEmpty()) {
      return;
    }
    executors.run(
        () -> {
          java.util.Set<Long> gone = new java.util.HashSet<>(kept);
          contents.talks().forEach(t -> gone.remove(t.id()));
          return gone;
        },
        gone -> {
          if (!gone.isEmpty()) {
            details.forgetUnsavedOf(gone);
          }
        },
        error ->
            status.showMessage(
                Errors.logged("Could not forget the unsaved details of deleted talks", error)));
  }

  /**
   * Puts the caret in the notes once they are on screen, unless the user has clicked or typed
   * somewhere meanwhile (the tree, the search). Not "unless the focus moved": the window hands its
   * first control the focus by itself when it shows, before the talk is read or after. Not at once
   * either: the notes show only once the tree has read the notebook too (an empty tree shows the
   * welcome instead), and a hidden control cannot take the focus: CI saw the request lost so.
   */
  private void focusNotesOnceShown(UserInput touched) {
    javafx.scene.Scene scene = stage.getScene();
    javafx.scene.Node notes = editor.area();
    if (scene == null) {
      touched.stop();
      notes.requestFocus();
      return;
    }
    Runnable[] check = new Runnable[1];
    check[0] =
        () -> {
          boolean onScreen = notes.getScene() == scene;
          for (javafx.scene.Node n = notes; n != null && onScreen; n = n.getParent()) {
            onScreen = n.isVisible();
          }
          if (touched.happened() || onScreen) {
            scene.removePostLayoutPulseListener(check[0]);
            touched.stop();
            if (!touched.happened()) {
              notes.requestFocus();
            }
          }
        };
    scene.addPostLayoutPulseListener(check[0]);
    Platform.requestNextPulse();
  }

  /** Nothing to open at start (or it could not be read): the window as it is counts as shown. */
  private void noTalkToShow() {
    firstShown = true;
    if (onTalkShown != null) {
      Runnable once = onTalkShown;
      onTalkShown = null;
      afterNextLayout(once);
    }
  }

  /**
   * Runs {@code action} once the next pulse has laid out the window as it is now (and handed it to
   * the renderer): what is in the views now is then on screen.
   */
  private void afterNextLayout(Runnable action) {
    javafx.scene.Scene scene = stage.getScene();
    if (scene == null) {
      Platform.runLater(action);
      return;
    }
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          scene.removePostLayoutPulseListener(listener[0]);
          Platform.runLater(action); // after that pulse, which renders what it laid out
        };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  void whenTalkShown(Runnable action) {
    if (firstShown && onTalkShown == null) {
      afterNextLayout(action); // shown already: not at the next talk opened
      return;
    }
    Runnable before = onTalkShown;
    onTalkShown =
        before == null
            ? action
            : () -> {
              before.run();
              action.run();
            };
  }

  /**
   * Puts the caret at {@code offset} of the notes, in view, when talk {@code talkId} is the one
   * shown (the end of the typing put back after a crash); else does nothing.
   */
  void caretAt(long talkId, int offset) {
    if (shownId == talkId && offset <= editor.area().getLength()) {
      editor.caretAt(offset);
    }
  }

  /** Opens a talk (leaving the open one) and selects the first of {@code reveal} it has. */
  void open(long talkId, List<String> reveal) {
    open(talkId, reveal, false);
  }

  /**
   * Opens a talk and puts the caret in its notes: after "New talk…" and its title, or a talk chosen
   * in Go to talk, typing goes on into the notes (the navigator or the search field kept the focus,
   * and the keys went there). The future completes once the talk is shown with the keyboard in its
   * notes, or could not be opened.
   */
  java.util.concurrent.CompletableFuture<?> openToWrite(long talkId) {
    return open(talkId, null, true);
  }

  /**
   * A letter typed on a talk's row in the navigator starts writing in its notes: it and every key
   * after it wait (held) until the talk is shown with the keyboard in its notes, at its kept caret,
   * then go there in order.
   */
  void writeOnTyping() {
    navigator.onTypingInTalk(
        (talkId, key) -> {
          HeldKeys keys = HeldKeys.holdFrom(key, navigator.tree().getScene());
          // journaled while they wait; dropped, their text goes on the clipboard, said
          keys.typedFor(
              TypedAheadKept.of(talk.typedAhead(talkId), talkId, status, notebook.file()));
          openToWrite(talkId)
              .whenComplete(
                  (shown, error) -> {
                    Throwable why = error instanceof CompletionException ? error.getCause() : error;
                    if (why == null || why instanceof CancellationException) {
                      keys.release(); // another talk chosen meanwhile: the keys go on from there
                    } else {
                      keys.drop(); // the talk could not be read: the status bar says why,
                      // and where what they typed went (TypedAheadKept)
                    }
                  });
        });
  }

  /** Opens a talk with the caret in its notes at the first of {@code reveal} it has (a search). */
  void openToWrite(long talkId, List<String> reveal) {
    open(talkId, reveal, true);
  }

  private java.util.concurrent.CompletableFuture<?> open(
      long talkId, List<String> reveal, boolean write) {
    return talk.open(talkId)
        .whenComplete(
            (shown, error) -> {
              if (error instanceof java.util.concurrent.CancellationException) {
                return; // another talk chosen before this one was read (Down held): that one opens
              }
              if (error != null) {
                Talk open = talk.getTalk();
                if (open != null) {
                  navigator.select(open.id());
                }
                // Said in the status bar, not in a dialog: the user is often typing on (Go to
                // talk, a search), and a typed space or Enter answered the dialog unread.
                status.showMessage(Errors.logged("Could not open the talk", unwrap(error)));
                return;
              }
              if (reveal != null) {
                // Found on the render thread: a big note with raw HTML is parsed to find it.
                talk.find(reveal)
                    .whenComplete(
                        (found, failed) -> {
                          if (failed != null) {
                            status.showMessage(
                                Errors.logged(
                                    "Could not find the search words in the notes", failed));
                          } else {
                            found.ifPresent(this::reveal);
                          }
                        });
              }
              if (navigator.tree().getSelectionModel().isEmpty()
                  || !(navigator.tree().getSelectionModel().getSelectedItem().getValue()
                          instanceof NavNode.TalkNode t
                      && t.talk().id() == talkId)) {
                navigator.select(talkId);
              }
              if (write) {
                editor.area().requestFocus();
              }
            });
  }

  /**
   * Selects a search hit in the notes. In notes shown cut its offsets (the notes' own) are mapped
   * to the text shown: lines cut above it shift it. A hit in the part of a line not shown selects
   * the marker that stands for that part, and the status bar says the hit is there.
   */
  private void reveal(OpenTalk.Found found) {
    Shown cut = cutShown;
    if (!shownCut || cut == null) {
      editor.reveal(found.start(), found.end());
      return;
    }
    int start = cut.shownAt(found.start());
    if (start >= 0) {
      int end = cut.shownAt(Math.max(found.start(), found.end() - 1));
      // a hit that runs into the part not shown: selected up to the marker
      editor.reveal(start, end >= 0 ? end + 1 : -1 - end);
      return;
    }
    int marker = -1 - start;
    int lineEnd = cut.text().indexOf('\n', marker);
    editor.reveal(marker, lineEnd < 0 ? cut.text().length() : lineEnd);
    status.showMessage("The search words are in the part of a line not shown (the notes are cut).");
  }

  /**
   * Whether the user moved the caret, the selection or the scroll since the notes were opened. The
   * anchor is compared here, not watched: a listener on it made RichTextFX hand the folds' caret
   * check a stale anchor while Ctrl+End moved the selection, and the caret stayed in a fold.
   */
  private boolean moved() {
    return moved || editor.area().getAnchor() != openedAnchor;
  }

  /** Whether {@code target} is the notes or their scroll bars (not the find bar, say). */
  private boolean inNotes(javafx.event.EventTarget target) {
    javafx.scene.Parent pane = editor.area().getParent(); // the scroll pane with the area's bars
    for (javafx.scene.Node n = target instanceof javafx.scene.Node node ? node : null;
        n != null;
        n = n.getParent()) {
      if (n == editor.area() || n == pane) {
        return true;
      }
    }
    return false;
  }

  /**
   * The place an earlier Talkbook kept for the last open talk alone ({@link Settings#lastPlace}),
   * taken into the places once.
   */
  private void takeOverLastPlace() {
    Settings.Key<String> key = Settings.lastPlace(notebook.file());
    if (!settings.has(key)) {
      return;
    }
    String kept = settings.get(key);
    int colon = kept.indexOf(':');
    if (places.isEmpty() && colon > 0) {
      try {
        EditorView.Place place = EditorView.Place.parse(kept.substring(colon + 1));
        if (place != null) {
          places.put(Long.parseLong(kept.substring(0, colon)), place);
        }
      } catch (NumberFormatException unreadable) {
        // edited by hand into something else: no place to take over
      }
    }
    settings.put(key, null);
  }

  /**
   * The longest line the notes editor shows whole: a longer one is shown cut, and its notes
   * read-only. Measured on two loaded cores: a plain paragraph of 19,000 characters opens at once;
   * a line of 10,000 {@code "- "} (20,000 characters, 10,000 styled spans, a Text node each) held
   * the FX thread for minutes in RichTextFX's caret layout, and cut at 5,000 characters still 15 s
   * (its marks, below, decide that); a plain line of 19.5 MB took a minute, about 3 µs a character,
   * so 50,000 characters cost well under a second. A pasted transcript or a paragraph written
   * without line breaks stays whole and editable up to here.
   */
  static final int LONGEST_LINE = 50_000;

  /**
   * The most styled spans (emphasis, code, a link's parts, a list marker, a Java token: what the
   * editor's highlighter styles, {@link LineSpans}) a line shown whole may hold: the layout's cost
   * grows with the spans of a line, a Text node each. Characters that start no span (an underscore
   * in a snake_case word, {@code &} or {@code #} in an address, a table's rule, a line of dashes,
   * minified JSON in a fence) do not count, so such lines stay whole and editable.
   */
  static final int MOST_SPANS = 300;

  /** Whether the notes shown are cut: read-only, and their edits are not the notes. */
  private boolean shownCut;

  /** How the notes shown cut map to their own offsets (null while the notes shown are whole). */
  private Shown cutShown;

  /** What the status bar says of the notes shown cut (null: none were yet). */
  private String cutNotice;

  /**
   * Notes as the editor shows them ({@code text}) and the longest line cut (0: none was); {@code
   * cuts} says where, in the notes' own offsets: for each line cut, where it is cut, where it ends
   * and the length of the marker shown in place of the rest.
   */
  record Shown(String text, int longestCut, int[] cuts) {
    Shown(String text) {
      this(text, 0, new int[0]);
    }

    /**
     * Where {@code offset} of the notes is in {@link #text}; {@code -1 - (where the line's marker
     * begins)} when it is in the part of a line not shown (a search hit there).
     */
    int shownAt(int offset) {
      int shift = 0;
      for (int i = 0; i < cuts.length; i += 3) {
        int cut = cuts[i];
        int end = cuts[i + 1];
        if (offset < cut) {
          break;
        }
        if (offset < end) {
          return -1 - (cut - shift);
        }
        shift += (end - cut) - cuts[i + 2];
      }
      return offset - shift;
    }
  }

  /**
   * {@code notes} with each line the editor cannot lay out in reasonable time (longer than {@link
   * #LONGEST_LINE}, or styled in more than {@link #MOST_SPANS} spans) cut there, followed by {@link
   * LongLines#marker}; the notes themselves when none is.
   */
  static Shown shown(String notes) {
    // A line of more spans than MOST_SPANS is longer than that: notes without such a line are
    // shown as they are without being highlighted here.
    boolean anyLong = false;
    for (int start = 0, end; start <= notes.length(); start = end + 1) {
      end = notes.indexOf('\n', start);
      end = end < 0 ? notes.length() : end;
      if (end - start > MOST_SPANS) {
        anyLong = true;
        break;
      }
    }
    if (!anyLong) {
      return new Shown(notes);
    }
    LineSpans spans = new LineSpans(MOST_SPANS, LONGEST_LINE);
    StringBuilder out = null;
    int longestCut = 0;
    java.util.List<Integer> cuts = new java.util.ArrayList<>();
    int start = 0;
    while (start <= notes.length()) {
      int end = notes.indexOf('\n', start);
      end = end < 0 ? notes.length() : end;
      int cut = spans.next(notes, start, end, end - start > MOST_SPANS);
      if (end - start > LONGEST_LINE && (cut < 0 || cut > start + LONGEST_LINE)) {
        cut = start + LONGEST_LINE;
      }
      if (cut >= 0) {
        if (out == null) {
          out = new StringBuilder(notes.length()).append(notes, 0, start);
        }
        String marker = LongLines.marker(end - cut);
        out.append(notes, start, cut).append(marker);
        longestCut = Math.max(longestCut, end - start);
        cuts.addAll(List.of(cut, end, marker.length()));
      } else if (out != null) {
        out.append(notes, start, end);
      }
      if (out != null && end < notes.length()) {
        out.append('\n');
      }
      start = end + 1;
    }
    return out == null
        ? new Shown(notes)
        : new Shown(
            out.toString(), longestCut, cuts.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * What a key typed into the notes has the status bar say while they are not those of {@code
   * open}, which a view failed to show: they are the notes of the talk left, read-only.
   */
  static String notShownMessage(Talk open) {
    return "“"
        + open.title()
        + "” could not be shown: the notes here are the talk left's, read-only, and typing changes"
        + " nothing. Open a talk again to write.";
  }

  /** What a key typed into the notes of {@code shown}, shown cut, has the status bar say. */
  private static String cutMessage(Talk shown) {
    return "“"
        + shown.title()
        + "” is shown cut and read-only: typing changes nothing. The banner above the notes says"
        + " why and how to edit them.";
  }

  /** Says, above the notes, why the notes shown are cut (made when first needed; null before). */
  private CutNotesBanner cutBanner;

  /** Puts the banner in the window, above the notes. */
  private Consumer<javafx.scene.Node> placeCutBanner = node -> {};

  /** How the banner on notes shown cut joins the window (above the notes), once it is made. */
  void placeCutBannerWith(Consumer<javafx.scene.Node> place) {
    placeCutBanner = place;
  }

  private CutNotesBanner cutBanner() {
    if (cutBanner == null) {
      cutBanner = new CutNotesBanner(notebook.file());
      placeCutBanner.accept(cutBanner.root());
    }
    return cutBanner;
  }

  /** The banner above notes shown cut; null while no notes were. */
  CutNotesBanner cutNotesBanner() {
    return cutBanner;
  }

  /** A talk's notes to show: a talk opened (or none), or a version restored from its history. */
  private void load(OpenTalk.Loaded loaded) {
    Talk shown = loaded.talk();
    if (loaded.followed()
        && shown != null
        && shown.id() == shownId
        && !shownCut
        && shown(shown.body()).longestCut() == 0) {
      editor.follow(shown.body()); // the caret and scroll stay where they are
      details.show(shown);
      showTitle(shown);
      return;
    }
    if (!loaded.restored() && shownId >= 0 && moved()) {
      places.put(shownId, editor.place()); // the talk left: its place, for coming back
    }
    if (shown == null) {
      shownId = -1;
      shownCut = false;
      cutShown = null;
      if (cutBanner != null) {
        cutBanner.hide();
      }
      editor.area().setEditable(!notebook.isReadOnly());
      editor.load("");
      details.show(null);
      showTitle(null); // a deleted talk's name goes with it
      return;
    }
    // Read-only until they are this talk's: a view that fails below (a note the editor failed
    // on) leaves the notes of the talk left in the editor, where nothing is typed then.
    editor.area().setEditable(false);
    // The details and title switch before the notes: whatever showing the notes does (a note the
    // editor failed on), nothing typed in the details goes to the talk left.
    details.show(shown);
    showTitle(shown);
    // A version restored replaces the text as one change, which Undo takes back; one to cut, or
    // into notes shown cut, is shown as an opened talk's (it is stored already).
    if (loaded.restored() && !shownCut && shown(shown.body()).longestCut() == 0) {
      editor.area().replaceText(shown.body()); // one change, which Undo takes back
      editor.area().setEditable(!notebook.isReadOnly());
    } else {
      // A line the editor cannot lay out in reasonable time (10,000 nested bullets on one line held
      // the FX thread for minutes, a 19.5 MB line too) is shown cut, and the notes read-only.
      Shown cut = shown(shown.body());
      String notes = cut.text();
      shownCut = cut.longestCut() > 0;
      cutShown = shownCut ? cut : null;
      if (shownCut) {
        cutNotice = cutMessage(shown);
        cutBanner().show(shown, cut.longestCut()); // stays while this talk is open
      } else if (cutBanner != null) {
        cutBanner.hide();
      }
      // Kept until the notes are laid out: a start after a window that hung on them skips them.
      settings.put(Settings.openingTalk(notebook.file()), shown.id());
      afterNextLayout(() -> settings.put(Settings.openingTalk(notebook.file()), -1L));
      // Undo goes on with this talk's own history, never into the notes left.
      loadingNotes = true;
      try {
        editor.load(shown.id(), notes, shownCut ? null : places.get(shown.id()));
      } finally {
        loadingNotes = false;
      }
      editor.area().setEditable(!shownCut && !notebook.isReadOnly());
      openedAnchor = editor.area().getAnchor();
      openedCaret = editor.area().getCaretPosition();
      moved = false;
      places.visited(shown.id());
    }
    shownId = shown.id();
    settings.put(Settings.lastTalk(notebook.file()), shown.id()); // written out at once
    keepPlace.playFromStart(); // its place once laid out
    firstShown = true;
    if (onTalkShown != null) {
      Runnable once = onTalkShown;
      onTalkShown = null;
      afterNextLayout(once); // after the pulse that lays out the text
    }
    if (preview.webView() == null) {
      // Once the notes are on screen, the preview's WebKit may take its second, and the outline.
      afterNextLayout(this::buildLateViews);
    }
  }

  /**
   * Keeps the open talk's caret and scroll, for coming back and for the next start, once the user
   * has moved them.
   */
  void rememberPlace() {
    keepPlace.stop();
    if (shownId >= 0 && moved()) {
      places.put(shownId, editor.place());
    }
  }

  /**
   * The caret moved in the notes shown: their place is kept now, unless they are being loaded (the
   * caret is put where the talk was left) or the user has not moved it yet. The write is queued on
   * the notebook thread, where the autosave of a key typed goes only later (its wait, or a save
   * asked on the FX thread after this key), so the file holds the place of the last key saved
   * whenever a kill comes; keys journaled after it put the caret at their end ({@code
   * NotesJournal.Recovered#end}).
   */
  private void keepCaretPlace() {
    if (shownId >= 0 && !loadingNotes && moved() && !caretPlaceQueued) {
      // Read once the key is handled: a typed key moves the caret first (the text shifts it) and
      // the anchor after it, so a place read at once selected the last character typed at the next
      // start; and a listener on the anchor, to read it again, made Ctrl+End leave the caret in a
      // fold at the end of the notes (OutlinerEditingTest.theCaretNeverRestsInAFoldAtTheEnd).
      caretPlaceQueued = true;
      long talk = shownId;
      Platform.runLater(
          () -> {
            caretPlaceQueued = false;
            if (shownId == talk && !loadingNotes) {
              places.put(talk, editor.place());
            }
          });
    }
  }

  /** Whether {@link #keepCaretPlace} has a read of the place queued already. */
  private boolean caretPlaceQueued;

  /**
   * Whether the editor is being given a talk's notes ({@link #load}): its caret is not the user's.
   */
  private boolean loadingNotes;

  /** Keeps the open talk's place and writes the places out: the window closes. */
  void keepPlaces() {
    rememberPlace();
    places.flush();
  }

  /**
   * The preview's WebKit starts once {@code first} completes (however it does), or {@code atMost}
   * after the notes are shown: the window gives the REPL's start the processor before it, so that
   * Java is warm for a presenter who types at once (two cores: the REPL's compiler, its JVM and
   * WebKit's start took them all at the same moment). Call before the window starts.
   */
  void startPreviewAfter(CompletionStage<?> first, Duration atMost) {
    previewAfter = first;
    previewAtMost = atMost;
  }

  /** Completes once the preview's page has first loaded (see {@link PreviewView#loaded()}). */
  CompletionStage<Void> previewLoaded() {
    return preview.loaded();
  }

  private CompletionStage<?> previewAfter = CompletableFuture.completedFuture(null);
  private Duration previewAtMost = Duration.ZERO;

  private void buildLateViews() {
    CompletableFuture<Object> go = new CompletableFuture<>();
    previewAfter.whenComplete((v, e) -> go.complete(null));
    if (!go.isDone()) {
      executors
          .timer()
          .schedule(() -> go.complete(null), previewAtMost.toMillis(), TimeUnit.MILLISECONDS);
      go.thenRun(() -> Platform.runLater(preview::create));
    } else {
      preview.create();
    }
    if (outline == null) {
      outline = makeOutline.get();
      // The caret may have moved before the outline was made (its listener skipped it then): the
      // caret's heading is selected, not the first one.
      outline.showCaret(editor.area().getCurrentParagraph());
      if (talk.outlineProperty().get() != null) {
        outline.show(talk.outlineProperty().get());
      }
      outlineReady.forEach(action -> action.accept(outline));
      outlineReady.clear();
    }
  }

  /** The window's title: the talk shown (none: only the notebook) and the notebook's file. */
  void showTitle(Talk shown) {
    String file = notebook.file().getFileName() + " — Talkbook";
    stage.setTitle(shown == null ? file : shown.title() + " — " + file);
  }

  /**
   * The notebook changed behind the window (an import, another window): the tree is read again,
   * selecting the event {@code eventId} (null: the selected row), and the open talk too.
   */
  void reloadNotebook(Long eventId) {
    if (eventId == null) {
      navigator.reload(null);
    } else {
      navigator.reloadSelectingEvent(eventId);
    }
    reload();
  }

  /** The details pane saved {@code saved}: the open talk, the tree and the title follow. */
  void detailsSaved(Talk saved) {
    talk.detailsChanged(saved);
    navigator.talkChanged(saved);
    if (talk.getTalk() != null && talk.getTalk().id() == saved.id()) {
      showTitle(saved); // not a talk left, saved as another showed
    }
  }

  /** The notebook changed: the open talk is read again (closed, without saving, if deleted). */
  void reload() {
    Talk open = talk.getTalk();
    if (open == null) {
      return;
    }
    executors.run(
        () -> notebook.talks().find(open.id()),
        found -> {
          if (found.isEmpty()) {
            talk.deleted();
          } else {
            talk.detailsChanged(found.get());
            details.show(talk.getTalk());
          }
        },
        error -> Errors.show(stage, "Could not read the notebook", error));
  }

  /**
   * Another process saved (a read-only window follows): the open talk is read again, its notes and
   * details shown as saved (closed if deleted).
   */
  void follow() {
    Talk open = talk.getTalk();
    if (open == null) {
      return;
    }
    executors.run(
        () -> notebook.talks().find(open.id()),
        found -> {
          Talk now = talk.getTalk();
          if (now == null || now.id() != open.id()) {
            return; // another talk was opened meanwhile: it was read as it opened
          }
          if (found.isEmpty()) {
            talk.deleted();
          } else if (!found.get().body().equals(talk.getText())) {
            talk.followed(found.get());
          } else {
            talk.detailsChanged(found.get());
            details.show(talk.getTalk());
            showTitle(talk.getTalk());
          }
        },
        error -> status.showMessageOnce("Could not follow the notebook: " + Errors.message(error)));
  }

  /**
   * Adds the sample meetup and opens its first talk, the focus in its notes (the welcome's button
   * that had it is hidden, which would leave it to the search field).
   */
  void addSample() {
    executors.run(
        () -> notebook.talks().list(SampleMeetup.addTo(notebook).id()).get(0).id(),
        first -> {
          navigator.reload(first);
          openToWrite(first);
        },
        error -> Errors.show(stage, "Could not add the sample meetup", error));
  }

  /**
   * A deletion in the navigator: what the details kept unsaved of its talks is forgotten, and the
   * window's settings of each (caret place, last open talk) go with them. Returns the status bar's
   * Undo of it, which brings the talks back with those texts and opens the talk it gives.
   */
  Runnable deleted(NavigatorView.Deletion deletion) {
    Runnable keptBack = details.forgetUnsavedOf(deletion.talkIds());
    places.forget(deletion.talkIds());
    long wasOpen = settings.get(Settings.lastTalk(notebook.file()));
    boolean openWasDeleted = deletion.talkIds().contains(wasOpen);
    if (openWasDeleted) {
      settings.put(Settings.lastTalk(notebook.file()), -1L);
    }
    return () ->
        executors.run(
            deletion.undo(),
            given -> {
              keptBack.run();
              // The talk that was open when its event was deleted, not the event's first one.
              Long talkId = openWasDeleted ? Long.valueOf(wasOpen) : given;
              navigator.reload(talkId);
              if (talkId != null) {
                open(talkId, null);
              }
              status.showMessage(deletion.undoneMessage());
            },
            error -> Errors.show(stage, "Could not undo the deletion", error));
  }

  /**
   * A pasted image, or the files of one paste or drop: read and stored with the talk on the
   * notebook's thread, and linked at the caret, one link a line, as one undo step (two files pasted
   * at once had their links run together, "[a.bin](…)[b.bin](…)", read in the preview as one link
   * "a.binb.bin"). The files that could be read and stored are linked; the status bar names the
   * others. The links go in only while the talk they were stored with is still the one open (the
   * user may have gone to another meanwhile); else the status bar says where the files are.
   */
  void attach(List<EditorView.Pasted> pasted) {
    Talk into = talk.getTalk();
    if (into == null || pasted.isEmpty()) {
      return;
    }
    if (!editor.area().isEditable()) {
      // Notes shown cut (or a read-only window): the links would show and never be saved, and
      // the files be stored with no link to them.
      status.showMessage(
          WindowActions.NOTES_READ_ONLY
              + " "
              + Counts.of(pasted.size(), "file")
              + " not attached.");
      return;
    }
    List<CompletableFuture<String>> links = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Throwable[] reason = new Throwable[1];
    for (EditorView.Pasted file : pasted) {
      links.add(
          talk.attach(file.name(), file::read)
              .exceptionally(
                  error -> {
                    failed.add(file.name()); // on the FX thread, where the store completes
                    reason[0] = reason[0] == null ? error : reason[0];
                    return null;
                  }));
    }
    CompletableFuture.allOf(links.toArray(CompletableFuture[]::new))
        .thenRun(
            () -> {
              List<String> stored =
                  links.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
              List<String> said = new ArrayList<>();
              if (!failed.isEmpty()) {
                said.add(Errors.logged("Could not attach " + String.join(", ", failed), reason[0]));
              }
              Talk shown = talk.getTalk();
              if (!stored.isEmpty()) {
                if (shown != null && shown.id() == into.id()) {
                  editor.area().replaceSelection(String.join("\n", stored));
                } else {
                  said.add(
                      Counts.of(stored.size(), "file")
                          + " stored with “"
                          + into.title()
                          + "”, not linked: another talk is open now.");
                }
              }
              if (!said.isEmpty()) {
                status.showMessage(String.join(" ", said));
              }
            });
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
