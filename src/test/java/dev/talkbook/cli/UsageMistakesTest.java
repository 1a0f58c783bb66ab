package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage mistakes told in the user's words, not the parser's (exit code 2). */
class UsageMistakesTest extends CliTest {

  @Test
  void anUnknownCommandIsSaidSoWithWhereTheCommandsAreAndNoUsage() {
    Result r = misused("frobnicate");

    assertErr(r).isEqualTo("Unknown command 'frobnicate'. Run talkbook --help for the commands.\n");
  }

  @Test
  void aMistypedCommandIsSaidSoWithTheCommandsItMayHaveMeant() {
    Result r = misused("shwo", "1");

    assertErr(r)
        .isEqualTo(
            "Unknown command 'shwo'. Run talkbook --help for the commands.\n"
                + "Did you mean: talkbook show or talkbook share?\n");
  }

  @Test
  void anUnknownCommandOfAGroupNamesTheGroup() {
    Result r = misused("event", "ad");

    assertErr(r)
        .isEqualTo(
            "Unknown command 'event ad'. Run talkbook event --help for its commands.\n"
                + "Did you mean: talkbook event add?\n");
  }

  @Test
  void aGroupWithoutItsCommandListsItsCommands() {
    Result r = misused("talk");

    assertErr(r)
        .startsWith(
            "talkbook talk needs a command: add, edit, move, delete, star or unstar.\n"
                + "Usage: talkbook talk ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          restore 1 abc                 | 'abc' is not a revision number; talkbook history TALK lists a talk's revisions.
          restore 1 -1                  | '-1' is not a revision number; talkbook history TALK lists a talk's revisions.
          restore 1 0                   | '0' is not a revision number; talkbook history TALK lists a talk's revisions.
          history 1 --show abc          | 'abc' is not a revision number; talkbook history TALK lists a talk's revisions.
          history 1 --show -1           | '-1' is not a revision number; talkbook history TALK lists a talk's revisions.
          run 1 --time-limit abc        | 'abc' is not a number of seconds (--time-limit takes a whole number, like 30).
          import schedule x --timeout t | 't' is not a number of seconds (--timeout takes a whole number, like 30).
          search --limit many java      | 'many' is not a number (--limit takes a whole number, like 20).
          talk move 1 --position first  | 'first' is not a number (--position takes a whole number).
          share --port 99999999999 1    | '99999999999' is too large (--port takes a whole number).
          share --max-viewers -9999999999 1 | '-9999999999' is too small (--max-viewers takes a whole number, like 1000).
          """)
  void aWordWhereANumberGoesSaysWhatNumber(String arguments, String message) {
    addEvent("Somewhere");

    Result r = misused(arguments.split(" "));

    assertThat(r.err().lines().findFirst()).as("%s", r).hasValue(message);
    assertErr(r).contains("Usage: talkbook ").doesNotContain("is not a long", "is not an int");
  }

  @Test
  void aBadRevisionNumberIsToldBeforeTheNotebookIsOpened() {
    // No notebook at all: had the command opened it first, this would be "no such notebook".
    for (String revision : new String[] {"-1", "abc"}) {
      Result r = misused("restore", "1", revision);

      assertThat(r.err().lines().findFirst())
          .as("%s", r)
          .hasValue(
              "'"
                  + revision
                  + "' is not a revision number; talkbook history TALK lists a talk's revisions.");
      assertThat(notebook()).doesNotExist();
    }
  }

  @Test
  void wordsAfterATitleAreSaidToNeedQuotes() {
    Result r = misused("show", "Virtual", "threads");

    assertThat(r.err().lines().findFirst())
        .hasValue(
            "Unexpected argument 'threads': talkbook show takes one TALK, so a title of several"
                + " words goes in quotes: \"Virtual threads\".");
  }

  @Test
  void anArgumentToACommandThatTakesNoneIsSaidSo() {
    Result r = misused("events", "extra", "more");

    assertThat(r.err().lines().findFirst())
        .hasValue("Unexpected arguments 'extra', 'more': talkbook events takes none.");
  }

  @Test
  void anArgumentTooManyAfterATalkAndARevisionIsSaidWithoutATitleHint() {
    Result r = misused("restore", "1", "2", "3");

    assertThat(r.err().lines().findFirst())
        .hasValue("Unexpected argument '3'. Run talkbook restore --help for what it takes.");
  }

  @Test
  void aTitleStartingWithADashIsSaidToGoAfterTitle() {
    addEvent("Somewhere");

    Result r = misused("talk", "add", "--event", "1", "-dash title");

    assertThat(r.err().lines().findFirst())
        .hasValue(
            "Unknown option: '-dash title': a title that starts with - goes after --title:"
                + " talkbook talk add --title '-dash title' …");
  }

  @Test
  void aMistypedOptionKeepsPicocliMessage() {
    Result r = misused("talk", "add", "--event", "1", "--titel", "T");

    assertThat(r.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith("Unknown option: '--titel'"));
  }
}
