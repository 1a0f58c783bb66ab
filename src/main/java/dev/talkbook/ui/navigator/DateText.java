package dev.talkbook.ui.navigator;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them: ISO ({@code 2026-04-14}, the form the app shows everywhere) or the
 * locale's own short form ({@code 4/14/2026} in the US, {@code 14.04.26} in Germany, with a two- or
 * four-digit year), or its medium form ({@code Apr 14, 2026}). Dates are shown in ISO. Pure: no
 * toolkit, so it is tested with any locale.
 */
final class DateText {
  /** A sample date for the hints: the 14th, so day and month cannot be mixed up. */
  private static final LocalDate SAMPLE = LocalDate.of(2026, 4, 14);

  private final List<DateTimeFormatter> parsers = new ArrayList<>();
  private final DateTimeFormatter local;

  DateText(Locale locale) {
    String shortPattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
    // Short patterns often have a two-digit year ("M/d/yy"); people write four digits too.
    String fourDigits = shortPattern.contains("yyyy") ? shortPattern : widenYear(shortPattern);
    local = strict(fourDigits, locale);
    parsers.add(strict("uuuu-M-d", locale));
    parsers.add(local);
    parsers.add(strict(shortPattern, locale));
    parsers.add(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.SMART));
  }

  private static String widenYear(String pattern) {
    return pattern.replaceAll("y+", "yyyy");
  }

  /** A strict formatter ({@code 2/30} is refused) whose year needs no era. */
  private static DateTimeFormatter strict(String pattern, Locale locale) {
    return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), locale)
        .withChronology(IsoChronology.INSTANCE)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /**
   * Whether each number in {@code t} is of one or two digits but one year of four ("Apr 14, 2026",
   * "4/14/26"): a pattern's one-letter {@code M} and {@code d} take any number of digits, so a
   * typo's "2026-011-05" was 5 November.
   */
  private static boolean numbersFit(String t) {
    Matcher m = NUMBER.matcher(t);
    int years = 0;
    while (m.find()) {
      int digits = m.end() - m.start();
      if (digits == 4) {
        years++;
      } else if (digits > 2) {
        return false;
      }
    }
    return years <= 1;
  }

  /** The date the text means, empty if it means none (blank text is no date, not an error). */
  Optional<LocalDate> parse(String text) {
    String t = text == null ? "" : text.strip();
    if (!numbersFit(t)) {
      return Optional.empty();
    }
    for (DateTimeFormatter parser : parsers) {
      try {
        return Optional.of(LocalDate.parse(t, parser));
      } catch (DateTimeParseException e) {
        // not this form; try the next
      }
    }
    return Optional.empty();
  }

  /** How a date is shown: ISO. */
  static String format(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** The forms that are understood, as examples: "2026-04-14 or 4/14/2026". */
  String examples() {
    String iso = format(SAMPLE);
    String mine = local.format(SAMPLE);
    return mine.equals(iso) ? iso : iso + " or " + mine;
  }

  /** What to tell someone whose text is not a date. */
  String problem(String text) {
    return "\u201c" + text.strip() + "\u201d is not a date: write it as " + examples() + ".";
  }
}
