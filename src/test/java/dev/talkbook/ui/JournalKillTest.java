package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never lose a keystroke: the real window in a process of its own (headless) is typed into, killed
 * (SIGKILL) right after its last key, and started again; every line typed is in the talk's notes
 * (put back from the notes' journal, {@code core.store.NotesJournal}). Without the journal the
 * typing of the last half second before each kill was lost.
 */
class JournalKillTest {
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void killedRightAfterTheLastKeyTheNextStartHasEveryCharacterTyped() throws Exception {
    Path notebook = dir.resolve("typed.talkbook");
    long talk;
    try (Notebook book = Notebook.open(notebook)) {
      long event = book.events().create(Event.Details.titled("Meetup")).id();
      talk = book.talks().create(event, Talk.Details.titled("Typed into"), "# Typed into\n\n").id();
    }
    Path home = dir.resolve("home");
    for (int cycle = 1; cycle <= 3; cycle++) {
      int journaledAtKill;
      WindowProcess killed =
          WindowProcess.start(notebook, "kill" + cycle, home, WindowProcess.headless(), Map.of());
      try (killed) {
        assertThat(killed.awaitTyping(START)).as("typing started\n%s", killed.output()).isTrue();
        int last = killed.linesTyped() + 5 + cycle * 3; // 0.8–1.4 s of typing
        // Killed as soon as the line is in the journal (the probe says so once the journal's
        // thread has written it, microseconds after the key): the autosave's half second has not
        // passed. What matters is that all that reached the journal is kept; a kill in the
        // microseconds between a key and its write is the one loss left.
        long deadline = System.nanoTime() + START.toNanos();
        while (killed.linesJournaled() < last) {
          assertThat(System.nanoTime() - deadline)
              .as(
                  "line %d journaled in %s (%d so far)\n%s",
                  last, START, killed.linesJournaled(), killed.output())
              .isNegative();
          Thread.sleep(1);
        }
        journaledAtKill = killed.linesJournaled();
        killed.kill();
      }
      // The next start puts the journaled typing back before it shows the talk; its own probe
      // typing a line proves the window is up, and a SIGTERM saves it.
      try (WindowProcess next =
          WindowProcess.start(notebook, "next" + cycle, home, WindowProcess.headless(), Map.of())) {
        assertThat(next.awaitTyping(START)).as("typing started\n%s", next.output()).isTrue();
        next.terminate();
        assertThat(next.waitFor(Duration.ofSeconds(60))).as("%s", next.output()).isNotEqualTo(-1);
      }
      String notes;
      try (Notebook book = Notebook.open(notebook, Notebook.Options.defaults().withCreate(false))) {
        assertThat(book.check()).isEmpty();
        notes = book.talks().get(talk).body();
      }
      int lost = killed.charactersLost(notes, journaledAtKill);
      System.out.printf(
          "journal-kill cycle %d: %d lines, %d characters typed, %d lost%n",
          cycle, killed.linesTyped(), killed.charactersTyped(), lost);
      assertThat(lost).as("characters lost in cycle %d:\n%s", cycle, notes).isZero();
      List<String> files;
      try (var listed = Files.list(dir)) {
        files = listed.map(Path::getFileName).map(Path::toString).toList();
      }
      assertThat(files)
          .as("no journal kept aside as made on other notes")
          .noneMatch(name -> name.contains(".kept-"));
      // The probe types on while SIGTERM's hook saves: keys after its save and cut stay in a
      // journal, which must then replay on the notes the hook saved (never kept aside next time).
      for (String name : files) {
        if (name.contains(".journal-")) {
          assertThat(
                  dev.talkbook.core.store.NotesJournal.replay(
                          Files.readAllBytes(dir.resolve(name)), notes)
                      .outcome())
              .as("the journal left after the clean restart, %s, fits the notes saved", name)
              .isEqualTo(dev.talkbook.core.store.NotesJournal.Outcome.APPLIED);
        }
      }
    }
  }
}
