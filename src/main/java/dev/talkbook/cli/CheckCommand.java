package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    description = {
      "Read every page of the notebook and say whether it is sound (exit 1 if not).",
      "A damaged search index is told apart from a damaged notebook: the notes are fine, and"
          + " --repair rebuilds the index from them."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--repair",
      description =
          "Rebuild what is made from the notes if it is damaged: the search index, or the"
              + " notebook's indexes (the notebook is rebuilt from its data; the damaged file is"
              + " kept beside it). A notebook damaged at its start has its notes saved into a new"
              + " notebook beside it.")
  boolean repair;

  @Override
  public Integer call() {
    if (!repair) {
      try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
        return check(notebook);
      }
    }
    Notebook notebook;
    try {
      notebook = TalkbookCommand.of(spec).openExisting();
    } catch (NotebookOpenException e) {
      if (e.problem() == NotebookOpenException.Problem.DAMAGED_START) {
        return saveNotes(e.file());
      }
      if (e.problem() != NotebookOpenException.Problem.INDEX_DAMAGED
          && e.problem() != NotebookOpenException.Problem.CORRUPT) {
        throw e;
      }
      notebook = rebuilt(e.file());
    }
    if (!notebook.health().damage().isEmpty()) {
      Path file = notebook.file();
      notebook.close();
      notebook = rebuilt(file);
    }
    try (Notebook open = notebook) {
      return check(open);
    }
  }

  /**
   * Rebuilds the notebook from its data (its indexes and search index made again from its rows),
   * says so, and opens the result.
   */
  private Notebook rebuilt(Path file) {
    Path kept = Notebook.rebuildFromData(file, Notebook.Options.defaults());
    spec.commandLine()
        .getOut()
        .println(
            "Rebuilt notebook "
                + file
                + " from its data; the damaged file is kept as "
                + kept
                + ".");
    return TalkbookCommand.of(spec).openExisting();
  }

  /**
   * Saves the notes of a notebook damaged at its start into a new notebook beside it, says where
   * and how many talks, and checks the new notebook. The damaged file is left as it is.
   */
  private int saveNotes(Path file) {
    Notebook.SavedNotes saved = Notebook.saveNotesOf(file, (done, total, table) -> {});
    spec.commandLine()
        .getOut()
        .println(
            "Notebook "
                + file
                + " is damaged at its start; saved the notes of "
                + Counts.of(saved.talks(), "talk")
                + " from it into a new notebook: "
                + saved.file()
                + ". The damaged file is left as it was."
                + (saved.unreadLogFrames() == 0 ? "" : " " + saved.unreadNote(file)));
    try (Notebook open =
        Notebook.open(saved.file(), Notebook.Options.defaults().withCreate(false))) {
      return check(open);
    }
  }

  private int check(Notebook notebook) {
    {
      PrintWriter out = spec.commandLine().getOut();
      Notebook.Health health = notebook.health();
      if (!health.damage().isEmpty()) {
        throw new NotebookException(
            "Notebook "
                + notebook.file()
                + " is damaged; restore it from a backup. SQLite found:\n  "
                + String.join("\n  ", health.damage())
                + (health.searchIndexDamage().isEmpty()
                    ? ""
                    : "\n  " + String.join("\n  ", health.searchIndexDamage())));
      }
      if (!health.searchIndexDamage().isEmpty()) {
        if (!repair) {
          throw new NotebookException(
              "The search index of notebook "
                  + notebook.file()
                  + " is damaged, so searching may miss talks or fail. The notes, talks and their"
                  + " history are fine: the index is made from them. Rebuild it with: talkbook"
                  + " check --repair\nSQLite found:\n  "
                  + String.join("\n  ", health.searchIndexDamage()));
        }
        notebook.search().rebuildIndex();
        Notebook.Health after = notebook.health();
        if (!after.isSound()) {
          throw new NotebookException(
              "Rebuilt the search index of notebook "
                  + notebook.file()
                  + ", but SQLite still finds:\n  "
                  + String.join(
                      "\n  ",
                      java.util.stream.Stream.concat(
                              after.damage().stream(), after.searchIndexDamage().stream())
                          .toList()));
        }
        out.println(
            "Rebuilt the search index of notebook "
                + notebook.file()
                + " from the notes of "
                + Counts.of(notebook.talks().count(), "talk")
                + ". The notebook is sound.");
        return 0;
      }
      out.println("Notebook " + notebook.file() + " is sound.");
      return 0;
    }
  }
}
