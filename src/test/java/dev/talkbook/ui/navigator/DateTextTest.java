package dev.talkbook.ui.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {
  private static final LocalDate APRIL_14 = LocalDate.of(2026, 4, 14);

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en-US | 2026-04-14
          en-US | 2026-4-14
          en-US | 4/14/2026
          en-US | 4/14/26
          en-US | '  4/14/2026 '
          en-US | 'Apr 14, 2026'
          en-GB | 14/04/2026
          en-GB | 2026-04-14
          de-DE | 14.04.26
          de-DE | 14.04.2026
          de-DE | 2026-04-14
          fr-FR | 14/04/2026
          """)
  void readsIsoAndTheLocalesForms(String locale, String text) {
    assertThat(new DateText(Locale.forLanguageTag(locale)).parse(text)).contains(APRIL_14);
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en-US | 14/4/2026
          en-US | 2026-02-30
          en-US | 2/30/2026
          en-US | 2026-04
          en-US | tomorrow
          en-US | ''
          de-DE | 4/14/2026
          en-US | 2026-011-05
          en-US | 2026-11-005
          en-US | 011/14/2026
          en-US | 4/014/2026
          en-US | 0004/14/2026
          de-DE | 014.04.2026
          """)
  void refusesWhatIsNoDate(String locale, String text) {
    assertThat(new DateText(Locale.forLanguageTag(locale)).parse(text)).isEmpty();
  }

  @Test
  void showsIsoAndTheLocalesFormAsExamples() {
    assertThat(new DateText(Locale.US).examples()).isEqualTo("2026-04-14 or 4/14/2026");
    assertThat(new DateText(Locale.GERMANY).examples()).isEqualTo("2026-04-14 or 14.04.2026");
    assertThat(DateText.format(APRIL_14)).isEqualTo("2026-04-14");
  }

  @Test
  void explainsATextThatIsNoDate() {
    assertThat(new DateText(Locale.US).problem(" 14/4/2026 "))
        .isEqualTo("\u201c14/4/2026\u201d is not a date: write it as 2026-04-14 or 4/14/2026.");
  }
}
