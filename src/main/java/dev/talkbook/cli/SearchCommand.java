package dev.talkbook.cli;

import dev.talkbook.core.search.QueryException;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.SearchQuery;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.SearchStore;
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
      "  word        talks with the word, or with a word starting with it (3 or more",
      "              letters: virt finds virtual; the word itself first); every word",
      "              typed must match; punctuation around it does not count: virtu-",
      "              and (virt find the same; but a name typed with its punctuation",
      "              (c#, f#, c++, g++, .net) is found only as written and whole:",
      "              c# finds \"C#\", not \"c\", \"C++\" or \"abc#\"; -c# leaves out only those",
      "  \"a phrase\"  the words in this order, whole; with no closing quote, its last",
      "              word is a start",
      "  pref*       words starting with pref, however short",
      "  -word       talks without the word",
      "  speaker:hopper  tag:async  event:pyatl  title:…  notes:…  abstract:…",
      "              only in that field (no space after the colon); a field's word",
      "              is whole: tag:sec finds no \"security\", tag:sec* does; a tag",
      "              with punctuation is that tag, whole: tag:c# finds no \"c++\"",
      "",
      "Case and accents do not matter, and Chinese, Japanese and Korean words are",
      "found inside a run of text:",
      "  ελληνικα finds Ελληνικά, ΟΔΟΣ finds οδός, cafe finds Café",
      "  メモ finds 日本語のメモです",
      "",
      "Each hit: the talk's id, title, event and speakers (\"Cancelled:\" before the title of a"
          + " talk the programme no longer lists), then the passage that matched. When no talk"
          + " matches, standard output stays empty and \"No talk matches.\" goes to standard"
          + " error. Each hit is two lines, the first starting with its id:"
          + " `talkbook search WORD | grep -c '^[0-9]'` counts the hits.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:a talk or more matched",
      "1:no talk matched (\"No talk matches.\" on standard error), or the notebook could not be"
          + " read (the message says why); unlike grep, which gives 2 for an error",
      "2:wrong usage: nothing to look for, a bad option"
    })
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
  List<String> query;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "At most N hits (default: ${DEFAULT-VALUE}); standard error says how many the limit"
              + " left out.")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be at least 1 (it was " + limit + ").");
    }
    PrintWriter err = spec.commandLine().getErr();
    String typed = String.join(" ", query);
    SearchQuery parsed;
    try {
      parsed = SearchQuery.parse(typed);
    } catch (QueryException e) {
      err.println("talkbook: " + e.getMessage());
      return TalkbookCommand.WRONG_USAGE; // nothing to look for, as for a bad option
    }
    if (typed.indexOf(Values.UNREADABLE) >= 0) {
      err.println(
          "talkbook: some bytes of the query are not "
              + Values.argumentEncoding()
              + " text and were read as \"\uFFFD\", which ends a word; check the terminal's"
              + " encoding (LANG).");
    }
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      PrintWriter out = spec.commandLine().getOut();
      SearchStore.Page page = notebook.search().page(parsed, limit);
      List<SearchHit> hits = page.hits();
      if (hits.isEmpty()) {
        // As grep: nothing on stdout (a script counting hits counts none), and exit code 1.
        err.println("No talk matches.");
        return TalkbookCommand.USER_ERROR;
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
      if (page.cut()) {
        // Not on stdout: a script reading the hits gets hits only.
        out.flush();
        err.println(shownOf(hits.size(), page.matching()));
      }
      return 0;
    }
  }

  /** "20 of 9,380 talks shown (--limit N for more)". */
  static String shownOf(int shown, int matching) {
    return String.format(
        java.util.Locale.ROOT, "%,d of %,d talks shown (--limit N for more)", shown, matching);
  }
}
