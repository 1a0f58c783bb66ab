package dev.talkbook.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TalkTimesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aTalksTimeReadsAsItsPagesShowIt() {
    TalkTimes times = new TalkTimes(Locale.US);
    LocalDateTime at = LocalDateTime.of(2026, 12, 7, 9, 0);
    assertEquals(
        "<span><time datetime=\"2026-12-07T09:00+01:00\">Monday, December 7, 2026, 09:00–09:45"
            + " (Berlin time)</time></span>",
        times.markup(at, Duration.ofMinutes(45), BERLIN, true, true, false));
    assertEquals(
        "<span><s><time datetime=\"2026-12-07T09:00\">09:00</time></s></span>",
        times.markup(at, null, null, false, true, true));
    // the night the clocks go back in Berlin: one pair of brackets
    assertEquals(
        "<span><time datetime=\"2026-10-25T02:15+02:00\">02:15–02:00 (Berlin time; clocks go"
            + " back)</time></span>",
        times.markup(
            LocalDateTime.of(2026, 10, 25, 2, 15),
            Duration.ofMinutes(45),
            BERLIN,
            false,
            true,
            false));
  }

  @Test
  void eachDistinctTimeIsMadeOnceForAllThePagesThatShowIt() {
    TalkTimes times = new TalkTimes(Locale.US);
    LocalDateTime day = LocalDateTime.of(2026, 12, 7, 9, 0);
    String first = times.markup(day, Duration.ofMinutes(30), BERLIN, true, true, false);
    // 1,000 talks in 20 slots of 4 parallel rooms, each shown on its page, its event's page and a
    // tag page: 20 slots, each in two forms (with and without its day)
    for (int talk = 0; talk < 1_000; talk++) {
      LocalDateTime at = day.plusMinutes(30L * (talk % 20));
      times.markup(at, Duration.ofMinutes(30), BERLIN, false, true, false);
      times.markup(at, Duration.ofMinutes(30), BERLIN, false, false, false);
      times.markup(at, Duration.ofMinutes(30), BERLIN, true, true, false);
    }
    assertEquals(60, times.formatted());
    assertEquals(first, times.markup(day, Duration.ofMinutes(30), BERLIN, true, true, false));
  }
}
