package dev.talkbook.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Revision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The words of the history's list, without a window. */
class HistoryDialogTest {
  private static final Instant NOW = Instant.parse("2026-12-06T19:00:40Z");

  @Test
  void revisionsKeptInTheSameMinuteAreToldApartByTheirNumber() {
    Revision first = new Revision(41, 100, NOW.minusSeconds(20), Revision.Reason.COMMAND, "one\n");
    Revision second = new Revision(42, 100, NOW.minusSeconds(10), Revision.Reason.COMMAND, "two\n");

    assertThat(HistoryDialog.detail(first, NOW))
        .isEqualTo("Saved by a talkbook command · revision 41 · just now");
    assertThat(HistoryDialog.detail(second, NOW)).contains("revision 42");
  }

  @Test
  void aRevisionKeptOnLeavingStillSaysSo() {
    Revision r =
        new Revision(7, 1, NOW.minus(Duration.ofMinutes(5)), Revision.Reason.CHECKPOINT, "x\n");

    assertThat(HistoryDialog.detail(r, NOW))
        .isEqualTo("Kept when you left the talk · revision 7 · 5 minutes ago");
  }
}
