package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeTextTest {

  @Test
  void datesAreInEnglishInTheOrderOfTheUsersRegion() {
    LocalDate day = LocalDate.of(2026, 10, 15);
    assertThat(DateTimeText.day(day, DateTimeText.userLocale(Locale.GERMANY)))
        .isEqualTo("Thursday, 15 October 2026");
    assertThat(DateTimeText.day(day, DateTimeText.userLocale(Locale.US)))
        .isEqualTo("Thursday, October 15, 2026");
    assertThat(DateTimeText.day(day, DateTimeText.userLocale(Locale.UK)))
        .isEqualTo("Thursday, 15 October 2026");
    assertThat(DateTimeText.userLocale(Locale.GERMAN)).isEqualTo(Locale.ENGLISH);
  }

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
  @ValueSource(
      strings = {
        "2026-11-05T011:30",
        "2026-11-05 011:30",
        "2026-11-05 11:030",
        "2026-11-05 11:3",
        "2026-011-05 11:30",
        "2026-11-005 11:30",
        "2026-11-05 11:30:000",
        "2026-11-05 0011:30"
      })
  void aFieldWithMoreDigitsThanItsFormIsRefusedNotRead(String typo) {
    // a pattern's one-letter H, M and d took any number of digits: "011:30" was 11:30
    assertThatThrownBy(() -> DateTimeText.parse(typo)).isInstanceOf(DateTimeParseException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24 14:30", "0999-01-01 00:00"})
  void theFormWrittenIsReadBack(String written) {
    assertThat(DateTimeText.FORM.format(DateTimeText.parse(written))).isEqualTo(written);
  }

  private static final LocalDate MAY_13 = LocalDate.of(2026, 5, 13);

  /** A day of an event, where its year is said nearby: the locale's full form without it. */
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
  void namesADayOfAnEventInTheLocalesOwnFormWithoutItsYear(String locale, String expected) {
    assertThat(DateTimeText.dayInEvent(MAY_13, false, Locale.forLanguageTag(locale)))
        .isEqualTo(expected);
  }

  /** A date for reading: the locale's full form, the same with the year for a day of an event. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en-US | Wednesday, May 13, 2026
          en-GB | Wednesday, 13 May 2026
          de-DE | Mittwoch, 13. Mai 2026
          """)
  void namesADateInTheLocalesFullForm(String locale, String expected) {
    Locale l = Locale.forLanguageTag(locale);
    assertThat(DateTimeText.day(MAY_13, l)).isEqualTo(expected);
    assertThat(DateTimeText.dayInEvent(MAY_13, true, l)).isEqualTo(expected);
    assertThat(DateTimeText.dayAndTime(MAY_13.atTime(14, 30), l)).isEqualTo(expected + ", 14:30");
  }

  @Test
  void aDateHasAShortFormInTheOrderOfTheUsersRegion() {
    assertThat(DateTimeText.shortDay(MAY_13, DateTimeText.userLocale(Locale.UK)))
        .isEqualTo("13 May 2026");
    assertThat(DateTimeText.shortDay(LocalDate.of(2026, 12, 8), DateTimeText.userLocale(Locale.US)))
        .isEqualTo("Dec 8, 2026");
  }

  @ParameterizedTest(name = "{0}: {1} to {2} is {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          US | 2026-12-06 | 2026-12-07 | Dec 6 – 7, 2026
          US | 2026-12-16 | 2026-12-17 | Dec 16 – 17, 2026
          US | 2026-11-30 | 2026-12-02 | Nov 30 – Dec 2, 2026
          US | 2026-12-30 | 2027-01-02 | Dec 30, 2026 – Jan 2, 2027
          US | 2026-12-06 | 2026-12-06 | Dec 6, 2026
          GB | 2026-12-06 | 2026-12-07 | 6 – 7 Dec 2026
          GB | 2026-12-16 | 2026-12-26 | 16 – 26 Dec 2026
          GB | 2026-11-30 | 2026-12-02 | 30 Nov – 2 Dec 2026
          GB | 2026-12-30 | 2027-01-02 | 30 Dec 2026 – 2 Jan 2027
          """)
  void anEventsDatesHaveAShortFormThatSaysWhatTheyShareOnce(
      String country, LocalDate start, LocalDate end, String expected) {
    Locale l = DateTimeText.userLocale(new Locale("en", country));
    assertThat(DateTimeText.shortDays(start, end, l)).isEqualTo(expected);
  }

  @Test
  void anEventsDatesInTheFullFormAreItsFirstAndLastDayAsTheSiteSaysThem() {
    Locale us = DateTimeText.userLocale(Locale.US);
    LocalDate sunday = LocalDate.of(2026, 12, 6);
    assertThat(DateTimeText.days(sunday, sunday.plusDays(1), us))
        .isEqualTo("Sunday, December 6, 2026 – Monday, December 7, 2026");
    assertThat(DateTimeText.days(sunday, null, us)).isEqualTo("Sunday, December 6, 2026");
    assertThat(DateTimeText.shortDays(sunday, null, us)).isEqualTo("Dec 6, 2026");
  }

  @Test
  void theSameLocaleNamesADateTheSameWayEveryTime() {
    Locale gb = Locale.forLanguageTag("en-GB");
    assertThat(DateTimeText.day(MAY_13, gb)).isEqualTo(DateTimeText.day(MAY_13, Locale.UK));
  }

  @Test
  void aTalksTimeShowsItsEndWhenItsLengthIsKnown() {
    LocalDateTime nine = LocalDateTime.of(2026, 12, 7, 9, 0);
    assertThat(DateTimeText.clockSpan(nine, Duration.ofHours(3))).isEqualTo("09:00–12:00");
    assertThat(DateTimeText.clockSpan(nine, null)).isEqualTo("09:00");
    assertThat(DateTimeText.formSpan(nine, Duration.ofHours(3)))
        .isEqualTo("2026-12-07 09:00–12:00");
    assertThat(DateTimeText.formSpan(nine, null)).isEqualTo("2026-12-07 09:00");
    assertThat(DateTimeText.dayAndClockSpan(nine, Duration.ofMinutes(45), Locale.US))
        .isEqualTo("Monday, December 7, 2026, 09:00–09:45");
  }

  @Test
  void anEndOnALaterDaySaysHowManyDaysLaterAsACalendarDoes() {
    LocalDateTime late = LocalDateTime.of(2026, 12, 7, 23, 30);
    assertThat(DateTimeText.clockSpan(late, Duration.ofMinutes(90))).isEqualTo("23:30–01:00 +1");
    // ending at midnight is ending on the next day, as 00:00 reads
    assertThat(DateTimeText.clockSpan(late, Duration.ofMinutes(30))).isEqualTo("23:30–00:00 +1");
    assertThat(DateTimeText.clockSpan(late, Duration.ofMinutes(29))).isEqualTo("23:30–23:59");
    assertThat(DateTimeText.clockSpan(late, Duration.ofHours(49))).isEqualTo("23:30–00:30 +3");
    assertThat(DateTimeText.formSpan(late, Duration.ofMinutes(90)))
        .isEqualTo("2026-12-07 23:30–01:00 +1");
    assertThat(DateTimeText.dayAndClockSpan(late, Duration.ofMinutes(90), Locale.UK))
        .isEqualTo("Monday, 7 December 2026, 23:30–01:00 +1");
  }

  @ParameterizedTest
  @CsvSource({
    "Europe/Berlin, Berlin time",
    "America/New_York, New York time",
    "UTC, UTC",
    "+02:00, UTC+02:00"
  })
  void aZoneIsNamedTheSameOnEveryMachine(String zone, String name) {
    assertThat(DateTimeText.zoneName(ZoneId.of(zone))).isEqualTo(name);
  }

  @Test
  void theMachineFormCarriesTheEventsOffsetAndNoneWhenFloating() {
    LocalDateTime nine = LocalDateTime.of(2026, 12, 7, 9, 0);
    assertThat(DateTimeText.machineForm(nine, ZoneId.of("Europe/Berlin")))
        .isEqualTo("2026-12-07T09:00+01:00");
    assertThat(DateTimeText.machineForm(nine.withMonth(7), ZoneId.of("Europe/Berlin")))
        .isEqualTo("2026-07-07T09:00+02:00");
    assertThat(DateTimeText.machineForm(nine, ZoneId.of("UTC"))).isEqualTo("2026-12-07T09:00Z");
    assertThat(DateTimeText.machineForm(nine, null)).isEqualTo("2026-12-07T09:00");
  }

  /**
   * On the night Berlin's clocks go forward (last Sunday of March, 02:00 → 03:00) a 01:30 talk of 2
   * hours ends at 04:30 wall time; on the night they go back (last Sunday of October, 03:00 →
   * 02:00) a 01:30 talk of 2 hours ends at 02:30. Without a zone the length is added to the clock.
   */
  @Test
  void aSpanOverAClockChangeEndsAtTheWallClockTimeOfTheEventsZone() {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    LocalDateTime spring = LocalDateTime.of(2026, 3, 29, 1, 30);
    assertThat(DateTimeText.clockSpan(spring, Duration.ofHours(2), berlin))
        .isEqualTo("01:30–04:30");
    assertThat(DateTimeText.formSpan(spring, Duration.ofHours(2), berlin))
        .isEqualTo("2026-03-29 01:30–04:30");
    LocalDateTime autumn = LocalDateTime.of(2026, 10, 25, 1, 30);
    assertThat(DateTimeText.clockSpan(autumn, Duration.ofHours(2), berlin))
        .isEqualTo("01:30–02:30");
    assertThat(DateTimeText.clockSpan(spring, Duration.ofHours(2), null)).isEqualTo("01:30–03:30");
    LocalDateTime late = LocalDateTime.of(2026, 3, 28, 23, 30);
    assertThat(DateTimeText.clockSpan(late, Duration.ofHours(3), berlin))
        .isEqualTo("23:30–03:30 +1");
  }

  /**
   * On the night Berlin's clocks go back (03:00 summer time → 02:00) a 45-minute talk at the first
   * 02:15 ends at 02:00 wall time: said, as "02:15–02:00" reads as a negative length; a talk that
   * ends after its start on the clock, or on a later day, says nothing more.
   */
  @Test
  void aSpanThatEndsBeforeItsStartOnTheClockSaysTheClocksGoBack() {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    LocalDateTime quarterPast = LocalDateTime.of(2026, 10, 25, 2, 15);
    assertThat(DateTimeText.clockSpan(quarterPast, Duration.ofMinutes(45), berlin))
        .isEqualTo("02:15–02:00 (clocks go back)");
    assertThat(DateTimeText.formSpan(quarterPast, Duration.ofHours(1), berlin))
        .isEqualTo("2026-10-25 02:15–02:15 (clocks go back)");
    assertThat(DateTimeText.clockSpan(quarterPast, Duration.ofMinutes(90), berlin))
        .isEqualTo("02:15–02:45");
    assertThat(DateTimeText.clockSpan(quarterPast, Duration.ofMinutes(45), null))
        .isEqualTo("02:15–03:00");
    LocalDateTime late = LocalDateTime.of(2026, 10, 24, 23, 30);
    assertThat(DateTimeText.clockSpan(late, Duration.ofHours(3), berlin))
        .isEqualTo("23:30–02:30 +1");
  }

  /**
   * A talk typed (or put in the programme) at 02:30 on the night Berlin's clocks go from 02:00 to
   * 03:00, a time that does not exist there: shown as said, its end its length after that, not
   * after the 03:30 the zone would move it to ("02:30–04:30" for a talk of an hour).
   */
  @Test
  void aStartInTheClocksGapIsShownAsSaidWithItsLength() {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    LocalDateTime gap = LocalDateTime.of(2026, 3, 29, 2, 30);
    assertThat(DateTimeText.clockSpan(gap, Duration.ofHours(1), berlin)).isEqualTo("02:30–03:30");
    assertThat(DateTimeText.formSpan(gap, Duration.ofMinutes(45), berlin))
        .isEqualTo("2026-03-29 02:30–03:15");
  }
}
