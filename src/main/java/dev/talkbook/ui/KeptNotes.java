package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.FrontMatter;
import dev.talkbook.core.site.SiteException;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.StatusLine;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.talk.OpenTalk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Tells, once the window is up, of notes the notebook could not take when Talkbook last closed,
 * which {@link ShutdownRecovery} kept in Markdown files (a full disk, a notebook another program
 * held): without this they were only named on the standard error, which a desktop start shows
 * nobody. Each file gets a row: "Put back into the talk" makes its notes the talk's notes again, as
 * History → Restore does (the notes the talk has now are kept in its History first, and in the open
 * talk it is one change that Undo takes back), so nothing is lost either way; "Show folder" and
 * "Copy path" lead to the file itself. Every failure is said in the row. "Done" does not tell of
 * these files again; "Not now" tells of them at the next start. These files are never deleted.
 *
 * <p>In the same dialog: the files of text typed for a talk that could not be opened, which the
 * clipboard refused ({@link TypedAheadKept}). "Add to the end of its notes" adds the text to that
 * talk's notes as a paragraph of its own (the notes it had kept in its History first; in the open
 * talk one change that Undo takes back) and then, the text being in the notebook, removes the file:
 * a file left would offer the text again.
 */
final class KeptNotes {
  static final String DIALOG_ID = "kept-notes";
  static final ButtonType DONE = new ButtonType("Done", ButtonBar.ButtonData.OK_DONE);
  static final ButtonType LATER = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

  /** The most files the dialog lists one by one (the newest). */
  static final int NAMED = 6;

  /** What the window lends the dialog; {@code say} puts a sentence in the status bar. */
  record Parts(
      Window owner,
      Notebook notebook,
      Settings settings,
      UiExecutors executors,
      OpenTalk talk,
      LongConsumer openTalk,
      Function<Path, CompletableFuture<Void>> showFolder,
      Consumer<String> say) {}

  /**
   * One kept file as read: the talk it was kept from (null when that is gone from the notebook),
   * the notes in it, and why it cannot be put back (null when it can).
   */
  record Kept(
      Path file,
      long talkId,
      String title,
      String notes,
      long keptAt,
      Talk talk,
      String problem,
      boolean typed) {

    /**
     * Whether the talk's notes hold these already: the same notes, or, for text typed ahead ({@code
     * typed}), notes that end with it from the start of a line.
     */
    boolean alreadyThere() {
      if (problem != null || talk == null) {
        return false;
      }
      if (!typed) {
        return talk.body().equals(notes);
      }
      // As Add leaves them: the text as the notes' last paragraph (or all of them), not merely
      // their last letters ("ok" typed, notes ending "…look").
      String body = talk.body().stripTrailing();
      String text = notes.stripTrailing();
      return body.equals(text) || body.endsWith("\n" + text);
    }
  }

  private KeptNotes() {}

  /** {@link #offer}s them for the main window, once its first talk is shown (said once up). */
  static void offerOnceShown(WindowParts window, TalkScreen screen) {
    screen.whenTalkShown(
        () ->
            offer(
                new Parts(
                    window.stage(),
                    window.notebook(),
                    window.settings(),
                    window.executors(),
                    window.talk(),
                    screen::openToWrite,
                    window.host()::showInFolder,
                    window.status()::showMessage),
                window.host().keptNotesFolder()));
  }

