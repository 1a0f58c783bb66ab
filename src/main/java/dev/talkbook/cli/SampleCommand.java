package dev.talkbook.cli;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sample", description = "Add a sample meetup whose notes show what Talkbook does.")
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).open()) {
      var existing =
          notebook.events().list().stream()
              .filter(e -> e.title().equals(SampleMeetup.TITLE))
              .findFirst();
      if (existing.isPresent()) {
        spec.commandLine()
            .getOut()
            .printf(
                "The sample meetup is already in this notebook: talkbook talks %d%n",
                existing.get().id());
        return 0;
      }
      Event e = SampleMeetup.addTo(notebook);
      spec.commandLine()
          .getOut()
          .printf(
              "Added the sample meetup as event %d with %d talks: talkbook talks %d%n",
              e.id(), SampleMeetup.talkCount(), e.id());
      return 0;
    }
  }
}
