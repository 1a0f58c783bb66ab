package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-04 09:30",
        "2026-02-04 9:30",
        "2026-2-4 9:30",
        "2026-02-04T09:30",
        "2026-02-04t9:30",
        "  2026-02-04   09:30 ",
        "2026-02-04 09:30:00"
      })
  void aTimeTypedAnyUsualWayIsRead(String typed) {
    assertThat(DateTimeText.parse(typed)).isEqualTo(LocalDateTime.of(2026, 2, 4, 9, 30));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30 09:30",
        "2026-02-04",
        "tomorrow",
        "2026-02-04 25:00",
        "04.02.2026 9:30"
      })
  void whatIsNoTimeOrNoDayIsRefused(String typed) {
    assertThatThrownBy(() -> DateTimeText.parse(typed)).isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24 14:30", "0999-01-01 00:00"})
  void theFormWrittenIsReadBack(String written) {
    assertThat(DateTimeText.FORM.format(DateTimeText.parse(written))).isEqualTo(written);
  }
}
