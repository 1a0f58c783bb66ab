package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code show TALK [--details]}: finding a talk by id or by part of its title. */
class ShowCommandTest extends CliTest {

  private long event;

  private long talkWithNotes(String title, String notes, String... more) throws Exception {
    Path file =
        Files.writeString(dir.resolve(title.hashCode() + ".md"), notes, StandardCharsets.UTF_8);
    String[] args = new String[more.length + 2];
    args[0] = "--notes-file";
    args[1] = file.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    if (event == 0) {
      event = addEvent("Meetup");
    }
    return addTalk(event, title, args);
  }

  @Test
  void showByIdPrintsTheNotes() throws Exception {
    long id = talkWithNotes("Parsing", "# Parsing\n\n- tokens\n  - lexer\n");

    Result r = ok("show", Long.toString(id));

    assertThat(r.out()).isEqualTo("# Parsing\n\n- tokens\n  - lexer\n");
  }

  @Test
  void showIntoAFileOrPipeWritesNotesWithoutAFinalNewlineAsStored() throws Exception {
    long id = talkWithNotes("No newline", "last line");

    assertThat(ok("show", Long.toString(id)).out()).isEqualTo("last line");
  }

  @Test
  void showOnATerminalEndsNotesWithoutAFinalNewlineOnANewLine() throws Exception {
    long id = talkWithNotes("No newline", "last line");
    String[] args = {"--notebook", notebook().toString(), "show", Long.toString(id)};
    picocli.CommandLine cl = TalkbookCommand.forArguments(args);
    java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
    cl.setOut(
        CommandOutput.on(
            terminal, s -> new java.io.OutputStreamWriter(s, StandardCharsets.UTF_8), true));
    cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));

    assertThat(TalkbookCommand.execute(cl, args)).isZero();
    assertThat(terminal.toString(StandardCharsets.UTF_8))
        .isEqualTo("last line" + System.lineSeparator());
  }

  /** The cut-notes banner's round trip: {@code show N > F; talk edit N --notes-file F}. */
  @ParameterizedTest
  @ValueSource(strings = {"last line", "last line\n", "two\n\n", "a\r\nb", "# T\n\n- x", " "})
  void notesShownIntoAFileAndPutBackStayByteForByteTheSame(String notes) throws Exception {
    long id = talkWithNotes("Round trip", "first");
    Path file = dir.resolve("shown.md");
    Files.writeString(file, notes, StandardCharsets.UTF_8);
    ok("talk", "edit", Long.toString(id), "--notes-file", file.toString());
    String stored = storedNotes(id);

    for (int i = 0; i < 3; i++) {
      Files.writeString(file, ok("show", Long.toString(id)).out(), StandardCharsets.UTF_8);
      run("talk", "edit", Long.toString(id), "--notes-file", file.toString());
    }

    assertThat(storedNotes(id)).isEqualTo(stored);
  }

  private String storedNotes(long id) {
    return peek(nb -> nb.talks().get(id).body());
  }

  @Test
  void showOfATalkWithoutNotesOrAbstractSaysSoOnStandardError() {
    long e = addEvent("Meetup");
    long id = addTalk(e, "Empty");

    Result r = ok("show", Long.toString(id));

    assertOut(r).isEmpty();
    assertErr(r)
        .isEqualTo(
            "This talk has no notes yet (add some in the window, or with: talkbook talk edit "
                + id
                + " --notes-file FILE)."
                + System.lineSeparator());
  }

  @Test
  void showOfATalkWithNotesSaysNothingElse() throws Exception {
    long id = talkWithNotes("Parsing", "# Parsing\n");

    Result r = ok("show", Long.toString(id));

    assertOut(r).isEqualTo("# Parsing\n");
    assertErr(r).isEmpty();
  }

  @Test
  void showSaysOnStandardErrorWhichOutputsAreOutOfDate() throws Exception {
    String stamp = dev.talkbook.core.markdown.CodeStamp.of("new Point(3, 4)");
    String notes =
        "# Records\n\n```java\nnew Point(7, 24)\n```\n```output code="
            + stamp
            + "\nPoint[x=3, y=4]\n```\n\n```java\nint x = 1;\n```\n```output\nkept\n```\n";
    long id = talkWithNotes("Records", notes);

    Result r = ok("show", Long.toString(id));

    assertOut(r).isEqualTo(notes); // the notes stay alone on standard output
    assertErr(r)
        .isEqualTo(
            "Out of date: the output of the code at line 3: the code changed since it ran"
                + " (talkbook run "
                + id
                + " --write runs it again)."
                + System.lineSeparator());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Virtual threads in practice", "virtual", "THREADS IN", "  practice  "})
  void showByPartOfTheTitleIgnoringCase(String ref) throws Exception {
    talkWithNotes("Virtual threads in practice", "vt notes\n");
    talkWithNotes("SQLite everywhere", "sqlite notes\n");

    Result r = ok("show", ref);

    assertThat(r.out()).isEqualTo("vt notes\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void anEmptyTalkIsRefusedNotTakenAsAmbiguous(String ref) throws Exception {
    talkWithNotes("Virtual threads in practice", "vt notes\n");
    talkWithNotes("SQLite everywhere", "sqlite notes\n");

    Result r = refused("show", ref);

    assertErr(r)
        .contains("Name the talk by its id or a part of its title", "talkbook talks")
        .doesNotContain("matches", "Virtual threads");
    assertOut(r).isEmpty();
  }

  @Test
  void anExactTitleWinsOverLongerTitlesContainingIt() throws Exception {
    talkWithNotes("Java", "just java\n");
    talkWithNotes("Java in the wild", "wild\n");

    assertThat(ok("show", "java").out()).isEqualTo("just java\n");
  }

  @Test
  void aTitleWithNonAsciiCapitalsIsFoundByTitle() throws Exception {
    talkWithNotes("\u00dcber \u00d6lfelder", "notes\n");

    assertThat(ok("show", "\u00dcber \u00d6lfelder").out()).isEqualTo("notes\n");
    assertThat(ok("show", "\u00f6lfelder").out()).isEqualTo("notes\n");
  }

  @Test
  void aTitleWithNonAsciiLowercaseLettersIsFoundIgnoringCase() throws Exception {
    talkWithNotes("caf\u00e9 culture", "notes\n");

    assertThat(ok("show", "CAF\u00c9").out()).isEqualTo("notes\n");
  }

  @Test
  void anAmbiguousTitleListsTheCandidatesAndExitsOne() throws Exception {
    long a = talkWithNotes("Testing in Java", "a\n");
    long b = talkWithNotes("Testing in Go", "b\n");
    talkWithNotes("Something else", "c\n");

    Result r = refused("show", "testing");

    assertErr(r)
        .contains("\"testing\" matches 2 talks; name one by id:")
        .containsPattern("\\s" + a + "\\s+Testing in Java")
        .containsPattern("\\s" + b + "\\s+Testing in Go")
        .doesNotContain("Something else");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownIdExitsOne() throws Exception {
    talkWithNotes("Only", "x\n");

    Result r = refused("show", "999");

    assertErr(r).contains("There is no talk with id 999.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aTalkTitledWithANumberIsFoundByThatTitle() throws Exception {
    talkWithNotes("1984", "orwell\n");

    assertThat(ok("show", "1984").out()).isEqualTo("orwell\n");
  }

  @Test
  void anIdWinsOverATitleWithTheSameNumber() throws Exception {
    long first = talkWithNotes("First", "first notes\n");
    talkWithNotes(Long.toString(first), "titled with the first's id\n");

    assertThat(ok("show", Long.toString(first)).out()).isEqualTo("first notes\n");
  }

  @Test
  void anUnknownIdIsNotLookedUpAsPartOfATitle() throws Exception {
    talkWithNotes("Java 21 in practice", "x\n");

    Result r = refused("show", "21");

    assertErr(r).contains("There is no talk with id 21.");
  }

  @Test
  void anUnknownTitleExitsOne() throws Exception {
    talkWithNotes("Only", "x\n");

    Result r = refused("show", "kubernetes");

    assertErr(r).contains("No talk has \"kubernetes\" in its title.");
  }

  @Test
  void detailsPrintsTheTalksFieldsBeforeTheNotes() throws Exception {
    long id =
        talkWithNotes(
            "Structured concurrency",
            "notes here\n",
            "--speaker",
            "Grace Hopper",
            "--speaker",
            "Ada Lovelace",
            "--at",
            "2026-11-24T14:30",
            "--room",
            "Room B",
            "--slides",
            "https://example.org/s",
            "--tag",
            "java");

    Result r = ok("show", Long.toString(id), "--details");

    assertOut(r)
        .containsSubsequence(
            "Title:    Structured concurrency",
            "Event:    Meetup",
            "Speakers: Grace Hopper, Ada Lovelace",
            "Time:     2026-11-24 14:30",
            "Room:     Room B",
            "Slides:   https://example.org/s",
            "Tags:     java",
            "notes here")
        .doesNotContain("Video:");
  }

  /** A programme with one talk, "Records", whose abstract has a line break, a tag and stars. */
  private void importICalendarProgramme() throws Exception {
    Path ics =
        Files.writeString(
            dir.resolve("prog.ics"),
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//EN
            X-WR-CALNAME:JUG Night
            BEGIN:VEVENT
            UID:a1@test
            DTSTART:20261201T180000Z
            SUMMARY:Records
            DESCRIPTION:Line one\\nLine two with <b>tag</b> and *stars*
            END:VEVENT
            END:VCALENDAR
            """
                .replace("\n", "\r\n"));
    ok("import", "schedule", ics.toString());
  }

  @Test
  void detailsPrintAnICalendarAbstractAsTextWithoutMarkdownEscapes() throws Exception {
    importICalendarProgramme();

    Result r = ok("show", "Records", "--details");

    assertOut(r)
        .contains("Abstract:\n  Line one\n  Line two with <b>tag</b> and *stars*\n")
        .doesNotContain("\\", "one  ");
  }

  @Test
  void aTalkWithoutNotesPrintsItsICalendarAbstractAsTextWithoutMarkdownEscapes() throws Exception {
    importICalendarProgramme();

    Result r = ok("show", "Records");

    assertOut(r).isEqualTo("Line one\nLine two with <b>tag</b> and *stars*\n");
    assertErr(r).contains("the programme's abstract");
  }

  @Test
  void sampleTalkCanBeShownByTitle() {
    addSample();

    Result r = ok("show", "SQLite everywhere");

    assertOut(r).startsWith("# SQLite everywhere").contains("WAL mode");
  }
}
