package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which lines of a note the editor shows cut ({@link TalkScreen#shown}): a pure function. */
class TalkScreenShownTest {

  @Test
  void ordinaryNotesAreShownAsTheyAre() {
    String notes =
        "# Title\n\n" + "A long paragraph of prose, words and words. ".repeat(100) + "\n- a\n- b\n";
    TalkScreen.Shown shown = TalkScreen.shown(notes);
    assertThat(shown.text()).isSameAs(notes);
    assertThat(shown.longestCut()).isZero();
  }

  @Test
  void aLongParagraphOfProseWithHyphenatedWordsStaysWholeAndEditable() {
    // a pasted transcript: one line of 19,000 characters (the tester's opened at once), 380 hyphens
    String paragraph = "A well-known, long-running talk about real-time systems. ".repeat(340);
    assertThat(paragraph.length()).isGreaterThan(19_000);
    TalkScreen.Shown shown = TalkScreen.shown("# Transcript\n\n" + paragraph + "\n");
    assertThat(shown.longestCut()).isZero();
  }

  @Test
  void aLineOfTenThousandBulletsIsCutAtItsMarksAndTheOtherLinesStay() {
    String line = "- ".repeat(10_000) + "deep";
    TalkScreen.Shown shown = TalkScreen.shown("# nested\n\n" + line + "\n\nAfter it.\n");
    String[] lines = shown.text().split("\n", -1);
    assertThat(lines).hasSize(6);
    assertThat(lines[0]).isEqualTo("# nested");
    assertThat(lines[2]).startsWith("- - - ").endsWith(" more characters on this line");
    assertThat(lines[2].length()).isLessThan(TalkScreen.MOST_MARKS * 2 + 60);
    assertThat(line).startsWith(lines[2].substring(0, lines[2].indexOf(" … ")));
    assertThat(lines[4]).isEqualTo("After it.");
    assertThat(lines[5]).isEmpty();
    assertThat(shown.longestCut()).isEqualTo(line.length());
  }

  @Test
  void aLineOfTwoMegabytesIsCutAtTheLongestLine() {
    String line = "word ".repeat(400_000);
    TalkScreen.Shown shown = TalkScreen.shown(line);
    assertThat(shown.text())
        .isEqualTo(
            line.substring(0, TalkScreen.LONGEST_LINE)
                + " … 1,950,000 more characters on this line");
    assertThat(shown.longestCut()).isEqualTo(2_000_000);
  }
}
