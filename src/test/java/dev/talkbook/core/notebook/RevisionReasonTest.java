package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a revision's reason is read back from the notebook. */
class RevisionReasonTest {

  @Test
  void everyReasonReadsBackAsWritten() {
    for (Revision.Reason r : Revision.Reason.values()) {
      assertThat(Revision.Reason.ofStored(r.name().toLowerCase(java.util.Locale.ROOT)))
          .isEqualTo(r);
    }
  }

  @Test
  void aReasonWrittenByALaterVersionReadsAsACheckpoint() {
    assertThat(Revision.Reason.ofStored("merged")).isEqualTo(Revision.Reason.CHECKPOINT);
  }
}
