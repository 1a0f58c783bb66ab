package dev.talkbook.cli;

import dev.talkbook.core.notebook.TagRename;
import dev.talkbook.core.store.Notebook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tag",
    description = "Rename a tag on every talk.",
    subcommands = {TagCommand.Rename.class})
final class TagCommand {

  @Command(
      name = "rename",
      description = {
        "Rename a tag on every talk that carries it (any case of OLD).",
        "A NEW that is another tag merges the two; the same letters in another case respell it.",
        "The site's page of the old tag leads to the new one after the next export."
      })
  static final class Rename implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The tag's name now.")
    String from;

    @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
    String to;

    @Override
    public Integer call() {
      try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
        TagRename done;
        try {
          done = notebook.talks().renameTag(from, to);
        } catch (dev.talkbook.core.notebook.NotebookException e) {
          if (e.getMessage() != null && e.getMessage().startsWith("No talk has the tag")) {
            throw new dev.talkbook.core.notebook.NotebookException(
                e.getMessage() + " The tags: talkbook tags.", e);
          }
          throw e;
        }
        spec.commandLine().getOut().println(done.message());
        return 0;
      }
    }
  }
}
