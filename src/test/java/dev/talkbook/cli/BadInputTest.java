package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talkbook.core.notebook.Talk;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the command line: a clear message, no trace, exit 1 (2 for usage), the notebook (or
 * the file that is not one) untouched.
 */
class BadInputTest extends CliTest {

  // --- notes too large to hold -------------------------------------------------------------

  @Test
  @Timeout(30)
  void notesFromDevZeroAreRefusedWhileReading() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    long event = addEvent("Meetup");
    Path notes = Files.writeString(dir.resolve("n.md"), "kept\n");
    long talk = addTalk(event, "Talk", "--notes-file", notes.toString());

    Result edit = refused("talk", "edit", Long.toString(talk), "--notes-file", "/dev/zero");
    Result add =
        refused(
            "talk",
            "add",
            "--event",
            Long.toString(event),
            "--title",
            "Zero",
            "--notes-file",
            "/dev/zero");

    for (Result r : List.of(edit, add)) {
      assertErr(r)
          .contains("/dev/zero")
          .contains("longer than 20 million characters")
          .contains("Nothing was changed")
          .doesNotContain("OutOfMemoryError");
    }
    assertOut(ok("show", Long.toString(talk))).isEqualTo("kept\n");
    assertThat(talkCount()).isEqualTo(1);
  }

  @Test
  @Timeout(30)
  void endlessStandardInputIsRefusedWhileReading() throws Exception {
    long event = addEvent("Meetup");
    long talk = addTalk(event, "Talk");
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            return len;
          }
        };
    InputStream stdin = System.in;
    System.setIn(endless);
    try {
      Result r = refused("talk", "edit", Long.toString(talk), "--notes-file", "-");
      assertErr(r).contains("standard input").contains("longer than 20 million characters");
    } finally {
      System.setIn(stdin);
    }
    assertOut(ok("show", Long.toString(talk))).isEmpty();
  }

  @Test
  void aFolderAsNotesFileIsRefused() {
    long event = addEvent("Meetup");
    Result r =
        refused(
            "talk",
            "add",
            "--event",
            Long.toString(event),
            "--title",
            "T",
            "--notes-file",
            dir.toString());
    assertErr(r).contains("Cannot read " + dir).contains("Nothing was changed");
  }

  // --- a SQLite file that is not a notebook ---------------------------------------------------

  static Stream<Arguments> commandsOnAForeignFile() {
    List<List<String>> commands =
        List.of(
            List.of("info"),
            List.of("events"),
            List.of("talks"),
            List.of("show", "1"),
            List.of("search", "anything"),
            List.of("tags"),
            List.of("history", "1"),
            List.of("check"),
            List.of("check", "--repair"),
            List.of("event", "add", "--title", "New"),
            List.of("sample"),
            List.of("--read-only", "info"));
    return Stream.of("empty", "wal", "tables")
        .flatMap(kind -> commands.stream().map(c -> Arguments.of(kind, c)));
  }

  /** A SQLite database made by another program: empty, empty in WAL mode, or with a table. */
  private Path foreignDatabase(String kind) throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      if (kind.equals("wal")) {
        s.execute("PRAGMA journal_mode = WAL");
      }
      s.executeUpdate("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)");
      if (kind.equals("tables")) {
        s.executeUpdate("INSERT INTO customer (name) VALUES ('Ada')");
      } else {
        s.executeUpdate("DROP TABLE customer");
      }
    }
    return file;
  }

  @ParameterizedTest(name = "{0} database: {1}")
  @MethodSource("commandsOnAForeignFile")
  void aDatabaseOfAnotherProgramIsNeverChanged(String kind, List<String> command) throws Exception {
    Path file = foreignDatabase(kind);
    byte[] before = Files.readAllBytes(file);
    List<Path> besideBefore = filesIn(dir);

    List<String> args = new java.util.ArrayList<>(List.of("--notebook", file.toString()));
    args.addAll(command);
    Result r = runRaw(args.toArray(String[]::new));

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r).contains("Talkbook did not make").contains("left this file as it is");
    assertThat(Files.readAllBytes(file)).as("bytes of %s", file).isEqualTo(before);
    assertThat(filesIn(dir)).as("files beside it").isEqualTo(besideBefore);
  }

  private static List<Path> filesIn(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  // --- control characters in one-line fields --------------------------------------------------

  static Stream<Arguments> controlCharacters() {
    return Stream.of(
        Arguments.of("ESC", "Clear\u001b[2Jscreen", "ESC (U+001B)"),
        Arguments.of("BEL", "Ring\u0007ring", "BEL (U+0007)"),
        Arguments.of("RLO", "txt.\u202Eexe", "right-to-left override (U+202E)"),
        Arguments.of("C1", "Next\u0085line", "U+0085"),
        Arguments.of("isolate", "a\u2066b", "U+2066"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controlCharacters")
  void controlCharactersAreRefusedAtTheDoor(String name, String value, String said) {
    long event = addEvent("Meetup");
    long talk = addTalk(event, "Plain");
    String e = Long.toString(event);
    String t = Long.toString(talk);

    for (String[] args :
        List.of(
            new String[] {"event", "add", "--title", value},
            new String[] {"event", "edit", e, "--title", value},
            new String[] {"event", "edit", e, "--location", value},
            new String[] {"talk", "add", "--event", e, "--title", value},
            new String[] {"talk", "edit", t, "--title", value},
            new String[] {"talk", "edit", t, "--speaker", value},
            new String[] {"talk", "edit", t, "--room", value},
            new String[] {"talk", "edit", t, "--tag", value})) {
      Result r = refused(args);
      assertErr(r).contains(said).contains("not text").doesNotContain("\u001b", "\u0007");
    }
    assertThat(events())
        .singleElement()
        .satisfies(ev -> assertThat(ev.title()).isEqualTo("Meetup"));
    Talk plain = peek(nb -> nb.talks().get(talk));
    assertThat(plain.details()).isEqualTo(Talk.Details.titled("Plain"));
  }

  @Test
  void aTitleStoredWithControlCharactersByAnOlderTalkbookIsReadWithoutThem() throws Exception {
    long event = addEvent("Meetup");
    long talk = addTalk(event, "Plain");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notebook());
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE talk SET title = 'Old\u001b[2J\u0007 title', speakers = 'Ada\u202E' WHERE id = "
              + talk);
      s.executeUpdate("UPDATE event SET title = '\u001b' WHERE id = " + event);
    }

    assertOut(ok("talks")).contains("Old[2J title").doesNotContain("\u001b", "\u0007");
    assertOut(ok("show", Long.toString(talk), "--details"))
        .contains("Title:    Old[2J title")
        .contains("Speakers: Ada\n")
        .contains("Event:    Untitled");
    ok("talk", "edit", Long.toString(talk), "--title", "Fixed");
    String title = peek(nb -> nb.talks().get(talk).title());
    assertThat(title).isEqualTo("Fixed");
  }

  // --- a terminal gets no raw control characters ----------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"\u001b[2J", "\u0007", "\u202E", "\u009b", "\b", "\r"})
  void aTerminalIsShownControlCharactersNotSentThem(String control) throws Exception {
    StringWriter screen = new StringWriter();
    try (TerminalWriter w = new TerminalWriter(screen)) {
      w.write("before" + control + "after\tcolumn\r\nnext line\n");
    }
    String shown = screen.toString();
    assertThat(
            shown
                .codePoints()
                .filter(
                    c ->
                        dev.talkbook.core.notebook.ControlCharacters.isControl(c)
                            && c != '\n'
                            && c != '\t'
                            && c != '\r')
                .count())
        .isZero();
    assertThat(shown).contains("before").contains("after\tcolumn\r\nnext line\n");
    assertThat(shown.indexOf('\r')).isEqualTo(shown.indexOf("\r\n"));
  }

  @Test
  void controlPicturesStandInForTheCommonOnes() throws Exception {
    StringWriter screen = new StringWriter();
    try (TerminalWriter w = new TerminalWriter(screen)) {
      w.write("a\u001bb\u0007c\u202Ed");
    }
    assertThat(screen.toString()).isEqualTo("a\u241bb\u2407c<U+202E>d");
  }

  // --- Markdown round trip -------------------------------------------------------------------

  @Test
  void controlCharactersInANotesOwnFrontMatterSurviveTheMarkdownRoundTrip() throws Exception {
    long event = addEvent("Meetup");
    String notes = "---\nmood: \"tired\\a and \\e[1mbold\"\n---\n# Body\n";
    Path file = Files.writeString(dir.resolve("n.md"), notes);
    addTalk(event, "With front matter", "--notes-file", file.toString());
    Path out = dir.resolve("md");

    ok("export", "markdown", "--out", out.toString());
    String exported;
    try (var files = Files.walk(out)) {
      Path md =
          files
              .filter(f -> f.getFileName().toString().endsWith("front-matter.md"))
              .findFirst()
              .orElseThrow();
      exported = Files.readString(md, StandardCharsets.UTF_8);
    }
    assertThat(exported).doesNotContain("!!binary").contains("mood:");

    Path other = dir.resolve("other.talkbook");
    Result imported = runRaw("--notebook", other.toString(), "import", "markdown", out.toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    Result shown = runRaw("--notebook", other.toString(), "show", "With front matter");
    assertThat(shown.out()).isEqualTo(notes).doesNotContain("[B@");
  }

  @Test
  void aBinaryTitleFromAnOlderExportIsReadAsTextAndExplained() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("old-export/2026 Meetup"));
    Files.writeString(folder.resolve("_index.md"), "---\ntitle: Meetup\n---\n");
    String base64 =
        java.util.Base64.getEncoder()
            .encodeToString("Bad\u001btitle".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        folder.resolve("01-bad.md"), "---\ntitle: !!binary |-\n  " + base64 + "\n---\nnotes\n");

    Result r = run("import", "markdown", dir.resolve("old-export").toString());

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertNoStackTrace(r);
    assertErr(r).contains("01-bad.md").contains("ESC (U+001B)").doesNotContain("[B@");
  }
}
