package dev.talkbook.core.site;

import static dev.talkbook.core.site.Html.esc;

import dev.talkbook.core.common.DateTimeText;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A talk's time as the site's pages show it ({@code <span><time datetime="…">…</time></span>}),
 * made once per distinct time in an export and shared by every page that shows it: a talk's own
 * page, its event's page and each of its tags' pages show the same time, and talks in parallel
 * rooms share their slot. Each markup formats a day in the locale, a clock span and an offset from
 * the zone's rules; one export of 10,000 talks asked for about 40,000 of them. Safe for the
 * export's page threads at once; one instance per export ({@link Pages}).
 */
final class TalkTimes {
  private record Key(
      LocalDateTime at,
      Duration length,
      ZoneId zone,
      boolean withDay,
      boolean withZone,
      boolean cancelled) {}

  private final Locale locale;
  private final Map<Key, String> made = new ConcurrentHashMap<>();
  private final AtomicInteger formatted = new AtomicInteger();

  TalkTimes(Locale locale) {
    this.locale = locale;
  }

  /**
   * The markup of a talk at {@code at} lasting {@code length} (null: unknown) in an event in {@code
   * zone} (null: floating times); {@code withDay} puts its day before the clock, {@code withZone}
   * names the zone after it, {@code cancelled} strikes it through.
   */
  String markup(
      LocalDateTime at,
      Duration length,
      ZoneId zone,
      boolean withDay,
      boolean withZone,
      boolean cancelled) {
    return made.computeIfAbsent(
        new Key(at, length, zone, withDay, withZone, cancelled), this::make);
  }

  /** How many markups were made, not taken from those made before (for tests). */
  int formatted() {
    return formatted.get();
  }

  private String make(Key k) {
    formatted.incrementAndGet();
    return (k.cancelled() ? "<span><s><time datetime=\"" : "<span><time datetime=\"")
        + DateTimeText.machineForm(k.at(), k.zone())
        + "\">"
        + (k.withDay() ? DateTimeText.day(k.at().toLocalDate(), locale) + ", " : "")
        + spanAndZone(k.at(), k.length(), k.zone(), k.withZone())
        + (k.cancelled() ? "</time></s></span>" : "</time></span>");
  }

  /**
   * "09:00–09:45", with the zone "09:00–09:45 (Berlin time)"; the night the clocks go back one pair
   * of brackets, "02:15–02:00 (Berlin time; clocks go back)", not two in a row.
   */
  private static String spanAndZone(
      LocalDateTime at, Duration length, ZoneId zone, boolean withZone) {
    String span = DateTimeText.clockSpan(at, length, zone);
    if (!withZone || zone == null) {
      return span;
    }
    String name = esc(DateTimeText.zoneName(zone));
    String back = " " + DateTimeText.CLOCKS_GO_BACK;
    return span.endsWith(back)
        ? span.substring(0, span.length() - back.length())
            + " ("
            + name
            + "; "
            + DateTimeText.CLOCKS_GO_BACK.substring(1)
        : span + " (" + name + ")";
  }
}
