package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only notebook open beside the writer (as {@code talkbook share} beside the window): it
 * sees what the writer saves, and the writer still closes without an error.
 */
class ReadBesideWriterTest {
  @TempDir Path dir;

  @RepeatedTest(3)
  void theWriterClosesWhileAReaderIsOpenAndTheReaderSeesItsSaves() {
    Path file = dir.resolve("n.talkbook");
    long id;
    try (Notebook setup = Notebook.open(file)) {
      Event e = setup.events().create(Event.Details.titled("E"));
      id = setup.talks().create(e.id(), Talk.Details.titled("T"), "one").id();
    }
    Notebook writer = Notebook.open(file);
    try (Notebook reader =
        Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      var before = reader.talks().changedAt(id).orElseThrow();
      writer.talks().saveBody(id, "two");
      assertThat(reader.talks().get(id).body()).isEqualTo("two");
      assertThat(reader.talks().changedAt(id).orElseThrow()).isAfterOrEqualTo(before);
      writer.close(); // must not fail for the reader's sake
      assertThat(reader.talks().get(id).body()).isEqualTo("two");
    }
    try (Notebook again = Notebook.open(file)) {
      assertThat(again.talks().get(id).body()).isEqualTo("two");
    }
    assertThat(reopenedChangedAtOfMissingTalk(file)).isEmpty();
  }

  private static java.util.Optional<java.time.Instant> reopenedChangedAtOfMissingTalk(Path file) {
    try (Notebook nb = Notebook.open(file)) {
      return nb.talks().changedAt(999_999);
    }
  }
}
