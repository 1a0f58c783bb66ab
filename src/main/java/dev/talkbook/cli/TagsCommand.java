package dev.talkbook.cli;

import dev.talkbook.core.notebook.TagCount;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "tags", description = "List the tags with the number of talks carrying each.")
final class TagsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      PrintWriter out = spec.commandLine().getOut();
      List<TagCount> tags = notebook.talks().tags();
      if (tags.isEmpty()) {
        out.println("No tags yet. Tag a talk with: talkbook talk edit TALK --tag NAME");
      }
      for (TagCount t : tags) {
        out.printf("%5d  %s%n", t.talks(), t.name());
      }
      return 0;
    }
  }
}
