package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: help, version, exit codes, and which notebook it uses. */
class TalkbookCommandTest extends CliTest {

  @Test
  void versionPrintsTheBuildVersionAndExitsZero() {
    Result r = runRaw("--version");

    assertThat(r.exitCode()).isZero();
    assertOut(r).startsWith("Talkbook ").doesNotContain("${").contains("Java ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void helpListsTheCommandsAndExitsZero(String help) {
    Result r = runRaw(help);

    assertThat(r.exitCode()).isZero();
    assertOut(r)
        .contains("Usage: talkbook")
        .contains("--notebook=PATH", "--read-only")
        .contains("events", "event", "talks", "talk", "show", "search", "history", "restore")
        .contains("tags", "sample", "info")
        .contains("Exit codes:");
  }

  @Test
  void helpOfASubcommandDescribesIt() {
    Result r = runRaw("help", "search");

    assertThat(r.exitCode()).isZero();
    assertOut(r).contains("Usage: talkbook search").contains("speaker:hopper").contains("--limit");
  }

  /** Every command path of the tree, like "event add", "export site", "help". */
  static Stream<String> commandPaths() {
    Stream.Builder<String> paths = Stream.builder();
    collect(TalkbookCommand.commandLine(), "", paths);
    return paths.build();
  }

  private static void collect(picocli.CommandLine cl, String path, Stream.Builder<String> paths) {
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              String p = path.isEmpty() ? name : path + " " + name;
              paths.add(p);
              collect(sub, p, paths);
            });
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyCommandTakesHelpAfterItsName(String path) {
    String[] args = (path + " --help").split(" ");
    Result r = runRaw(args);

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.err()).as("stderr of %s", r).isEmpty();
    assertOut(r).contains("Usage: talkbook " + path + " ").contains("--help");
  }

  /** The root and every command path of the tree. */
  static Stream<String> everyHelp() {
    return Stream.concat(Stream.of(""), commandPaths());
  }

  /**
   * Every help keeps within its width, and its lines laid out by hand (indented, like the search
   * language's table) come out whole: a line over the width would be wrapped by picocli and its
   * last words would start the next line at column 0 ("match" under the table, found by the third
   * tester). No line starts with the closing quote of a phrase cut on the line before, and a run of
   * Chinese or Japanese text is not cut in two.
   */
  @ParameterizedTest(name = "talkbook {0} --help")
  @MethodSource("everyHelp")
  void everyHelpFitsItsWidthAndKeepsItsHandLaidLinesWhole(String path) {
    String[] args = (path.isEmpty() ? "--help" : path + " --help").split(" ");
    Result r = runRaw(args);
    picocli.CommandLine cl = TalkbookCommand.commandLine();
    for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
      cl = cl.getSubcommands().get(name);
    }
    int width = cl.getUsageHelpWidth();
    List<String> lines = r.out().lines().toList();

    assertThat(lines).as("lines wider than %d columns", width).allMatch(l -> columns(l) <= width);
    List<String> laidByHand = new ArrayList<>();
    var usage = cl.getCommandSpec().usageMessage();
    for (String[] part : List.of(usage.header(), usage.description(), usage.footer())) {
      for (String line : part) {
        if (line.startsWith(" ")) {
          laidByHand.add(line.stripTrailing());
        }
      }
    }
    assertThat(lines.stream().map(String::stripTrailing).toList())
        .as("the help's lines laid out by hand, each whole on a line")
        .containsAll(laidByHand);
    assertThat(lines)
        .as("a line that starts with what closes the line before")
        .noneMatch(l -> l.matches("^[\"')\\],.;:].*"));
    for (int i = 1; i < lines.size(); i++) {
      String before = lines.get(i - 1).stripTrailing();
      String line = lines.get(i).stripLeading();
      assertThat(
              !before.isEmpty()
                  && !line.isEmpty()
                  && wide(before.codePointBefore(before.length()))
                  && wide(line.codePointAt(0)))
          .as(
              "a run of wide characters cut between lines %d and %d:%n%s%n%s",
              i, i + 1, before, line)
          .isFalse();
    }
  }

  /** The columns a line takes on a terminal, wide (East Asian) characters taking two. */
  private static int columns(String line) {
    return line.codePoints().map(c -> wide(c) ? 2 : 1).sum();
  }

  private static boolean wide(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (c >= 0xFF01 && c <= 0xFF60);
  }

  @Test
  void helpOfANestedCommandDescribesIt() {
    Result r = runRaw("help", "event", "add");

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertOut(r).startsWith("Usage: talkbook event add").contains("--title=TEXT");
  }

  @Test
  void helpOfNoSuchCommandSaysSo() {
    Result r = runRaw("help", "event", "frobnicate");

    assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    assertErr(r).contains("There is no command \"event frobnicate\"");
    assertNoStackTrace(r);
  }

  @Test
  void noArgumentsPrintsTheUsageAndExitsZero() {
    Result r = runRaw();

    assertThat(r.exitCode()).isZero();
    assertOut(r).contains("Usage: talkbook").contains("Commands:");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void noArgumentsButANotebookPrintsTheUsageWithoutCreatingTheNotebook() {
    Result r = run();

    assertThat(r.exitCode()).isZero();
    assertOut(r).contains("Usage: talkbook");
    assertThat(notebook()).doesNotExist();
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of("unknown subcommand", new String[] {"frobnicate"}),
        Arguments.of("unknown option", new String[] {"events", "--colour"}),
        Arguments.of(
            "bad month and day",
            new String[] {"event", "add", "--title", "X", "--start", "2026-13-45"}),
        Arguments.of("not a date", new String[] {"event", "add", "--title", "X", "--end", "soon"}),
        Arguments.of(
            "bad talk time",
            new String[] {
              "talk", "add", "--event", "1", "--title", "T", "--at", "2026-11-24 25:00"
            }),
        Arguments.of("talk add without --event", new String[] {"talk", "add", "--title", "T"}),
        Arguments.of("option without its value", new String[] {"event", "add", "--title"}),
        Arguments.of("show without a talk", new String[] {"show"}),
        Arguments.of("search without a query", new String[] {"search"}),
        Arguments.of("restore without a revision", new String[] {"restore"}),
        Arguments.of("restore of a non-number", new String[] {"restore", "1", "newest"}),
        Arguments.of("too many arguments", new String[] {"events", "extra"}),
        Arguments.of("event without a subcommand", new String[] {"event"}),
        Arguments.of("talk without a subcommand", new String[] {"talk"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void wrongUsageExitsTwoWithAMessageAndNoStackTrace(String what, String[] args) {
    addEvent("Somewhere");

    Result r = misused(args);

    assertErr(r)
        .isNotBlank()
        .doesNotContain("Unmatched argument", "index", "is not a long", "is not an int")
        .doesNotContain("Missing required subcommand");
  }

  @Test
  void unknownSubcommandIsNamedInTheMessage() {
    Result r = misused("frobnicate");

    assertErr(r).contains("frobnicate");
  }

  @Test
  void badDateIsNamedInTheMessageAndNothingIsAdded() {
    Result r = misused("event", "add", "--title", "X", "--start", "2026-13-45");

    assertErr(r).contains("2026-13-45").contains("not a date like 2026-11-24");
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void missingRequiredOptionIsNamedInTheMessage() {
    Result r = misused("talk", "add", "--title", "T");

    assertErr(r).contains("--event");
  }

  @ParameterizedTest(name = "--notebook {0} the command")
  @ValueSource(strings = {"before", "after"})
  void notebookOptionWorksBeforeAndAfterTheCommand(String where) {
    String[] args = {"event", "add", "--title", "Placed " + where};
    Result added = where.equals("before") ? run(args) : runWithNotebookLast(args);
    assertThat(added.exitCode()).as("%s", added).isZero();

    Result events = where.equals("before") ? run("events") : runWithNotebookLast("events");

    assertThat(events.exitCode()).as("%s", events).isZero();
    assertOut(events).contains("Placed " + where);
    assertThat(notebook()).exists();
  }

  @Test
  void notebookOptionAfterANestedSubcommandIsUsed() {
    Result r = runWithNotebookLast("event", "add", "--title", "Nested");

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(events()).extracting(e -> e.title()).containsExactly("Nested");
  }

  @Test
  void twoNotebooksStaySeparate() {
    Path other = dir.resolve("other.talkbook");
    addEvent("In the first");

    Result r = runRaw("event", "add", "--title", "In the second", "--notebook", other.toString());

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertOut(ok("events")).contains("In the first").doesNotContain("In the second");
    assertOut(runRaw("--notebook", other.toString(), "events"))
        .contains("In the second")
        .doesNotContain("In the first");
  }

  @Test
  void sampleThenEventsListsTheSampleMeetup() {
    long id = addSample();

    Result r = ok("events");

    assertOut(r)
        .contains("ID", "DATES", "TALKS", "TITLE")
        .contains("JVM Evening (Talkbook sample meetup)")
        .contains("2026-03-12")
        .containsPattern("\\s" + id + "\\s+2026-03-12\\s+5\\s+JVM Evening");
  }

  @Test
  void sampleTwiceSaysWhereTheSampleIsAndAddsNothing() {
    long id = addSample();

    Result r = ok("sample");

    assertOut(r).contains("already in this notebook").contains("talkbook talks " + id);
    assertThat(events()).hasSize(1);
  }

  @Test
  void sampleThenTalksListsTheFiveTalksInOrder() {
    addSample();

    Result r = ok("talks");

    assertOut(r)
        .containsSubsequence(
            "JVM Evening",
            "2026-03-12 18:30",
            "Virtual threads in practice — Maren Holt  #java #concurrency",
            "SQLite everywhere",
            "Outlines that think",
            "Live coding without fear",
            "Accessible desktop apps — Lena Brandvold  #javafx #accessibility");
  }

  @Test
  void sampleThenTagsCountsTheTalksPerTag() {
    addSample();

    Result r = ok("tags");

    assertOut(r)
        .containsPattern("(?m)^\\s+2  java$")
        .containsPattern("(?m)^\\s+1  sqlite$")
        .containsPattern("(?m)^\\s+1  jshell$");
    assertThat(r.out().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).endsWith("java"));
  }

  @Test
  void sampleThenInfoSaysWhatTheNotebookHolds() {
    addSample();

    Result r = ok("info");

    assertOut(r)
        .contains("Notebook:    " + notebook().toAbsolutePath())
        .containsPattern("Events:\\s+1")
        .containsPattern("Talks:\\s+5")
        .containsPattern("Attachments:\\s+0")
        .doesNotContain("read-only");
  }

  @Test
  void infoOnANewPathSaysNotCreatedYetAndCreatesNothing() {
    Result r = ok("info");

    assertOut(r).contains(notebook().toAbsolutePath().toString()).contains("not created yet");
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void infoWithReadOnlySaysSo() {
    addSample();

    Result r = ok("--read-only", "info");

    assertOut(r).contains("(read-only)");
  }

  @Test
  void emptyNotebookListsNoEventsWithAHint() {
    long id = addEvent("Temp");
    ok("event", "delete", Long.toString(id), "--yes");

    assertOut(ok("events")).contains("No events yet").contains("talkbook sample");
    assertOut(ok("talks")).contains("No events yet");
    assertOut(ok("tags")).contains("No tags yet");
  }

  static Stream<Arguments> readingCommands() {
    return Stream.of(
        Arguments.of((Object) new String[] {"events"}),
        Arguments.of((Object) new String[] {"talks"}),
        Arguments.of((Object) new String[] {"talks", "1"}),
        Arguments.of((Object) new String[] {"tags"}),
        Arguments.of((Object) new String[] {"show", "1"}),
        Arguments.of((Object) new String[] {"show", "threads"}),
        Arguments.of((Object) new String[] {"search", "java"}),
        Arguments.of((Object) new String[] {"share", "1"}),
        Arguments.of((Object) new String[] {"history", "1"}),
        Arguments.of((Object) new String[] {"restore", "1", "1"}),
        Arguments.of((Object) new String[] {"event", "edit", "1", "--title", "X"}),
        Arguments.of((Object) new String[] {"event", "delete", "1", "--yes"}),
        Arguments.of((Object) new String[] {"talk", "add", "--event", "1", "--title", "T"}),
        Arguments.of((Object) new String[] {"talk", "edit", "1", "--title", "T"}),
        Arguments.of((Object) new String[] {"talk", "move", "1", "--position", "1"}),
        Arguments.of((Object) new String[] {"talk", "delete", "1", "--yes"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readingCommands")
  void commandsOnAMissingNotebookExitOneAndCreateNothing(String[] args) throws Exception {
    Path missing = dir.resolve("nowhere").resolve("missing.talkbook");
    String[] all =
        Stream.concat(Stream.of("--notebook", missing.toString()), Stream.of(args))
            .toArray(String[]::new);

    Result r = runRaw(all);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r)
        .contains("missing.talkbook")
        .contains("there is no such file")
        .contains("create one with: talkbook --notebook " + missing + " event add \"Its title\"")
        .contains("talkbook --notebook " + missing + " sample");
    assertThat(missing).doesNotExist();
    assertThat(missing.getParent()).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void addingAnEventCreatesTheNotebookInAFolderThatExists() {
    Path inDir = dir.resolve("n.talkbook");

    Result r = runRaw("--notebook", inDir.toString(), "event", "add", "--title", "First");

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(inDir).isRegularFile();
  }

  /**
   * Tester 9b: {@code --notebook nodir/x.talkbook event add X} quietly made the folder {@code
   * nodir}, so a typo in a script's path made a new folder and notebook. Each command that creates
   * a notebook now refuses a folder that is not there, saying so, and creates nothing.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"event add --title X", "sample", "import markdown MD"})
  void aCommandThatCreatesANotebookRefusesAFolderThatIsNotThere(String command) throws Exception {
    Path md = Files.createDirectories(dir.resolve("md"));
    Files.writeString(md.resolve("a.md"), "# A\n");
    Path nested = dir.resolve("nodir").resolve("sub").resolve("x.talkbook");
    String[] args =
        Stream.concat(
                Stream.of("--notebook", nested.toString()),
                Stream.of(command.split(" ")).map(a -> a.equals("MD") ? md.toString() : a))
            .toArray(String[]::new);

    Result r = runRaw(args);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r)
        .contains("x.talkbook")
        .contains("its folder " + nested.getParent() + " does not exist")
        .contains("mkdir -p " + nested.getParent());
    assertThat(dir.resolve("nodir")).doesNotExist();
  }

  @ParameterizedTest(name = "--read-only {0} the command")
  @ValueSource(strings = {"before", "after"})
  void readOnlyRefusesAWriteWithExitOneAndChangesNothing(String where) {
    long event = addEvent("Kept");
    String[] args = {"event", "edit", Long.toString(event), "--title", "Changed"};

    Result r =
        where.equals("before")
            ? run(Stream.concat(Stream.of("--read-only"), Stream.of(args)).toArray(String[]::new))
            : run(Stream.concat(Stream.of(args), Stream.of("--read-only")).toArray(String[]::new));

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r).contains("read-only");
    String title = peek(nb -> nb.events().get(event).title());
    assertThat(title).isEqualTo("Kept");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writesUnderReadOnly")
  void readOnlyRefusesEveryKindOfWrite(String[] args) {
    long event = addEvent("Kept");
    addTalk(event, "Stays");

    Result r = run(Stream.concat(Stream.of("--read-only"), Stream.of(args)).toArray(String[]::new));

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r).contains("read-only");
    assertThat(events()).hasSize(1);
    String talk = peek(nb -> nb.talks().get(1).title());
    assertThat(talk).isEqualTo("Stays");
  }

  static Stream<Arguments> writesUnderReadOnly() {
    return Stream.of(
        Arguments.of((Object) new String[] {"event", "add", "--title", "New"}),
        Arguments.of((Object) new String[] {"event", "delete", "1", "--yes"}),
        Arguments.of((Object) new String[] {"talk", "add", "--event", "1", "--title", "New"}),
        Arguments.of((Object) new String[] {"talk", "edit", "1", "--title", "Changed"}),
        Arguments.of((Object) new String[] {"talk", "move", "1", "--position", "1"}),
        Arguments.of((Object) new String[] {"talk", "delete", "1", "--yes"}),
        Arguments.of((Object) new String[] {"sample"}));
  }

  @Test
  void readOnlyStillReads() {
    addSample();

    Result r = ok("--read-only", "talks");

    assertOut(r).contains("Virtual threads in practice");
  }

  @Test
  void exportOfAMissingNotebookSaysHowToCreateOneAndWritesNothing() {
    Path missing = dir.resolve("my notes.talkbook");
    Path out = dir.resolve("md");

    Result r =
        runRaw("--notebook", missing.toString(), "export", "markdown", "--out", out.toString());

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertErr(r)
        .contains("there is no such file")
        .contains("talkbook --notebook \"" + missing + "\" event add \"Its title\"");
    assertThat(missing).doesNotExist();
  }

  @Test
  void theNotebookOptionsHelpSaysWhichCommandsCreateIt() {
    String help = runRaw("--help").out().replaceAll("\\s+", " ");

    assertThat(help)
        .doesNotContain("created if it does not exist")
        .contains("the window and the commands that write (event add, sample, import) create it")
        .contains("reading commands (events, talks, show, search, export, …) need an existing");
  }

  @Test
  void shellWordsAreQuotedOnlyWhenTheyNeedIt() {
    assertThat(TalkbookCommand.shellWord("/tmp/n.talkbook")).isEqualTo("/tmp/n.talkbook");
    assertThat(TalkbookCommand.shellWord("/tmp/my notes.talkbook"))
        .isEqualTo("\"/tmp/my notes.talkbook\"");
    assertThat(TalkbookCommand.shellWord("C:\\Users\\me\\n.talkbook"))
        .isEqualTo("\"C:\\Users\\me\\n.talkbook\"");
    assertThat(TalkbookCommand.shellWord("/tmp/it's $HOME")).isEqualTo("'/tmp/it'\\''s $HOME'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sample", "event add --title X"})
  void readOnlyOnAMissingNotebookSaysThereIsNoSuchFileAndCreatesNothing(String command) {
    Path missing = dir.resolve("new folder").resolve("n.talkbook");
    String[] args =
        Stream.concat(
                Stream.of("--read-only", "--notebook", missing.toString()),
                Stream.of(command.split(" ")))
            .toArray(String[]::new);

    Result r = runRaw(args);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r)
        .contains("n.talkbook")
        .contains("there is no such file")
        .contains("create it without --read-only");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void aFileThatIsNotANotebookIsRefusedAndLeftAlone() throws Exception {
    Files.writeString(notebook(), "just some text, not a notebook\n");

    Result r = refused("events");

    assertErr(r).contains("not a Talkbook notebook");
    assertThat(notebook()).hasContent("just some text, not a notebook");
  }

  @Test
  void aNotebookPathThatIsAFolderIsRefused() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder.talkbook"));

    Result r = runRaw("--notebook", folder.toString(), "events");

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r).contains("it is a folder");
  }

  /**
   * {@code --notebook ""} (an unset variable in {@code --notebook "$NB"}) would be the current
   * folder: refused as a usage mistake naming the option, before any notebook is opened, wherever
   * the option stands and for any command, and for the window's start (no command).
   */
  static Stream<Arguments> emptyNotebookValues() {
    Stream.Builder<Arguments> all = Stream.builder();
    String[][] commands = {
      {}, {"events"}, {"talks"}, {"show", "1"}, {"search", "x"}, {"info"}, {"event", "add", "T"}
    };
    for (String value : new String[] {"", " ", "   "}) {
      for (String[] command : commands) {
        if (!value.isEmpty() && command.length > 0 && command[0].equals("event")) {
          continue; // the old code made a notebook named "   " in the working folder
        }
        all.add(Arguments.of(value, command, true));
        if (command.length > 0) {
          all.add(Arguments.of(value, command, false));
        }
      }
    }
    return all.build();
  }

  @ParameterizedTest(name = "--notebook \"{0}\" {1}, option first: {2}")
  @MethodSource("emptyNotebookValues")
  void anEmptyNotebookPathIsRefusedNamingTheOption(
      String value, String[] command, boolean optionFirst) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
    args.addAll(optionFirst ? 0 : args.size(), java.util.List.of("--notebook", value));

    Result r = runRaw(args.toArray(String[]::new));

    assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    assertNoStackTrace(r);
    assertThat(r.err().lines().findFirst())
        .as("%s", r)
        .contains(
            "Invalid value for option '--notebook': it is empty; name the notebook file"
                + " (--notebook PATH), or leave the option out for the default notebook.");
    assertErr(r).doesNotContain("Cannot open", "it is a folder");
    assertOut(r).isEmpty();
    // The usage that follows is the command's, or talkbook's with every command: before, the
    // option ahead of a command showed talkbook's usage listing that command alone.
    if (command.length > 0) {
      assertErr(r)
          .contains("Usage: talkbook " + command[0] + " ")
          .doesNotContain("Usage: talkbook [");
    } else {
      assertErr(r).contains("Usage: talkbook [", "  events ", "  talks ", "  share ");
    }
  }

  @Test
  void aNotebookBelowAFileIsRefusedNamingTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

    Result r = runRaw("--notebook", file.resolve("n.talkbook").toString(), "sample");

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertErr(r)
        .contains("its folder cannot be created: " + file + " is a file, not a folder.")
        .contains("Choose a folder you can write to.");
    assertThat(file).hasContent("mine");
  }

  @Test
  void userErrorsAreOneLineMessagesPrefixedWithTalkbook() {
    addEvent("E");

    Result r = refused("show", "42");

    assertErr(r).startsWith("talkbook: ").contains("There is no talk with id 42.");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void checkSaysASoundNotebookIsSound() {
    addSample();
    assertOut(ok("check")).contains("is sound");
  }

  @Test
  void aCommandLineForACommandHoldsOnlyThatCommand() {
    assertThat(TalkbookCommand.forArguments("--notebook", "x.talkbook", "info").getSubcommands())
        .containsOnlyKeys("info");
    assertThat(TalkbookCommand.forArguments("search", "-word", "info").getSubcommands())
        .containsOnlyKeys("search");
  }

  @Test
  void theCommandIsFoundPastTheOptionsAndTheirValues() {
    assertThat(TalkbookCommand.commandIn("--notebook", "info", "search", "x")).contains("search");
    assertThat(TalkbookCommand.commandIn("--notebook=events", "--read-only", "talks"))
        .contains("talks");
    assertThat(TalkbookCommand.commandIn("--read-only", "show", "1")).contains("show");
    assertThat(TalkbookCommand.commandIn("--notebook", "n.talkbook")).isEmpty();
    assertThat(TalkbookCommand.commandIn()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "frobnicate", "--help", "--version", "@args.txt"})
  void argumentsThatNameNoCommandGetEveryCommand(String arg) {
    assertThat(TalkbookCommand.commandIn(arg)).isEmpty();
    assertThat(TalkbookCommand.forArguments(arg).getSubcommands().keySet())
        .containsExactlyElementsOf(TalkbookCommand.commandLine().getSubcommands().keySet())
        .contains("events", "info", "search", "export", "import", "run", "help");
  }

  @Test
  void everyCommandIsRegisteredUnderTheNameItsAnnotationGives() {
    TalkbookCommand.commandLine()
        .getSubcommands()
        .forEach(
            (name, command) -> {
              String declared =
                  command
                      .getCommandSpec()
                      .userObject()
                      .getClass()
                      .getAnnotation(picocli.CommandLine.Command.class)
                      .name();
              assertThat(declared).as("the @Command name of %s", name).isEqualTo(name);
              assertThat(TalkbookCommand.forArguments(name, "--help").getSubcommands())
                  .as("the command line for %s", name)
                  .containsOnlyKeys(
                      name.equals("help")
                          ? TalkbookCommand.commandLine()
                              .getSubcommands()
                              .keySet()
                              .toArray(String[]::new)
                          : new String[] {name});
            });
  }

  @Test
  void theHelpOfAMistypedCommandStillSuggestsTheRightOne() {
    Result r = misused("serch", "x");

    assertErr(r).contains("serch").contains("search");
  }
}
