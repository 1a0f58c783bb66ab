package dev.talkbook.cli;

import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.store.Notebook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    description = "Bring back a revision's text as the talk's notes (the current text is kept).")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "REVISION",
      converter = RevisionNumber.class,
      description = "The revision's id (see: talkbook history).")
  long revisionId;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
      Revision old = notebook.revisions().get(revisionId);
      notebook.revisions().restore(revisionId);
      spec.commandLine()
          .getOut()
          .printf(
              "Restored the notes of talk %d as saved %s. The text it replaced is kept in its"
                  + " history.%n",
              old.talkId(), Values.local(old.savedAt()));
      return 0;
    }
  }
}
