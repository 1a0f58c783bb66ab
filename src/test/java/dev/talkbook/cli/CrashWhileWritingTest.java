package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a writing command at random moments, including while it closes the notebook, never
 * locks the user out and never mixes two versions of the notes. (The {@code crash} benchmark group
 * runs hundreds of cycles; this is the bounded version for every build.)
 */
class CrashWhileWritingTest {
  @TempDir Path dir;

  @Test
  @Timeout(300)
  void killedWritingCommandsLeaveANotebookThatOpens() throws Exception {
    int cycles = Integer.getInteger("crash.cycles", 24);

    CrashCycles.Result r = CrashCycles.run(dir, cycles, 11, 400_000);

    System.out.println("crash cycles: " + r);
    assertThat(r.killedWhileClosing()).as("kills that landed while closing: %s", r).isPositive();
    assertThat(r.refusedOpens()).as("%s", r).isZero();
    assertThat(r.mixedNotes()).as("%s", r).isZero();
    assertThat(r.unsound()).as("%s", r).isZero();
  }
}
