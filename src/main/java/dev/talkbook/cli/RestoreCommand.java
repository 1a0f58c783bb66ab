package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Brings back one of a talk's revisions. The talk is named with the revision, as {@code history
 * TALK --show REVISION} names it: revision ids are counted across the notebook, so {@code restore
 * 6} typed after {@code history 6} would otherwise replace the notes of whichever talk revision 6
 * belongs to.
 */
@Command(
    name = "restore",
    description = {
      "Bring back a revision's text as the talk's notes (the current text is kept).",
      "The talk is named as well, so a revision of another talk is refused."
    })
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TALK", description = "The talk's id or part of its title.")
  String talk;

  @Parameters(
      index = "1",
      paramLabel = "REVISION",
      converter = RevisionNumber.class,
      description = "The revision's id (see: talkbook history TALK).")
  long revisionId;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
      Talk t = Refs.talk(notebook, talk);
      Revision old = notebook.revisions().get(revisionId);
      if (old.talkId() != t.id()) {
        throw new NotebookException(
            "Revision "
                + revisionId
                + " belongs to another talk (talk "
                + old.talkId()
                + "), not to talk "
                + t.id()
                + " (\""
                + t.title()
                + "\"); talkbook history "
                + t.id()
                + " lists its revisions. Nothing was changed.");
      }
      notebook.revisions().restore(revisionId);
      spec.commandLine()
          .getOut()
          .printf(
              "Restored the notes of talk %d (\"%s\") as saved %s. The text it replaced is kept in"
                  + " its history.%n",
              t.id(), t.title(), Values.local(old.savedAt()));
      return 0;
    }
  }
}
