package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevisionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final RevisionPolicy policy = new RevisionPolicy(Duration.ofMinutes(5), ZoneOffset.UTC);

  @ParameterizedTest(name = "newest revision {0} s old -> keep: {1}")
  @CsvSource({"1, false", "60, false", "299, false", "300, true", "3600, true"})
  void autosaveKeepsARevisionOnlyWhenTheNewestIsOlderThanTheInterval(
      long ageSeconds, boolean keep) {
    assertThat(policy.keepOnAutosave(NOW.minusSeconds(ageSeconds), NOW)).isEqualTo(keep);
  }

  @Test
  void theStandardPolicyCountsDaysInTheSystemsTimeZone() {
    RevisionPolicy standard = RevisionPolicy.standard();
    assertThat(standard.zone()).isEqualTo(ZoneId.systemDefault());
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    Instant monthAgo = Instant.parse("2026-10-20T00:30:00Z");
    for (int i = 0; i < 48; i++) { // every hour of two days, wherever their midnights fall
      stamps.add(new RevisionPolicy.Stamp(i, monthAgo.plus(Duration.ofHours(i))));
    }
    assertThat(standard.thin(stamps, NOW))
        .isEqualTo(
            new RevisionPolicy(RevisionPolicy.DEFAULT_INTERVAL, ZoneId.systemDefault())
                .thin(stamps, NOW))
        .hasSizeBetween(45, 46);
  }

  @Test
  void autosaveKeepsTheFirstRevision() {
    assertThat(policy.keepOnAutosave(null, NOW)).isTrue();
  }

  @Test
  void keepsEverythingFromTheLastDay() {
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    for (int i = 0; i < 24 * 12; i++) { // one every five minutes for 24 hours
      stamps.add(new RevisionPolicy.Stamp(i, NOW.minus(Duration.ofMinutes(5L * i))));
    }
    assertThat(policy.thin(stamps, NOW)).isEmpty();
  }

  @Test
  void keepsTheNewestOfEachHourForTheLastWeek() {
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    Instant twoDaysAgo = Instant.parse("2026-11-22T09:00:00Z");
    stamps.add(new RevisionPolicy.Stamp(1, twoDaysAgo.plusSeconds(60)));
    stamps.add(new RevisionPolicy.Stamp(2, twoDaysAgo.plusSeconds(1800)));
    stamps.add(new RevisionPolicy.Stamp(3, twoDaysAgo.plusSeconds(3000)));
    stamps.add(new RevisionPolicy.Stamp(4, twoDaysAgo.plusSeconds(3700))); // the next hour
    assertThat(policy.thin(stamps, NOW)).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void keepsTheNewestOfEachDayBeforeThat() {
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    Instant monthAgo = Instant.parse("2026-10-20T08:00:00Z");
    for (int i = 0; i < 10; i++) {
      stamps.add(new RevisionPolicy.Stamp(i, monthAgo.plus(Duration.ofHours(i)))); // 08:00..17:00
    }
    stamps.add(new RevisionPolicy.Stamp(100, monthAgo.plus(Duration.ofDays(1))));
    Set<Long> deleted = policy.thin(stamps, NOW);
    assertThat(deleted).hasSize(9).doesNotContain(9L, 100L);
  }

  @Test
  void keepsOnlyTheNewestOfTwoOnTheSameOldDay() {
    List<RevisionPolicy.Stamp> stamps =
        List.of(
            new RevisionPolicy.Stamp(1, NOW.minus(Duration.ofDays(400))),
            new RevisionPolicy.Stamp(2, NOW.minus(Duration.ofDays(400)).plusSeconds(10)));
    assertThat(policy.thin(stamps, NOW)).containsExactly(1L);
  }

  @Test
  void aYearOfHourlyRevisionsThinsToAboutOnePerDay() {
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    for (int i = 0; i < 365 * 24; i++) {
      stamps.add(new RevisionPolicy.Stamp(i, NOW.minus(Duration.ofHours(i))));
    }
    int kept = stamps.size() - policy.thin(stamps, NOW).size();
    // 24 from the last day, ~6*24 hourly for the rest of the week, ~358 daily before that.
    assertThat(kept).isBetween(24 + 6 * 24 + 355, 24 + 6 * 24 + 360);
  }
}
