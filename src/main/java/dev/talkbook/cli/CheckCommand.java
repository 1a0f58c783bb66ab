package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    description = "Read every page of the notebook and say whether it is sound (exit 1 if not).")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
      List<String> problems = notebook.check();
      if (!problems.isEmpty()) {
        throw new NotebookException(
            "Notebook "
                + notebook.file()
                + " is damaged; restore it from a backup. SQLite found:\n  "
                + String.join("\n  ", problems));
      }
      spec.commandLine().getOut().println("Notebook " + notebook.file() + " is sound.");
      return 0;
    }
  }
}
