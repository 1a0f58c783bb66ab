package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-24T14:30",
        "2026-11-24T14:30:15",
        "0000-01-01T00:00",
        "9999-12-31T23:59:59",
        "2024-02-29T09:05",
        "2026-11-24T14:30:15.250",
        "+10000-01-01T00:00",
        "-0001-06-15T12:00",
        "2026-11-24t14:30"
      })
  void readsEveryTimeAsTheFormatterDoes(String text) {
    assertThat(Rows.dateTime(text)).isEqualTo(LocalDateTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13-01T00:00",
        "2026-02-30T00:00",
        "2023-02-29T00:00",
        "2026-01-01T24:00",
        "2026-01-01T23:60",
        "2026-01-01T23:59:60",
        "2026-0a-01T00:00",
        "2026-01-01 10:00",
        "2026-01-01T10:00:"
      })
  void refusesWhatTheFormatterRefuses(String text) {
    assertThatThrownBy(() -> LocalDateTime.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rows.dateTime(text)).isInstanceOf(DateTimeException.class);
  }

  @Test
  void keepsEveryTimeThatToStringWrites() {
    LocalDateTime t = LocalDateTime.of(2026, 3, 12, 18, 30);
    for (int i = 0; i < 200; i++) {
      t = t.plusSeconds(i * 7_919L).plusDays(i * 13L);
      assertThat(Rows.dateTime(t.toString())).isEqualTo(t);
    }
  }
}
