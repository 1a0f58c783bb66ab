package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SaveWaitTest {
  private static final long MS = 1_000_000;

  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final SaveWait wait = new SaveWait(now::get);

  @Test
  void aChangeAfterAPauseIsSavedTheDelayLater() {
    assertThat(wait.changed()).isEqualTo(400 * MS);
    assertThat(SaveWait.beforePause(400 * MS)).isFalse();
  }

  @Test
  void steadyTypingIsSavedAtTheLatestTheMaxWaitAfterItsFirstChange() {
    wait.changed();
    now.addAndGet(250 * MS);
    long second = wait.changed();
    assertThat(second).isEqualTo(250 * MS); // at 500 ms after the first, not 650
    assertThat(SaveWait.beforePause(second)).isTrue();
    now.addAndGet(300 * MS);
    assertThat(wait.changed()).isZero(); // overdue: at once
  }

  @Test
  void aSaveStartsANewWaitAtTheNextChange() {
    wait.changed();
    now.addAndGet(450 * MS);
    wait.saving();
    now.addAndGet(100 * MS);
    assertThat(wait.changed()).isEqualTo(400 * MS);
    now.addAndGet(200 * MS);
    assertThat(wait.changed()).isEqualTo(300 * MS);
  }
}
