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
    assertThat(lines[2].length()).isLessThan(TalkScreen.MOST_SPANS * 2 + 60);
    assertThat(line).startsWith(lines[2].substring(0, lines[2].indexOf(" … ")));
    assertThat(lines[4]).isEqualTo("After it.");
    assertThat(lines[5]).isEmpty();
    assertThat(shown.longestCut()).isEqualTo(line.length());
  }

  @Test
  void aParagraphOfSnakeCaseNamesAddressesAndRulesStaysWhole() {
    // Characters that start no styled span: each line has far more than MOST_SPANS of them.
    String names = "Call read_talk_notes_now and write_back_the_rest, ".repeat(150);
    String addresses = "See https://example.com/a_b?x=1&y=2#part!now and ".repeat(120);
    String rule = "|" + "---|".repeat(400);
    String dashes = "-".repeat(2_000);
    String notes =
        "# Names\n\n" + names + "\n\n" + addresses + "\n\n" + rule + "\n\n" + dashes + "\n";
    TalkScreen.Shown shown = TalkScreen.shown(notes);
    assertThat(shown.longestCut()).isZero();
    assertThat(shown.text()).isSameAs(notes);
  }

  @Test
  void minifiedJsonInAFenceStaysWhole() {
    String json = "{\"a_b\":[1,2,{\"c\":\"#d&e!f\"}],\"g\":\"<h> ~ * _ ` [x]\"},".repeat(900);
    assertThat(json.length()).isBetween(30_000, TalkScreen.LONGEST_LINE);
    String notes = "# Data\n\n```json\n" + json + "\n```\n\nAfter.\n";
    TalkScreen.Shown shown = TalkScreen.shown(notes);
    assertThat(shown.longestCut()).isZero();
    assertThat(shown.text()).isSameAs(notes);
  }

  @Test
  void aLineOfFourHundredStrongMarksIsCutWhereItsSpansPassTheMost() {
    String line = "**b** ".repeat(200); // 400 marks: 200 strong spans and 200 plain ones between
    TalkScreen.Shown shown = TalkScreen.shown("# Strong\n\n" + line + "\nAfter.\n");
    String[] lines = shown.text().split("\n", -1);
    assertThat(shown.longestCut()).isEqualTo(line.length());
    // MOST_SPANS spans kept: 150 strong words and the 150 spaces after them.
    assertThat(lines[2]).startsWith("**b** ".repeat(150) + " … ");
    assertThat(lines[3]).isEqualTo("After.");
    assertThat(
            CutNotesBanner.why(
                talk("Strong"), shown.longestCut(), java.nio.file.Path.of("/tmp/notes.talkbook")))
        .startsWith("“Strong” has a line styled in more than 300 pieces (emphasis, code, links,");
  }

  @Test
  void javaInAFenceCountsItsTokens() {
    String code = "int a = 1; ".repeat(200); // 800 styled tokens and spaces
    TalkScreen.Shown shown = TalkScreen.shown("```java\n" + code + "\n```\n");
    assertThat(shown.longestCut()).isEqualTo(code.length());
    TalkScreen.Shown other = TalkScreen.shown("```text\n" + code + "\n```\n");
    assertThat(other.longestCut()).isZero();
  }

  private static dev.talkbook.core.notebook.Talk talk(String title) {
    java.time.Instant now = java.time.Instant.now();
    return new dev.talkbook.core.notebook.Talk(
        7, 1, 0, dev.talkbook.core.notebook.Talk.Details.titled(title), "", now, now);
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

  /**
   * A search hit's offsets are the notes' own; in notes shown cut, each line cut above it moves it
   * (the rest of the line replaced by a shorter or longer marker), and a hit in the part of a line
   * not shown has no place there: shownAt says where that line's marker begins.
   */
  @Test
  void offsetsOfTheNotesAreMappedIntoTheTextShownCut() {
    String longLine = "**b** ".repeat(200) + "hidden";
    String notes = "# Cut\n\n" + longLine + "\n\none cat\n";
    TalkScreen.Shown shown = TalkScreen.shown(notes);
    assertThat(shown.longestCut()).isPositive();
    int cat = notes.indexOf("cat");
    assertThat(shown.text().substring(shown.shownAt(cat), shown.shownAt(cat) + 3)).isEqualTo("cat");
    assertThat(shown.shownAt(notes.indexOf("# Cut"))).isZero();
    int hidden = shown.shownAt(notes.indexOf("hidden"));
    assertThat(hidden).isNegative();
    assertThat(shown.text().substring(-1 - hidden)).startsWith(" … ");
    // whole notes: every offset is its own
    assertThat(TalkScreen.shown("# a\ncat\n").shownAt(4)).isEqualTo(4);
  }
}
