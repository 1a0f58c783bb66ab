package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplHistoryTest {

  @Test
  void walksBackAndForwardAndKeepsTheDraft() {
    ReplHistory h = new ReplHistory();
    h.add("a");
    h.add("b");
    h.add("b");
    assertThat(h.entries()).containsExactly("a", "b");
    assertThat(h.previous("typing")).isEqualTo("b");
    assertThat(h.previous("b")).isEqualTo("a");
    assertThat(h.previous("a")).isNull();
    assertThat(h.next()).isEqualTo("b");
    assertThat(h.next()).isEqualTo("typing");
    assertThat(h.next()).isNull();
  }

  @Test
  void inputsOfAnEarlierStartComeBeforeThoseRunSince() {
    ReplHistory h = new ReplHistory();
    h.add("new");
    h.restoreOlder(java.util.List.of("old 1", "old 2", "new"));
    assertThat(h.entries()).containsExactly("old 1", "old 2", "new");
    assertThat(h.previous("")).isEqualTo("new");
    assertThat(h.previous("new")).isEqualTo("old 2");
  }
}
