package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which titles say that their session is cancelled. */
class ScheduleTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CANCELLED: Loom in practice      | Loom in practice
          CANCELED: Loom in practice       | Loom in practice
          Cancelled - Loom in practice     | Loom in practice
          cancelled – Loom in practice     | Loom in practice
          [Cancelled] Loom in practice     | Loom in practice
          (CANCELED): Loom                 | Loom
          '  Cancelled:Loom'               | Loom
          CANCELLED:                       | CANCELLED:
          """)
  void aTitleMarkedCancelledIsThatTitleWithoutTheMark(String title, String without) {
    assertThat(Schedule.cancelledTitle(title)).isEqualTo(without);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Cancelled flights and other stories",
        "Loom in practice (cancelled?)",
        "Why nothing gets cancelled: a talk",
        "Cancellation policies"
      })
  void otherTitlesAreNotCancelled(String title) {
    assertThat(Schedule.cancelledTitle(title)).isNull();
  }
}