  /**
   * Looks for such files on the notebook thread and, when there are new ones, asks. A folder they
   * may be in that cannot be read is said (in the dialog when it comes up, else in the status bar),
   * as is a look that fails; nothing is deleted either way.
   */
  static void offer(Parts window, Path fallback) {
    Path notebook = window.notebook().file();
    long seen = window.settings().get(Settings.keptNotesSeen(notebook)).longValue();
    window
        .executors()
        .run(
            () -> {
              ShutdownRecovery.Looked unsaved = ShutdownRecovery.look(notebook, fallback);
              ShutdownRecovery.Looked typed = TypedAheadKept.look(notebook, fallback);
              List<ShutdownRecovery.Unreadable> unreadable = new ArrayList<>(unsaved.unreadable());
              typed.unreadable().stream()
                  .filter(u -> !unreadable.contains(u))
                  .forEach(unreadable::add);
              // A file whose time cannot be read at all (0) may be new: it is shown.
              List<Path> files =
                  java.util.stream.Stream.concat(unsaved.files().stream(), typed.files().stream())
                      .filter(
                          file -> {
                            long at = keptAt(file);
                            return at == 0 || at > seen;
                          })
                      .sorted(java.util.Comparator.comparingLong(KeptNotes::keptAt))
                      .toList();
              List<Path> shown = files.subList(Math.max(0, files.size() - NAMED), files.size());
              List<Kept> read = new ArrayList<>();
              for (Path file : shown) {
                read.add(read(window.notebook(), file));
              }
              return new Found(read, files.size() - shown.size(), List.copyOf(unreadable));
            },
            found -> {
              if (!found.kept().isEmpty()) {
                ask(window, found);
              } else if (!found.unreadable().isEmpty()) {
                window.say().accept(unreadable(found.unreadable()));
              }
            },
            error ->
                window
                    .say()
                    .accept(
                        Errors.logged("Could not look for notes kept at the last close", error)));
  }

  /**
   * The newest files read, how many older ones are not listed, and the folders that could not be
   * looked in.
   */
  record Found(List<Kept> kept, int older, List<ShutdownRecovery.Unreadable> unreadable) {}

  /**
   * Says which folders could not be looked in, and why ("Could not look for notes kept at the last
   * close in /x: permission denied."): short enough for the status bar.
   */
  static String unreadable(List<ShutdownRecovery.Unreadable> folders) {
    StringBuilder sb = new StringBuilder();
    for (ShutdownRecovery.Unreadable u : folders) {
      sb.append(sb.isEmpty() ? "" : " ")
          .append("Could not look for notes kept at the last close in ")
          .append(u.path())
          .append(": ")
          .append(u.why())
          .append('.');
    }
    return sb.toString();
  }

  /** When {@code file}, of either kind, was kept (ms); 0 when that cannot be read. */
  private static long keptAt(Path file) {
    return TypedAheadKept.isTyped(file)
        ? TypedAheadKept.keptAt(file)
        : ShutdownRecovery.keptAt(file);
  }

  /** Reads {@code file} and finds its talk (on the notebook thread). */
  static Kept read(Notebook notebook, Path file) {
    if (TypedAheadKept.isTyped(file)) {
      return readTyped(notebook, file);
    }
    long talkId = ShutdownRecovery.talkIdOf(file);
    long keptAt = ShutdownRecovery.keptAt(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return unreadable(file, talkId, keptAt, e, false);
    }
    String title = "";
    String notes = text;
    try {
      FrontMatter.Parsed parsed = FrontMatter.parse(text);
      notes = parsed.body();
      if (parsed.data().get("title") instanceof String t) {
        title = t;
      }
    } catch (SiteException e) {
      // Changed by hand since: all of it is notes.
    }
    Talk talk = talkId < 0 ? null : notebook.talks().find(talkId).orElse(null);
    String problem = null;
    if (talk == null) {
      problem =
          "The talk "
              + (title.isEmpty() ? "they were kept from" : "“" + title + "”")
              + " is no longer in this notebook, so they cannot be put back; copy what you need"
              + " from the file.";
    } else if (notebook.isReadOnly()) {
      problem =
          "This notebook is open read-only, so nothing can be put back now; open it for writing"
              + " to do so.";
    }
    return new Kept(
        file, talkId, talk == null ? title : talk.title(), notes, keptAt, talk, problem, false);
  }

