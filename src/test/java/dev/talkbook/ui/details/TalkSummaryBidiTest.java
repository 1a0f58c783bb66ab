package dev.talkbook.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.text.Bidi;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The folded details' line keeps its order, "Title · Speakers · time · Room", when a speaker's name
 * is in a right-to-left script: JavaFX lays text out by the Unicode bidi algorithm of {@link Bidi},
 * which put the time after an Arabic name in that name's right-to-left run ("Title · 10:00
 * 07-12-2026 · محمد علي"). Measured here with {@link Bidi} itself: the time is left-to-right text
 * (level 0) of a left-to-right line.
 */
class TalkSummaryBidiTest {
  private static Talk talk(String speaker, String room) {
    Talk.Details d =
        Talk.Details.titled("Structured concurrency")
            .withSpeakers(List.of(speaker))
            .withStartsAt(LocalDateTime.parse("2026-12-07T10:00"))
            .withRoom(room);
    return new Talk(35, 1, 0, d, "", Instant.EPOCH, Instant.EPOCH);
  }

  /** Whether every character of {@code part} in {@code line} is laid out left to right, level 0. */
  private static boolean leftToRight(String line, String part) {
    Bidi bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
    int at = line.indexOf(part);
    assertThat(at).as(part + " in " + line).isNotNegative();
    for (int i = at; i < at + part.length(); i++) {
      if (bidi.getLevelAt(i) != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theTimeAfterAnArabicNameStaysLeftToRight() {
    String line = TalkDetailsPane.summary(talk("محمد علي", "Großer Saal"));
    assertThat(line).contains("محمد علي").contains("2026-12-07 10:00").endsWith("Großer Saal");
    assertThat(leftToRight(line, "2026-12-07 10:00")).isTrue();
    assertThat(leftToRight(line, "Großer Saal")).isTrue();
  }

  @Test
  void aHebrewRoomLeavesNothingAfterItOutOfOrder() {
    String line = TalkDetailsPane.summary(talk("Ada Lovelace", "אולם 2"));
    assertThat(leftToRight(line, "2026-12-07 10:00")).isTrue();
    assertThat(line).contains("אולם 2");
  }

  @Test
  void aLineStartingWithAnArabicTitleIsStillLeftToRight() {
    // JavaFX takes a text's direction from its first letter: the whole line was laid out right to
    // left, its room first
    Talk talk =
        new Talk(
            36,
            1,
            0,
            Talk.Details.titled("البرمجة المتزامنة")
                .withStartsAt(LocalDateTime.parse("2026-12-07T10:00"))
                .withRoom("Main"),
            "",
            Instant.EPOCH,
            Instant.EPOCH);
    String line = TalkDetailsPane.summary(talk);
    assertThat(new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()).isTrue();
    assertThat(dev.talkbook.ui.common.BidiText.kept("محمد علي") + " · Dec 7, 2026 10:00")
        .satisfies(
            note ->
                assertThat(new Bidi(note, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight())
                    .isTrue());
  }

  @Test
  void aLineOfLeftToRightTextIsAsItWas() {
    assertThat(TalkDetailsPane.summary(talk("Maren Holt", "Main")))
        .isEqualTo(
            "Structured concurrency  \u00b7  Maren Holt  \u00b7  2026-12-07 10:00  \u00b7  Main");
  }
}
