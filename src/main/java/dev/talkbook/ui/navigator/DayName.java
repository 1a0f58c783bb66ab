package dev.talkbook.ui.navigator;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A day of a programme as a person names it, in their locale: its weekday, day and month
 * ("Wednesday, May 13" in the US, "Mittwoch, 13. Mai" in Germany, "5月13日水曜日" in Japan), the year
 * only where the days asked for it (a programme over New Year). The locale's full date form with
 * its year taken out, as the JDK has no form for a day without a year. Pure: no toolkit.
 */
final class DayName {
  /** The year in a full date form, with what belongs to it ("y年", ", y", " y 'г'."). */
  private static final String YEAR = "(\\s*'de'|,)?\\s*y+(\\s*'[^']*'\\.?|[年.]|년)?\\s*";

  private final DateTimeFormatter withYear;
  private final DateTimeFormatter withoutYear;

  DayName(Locale locale) {
    String full =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.FULL, null, IsoChronology.INSTANCE, locale);
    withYear = DateTimeFormatter.ofPattern(full, locale);
    withoutYear = formatter(full.replaceAll(YEAR, " ").strip(), locale);
  }

  private static DateTimeFormatter formatter(String pattern, Locale locale) {
    try {
      return DateTimeFormatter.ofPattern(pattern, locale);
    } catch (IllegalArgumentException e) {
      return DateTimeFormatter.ofPattern("EEEE d MMMM", locale); // a form the cut above broke
    }
  }

  /** The day's name; with its year when {@code year} is true. */
  String of(LocalDate date, boolean year) {
    return (year ? withYear : withoutYear).format(date);
  }
}