  /** A kept file of either kind that could not be read, shown with why and left as it is. */
  private static Kept unreadable(Path file, long talkId, long keptAt, Exception e, boolean typed) {
    return new Kept(
        file,
        talkId,
        "",
        "",
        keptAt,
        null,
        "This file cannot be read: "
            + ShutdownRecovery.whyNotRead(e, file)
            + ". It is left as it is.",
        typed);
  }

  /**
   * Reads a file of text typed for a talk that could not be opened ({@link TypedAheadKept}) and
   * finds that talk (on the notebook thread).
   */
  private static Kept readTyped(Notebook notebook, Path file) {
    long talkId = TypedAheadKept.talkIdOf(file);
    long keptAt = TypedAheadKept.keptAt(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return unreadable(file, talkId, keptAt, e, true);
    }
    Talk talk = talkId < 0 ? null : notebook.talks().find(talkId).orElse(null);
    String problem = null;
    if (text.isBlank()) {
      problem = "The file holds no text: nothing to add.";
    } else if (talkId < 0) {
      problem =
          "Its name does not say which talk it was typed for (an earlier Talkbook wrote it); copy"
              + " what you need from the file.";
    } else if (talk == null) {
      problem =
          "The talk it was typed for is no longer in this notebook; copy what you need from the"
              + " file.";
    } else if (notebook.isReadOnly()) {
      problem =
          "This notebook is open read-only, so nothing can be added now; open it for writing to do"
              + " so.";
    }
    return new Kept(
        file, talkId, talk == null ? "" : talk.title(), text, keptAt, talk, problem, true);
  }

  private static void ask(Parts window, Found found) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(window.owner());
    Theme.dress(dialog.getDialogPane(), window.owner());
    dialog.setTitle("Talkbook");
    dialog.getDialogPane().setId(DIALOG_ID);
    List<Kept> kept = found.kept();
    boolean anyTyped = kept.stream().anyMatch(Kept::typed);
    boolean anyUnsaved = kept.stream().anyMatch(k -> !k.typed());
    dialog.setHeaderText(
        !anyTyped
            ? "Notes kept when Talkbook last closed"
            : kept.size() == 1 ? "Text kept in a file" : "Text kept in files");
    dialog.getDialogPane().getButtonTypes().addAll(DONE, LATER);
    // It comes up while the user may be typing in the notes: no key of that typing may answer it
    // (Enter on a default Done would never tell of the files again), so the focus starts in the
    // first file's path, which takes no typing, and there is no default button.
    ((Button) dialog.getDialogPane().lookupButton(DONE)).setDefaultButton(false);

    long unsavedCount = kept.stream().filter(k -> !k.typed()).count();
    long typedCount = kept.size() - unsavedCount;
    String unsavedSaid =
        "When Talkbook last closed, "
            + (unsavedCount == 1 ? "these notes" : "the notes below")
            + " could not be saved in this notebook and were kept in "
            + (unsavedCount == 1 ? "a file" : "files")
            + ". Put them back into their talk: the notes it has now are kept in its History"
            + " (Go → History), so nothing is lost either way.";
    String typedSaid =
        typedCount == 1
            ? "What you typed for a talk that Talkbook then could not open was kept in a file (the"
                + " clipboard could not take it). Add it to the end of that talk's notes: the notes"
                + " it has now are kept in its History (Go → History), and the file is removed once"
                + " the text is in the notebook."
            : "What you typed for talks that Talkbook then could not open was kept in files (the"
                + " clipboard could not take it). Add each to the end of its talk's notes: the notes"
                + " a talk has now are kept in its History (Go → History), and a file is removed"
                + " once its text is in the notebook.";
    Label intro =
        new Label(
            anyUnsaved && anyTyped
                ? unsavedSaid + " " + typedSaid
                : anyTyped ? typedSaid : unsavedSaid);
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    VBox rows = new VBox(14);
    for (int i = kept.size() - 1; i >= 0; i--) {
      if (!rows.getChildren().isEmpty()) {
        rows.getChildren().add(new javafx.scene.control.Separator());
      }
      rows.getChildren().add(row(window, dialog, kept.get(i), kept.size() - 1 - i));
    }
    if (found.older() > 0) {
      Label older =
          new Label(
              "… and "
                  + Counts.of(found.older(), "older file")
                  + " beside the notebook or in the temporary folder.");
      older.getStyleClass().add("tb-muted");
      rows.getChildren().add(older);
    }
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    scroll.setMaxHeight(460);
    scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0;");
    VBox content = new VBox(12, intro);
    if (!found.unreadable().isEmpty()) {
      // A folder that may hold more of them, which could not be read: said, not passed over.
      Label unreadable = new Label(unreadable(found.unreadable()));
      unreadable.setId("kept-unreadable");
      unreadable.setWrapText(true);
      unreadable.setMinHeight(Region.USE_PREF_SIZE);
      StatusLine.mark(unreadable, true);
      content.getChildren().add(unreadable);
    }
    content.getChildren().add(kept.size() > 2 ? scroll : rows);
    content.setPrefWidth(600);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().setMinWidth(620);

