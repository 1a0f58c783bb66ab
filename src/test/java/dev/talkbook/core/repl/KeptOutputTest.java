package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeptOutputTest {

  /** {@code n} lines "line 0" … "line n-1", each ended by a line break. */
  private static String lines(int n) {
    return IntStream.range(0, n).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  @ParameterizedTest(name = "{0} with {1} lines, {2} chars: from {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a\\nb\\nc\\n       | 2  | 100 | 2
          a\\nb\\nc         | 2  | 100 | 2
          a\\nb\\nc\\n       | 5  | 100 | 0
          abc             | 1  | 100 | 0
          \\n\\n\\n          | 1  | 100 | 2
          aaaa\\nbbbb\\ncccc\\n | 10 | 10  | 5
          aaaa\\nbbbb\\ncccc\\n | 10 | 9   | 10
          abcdefghij      | 10 | 4   | 6
          """)
  void theNewestLinesStartWhereALineStarts(String text, int lines, int chars, int start) {
    String t = text.strip().replace("\\n", "\n");
    assertThat(KeptOutput.tailStart(t, lines, chars)).isEqualTo(start);
  }

  @Test
  void anEmptyTextIsKeptWhole() {
    assertThat(KeptOutput.tailStart("", 1, 1)).isZero();
    assertThat(KeptOutput.forNotes("", 0, 0)).isEmpty();
  }

  @Test
  void aCutInOneLongLineIsNotMadeInsideASurrogatePair() {
    String text = "ab" + "😀".repeat(10); // 22 chars, pairs at 2-3, 4-5, ...
    int start = KeptOutput.tailStart(text, 5, 5);
    assertThat(Character.isLowSurrogate(text.charAt(start))).isFalse();
    assertThat(text.length() - start).isLessThanOrEqualTo(5);
  }

  @Test
  void aShortOutputIsKeptAsItIs() {
    String text = lines(200);
    assertThat(KeptOutput.forNotes(text, 0, 0)).isSameAs(text);
  }

  @Test
  void aLongOutputKeepsItsLast200LinesAfterALineSayingHowManyWereNotKept() {
    String text = lines(87_400);
    String kept = KeptOutput.forNotes(text, 0, 0);
    assertThat(kept)
        .startsWith("… 87,200 earlier lines not kept (87,400 in all)\nline 87200\n")
        .endsWith("line 87399\n");
    assertThat(kept.split("\n", -1)).hasSize(1 + 200 + 1);
    assertThat(kept.length()).isLessThanOrEqualTo(KeptOutput.NOTES_CHARS + 200);
    assertThat(KeptOutput.fitsNotes(kept)).isTrue();
  }

  @Test
  void linesTheReplDroppedAlreadyCountInTheWhole() {
    String kept = KeptOutput.forNotes(lines(87_400), 912_600, 10_840_314);
    assertThat(kept).startsWith("… 999,800 earlier lines not kept (1,000,000 in all)\n");
  }

  @Test
  void longLinesAreCutByCharactersAtALineStart() {
    String line = "x".repeat(99) + "\n";
    String kept = KeptOutput.forNotes(line.repeat(300), 0, 0);
    // 16,384 characters hold 163 lines of 100
    assertThat(kept).startsWith("… 137 earlier lines not kept (300 in all)\n" + line);
    assertThat(kept.length()).isLessThanOrEqualTo(KeptOutput.NOTES_CHARS + 200);
  }

  @Test
  void oneLineLongerThanTheCapKeepsItsEnd() {
    String kept = KeptOutput.forNotes("y".repeat(40_000) + "\n", 0, 0);
    assertThat(kept).startsWith("… the first 23,617 characters of this line not kept\ny");
    assertThat(kept).hasSize(kept.indexOf('\n') + 1 + KeptOutput.NOTES_CHARS);
    String after = KeptOutput.forNotes("a\nb\n" + "y".repeat(40_000), 0, 0);
    assertThat(after)
        .startsWith(
            "… 2 earlier lines and the first 23,616 characters of the next not kept"
                + " (3 lines in all)\ny");
  }

  @Test
  void aLineTooLongToKeepBeforeShortOnesKeepsItsEndNotNothing() {
    // a value printed on one line, then "done"; a loop printing without a line break, stopped
    String kept = KeptOutput.forNotes("a".repeat(20_000) + "\ndone\n", 0, 0);
    assertThat(kept)
        .startsWith("… the first 3,622 characters of this line not kept\naaa")
        .endsWith("a\ndone\n")
        .hasSize(kept.indexOf('\n') + 1 + KeptOutput.NOTES_CHARS);
    String stopped = KeptOutput.forNotes("x\n" + "y".repeat(1_048_576) + "\nStopped.\n", 0, 0);
    assertThat(stopped)
        .startsWith(
            "… 1 earlier line and the first 1,032,202 characters of the next not kept"
                + " (3 lines in all)\nyyy")
        .endsWith("y\nStopped.\n");
    // lines of a listing are still kept whole
    String line = "x".repeat(99) + "\n";
    assertThat(KeptOutput.forNotes(line.repeat(300), 0, 0)).contains("not kept (300 in all)\nx");
  }

  @Test
  void aLineLongerThanTheREPLsCapCountsWhatTheREPLDroppedOfItToo() {
    // 10,000,000 characters printed on one line: the REPL kept its last 1,048,576
    String kept = KeptOutput.forNotes("x".repeat(1_048_576), 0, 8_951_424);
    assertThat(kept)
        .startsWith("… the first 9,983,616 characters of this line not kept\nx")
        .hasSize(kept.indexOf('\n') + 1 + KeptOutput.NOTES_CHARS);
  }

  @Test
  void oneEarlierLineIsSaidInTheSingular() {
    assertThat(KeptOutput.forNotes(lines(201), 0, 0))
        .startsWith("… 1 earlier line not kept (201 in all)\nline 1\n");
  }

  @Test
  void charactersDroppedBeforeAShortTextAreSaid() {
    assertThat(KeptOutput.forNotes("abc\n", 0, 5000))
        .isEqualTo("… 5,000 earlier characters not kept\nabc\n");
  }

  @Test
  void aTailGrowsKeepsItsNewestLinesAndCountsWhatWent() {
    KeptOutput.Tail tail = KeptOutput.Tail.EMPTY.then(lines(5), 0, 0).within(3, 1000);
    assertThat(tail).isEqualTo(new KeptOutput.Tail("line 2\nline 3\nline 4\n", 14, 2));
    tail = tail.then("line 5\n", 0, 0).within(3, 1000);
    assertThat(tail).isEqualTo(new KeptOutput.Tail("line 3\nline 4\nline 5\n", 21, 3));
  }

  @Test
  void aGapTakesAwayWhatWasKeptBeforeIt() {
    KeptOutput.Tail tail = new KeptOutput.Tail("line 1\nline 2\n", 10, 1);
    assertThat(tail.then("line 253\n", 5_000, 250))
        .isEqualTo(new KeptOutput.Tail("line 253\n", 10 + 14 + 5_000, 1 + 2 + 250));
  }
}
