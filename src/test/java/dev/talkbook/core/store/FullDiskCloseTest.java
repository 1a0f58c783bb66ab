package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.SmallDisk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closing a notebook on a full disk: what the close says is true. It said "the last changes are
 * saved in full.talkbook-wal beside it" when SQLite had folded the log in as it closed and no
 * {@code -wal} was there (tester 9a, finding 2).
 */
class FullDiskCloseTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {0, 4 << 10, 32 << 10})
  void aCloseOnAFullDiskNamesALogOnlyWhenOneIsThere(long free) throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 3)) {
      Path file = disk.root().resolve("full.talkbook");
      Notebook book = Notebook.open(file);
      long event = book.events().create(Event.Details.titled("Meetup")).id();
      long talk = book.talks().create(event, Talk.Details.titled("Loom"), "# Loom\n").id();
      for (int i = 0; i < 20; i++) {
        book.talks().saveBody(talk, "# Loom\n\n" + "typed line\n".repeat(50 * (i + 1)));
      }
      disk.fill(free);
      String said = null;
      try {
        book.close();
      } catch (NotebookException e) {
        said = e.getMessage();
      }
      Path wal = file.resolveSibling("full.talkbook-wal");
      boolean walThere = Files.exists(wal) && Files.size(wal) > 0;
      if (said != null && said.contains("-wal")) {
        assertThat(walThere).as("the -wal the close names, there: " + said).isTrue();
      }
      disk.free();
      try (Notebook again = Notebook.open(file)) {
        assertThat(again.talks().get(talk).body()).contains("typed line\n".repeat(1000));
      }
    }
  }
}
