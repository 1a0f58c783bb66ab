package dev.talkbook.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.history.LineDiff.Kind;
import dev.talkbook.ui.history.LineDiff.Mark;
import dev.talkbook.ui.history.LineDiff.Row;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  /** The rows as "kind old new text", gaps as "GAP n". */
  private static List<String> show(LineDiff.Result result) {
    return result.rows().stream()
        .map(
            r ->
                r.kind() == Kind.GAP
                    ? "GAP " + r.hidden()
                    : r.kind() + " " + r.oldLine() + " " + r.newLine() + " " + r.text())
        .toList();
  }

  private static String numbered(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void aChangedLineIsRemovedThenAddedWithLineNumbers() {
    LineDiff.Result r = LineDiff.of("a\nb\nc\n", "a\nB\nc\nd\n", 3);
    assertThat(show(r))
        .containsExactly("SAME 1 1 a", "REMOVED 2 0 b", "ADDED 0 2 B", "SAME 3 3 c", "ADDED 0 4 d");
    assertThat(r.added()).isEqualTo(2);
    assertThat(r.removed()).isEqualTo(1);
    assertThat(r.same()).isFalse();
  }

  @Test
  void longUnchangedStretchesBecomeGapsWithContextAroundChanges() {
    String then = numbered(1, 20);
    String now = then.replace("line 10\n", "line ten\n");
    assertThat(show(LineDiff.of(then, now, 2)))
        .containsExactly(
            "GAP 7",
            "SAME 8 8 line 8",
            "SAME 9 9 line 9",
            "REMOVED 10 0 line 10",
            "ADDED 0 10 line ten",
            "SAME 11 11 line 11",
            "SAME 12 12 line 12",
            "GAP 8");
  }

  @Test
  void aGapOfOneLineIsShownInstead() {
    String then = numbered(1, 7);
    String now = then.replace("line 4\n", "line four\n");
    assertThat(show(LineDiff.of(then, now, 2))).doesNotContain("GAP 1").hasSize(8);
  }

  @Test
  void allContextShowsEveryLine() {
    String then = numbered(1, 20);
    String now = then.replace("line 10\n", "line ten\n");
    assertThat(show(LineDiff.of(then, now, Integer.MAX_VALUE)))
        .hasSize(21)
        .noneMatch(s -> s.startsWith("GAP"));
  }

  @Test
  void theSameTextIsShownWholeAsUnchanged() {
    LineDiff.Result r = LineDiff.of("x\ny\n", "x\ny\n", 3);
    assertThat(r.same()).isTrue();
    assertThat(show(r)).containsExactly("SAME 1 1 x", "SAME 2 2 y");
  }

  @Test
  void theChangedWordsOfAChangedLineAreMarked() {
    List<Row> rows =
        LineDiff.of("Virtual threads are cheap\n", "Virtual threads are free\n", 3).rows();
    assertThat(rows.get(0).marks()).containsExactly(new Mark(20, 25));
    assertThat(rows.get(0).text().substring(20, 25)).isEqualTo("cheap");
    assertThat(rows.get(1).marks()).containsExactly(new Mark(20, 24));
  }

  @Test
  void linesWithLittleInCommonAreNotMarkedWordByWord() {
    List<Row> rows = LineDiff.of("# Intro\n", "completely different words here\n", 3).rows();
    assertThat(rows).allSatisfy(r -> assertThat(r.marks()).isEmpty());
  }

  @Test
  void emptyTexts() {
    assertThat(LineDiff.of("", "", 3).rows()).isEmpty();
    assertThat(show(LineDiff.of("", "new\n", 3))).containsExactly("ADDED 0 1 new");
    assertThat(show(LineDiff.of("old\n", "", 3))).containsExactly("REMOVED 1 0 old");
  }
}
