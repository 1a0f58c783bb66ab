package dev.talkbook.ui.common;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.notebook.NotebookException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

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

  /** What an optional field's prompt ends in. */
  public static final String OPTIONAL = " (optional)";

  private TalkTime() {}

  /** {@code at} in the form ("" for none). */
  public static String format(LocalDateTime at) {
    return at == null ? "" : FORM.format(at);
  }

  /**
   * The time typed in {@code text}; empty when it is blank.
   *
   * @throws NotebookException saying what a time looks like, when {@code text} is not one
   */
  public static Optional<LocalDateTime> parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DateTimeText.parse(t));
    } catch (DateTimeParseException e) {
      throw new NotebookException("Time \"" + t + "\" is not like 2026-11-24 14:30.");
    }
  }
}
