package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of text typed ahead ({@link TypedAheadKept}) is read for the dialog of kept notes ({@link
 * KeptNotes#read}): offered to be added only to the talk it was typed for, and only when that
 * talk's notes do not end with it already.
 */
class KeptNotesTest {
  @TempDir Path dir;

  private Notebook notebook;
  private long event;

  @BeforeEach
  void open() {
    notebook = Notebook.open(dir.resolve("notes.talkbook"));
    event = notebook.events().create(Event.Details.titled("Evening")).id();
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  /** The file the typed text for {@code talkId} went into, {@code minutesAgo} old. */
  private Path typed(long talkId, String text, int minutesAgo) throws Exception {
    Path file =
        TypedAheadKept.writeBeside(
            notebook.file(), talkId, text, Files.createDirectories(dir.resolve("tmp")));
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000L));
    return file;
  }

  @Test
  void theTalkItWasTypedForIsOffered() throws Exception {
    Talk keynote = notebook.talks().create(event, Talk.Details.titled("Keynote"), "saved\n");
    Path file = typed(keynote.id(), "typed", 0);

    KeptNotes.Kept kept = KeptNotes.read(notebook, file);

    assertThat(kept.problem()).isNull();
    assertThat(kept.talk().id()).isEqualTo(keynote.id());
    assertThat(kept.title()).isEqualTo("Keynote");
    assertThat(kept.alreadyThere()).isFalse();
  }

  @Test
  void notesEndingWithTheSameLettersDoNotHoldTheTextAlready() throws Exception {
    Talk talk = notebook.talks().create(event, Talk.Details.titled("Books"), "A look at a book\n");
    Path file = typed(talk.id(), "ok", 0);

    KeptNotes.Kept kept = KeptNotes.read(notebook, file);

    assertThat(kept.alreadyThere()).as("“…book” does not end with the paragraph “ok”").isFalse();

    notebook.talks().saveBody(talk.id(), TypedAheadKept.added("A look at a book\n", "ok"));
    assertThat(KeptNotes.read(notebook, file).alreadyThere()).as("once added").isTrue();
  }
}
