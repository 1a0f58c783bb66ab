package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's output arrives whole when {@code talkbook} runs as a process of its own and
 * exits: {@code show} and {@code history --show} byte for byte for notes of every awkward size,
 * with and without a final newline, and the messages of refusals and usage mistakes.
 */
@Timeout(600)
class OutputArrivesWholeTest {
  @TempDir static Path dir;
  private static Path notebook;
  private static long event;

  /** The notes sizes the issue names: empty, one byte, 8 KB ± 1, 3 MB. */
  static Stream<Arguments> notes() {
    List<Arguments> cases = new ArrayList<>();
    for (int size : new int[] {0, 1, 8191, 8192, 8193, 3_000_060}) {
      for (boolean finalNewline : new boolean[] {false, true}) {
        if (size == 0 && finalNewline) {
          continue;
        }
        cases.add(Arguments.of(size, finalNewline));
      }
    }
    cases.add(Arguments.of(1, true)); // a note that is only "\n"
    return cases.stream().distinct();
  }

  /** {@code size} bytes of ASCII text in lines, ending in a newline or not. */
  static String text(int size, boolean finalNewline) {
    StringBuilder b = new StringBuilder(size);
    int line = 0;
    while (b.length() < size) {
      b.append(line % 7 == 0 ? "" : "- point " + line + " of the talk, with some words")
          .append('\n');
      line++;
    }
    b.setLength(size);
    if (size > 0) {
      b.setCharAt(size - 1, finalNewline ? '\n' : 'x');
    }
    return b.toString();
  }

  @BeforeAll
  static void notebookWithOneEvent() {
    notebook = dir.resolve("whole.talkbook");
    assertThat(
            TalkbookCommand.run("--notebook", notebook.toString(), "event", "add", "--title", "M"))
        .isZero();
    event = 1;
  }

  private long talkWith(String notes) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "notes", ".md"), notes);
    CliTest.Result r =
        CliTest.runRaw(
            "--notebook",
            notebook.toString(),
            "talk",
            "add",
            "--event",
            Long.toString(event),
            "--title",
            "Talk of " + notes.length(),
            "--notes-file",
            file.toString());
    assertThat(r.exitCode()).as("%s", r).isZero();
    return r.idAfter("Added talk");
  }

  @ParameterizedTest(name = "{0} bytes, final newline {1}")
  @MethodSource("notes")
  void showPrintsTheNotesByteForByte(int size, boolean finalNewline) throws Exception {
    String notes = size == 1 && finalNewline ? "\n" : text(size, finalNewline);
    long talk = talkWith(notes);

    ChildTalkbook.Output r =
        ChildTalkbook.run("--notebook", notebook.toString(), "show", Long.toString(talk));

    assertThat(r.exitCode()).as("%s", r).isZero();
    // into a pipe as stored, a final line break or not (only a terminal gets one added)
    assertSameBytes(r.out(), notes.getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest(name = "{0} bytes, final newline {1}")
  @MethodSource("notes")
  void historyShowPrintsTheRevisionByteForByte(int size, boolean finalNewline) throws Exception {
    String notes = size == 1 && finalNewline ? "\n" : text(size, finalNewline);
    if (notes.isEmpty()) {
      return; // an empty text is never kept as a revision
    }
    long talk = talkWith(notes);
    Path other = Files.writeString(dir.resolve("other.md"), "replaced\n");
    assertThat(
            TalkbookCommand.run(
                "--notebook",
                notebook.toString(),
                "talk",
                "edit",
                Long.toString(talk),
                "--notes-file",
                other.toString()))
        .isZero();
    long revision = oldestRevision(talk);

    ChildTalkbook.Output r =
        ChildTalkbook.run(
            "--notebook",
            notebook.toString(),
            "history",
            Long.toString(talk),
            "--show",
            Long.toString(revision));

    assertThat(r.exitCode()).as("%s", r).isZero();
    // into a pipe as kept, a final line break or not, as show prints notes (only a terminal gets
    // one added): "history N --show R > F" then "talk edit N --notes-file F" gives the text back
    assertSameBytes(r.out(), notes.getBytes(StandardCharsets.US_ASCII));
  }

  /** Compares without printing megabytes: the lengths, then the first byte that differs. */
  private static void assertSameBytes(byte[] actual, byte[] expected) {
    assertThat(actual.length).as("bytes printed").isEqualTo(expected.length);
    assertThat(java.util.Arrays.mismatch(actual, expected))
        .as("first differing byte")
        .isEqualTo(-1);
  }

  private long oldestRevision(long talk) {
    CliTest.Result r =
        CliTest.runRaw("--notebook", notebook.toString(), "history", Long.toString(talk));
    assertThat(r.exitCode()).as("%s", r).isZero();
    List<String> lines = r.out().lines().filter(l -> l.matches("\\s*\\d+\\s.*")).toList();
    return Long.parseLong(lines.get(lines.size() - 1).strip().split("\\s+")[0]);
  }

  @Test
  void aRefusalsMessageArrivesWhole() {
    ChildTalkbook.Output r = ChildTalkbook.run("--notebook", notebook.toString(), "show", "999");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errText()).isEqualTo("talkbook: There is no talk with id 999.\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aUsageMistakesMessageArrivesWhole() {
    ChildTalkbook.Output r = ChildTalkbook.run("--notebook", notebook.toString(), "shwo");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errText())
        .isEqualTo(
            "Unknown command 'shwo'. Run talkbook --help for the commands.\n"
                + "Did you mean: talkbook show or talkbook share?\n");
  }

  @Test
  void listingsArriveWhole() {
    CliTest.Result inProcess = CliTest.runRaw("--notebook", notebook.toString(), "talks");
    ChildTalkbook.Output r = ChildTalkbook.run("--notebook", notebook.toString(), "talks");

    assertThat(r.exitCode()).isZero();
    assertThat(r.outText()).isEqualTo(inProcess.out());
  }
}
