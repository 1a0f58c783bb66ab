package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StyleSetsTest {

  @Test
  void equalClassesGetTheVerySameSetWithTheExtraClass() {
    Set<String> a = StyleSets.with(Set.of("tb-code", "tb-java"), "tb-prefix");
    Set<String> b = StyleSets.with(new HashSet<>(List.of("tb-java", "tb-code")), "tb-prefix");

    assertThat(a).containsExactlyInAnyOrder("tb-code", "tb-java", "tb-prefix").isSameAs(b);
  }

  @Test
  void anotherExtraClassIsAnotherSet() {
    Set<String> prefix = StyleSets.with(Set.of("tb-code"), "tb-prefix");
    Set<String> stale = StyleSets.with(Set.of("tb-code"), "tb-out-of-date");

    assertThat(stale).containsExactlyInAnyOrder("tb-code", "tb-out-of-date").isNotSameAs(prefix);
  }
}
