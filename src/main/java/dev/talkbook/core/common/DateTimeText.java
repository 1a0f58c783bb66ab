package dev.talkbook.core.common;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A date and time as a person types it for a talk: {@code 2026-11-24 14:30}, also with a one-digit
 * month, day or hour ({@code 2026-2-4 9:30}), seconds, an ISO {@code T} for the space, or spaces
 * around; one rule for the window's fields and the command line. A day that does not exist (30
 * February) is refused, not moved to another one, and so is a field of more digits than its form
 * has ({@code 011:30}, a typo, is not 11:30).
 *
 * <p>Also the one way a date is named for reading, in the window (the navigator's days and events,
 * the dialogs) and on the site's pages alike: the locale's full form ({@link FormatStyle#FULL}),
 * "Thursday, 15 October 2026" in en-GB, "Thursday, October 15, 2026" in the US; a day inside an
 * event whose year is said nearby without its year ({@link #dayInEvent}). The ISO form ({@link
 * #FORM}) is for values typed, sorted or compared, not read.
 */
public final class DateTimeText {
  private DateTimeText() {}

  /** The form written: {@code 2026-11-24 14:30}. */
  public static final DateTimeFormatter FORM =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  /** A time of day as the views and messages show it: {@code 09:30}. */
  public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  /** The year in a full date form, with what belongs to it ("y年", ", y", " y 'г'."). */
  private static final String YEAR = "(\\s*'de'|,)?\\s*y+(\\s*'[^']*'\\.?|[年.]|년)?\\s*";

  /**
   * A locale's forms of a day for reading: with and without its year, and its short form ({@link
   * #shortDay}) without its year.
   */
  private record DayForms(
      DateTimeFormatter withYear, DateTimeFormatter withoutYear, DateTimeFormatter shortNoYear) {
    static DayForms of(Locale locale) {
      String full =
          DateTimeFormatterBuilder.getLocalizedDateTimePattern(
              FormatStyle.FULL, null, IsoChronology.INSTANCE, locale);
      String medium =
          DateTimeFormatterBuilder.getLocalizedDateTimePattern(
              FormatStyle.MEDIUM, null, IsoChronology.INSTANCE, locale);
      return new DayForms(
          DateTimeFormatter.ofPattern(full, locale),
          withoutYear(full, "EEEE d MMMM", locale),
          withoutYear(medium, "d MMM", locale));
    }

    /** {@code pattern} without its year; {@code otherwise} where the cut broke it. */
    private static DateTimeFormatter withoutYear(String pattern, String otherwise, Locale locale) {
      try {
        return DateTimeFormatter.ofPattern(pattern.replaceAll(YEAR, " ").strip(), locale);
      } catch (IllegalArgumentException e) {
        return DateTimeFormatter.ofPattern(otherwise, locale);
      }
    }
  }

  private static final Map<Locale, DayForms> DAY_FORMS = new ConcurrentHashMap<>();

  private static DayForms forms(Locale locale) {
    return DAY_FORMS.computeIfAbsent(locale, DayForms::of);
  }

  /**
   * The locale the window and the site name dates in: English, as every other word of both, in the
   * order of the user's region ({@link Locale.Category#FORMAT}'s country): "Thursday, 15 October
   * 2026" for a user in Germany or Britain, "Thursday, October 15, 2026" in the United States. A
   * German day name on an English page would read as a mistake.
   */
  public static Locale userLocale() {
    return userLocale(Locale.getDefault(Locale.Category.FORMAT));
  }

  /** {@link #userLocale()} for a user whose own locale is {@code own}. */
  static Locale userLocale(Locale own) {
    return own.getCountry().isEmpty() ? Locale.ENGLISH : new Locale("en", own.getCountry());
  }

  /**
   * {@code date} for reading, in {@code locale}'s full form: "Thursday, 15 October 2026" (en-GB),
   * "Thursday, October 15, 2026" (en-US), "Donnerstag, 15. Oktober 2026" (de).
   */
  public static String day(LocalDate date, Locale locale) {
    return forms(locale).withYear().format(date);
  }

  /**
   * {@code date} in {@code locale}'s short reading form, where the full form does not fit (an
   * event's date beside its title in the navigator): "8 Dec 2026" (en-GB), "Dec 8, 2026" (en-US).
   */
  public static String shortDay(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withChronology(IsoChronology.INSTANCE)
        .format(date);
  }

  /**
   * An event's dates for reading, as its page on the site says them: its first and last day in
   * {@code locale}'s full form ({@link #day}), "Sunday, December 6, 2026 – Monday, December 7,
   * 2026"; its one day alone when {@code end} is null or not after {@code start}.
   */
  public static String days(LocalDate start, LocalDate end, Locale locale) {
    return end == null || !end.isAfter(start)
        ? day(start, locale)
        : day(start, locale) + " – " + day(end, locale);
  }

  /**
   * An event's dates in {@code locale}'s short reading form ({@link #shortDay}), where the full
   * form does not fit (an event's row in the navigator), what they share said once: "Dec 6 – 7,
   * 2026" (en-US), "6 – 7 Dec 2026" (en-GB); "Nov 30 – Dec 2, 2026" over two months, "Dec 30, 2026
   * – Jan 2, 2027" over New Year; its one day alone when {@code end} is null or not after {@code
   * start}. java.time has no interval form: the month is left out of the first day when both days'
   * short forms begin or end with the same words.
   */
  public static String shortDays(LocalDate start, LocalDate end, Locale locale) {
    if (end == null || !end.isAfter(start)) {
      return shortDay(start, locale);
    }
    String last = shortDay(end, locale);
    if (start.getYear() != end.getYear()) {
      return shortDay(start, locale) + " – " + last;
    }
    DateTimeFormatter noYear = forms(locale).shortNoYear();
    String first = noYear.format(start);
    if (start.getMonth() == end.getMonth()) {
      String lastNoYear = noYear.format(end);
      int head = sharedWords(first, lastNoYear, true);
      if (head > 0 && last.startsWith(first.substring(0, head))) {
        return first + " – " + last.substring(head); // "Dec 6 – 7, 2026"
      }
      int tail = sharedWords(first, lastNoYear, false);
      if (tail > 0) {
        return first.substring(0, first.length() - tail) + " – " + last; // "6 – 7 Dec 2026"
      }
    }
    return first + " – " + last;
  }

  /**
   * How many characters {@code a} and {@code b} share at their start ({@code atStart}) or end, in
   * whole words: up to and with the space after (before) the last (first) word they share; 0 when
   * they share none, or are the same.
   */
  private static int sharedWords(String a, String b, boolean atStart) {
    if (a.equals(b)) {
      return 0;
    }
    int n = 0;
    int most = Math.min(a.length(), b.length());
    while (n < most
        && (atStart
            ? a.charAt(n) == b.charAt(n)
            : a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n))) {
      n++;
    }
    // back to a word's edge: "Dec 1" shared by "Dec 16" and "Dec 17" is "Dec "
    while (n > 0 && !Character.isSpaceChar(atStart ? a.charAt(n - 1) : a.charAt(a.length() - n))) {
      n--;
    }
    return n;
  }

  /**
   * A day of an event for reading, where its year is said nearby (under the event): the full form
   * without the year, "Thursday, 15 October" (en-GB), "Thursday, October 15" (en-US), "5月13日水曜日"
   * (ja); with it when {@code withYear} (an event over New Year).
   */
  public static String dayInEvent(LocalDate date, boolean withYear, Locale locale) {
    return withYear ? day(date, locale) : forms(locale).withoutYear().format(date);
  }

  /** A moment for reading: its day as {@link #day} says it, then its time: "…, 14:30". */
  public static String dayAndTime(LocalDateTime at, Locale locale) {
    return day(at.toLocalDate(), locale) + ", " + CLOCK.format(at);
  }

  /**
   * A talk's time of day for reading, with its end when its length is known: "09:00–12:00"; "09:00"
   * alone without a length. An end on a later day says how many days later, as a calendar does:
   * "23:30–01:00 +1". One form wherever a talk's time is shown (the site, the navigator, the
   * details, the command line).
   */
  public static String clockSpan(LocalDateTime start, Duration length) {
    return clockSpan(start, length, null);
  }

  /**
   * {@link #clockSpan(LocalDateTime, Duration)} for a talk of an event in {@code zone} (null: the
   * event has none): the end is the wall-clock time {@code length} after the start there, so a
   * 01:30 talk of 2 h on the night Berlin's clocks go forward shows "01:30–04:30", not 03:30.
   */
  public static String clockSpan(LocalDateTime start, Duration length, java.time.ZoneId zone) {
    String from = CLOCK.format(start);
    if (length == null || length.isZero() || length.isNegative()) {
      return from;
    }
    // A start in a gap (02:30 on the night the clocks go from 02:00 to 03:00) is a time that does
    // not exist there: it is shown as typed, its end the length after it as typed, not after the
    // 03:30 that atZone would move it to (a 1 h talk read "02:30–04:30").
    LocalDateTime end =
        zone == null || zone.getRules().getValidOffsets(start).isEmpty()
            ? start.plus(length)
            : start.atZone(zone).plus(length).toLocalDateTime();
    long days = java.time.temporal.ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
    // The night the clocks go back a 45-minute talk at 02:15 (the first, summer-time one) ends at
    // 02:00: said, so that "02:15–02:00" does not read as a negative length.
    String back = days == 0 && !end.isAfter(start) ? " " + CLOCKS_GO_BACK : "";
    return from + "–" + CLOCK.format(end) + (days > 0 ? " +" + days : "") + back;
  }

  /** What follows a time span whose end reads as before its start, the clocks having gone back. */
  public static final String CLOCKS_GO_BACK = "(clocks go back)";

  /**
   * A talk's time in the form written ({@link #FORM}), with its end when its length is known:
   * "2026-12-07 09:00–12:00" (the command line's lists).
   */
  public static String formSpan(LocalDateTime start, Duration length) {
    return formSpan(start, length, null);
  }

  /** {@link #formSpan(LocalDateTime, Duration)} in the event's {@code zone} (null: none). */
  public static String formSpan(LocalDateTime start, Duration length, java.time.ZoneId zone) {
    return start.toLocalDate() + " " + clockSpan(start, length, zone);
  }

  /** {@link #clockSpan} after the day: "Monday, December 7, 2026, 09:00–12:00". */
  public static String dayAndClockSpan(LocalDateTime start, Duration length, Locale locale) {
    return day(start.toLocalDate(), locale) + ", " + clockSpan(start, length);
  }

  /**
   * An event's time zone named for reading after its times: "Berlin time" for Europe/Berlin, "New
   * York time", "UTC" for UTC, "UTC+02:00" for an offset. The same on every machine (never the
   * machine's zone, never a locale's abbreviation).
   */
  public static String zoneName(ZoneId zone) {
    ZoneId z = zone.normalized();
    if (z instanceof ZoneOffset offset) {
      return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
    }
    String id = zone.getId();
    if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT") || id.equals("Etc/GMT")) {
      return "UTC";
    }
    int slash = id.lastIndexOf('/');
    return (slash < 0 ? id : id.substring(slash + 1)).replace('_', ' ') + " time";
  }

  /**
   * A moment for a machine ({@code datetime=} on the site): {@code 2026-12-07T09:00+01:00} in its
   * event's {@code zone}, {@code 2026-12-07T09:00} for a floating time (zone null).
   */
  public static String machineForm(LocalDateTime at, ZoneId zone) {
    String local = at.toLocalDate() + "T" + CLOCK.format(at);
    if (zone == null) {
      return local;
    }
    String offset = zone.getRules().getOffset(at).getId();
    return local + (offset.equals("Z") ? "Z" : offset);
  }

  /**
   * {@code uuuu-M-d H:mm[:ss]} with each one-letter field at most two digits: as a pattern, {@code
   * M}, {@code d} and {@code H} take any number of digits, so a typo's {@code 011:30} was 11:30.
   */
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendValue(ChronoField.YEAR, 4, 19, SignStyle.EXCEEDS_PAD) // as uuuu
          .appendLiteral('-')
          .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendLiteral('-')
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendLiteral(' ')
          .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  /**
   * The date and time in {@code text}.
   *
   * @throws DateTimeParseException when it is not one
   */
  public static LocalDateTime parse(String text) {
    String t = text.strip().replaceFirst("(?<=\\d)[Tt](?=\\d)", " ").replaceAll("\\s+", " ");
    return LocalDateTime.parse(t, READ);
  }
}
