package dev.talkbook.ui.common;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.notebook.NotebookException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A talk's start time as it is typed and shown in a field ("2026-11-24 14:30"; read as {@link
 * DateTimeText} reads it: "2026-2-4 9:30" and an ISO "T" too): one form wherever a time is typed
 * (the details, the new talk's dialog), so a time copied from one reads in the other. Pure: no
 * toolkit.
 */
public final class TalkTime {
  /** The form shown and read. */
  public static final DateTimeFormatter FORM = DateTimeText.FORM;

  /** A date field's prompt, in the same form (an event's dates). */
  public static final String DATE_PROMPT = "yyyy-mm-dd";

  /** A field's prompt: the form, not an example date (one was taken for the talk's own time). */
  public static final String PROMPT = DATE_PROMPT + " hh:mm";

  /** A clock time's prompt: where a time alone is read on a day known (a one-day event's). */
  public static final String CLOCK_PROMPT = "hh:mm";

  /** What an optional field's prompt ends in. */
  public static final String OPTIONAL = " (optional)";

  private TalkTime() {}

  /** {@code at} in the form ("" for none). */
  public static String format(LocalDateTime at) {
    return at == null ? "" : FORM.format(at);
  }

  /** A clock time typed alone, without its day: "10:30", "9:05". */
  private static final Pattern CLOCK_ALONE = Pattern.compile("(\\d{1,2}):(\\d{2})");

  /**
   * The time typed in {@code text}; empty when it is blank. A refusal's example is on today.
   *
   * @throws NotebookException saying what a time looks like, when {@code text} is not one
   */
  public static Optional<LocalDateTime> parse(String text) {
    return parse(text, null, null);
  }

  /**
   * The time typed in {@code text}, a clock time alone ("10:30") read as one on {@code day}; empty
   * when it is blank. An attendee adding a talk to a one-day meetup typed "10:30" and was told it
   * "is not like 2026-11-24 14:30", a day that was not the event's.
   *
   * @param day the day a clock time alone is on (an event of one day, the day a new talk is offered
   *     at); null: none, a clock time alone is refused, saying that it needs its day
   * @param near the day the examples in a refusal are on (the event's first, the talk's own), null
   *     for today (an example on a fixed day of its own read as a day that was not the event's)
   * @throws NotebookException saying what a time looks like, when {@code text} is not one
   */
  public static Optional<LocalDateTime> parse(String text, LocalDate day, LocalDate near) {
    return parse(text, day, near, null);
  }

  /** {@link #parse(String, LocalDate, LocalDate)} on a given {@code today} (null: the clock's). */
  static Optional<LocalDateTime> parse(
      String text, LocalDate day, LocalDate near, LocalDate today) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    LocalDate shown =
        day != null ? day : near != null ? near : today != null ? today : LocalDate.now();
    Matcher clock = CLOCK_ALONE.matcher(t);
    if (clock.matches()) {
      int hour = Integer.parseInt(clock.group(1));
      int minute = Integer.parseInt(clock.group(2));
      if (hour > 23 || minute > 59) {
        throw notATime(t, shown);
      }
      if (day == null) {
        throw new NotebookException(
            "Time \""
                + t
                + "\" needs its day too, like "
                + FORM.format(shown.atTime(hour, minute))
                + ".");
      }
      return Optional.of(day.atTime(hour, minute));
    }
    try {
      return Optional.of(DateTimeText.parse(t));
    } catch (DateTimeParseException e) {
      throw notATime(t, shown);
    }
  }

  private static NotebookException notATime(String t, LocalDate shown) {
    return new NotebookException(
        "Time \"" + t + "\" is not like " + FORM.format(shown.atTime(14, 30)) + ".");
  }
}
