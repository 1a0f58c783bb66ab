package dev.talkbook.cli;

import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    description = {
      "Search every talk's title, speakers, tags, event and notes, best match first.",
      "",
      "  word        talks with the word (all words must match)",
      "  \"a phrase\"  the words in this order",
      "  pref*       words starting with pref",
      "  -word       talks without the word",
      "  speaker:hopper  tag:async  event:pyatl  title:…  notes:…",
      "",
      "Each hit: the talk's id, title, event and speakers (\"Cancelled: \" before the title of a"
          + " talk the programme no longer lists), then the passage that matched.",
      ""
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
  List<String> query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits.")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be at least 1 (it was " + limit + ").");
    }
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      PrintWriter out = spec.commandLine().getOut();
      List<SearchHit> hits = notebook.search().search(String.join(" ", query), limit);
      if (hits.isEmpty()) {
        out.println("No talk matches.");
        return 0;
      }
      // The command line's colour scheme (Ansi.AUTO unless set otherwise) decides, like for help.
      boolean ansi = spec.commandLine().getColorScheme().ansi().enabled();
      for (SearchHit hit : hits) {
        out.printf(
            "%d  %s — %s%s%n",
            hit.talkId(),
            (hit.removed() ? TalksCommand.CANCELLED : "") + hit.talkTitle(),
            hit.eventTitle(),
            hit.speakers().isEmpty() ? "" : " (" + String.join(", ", hit.speakers()) + ")");
        out.println(
            "     "
                + (ansi
                    ? hit.snippet().marked("\u001b[1m", "\u001b[0m")
                    : hit.snippet().marked("*", "*")));
      }
      return 0;
    }
  }
}
