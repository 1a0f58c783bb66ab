package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplEvent.Output;
import dev.talkbook.core.repl.ReplEvent.Stream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongLinesTest {

  @Test
  void aTextWithShortLinesIsLeftAsItIs() {
    String text = "abc\ndef\n";
    assertThat(LongLines.cut(text, 3)).isSameAs(text);
  }

  @Test
  void eachLongLineIsCutWithAMarkerSayingHowMuchWasLeftOut() {
    assertThat(LongLines.cut("abcdef\nxy\n" + "z".repeat(1_234_567), 3))
        .isEqualTo(
            "abc … 3 more characters on this line\nxy\n"
                + "zzz … 1,234,564 more characters on this line");
    assertThat(LongLines.cut("abcd\n", 3)).isEqualTo("abc … 1 more character on this line\n");
  }

  /**
   * "ab".repeat(20_000_000) arrives from JShell as 21,844 characters: the transcript said "… 16,857
   * more characters on this line", of the value's 40,000,000. Its marker says it reached JShell's
   * limit and may be longer (a value of exactly that length arrives alike, whole).
   */
  @Test
  void aValueAtJShellsLimitSaysItMayBeLongerNotHowManyCharactersAreLeft() {
    String value = "\"" + "ab".repeat(SnippetResult.JSHELL_VALUE_CHARS / 2 - 1) + "a";
    assertThat(value).hasSize(SnippetResult.JSHELL_VALUE_CHARS);
    assertThat(LongLines.cutAtJShellLimit("⇒ " + value, 6))
        .isEqualTo(
            "⇒ \"aba … (21,844 characters arrived, JShell's limit for a value, so it may be longer;"
                + " .length() gives its whole length)");
    assertThat(LongLines.cutAtJShellLimit("⇒ ab\uD83D\uDE00", 5))
        .startsWith("⇒ ab …")
        .doesNotContain("more characters");
    SnippetResult at =
        SnippetResult.of(
            0, "s", 0, 1, SnippetResult.Kind.EXPRESSION, SnippetResult.Status.OK, null);
    assertThat(withValue(at, value).valueAtJShellLimit()).isTrue();
    assertThat(withValue(at, value.substring(1)).valueAtJShellLimit()).isFalse();
    assertThat(at.valueAtJShellLimit()).isFalse();
  }

  private static SnippetResult withValue(SnippetResult r, String value) {
    return new SnippetResult(
        r.index(),
        r.source(),
        r.start(),
        r.end(),
        r.kind(),
        r.status(),
        "$1",
        value,
        "String",
        r.problems(),
        null,
        "",
        "",
        0,
        0,
        r.took());
  }

  @Test
  void aSurrogatePairIsNeverCutInTwo() {
    assertThat(LongLines.cut("ab\uD83D\uDE00cd", 3))
        .isEqualTo("ab … 4 more characters on this line");
  }

  @Test
  void aLineArrivingInPiecesIsCountedAcrossThemAndItsMarkerEndsIt() {
    LongLines lines = new LongLines(5);
    List<ReplEvent> shown = new ArrayList<>();
    shown.addAll(lines.accept(new Output(1, Stream.OUT, "abc", 0, 0)));
    shown.addAll(lines.accept(new Output(1, Stream.OUT, "defgh", 0, 0)));
    shown.addAll(lines.accept(new Output(1, Stream.OUT, "ij\nshort\nxy", 0, 0)));
    // a gap inside the line under way: counted with what is left out of it
    shown.addAll(lines.accept(new Output(1, Stream.OUT, "1234", 1_000_000, 0)));
    shown.addAll(lines.accept(new ReplEvent.EvaluationStarted(2, "1")));
    StringBuilder text = new StringBuilder();
    for (ReplEvent e : shown) {
      if (e instanceof Output o) {
        assertThat(o.droppedBefore()).isZero();
        text.append(o.text());
      }
    }
    assertThat(text.toString())
        .isEqualTo(
            "abcde … 5 more characters on this line\nshort\n"
                + "xy … 1,000,004 more characters on this line\n");
    assertThat(shown.get(shown.size() - 1)).isInstanceOf(ReplEvent.EvaluationStarted.class);
  }

  @Test
  void aCutLineEndedByTheNextPieceOfOutputGetsItsMarkerThereAndTheNextLineIsShown() {
    // print("x".repeat(…)) then println(): the line break comes in output of its own
    LongLines lines = new LongLines(5);
    StringBuilder text = new StringBuilder();
    for (ReplEvent e :
        List.of(
            new Output(1, Stream.OUT, "abcdefghij", 0, 0),
            new Output(1, Stream.OUT, "\nnext\n", 0, 0))) {
      for (ReplEvent shown : lines.accept(e)) {
        text.append(((Output) shown).text());
      }
    }
    assertThat(text.toString()).isEqualTo("abcde … 5 more characters on this line\nnext\n");
  }

  @Test
  void outputAfterWholeLinesWentStartsAfresh() {
    LongLines lines = new LongLines(3);
    lines.accept(new Output(1, Stream.OUT, "abcdef", 0, 0));
    List<ReplEvent> after = lines.accept(new Output(1, Stream.OUT, "gh\nij\n", 500, 7));
    assertThat(after).containsExactly(new Output(1, Stream.OUT, "gh\nij\n", 500, 7));
    assertThat(lines.accept(new ReplEvent.Reset())).hasSize(1);
  }
}
