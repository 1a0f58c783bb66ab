package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;

/**
 * Runs {@code talkbook} as a user would, on a notebook in a fresh temporary folder, and captures
 * what it prints.
 */
abstract class CliTest {

  /** What one run of the command line did. */
  record Result(int exitCode, String out, String err) {
    /** The first number after {@code prefix} in the output, like the id in "Added talk 3: …". */
    long idAfter(String prefix) {
      Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\s*(\\d+)").matcher(out);
      assertThat(m.find()).as("output has \"%s N\": %s", prefix, out).isTrue();
      return Long.parseLong(m.group(1));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  @TempDir Path dir;

  Path notebook() {
    return dir.resolve("notes.talkbook");
  }

  /** Runs the command line with exactly these arguments. */
  static Result runRaw(String... args) {
    return runRaw(Ansi.OFF, args);
  }

  /** Runs the command line with these arguments, with or without ANSI colours. */
  static Result runRaw(Ansi ansi, String... args) {
    CommandLine cl = TalkbookCommand.forArguments(args); // as the launcher does
    cl.setColorScheme(Help.defaultColorScheme(ansi));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exitCode = cl.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** Runs {@code talkbook --notebook <the test's notebook> args…}. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--notebook", notebook().toString()));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  /** Runs {@code talkbook args… --notebook <the test's notebook>}: the option after the command. */
  Result runWithNotebookLast(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--notebook");
    all.add(notebook().toString());
    return runRaw(all.toArray(String[]::new));
  }

  /** Runs a command that must succeed and returns its result. */
  Result ok(String... args) {
    Result r = run(args);
    assertThat(r.exitCode()).as("%s", r).isZero();
    return r;
  }

  /**
   * Runs a search that must find nothing: exit code 1, as grep's; nothing on stdout, so {@code | wc
   * -l} counts no hit; "No talk matches." on stderr.
   */
  Result noTalkMatches(String... args) {
    Result r = run(args);
    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.out()).as("stdout of %s", r).isEmpty();
    assertThat(r.err()).as("stderr of %s", r).endsWith("No talk matches." + System.lineSeparator());
    assertNoStackTrace(r);
    return r;
  }

  /** Runs a command the notebook must refuse (exit 1) and returns its result. */
  Result refused(String... args) {
    Result r = run(args);
    assertThat(r.exitCode()).as("%s", r).isEqualTo(TalkbookCommand.USER_ERROR);
    assertNoStackTrace(r);
    return r;
  }

  /** Runs a command that is wrong usage (exit 2) and returns its result. */
  Result misused(String... args) {
    Result r = run(args);
    assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    assertNoStackTrace(r);
    return r;
  }

  static void assertNoStackTrace(Result r) {
    assertThat(r.err()).as("stderr of %s", r).doesNotContain("at dev.", "Exception", "\tat ");
  }

  static AbstractStringAssert<?> assertErr(Result r) {
    return assertThat(r.err()).as("stderr of %s", r);
  }

  static AbstractStringAssert<?> assertOut(Result r) {
    return assertThat(r.out()).as("stdout of %s", r);
  }

  /** Adds an event and returns its id. */
  long addEvent(String title, String... more) {
    List<String> args = new ArrayList<>(List.of("event", "add", "--title", title));
    args.addAll(List.of(more));
    return ok(args.toArray(String[]::new)).idAfter("Added event");
  }

  /** Adds a talk to an event and returns its id. */
  long addTalk(long event, String title, String... more) {
    List<String> args =
        new ArrayList<>(List.of("talk", "add", "--event", Long.toString(event), "--title", title));
    args.addAll(List.of(more));
    return ok(args.toArray(String[]::new)).idAfter("Added talk");
  }

  /** Adds the sample meetup and returns its event id. */
  long addSample() {
    return ok("sample").idAfter("as event");
  }

  /** The notebook's events, looked at through the core. */
  List<Event> events() {
    return peek(nb -> nb.events().list());
  }

  /** The number of talks in the notebook. */
  int talkCount() {
    return peek(nb -> nb.talks().count());
  }

  /** Looks into the notebook through the core, read-only, so the check changes nothing. */
  <T> T peek(Function<Notebook, T> look) {
    try (Notebook nb =
        Notebook.open(
            notebook(), Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      return look.apply(nb);
    }
  }
}
