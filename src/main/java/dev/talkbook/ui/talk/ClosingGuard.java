package dev.talkbook.ui.talk;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.FrontMatter;
import dev.talkbook.ui.common.Errors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import javafx.stage.Window;

/**
 * Quitting (or closing the notebook) without losing notes: the open talk is saved first, without
 * the FX thread waiting; when that fails, {@link UnsavedNotesDialog} asks whether to save the notes
 * elsewhere as Markdown, quit anyway, or stay. Only then does the quit go on.
 */
public final class ClosingGuard {
  private final OpenTalk talk;
  private final Window owner;
  private final Executor fx;

  /** Asks where to save a file (what for, proposed name); null when the user cancelled. */
  private final BiFunction<String, String, Path> chooseFile;

  private boolean closing;

  public ClosingGuard(
      OpenTalk talk, Window owner, Executor fx, BiFunction<String, String, Path> chooseFile) {
    this.talk = talk;
    this.owner = owner;
    this.fx = fx;
    this.chooseFile = chooseFile;
  }

  /**
   * Saves the notes, then runs {@code then}; when they cannot be saved, asks first (and runs
   * nothing if the user stays). A second request while one is under way is ignored.
   */
  public void requestClose(Runnable then) {
    if (closing) {
      return;
    }
    closing = true;
    talk.saveNow()
        .whenCompleteAsync(
            (saved, error) -> {
              if (error == null || talk.getTalk() == null) {
                closing = false;
                then.run();
              } else {
                ask(Errors.message(error.getCause() == null ? error : error.getCause()), then);
              }
            },
            fx);
  }

  private void ask(String problem, Runnable then) {
    Talk open = talk.getTalk();
    switch (UnsavedNotesDialog.ask(owner, open.title(), problem)) {
      case CANCEL -> closing = false;
      case QUIT_ANYWAY -> {
        talk.discard();
        closing = false;
        then.run();
      }
      case SAVE_ELSEWHERE -> {
        Path file = chooseFile.apply("Save the notes as Markdown", fileNameFor(open.title()));
        if (file == null) {
          ask(problem, then);
          return;
        }
        String markdown = markdownOf(open, talk.getText());
        // Written off the FX thread (the disk may be slow or full), on a thread of its own: the
        // notebook thread may be busy retrying the save.
        CompletableFuture.runAsync(
                () -> write(file, markdown),
                r -> {
                  Thread t = new Thread(r, "talkbook-save-elsewhere");
                  t.setDaemon(true);
                  t.start();
                })
            .whenCompleteAsync(
                (done, error) -> {
                  if (error == null) {
                    talk.discard();
                    closing = false;
                    then.run();
                  } else {
                    Errors.show(
                        owner,
                        "Could not save the notes to " + file,
                        error.getCause() == null ? error : error.getCause());
                    ask(problem, then);
                  }
                },
                fx);
      }
    }
  }

  /** A file name for a talk's notes: its title without the characters file systems refuse. */
  public static String fileNameFor(String title) {
    String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").strip();
    return (name.isEmpty() ? "notes" : name) + ".md";
  }

  /** The notes with the talk's title as front matter, so that Import Markdown reads them back. */
  public static String markdownOf(Talk talk, String notes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", talk.title());
    if (!talk.speakers().isEmpty()) {
      data.put("speakers", talk.speakers());
    }
    return FrontMatter.write(data, notes);
  }

  /**
   * Writes {@code markdown} to a temporary file beside {@code file}, forced to the disk (the notes
   * are saved nowhere else), then moves it into place.
   */
  static void write(Path file, String markdown) {
    try {
      AtomicFile.writeString(file, markdown, AtomicFile.Option.FORCE);
    } catch (IOException e) {
      throw new NotebookException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