    dialog.setOnShown(
        e -> {
          // After the dialog's own first focus, which goes to a button.
          javafx.scene.Node first = content.lookup("#kept-path-0");
          if (first != null) {
            Platform.runLater(first::requestFocus);
          }
        });
    dialog
        .showAndWait()
        .filter(DONE::equals)
        .ifPresent(
            done ->
                window
                    .settings()
                    .put(
                        Settings.keptNotesSeen(window.notebook().file()),
                        (double) kept.get(kept.size() - 1).keptAt()));
  }

  private static VBox row(Parts window, Dialog<?> dialog, Kept kept, int index) {
    String what = kept.typed() ? "Typed for " : "";
    Label title =
        new Label(
            (kept.title().isEmpty()
                    ? kept.typed() ? "Typed text" : "Notes"
                    : what + "“" + kept.title() + "”")
                + (kept.keptAt() == 0 // its time could not be read
                    ? ""
                    : " — kept "
                        + DateTimeFormatter.ofLocalizedDateTime(
                                FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .format(
                                Instant.ofEpochMilli(kept.keptAt())
                                    .atZone(ZoneId.systemDefault()))));
    title.setStyle("-fx-font-weight: bold;");
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);

    TextField path = new TextField(kept.file().toString());
    path.setEditable(false);
    path.setId("kept-path-" + index);

    Label status = new Label(stateOf(kept));
    status.setId("kept-status-" + index);
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    StatusLine.mark(status, kept.problem() != null && kept.talk() == null);

    Button putBack =
        new Button(kept.typed() ? "Add to the end of its notes" : "Put back into the talk");
    putBack.setId((kept.typed() ? "kept-add-" : "kept-put-back-") + index);
    putBack.setDisable(kept.problem() != null || kept.alreadyThere());
    Button showFolder = new Button("Show folder");
    showFolder.setId("kept-show-folder-" + index);
    Button copyPath = new Button("Copy path");
    copyPath.setId("kept-copy-path-" + index);

    Runnable grow =
        () -> Platform.runLater(() -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
    putBack.setOnAction(
        e -> {
          putBack.setDisable(true);
          if (kept.typed()) {
            say(status, "Adding the text to the notes…", false);
            add(window, kept)
                .whenComplete(
                    (added, error) -> {
                      if (error == null) {
                        say(status, addedSaid(kept, added), added.fileProblem() != null);
                        // the file is gone: nothing to show or copy
                        showFolder.setDisable(added.fileProblem() == null);
                        copyPath.setDisable(added.fileProblem() == null);
                      } else {
                        putBack.setDisable(false);
                        say(
                            status,
                            "Could not add the text: "
                                + Errors.message(error)
                                + " It is still in the file.",
                            true);
                      }
                      grow.run();
                    });
            return;
          }
          say(status, "Putting the notes back…", false);
          putBack(window, kept)
              .whenComplete(
                  (put, error) -> {
                    if (error == null) {
                      say(
                          status,
                          "Put back into “"
                              + kept.title()
                              + "”. The notes it had are kept in its History (Go → History)"
                              + (put.openNow() ? "; Undo in the notes takes this back." : "."),
                          false);
                    } else {
                      putBack.setDisable(false);
                      say(
                          status,
                          "Could not put the notes back: "
                              + Errors.message(error)
                              + " They are still in the file.",
                          true);
                    }
                    grow.run();
                  });
        });
    showFolder.setOnAction(
        e -> {
          showFolder.setDisable(true);
          window
              .showFolder()
              .apply(kept.file())
              .whenCompleteAsync(
                  (shown, error) -> {
                    showFolder.setDisable(false);
                    if (error == null) {
                      say(status, "Its folder was handed to the desktop's file manager.", false);
                    } else {
                      Throwable why = error.getCause() != null ? error.getCause() : error;
                      boolean copied = copy(kept.file());
                      say(
                          status,
                          "Could not show the folder: "
                              + why.getMessage()
                              + (copied
                                  ? " The file's path is copied to the clipboard instead."
                                  : " The file's path is in the field above."),
                          true);
                    }
                    grow.run();
                  },
                  Platform::runLater);
        });
    copyPath.setOnAction(
        e -> {
          if (copy(kept.file())) {
            say(status, "The file's path is copied to the clipboard.", false);
          } else {
            say(
                status,
                "Could not copy to the clipboard; select the path in the field above.",
                true);
          }
          grow.run();
        });

    HBox buttons = new HBox(8, putBack, showFolder, copyPath);
    VBox row = new VBox(6, title, status, path, buttons);
    row.setId("kept-" + index);
    row.setPadding(new Insets(0, 4, 0, 0));
    return row;
  }

  /** What the row says before anything is done. */
  static String stateOf(Kept kept) {
    if (kept.problem() != null) {
      return kept.problem();
    }
    if (kept.typed()) {
      return kept.alreadyThere()
          ? "The talk's notes already end with this text; nothing to add."
          : "This text is not in the talk's notes: “" + shortened(kept.notes()) + "”";
    }
    if (kept.alreadyThere()) {
      return "The talk's notes already hold these; nothing to put back.";
    }
    return "These notes are not in the talk now.";
  }

  /** {@code text} on one line, cut after 200 characters. */
  private static String shortened(String text) {
    String shown = text.strip();
    shown = shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    return shown.replace("\n", " ⏎ ");
  }

  /**
   * A kept file's notes given to its talk: whether the talk is the open one (Undo in the notes
   * takes them back), and why the file could not be removed (null when it was, or stays).
   */
  record Replaced(boolean openNow, String fileProblem) {}

  /** The talk as its new notes left it, and why the file could not be removed (or null). */
  private record Stored(Talk talk, String fileProblem) {}

  /** What the row says once the text is added. */
  static String addedSaid(Kept kept, Replaced added) {
    return "Added to the end of the notes of “"
        + kept.title()
        + "”. What they were before is kept in its History (Go → History)"
        + (added.openNow() ? "; Undo in the notes takes this back." : ".")
        + (added.fileProblem() == null
            ? " The file is removed."
            : " The file could not be removed ("
                + added.fileProblem()
                + "); the text is in the notes, so you may delete it.");
  }

  /**
   * Adds the typed text at the end of its talk's notes (the notes it had kept in its History
   * first), then, once that is in the notebook, removes the file; completes on the FX thread
   * ({@link #replaceNotes}).
   */
  static CompletableFuture<Replaced> add(Parts window, Kept kept) {
    return replaceNotes(
        window,
        kept,
        notebook -> {
          notebook.revisions().checkpoint(kept.talkId());
          String before = notebook.talks().get(kept.talkId()).body();
          notebook.talks().saveBody(kept.talkId(), TypedAheadKept.added(before, kept.notes()));
          // In the notebook now: the file may go.
          try {
            Files.deleteIfExists(kept.file());
            return null;
          } catch (IOException | RuntimeException e) {
            return ShutdownRecovery.whyNotRead(e, kept.file());
          }
        });
  }

  /**
   * Puts the notes back as History → Restore does (the notes they replace kept first, the notes put
   * back kept too); completes on the FX thread ({@link #replaceNotes}). The file stays.
   */
  static CompletableFuture<Replaced> putBack(Parts window, Kept kept) {
    return replaceNotes(
        window,
        kept,
        notebook -> {
          notebook.revisions().bringBack(kept.talkId(), kept.notes());
          return null;
        });
  }

  /**
   * Gives a kept file's talk new notes, the one step behind {@link #add} and {@link #putBack}: when
   * that talk is the open one, its text is saved first, once, through the editor's own save (which
   * also drops a save still waiting, so none comes after with the text before); then {@code
   * replace} runs on the notebook thread, where the talk's notes are the open text, and keeps them
   * in its History as it gives the new ones (returning why the file could not be removed, or null).
   * Nothing is replaced when that save failed and the notebook does not hold the open text: the
   * save's failure is the answer, and the file stays. The open talk's editor then takes the new
   * notes as one change that Undo takes back; another talk is opened to show them. Completes on the
   * FX thread.
   */
  private static CompletableFuture<Replaced> replaceNotes(
      Parts window, Kept kept, Function<Notebook, String> replace) {
    OpenTalk talk = window.talk();
    Talk open = talk.getTalk();
    String current = open != null && open.id() == kept.talkId() ? talk.getText() : null;
    CompletableFuture<?> saved =
        current == null ? CompletableFuture.completedFuture(null) : talk.saveNow();
    Notebook notebook = window.notebook();
    CompletableFuture<Replaced> done = new CompletableFuture<>();
    // After the save, never waiting for it on the notebook thread: the save may be queued there.
    saved.whenComplete(
        (ignored, saveError) -> {
          try {
            window
                .executors()
                .run(
                    () -> {
                      // A failed save matters only when the text is not in the notebook anyway (a
                      // save that wrote newer typing did not fail).
                      if (saveError != null
                          && !notebook.talks().get(kept.talkId()).body().equals(current)) {
                        throw notSaved(saveError);
                      }
                      String fileProblem = replace.apply(notebook);
                      return new Stored(notebook.talks().get(kept.talkId()), fileProblem);
                    },
                    stored -> {
                      Talk now = talk.getTalk();
                      boolean openNow = now != null && now.id() == stored.talk().id();
                      if (openNow) {
                        talk.restored(stored.talk());
                      } else {
                        window.openTalk().accept(stored.talk().id());
                      }
                      done.complete(new Replaced(openNow, stored.fileProblem()));
                    },
                    done::completeExceptionally);
          } catch (RuntimeException closing) { // the notebook thread is shut down
            done.completeExceptionally(closing);
          }
        });
    return done;
  }

  /** The open talk's text could not be saved first: its save's failure (a full disk, say). */
  private static RuntimeException notSaved(Throwable saveError) {
    Throwable why =
        saveError instanceof java.util.concurrent.CompletionException
                && saveError.getCause() != null
            ? saveError.getCause()
            : saveError;
    return why instanceof RuntimeException failure
        ? failure
        : new IllegalStateException(
            "The open talk's notes could not be saved first: " + why.getMessage(), why);
  }

  private static void say(Label status, String text, boolean problem) {
    status.setText(text);
    StatusLine.mark(status, problem);
  }

  private static boolean copy(Path file) {
    try {
      ClipboardContent content = new ClipboardContent();
      content.putString(file.toString());
      return javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
