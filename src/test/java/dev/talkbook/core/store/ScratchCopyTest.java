package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run's scratch copy: made from a read-only notebook, written freely, gone when closed. */
class ScratchCopyTest {
  @TempDir Path dir;

  @Test
  void aCopyOfAReadOnlyNotebookTakesChangesThatTheNotebookNeverSees() throws Exception {
    Path file = dir.resolve("n.talkbook");
    try (Notebook nb = Notebook.open(file)) {
      long event = nb.events().create(Event.Details.titled("Evening")).id();
      nb.talks().create(event, Talk.Details.titled("Keynote"), "notes");
    }
    byte[] before = Files.readAllBytes(file);
    java.util.List<String> besideBefore;
    try (var beside = Files.list(dir)) {
      besideBefore = beside.map(p -> p.getFileName().toString()).sorted().toList();
    }
    Path folder;
    try (Notebook readOnly =
        Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      try (Notebook copy = readOnly.scratchCopy()) {
        folder = copy.file().getParent();
        assertThat(copy.isReadOnly()).isFalse();
        assertThat(copy.talks().count()).isEqualTo(1);
        long event = copy.events().list().get(0).id();
        copy.talks().create(event, Talk.Details.titled("Only in the copy"), "");
        assertThat(copy.talks().count()).isEqualTo(2);
        assertThat(readOnly.talks().count()).isEqualTo(1);
      }
    }
    assertThat(folder).doesNotExist();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var beside = Files.list(dir)) {
      assertThat(beside.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(besideBefore);
    }
  }
}
