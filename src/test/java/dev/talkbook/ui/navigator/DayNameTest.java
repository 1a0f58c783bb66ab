package dev.talkbook.ui.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayNameTest {
  private static final LocalDate MAY_13 = LocalDate.of(2026, 5, 13);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en-US | Wednesday, May 13
          en-GB | Wednesday, 13 May
          de-DE | Mittwoch, 13. Mai
          fr-FR | mercredi 13 mai
          es-ES | miércoles, 13 de mayo
          ru-RU | среда, 13 мая
          ja-JP | 5月13日水曜日
          ko-KR | 5월 13일 수요일
          hu-HU | május 13., szerda
          lt-LT | gegužės 13 d., trečiadienis
          """)
  void namesTheDayInTheLocalesOwnFormWithoutItsYear(String locale, String expected) {
    assertThat(new DayName(Locale.forLanguageTag(locale)).of(MAY_13, false)).isEqualTo(expected);
  }

  @Test
  void namesTheYearWhenAskedForIt() {
    assertThat(new DayName(Locale.US).of(MAY_13, true)).isEqualTo("Wednesday, May 13, 2026");
  }
}
