package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
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
      description = "Rebuild the search index from the notes if it is damaged.")
  boolean repair;

  @Override
  public Integer call() {
    try (Notebook notebook =
        repair ? TalkbookCommand.of(spec).openExisting() : TalkbookCommand.of(spec).openToRead()) {
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
