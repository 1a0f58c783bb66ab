package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {
  @Test
  void oneIsSingularAndEveryOtherNumberPlural() {
    assertThat(Counts.of(1, "talk")).isEqualTo("1 talk");
    assertThat(Counts.of(0, "talk")).isEqualTo("0 talks");
    assertThat(Counts.of(2, "talk")).isEqualTo("2 talks");
    assertThat(Counts.of(1, "entry", "entries")).isEqualTo("1 entry");
    assertThat(Counts.of(12, "entry", "entries")).isEqualTo("12 entries");
  }
}
