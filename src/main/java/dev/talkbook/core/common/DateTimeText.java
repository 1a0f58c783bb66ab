package dev.talkbook.core.common;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * A date and time as a person types it for a talk: {@code 2026-11-24 14:30}, also with a one-digit
 * month, day or hour ({@code 2026-2-4 9:30}), seconds, an ISO {@code T} for the space, or spaces
 * around; one rule for the window's fields and the command line. A day that does not exist (30
 * February) is refused, not moved to another one.
 */
public final class DateTimeText {
  private DateTimeText() {}

  /** The form written: {@code 2026-11-24 14:30}. */
  public static final DateTimeFormatter FORM =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  /** A time of day as the views and messages show it: {@code 09:30}. */
  public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private static final DateTimeFormatter READ =
      DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]", Locale.ROOT)
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
