package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.NotebookException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TalkTimeTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 8);

  @ParameterizedTest
  @CsvSource(
      textBlock =
          """
          10:30,            2026-12-08T10:30
          9:05,             2026-12-08T09:05
          ' 18:00 ',        2026-12-08T18:00
          2026-12-09 11:00, 2026-12-09T11:00
          2026-12-09T11:00, 2026-12-09T11:00
          """)
  void aClockTimeAloneIsOnTheDayGivenAndAWholeTimeIsAsTyped(String typed, String expected) {
    assertThat(TalkTime.parse(typed, DAY, DAY)).contains(LocalDateTime.parse(expected));
  }

  @Test
  void aClockTimeAloneWithoutADaySaysThatItNeedsItsDayOnTheEventsFirst() {
    assertThatThrownBy(() -> TalkTime.parse("10:30", null, DAY))
        .isInstanceOf(NotebookException.class)
        .hasMessage("Time \"10:30\" needs its day too, like 2026-12-08 10:30.");
    // no event's day: the example is on today, not on a fixed day of its own
    assertThatThrownBy(() -> TalkTime.parse("9:05", null, null, LocalDate.of(2027, 3, 2)))
        .isInstanceOf(NotebookException.class)
        .hasMessage("Time \"9:05\" needs its day too, like 2027-03-02 09:05.");
  }

  @Test
  void aTimeThatIsNoneSaysWhatOneLooksLikeOnTheEventsDay() {
    assertThatThrownBy(() -> TalkTime.parse("25:10", DAY, DAY))
        .isInstanceOf(NotebookException.class)
        .hasMessage("Time \"25:10\" is not like 2026-12-08 14:30.");
    assertThatThrownBy(() -> TalkTime.parse("late", null, null, LocalDate.of(2027, 3, 2)))
        .isInstanceOf(NotebookException.class)
        .hasMessage("Time \"late\" is not like 2027-03-02 14:30.");
  }

  @Test
  void aTimeWithAThreeDigitHourIsRefusedNotReadAsAnother() {
    assertThatThrownBy(() -> TalkTime.parse("2026-12-08 011:30", DAY, DAY))
        .isInstanceOf(NotebookException.class)
        .hasMessage("Time \"2026-12-08 011:30\" is not like 2026-12-08 14:30.");
    assertThatThrownBy(() -> TalkTime.parse("011:30", DAY, DAY))
        .isInstanceOf(NotebookException.class)
        .hasMessage("Time \"011:30\" is not like 2026-12-08 14:30.");
  }

  @Test
  void blankIsNoTime() {
    assertThat(TalkTime.parse("  ", DAY, DAY)).isEmpty();
    assertThat(TalkTime.parse(null)).isEmpty();
  }
}
