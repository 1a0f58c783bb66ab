package dev.talkbook.core.notebook;

import java.time.Duration;
import java.time.Instant;

/**
 * What a conference's published programme says about a talk beyond its {@link Talk.Details}: the
 * abstract (kept apart from the attendee's notes), subtitle, length, language and track, and where
 * it came from (the session's GUID/UID and the schedule it was read from) so that a later import of
 * the same programme finds it again. {@code removedAt} is set when a later programme no longer
 * lists the session; the talk is kept. A talk typed in by hand has {@link #NONE}.
 *
 * @param abstractText the session's abstract as Markdown ("" when there is none)
 * @param track the tag the programme's track became, or null
 * @param uid the session's GUID/UID in its programme, or null
 * @param source which programme it came from (format and conference), or null
 */
public record Programme(
    String abstractText,
    String subtitle,
    Duration duration,
    String language,
    String track,
    String uid,
    String source,
    Instant removedAt) {

  /** The longest abstract kept; a programme's abstracts are a few paragraphs. */
  public static final int MAX_ABSTRACT = 200_000;

  public static final Programme NONE = new Programme("", null, null, null, null, null, null, null);

  public Programme {
    abstractText = abstractText == null ? "" : abstractText.replace("\0", "").strip();
    if (abstractText.length() > MAX_ABSTRACT) {
      abstractText = abstractText.substring(0, MAX_ABSTRACT) + "…";
    }
    subtitle = oneLine(subtitle);
    language = oneLine(language);
    track = oneLine(track);
    uid = oneLine(uid);
    source = oneLine(source);
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      duration = null;
    }
  }

  /** Runs of white space, made one space: compiled once, not for each field of every talk read. */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private static String oneLine(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String line = SPACES.matcher(s.replace('\0', ' ')).replaceAll(" ").strip();
    return line.length() > Fields.MAX_TITLE ? line.substring(0, Fields.MAX_TITLE) : line;
  }

  /** True when the talk came from a programme (it has a UID to be matched by). */
  public boolean imported() {
    return uid != null;
  }

  public boolean removed() {
    return removedAt != null;
  }

  public Programme withRemovedAt(Instant when) {
    return new Programme(abstractText, subtitle, duration, language, track, uid, source, when);
  }

  public Programme withAbstract(String text) {
    return new Programme(text, subtitle, duration, language, track, uid, source, removedAt);
  }
}
