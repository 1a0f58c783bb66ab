package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The feed's talks are ordered as the text of their time, else of their event's day, else "null";
 * {@link SiteExporter#byTime} gives that order without making the texts, for years 0 to 9999.
 */
class FeedOrderTest {
  private record When(LocalDateTime at, LocalDate day) {}

  private static When random(Random r) {
    int year = r.nextInt(10) == 0 ? r.nextInt(10_000) : 2020 + r.nextInt(3);
    LocalDate day = LocalDate.of(year, 1 + r.nextInt(2), 1 + r.nextInt(3));
    LocalDate eventDay = r.nextInt(5) == 0 ? null : day;
    if (r.nextInt(3) == 0) {
      return new When(null, eventDay);
    }
    int second = r.nextBoolean() ? 0 : r.nextInt(3);
    int nano =
        switch (r.nextInt(5)) {
          case 0 -> 500_000_000;
          case 1 -> 500_000;
          case 2 -> 500_000_001;
          case 3 -> r.nextInt(1_000_000_000);
          default -> 0;
        };
    return new When(
        LocalDateTime.of(day, java.time.LocalTime.of(r.nextInt(3), r.nextInt(2), second, nano)),
        r.nextBoolean() ? eventDay : null);
  }

  @Test
  void theTimesAreComparedAsTheirTexts() {
    Random r = new Random(20261206);
    List<When> whens = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      whens.add(random(r));
    }
    whens.add(new When(null, null));
    whens.add(new When(null, LocalDate.of(0, 1, 1)));
    whens.add(new When(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999), null));
    whens.add(new When(LocalDateTime.of(2026, 10, 5, 0, 0), null));
    whens.add(new When(null, LocalDate.of(2026, 10, 5)));
    int compared = 0;
    for (When a : whens) {
      assertThat(SiteExporter.plainYear(a.at(), a.day())).isTrue();
      for (When b : whens) {
        int byText =
            Integer.signum(
                SiteExporter.timeText(a.at(), a.day())
                    .compareTo(SiteExporter.timeText(b.at(), b.day())));
        assertThat(Integer.signum(SiteExporter.byTime(a.at(), a.day(), b.at(), b.day())))
            .as("%s vs %s", a, b)
            .isEqualTo(byText);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(160_000);
  }

  @Test
  void yearsOfOtherThanFourDigitsTakeTheTexts() {
    // "+10000-01-01" and "-0001-01-01" sort before "2026-…" as texts, not as times.
    assertThat(SiteExporter.plainYear(LocalDateTime.of(10_000, 1, 1, 0, 0), null)).isFalse();
    assertThat(SiteExporter.plainYear(null, LocalDate.of(-1, 1, 1))).isFalse();
    assertThat(SiteExporter.plainYear(null, LocalDate.of(9999, 1, 1))).isTrue();
    assertThat(SiteExporter.plainYear(null, null)).isTrue();
  }
}
