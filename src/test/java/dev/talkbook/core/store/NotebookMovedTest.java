package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook file moved or deleted while open (a tester moved it with a file manager; the window
 * said nothing, and after a crash the moved file had none of the typing, which sat in the -wal left
 * at the old place).
 */
class NotebookMovedTest {
  @TempDir Path dir;

  private static String bodyIn(Path file, String title) {
    try (Notebook notebook =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      return notebook.talks().findByTitle(title).stream().findFirst().map(Talk::body).orElse("");
    }
  }

  @Test
  @Timeout(60)
  void aMovedFileIsFoundAtItsNewPlaceAndKeepsTakingTheSavesWithoutTheOldLog() throws Exception {
    Path file = dir.resolve("m.talkbook");
    Path elsewhere = Files.createDirectories(dir.resolve("m2")).resolve("m.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      notebook.foldLogAfter(Duration.ofMillis(200));
      Event event = notebook.events().create(Event.Details.titled("Conference"));
      long talk = notebook.talks().create(event.id(), Talk.Details.titled("Keynote"), "").id();
      notebook.talks().saveBody(talk, "before move text");
      assertThat(notebook.whereabouts()).isEmpty();

      Files.move(file, elsewhere); // as a file manager does: a rename, the file stays open
      assertThat(notebook.whereabouts())
          .contains(new Notebook.Moved(file, elsewhere.toRealPath(), false));
      assertThat(notebook.whereabouts().get().message())
          .contains("moved to " + elsewhere.toRealPath())
          .contains("still saved");

      notebook.talks().saveBody(talk, "before move text\nafter move text");
      // A read that needs a connection of its own (the check) is not refused: none can be opened
      // by the old name, so it reads through the writer.
      assertThat(notebook.check()).isEmpty();
      // Copied alone (as if Talkbook crashed now: its -wal is at the old place), the moved file
      // holds the saves once they have been quiet.
      Path copy = dir.resolve("copy.talkbook");
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String seen;
      do {
        Files.copy(elsewhere, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        seen = bodyIn(copy, "Keynote");
        Notebook.deleteWithSidecars(copy);
        Thread.sleep(50);
      } while (!seen.contains("after move text") && System.nanoTime() < end);
      assertThat(seen).isEqualTo("before move text\nafter move text");
      assertThat(file).as("nothing made at the old place").doesNotExist();
    }
    assertThat(bodyIn(elsewhere, "Keynote")).isEqualTo("before move text\nafter move text");
  }

  @Test
  void aDeletedFileIsToldAsDeleted() throws Exception {
    Path file = dir.resolve("d.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      notebook.events().create(Event.Details.titled("Conference"));
      Files.delete(file);
      assertThat(notebook.whereabouts()).isPresent();
      assertThat(notebook.whereabouts().get().now()).isNull();
      assertThat(notebook.whereabouts().get().deleted()).isTrue();
      assertThat(notebook.whereabouts().get().message()).contains("was deleted");
    }
  }

  /**
   * Code run in the REPL deleted the notebook file (`Files.delete(Path.of(…))`); the window went on
   * saving into it, and quitting lost every talk of the notebook.
   */
  @Test
  @Timeout(60)
  void aFileDeletedWhileOpenIsWrittenBackWithEverySaveWhenItCloses() throws Exception {
    Path file = dir.resolve("gone.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      Event event = notebook.events().create(Event.Details.titled("Conference"));
      long talk = notebook.talks().create(event.id(), Talk.Details.titled("Keynote"), "").id();
      notebook.talks().saveBody(talk, "before delete");
      Files.delete(file);
      notebook.talks().saveBody(talk, "before delete, after delete");
      assertThat(notebook.whereabouts().get().deleted()).isTrue();
      assertThat(notebook.whereabouts().get().message()).contains("write it back there");
    }
    assertThat(file).exists();
    assertThat(dir.resolve("gone.talkbook.part")).doesNotExist();
    assertThat(bodyIn(file, "Keynote")).isEqualTo("before delete, after delete");
    try (Notebook again = Notebook.open(file)) {
      assertThat(again.whereabouts()).isEmpty();
    }
  }

  /** As above, the log folded into the file before the delete (the window quiet for a while). */
  @Test
  @Timeout(60)
  void aFileDeletedAfterItsLogWasFoldedIsWrittenBackWhenItCloses() throws Exception {
    Path file = dir.resolve("folded.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      notebook.foldLogAfter(Duration.ofMillis(50));
      Event event = notebook.events().create(Event.Details.titled("Conference"));
      long talk = notebook.talks().create(event.id(), Talk.Details.titled("Keynote"), "").id();
      notebook.talks().saveBody(talk, "before delete");
      while (notebook.logFolds() == 0) {
        Thread.sleep(20);
      }
      Files.delete(file);
      notebook.talks().saveBody(talk, "before delete, after delete");
    }
    assertThat(bodyIn(file, "Keynote")).isEqualTo("before delete, after delete");
  }

  /**
   * A notebook made and closed before: its file is in rollback-journal mode, as every closed one.
   */
  private static long madeBefore(Path file) {
    try (Notebook notebook = Notebook.open(file)) {
      Event event = notebook.events().create(Event.Details.titled("Conference"));
      long talk = notebook.talks().create(event.id(), Talk.Details.titled("Keynote"), "").id();
      notebook.talks().saveBody(talk, "before delete");
      return talk;
    }
  }

  /**
   * As the window has it: a notebook made before, opened again and deleted before anything was
   * saved in it (code run in the REPL as the first thing). SQLite refused every save from then on
   * (SQLITE_IOERR_FSTAT: the writer, opened on a file in rollback-journal mode, had not opened its
   * -wal yet, and SQLite opens one only while the file is at its name), the window said "Not saved"
   * and only what was saved before the delete came back.
   */
  @Test
  @Timeout(60)
  void aFileOpenedAgainThenDeletedTakesEverySaveAndIsWrittenBackWhenItCloses() throws Exception {
    Path file = dir.resolve("again.talkbook");
    long talk = madeBefore(file);
    try (Notebook notebook = Notebook.open(file)) {
      assertThat(notebook.talks().findByTitle("Keynote")).isNotEmpty();
      Files.delete(file);
      notebook.talks().saveBody(talk, "before delete, after delete");
      Event later = notebook.events().create(Event.Details.titled("Workshop"));
      notebook.talks().create(later.id(), Talk.Details.titled("Typed after"), "more notes");
      // a read that needs a connection of its own reads through the writer
      assertThat(notebook.talks().findByTitle("Typed after")).hasSize(1);
      assertThat(notebook.check()).isEmpty();
    }
    assertThat(file).exists();
    assertThat(dir.resolve("again.talkbook.part")).doesNotExist();
    assertThat(NotebookFile.sibling(file, "-wal")).doesNotExist();
    assertThat(NotebookFile.sibling(file, "-shm")).doesNotExist();
    assertThat(bodyIn(file, "Keynote")).isEqualTo("before delete, after delete");
    assertThat(bodyIn(file, "Typed after")).isEqualTo("more notes");
    try (Notebook again = Notebook.open(file)) {
      assertThat(again.whereabouts()).isEmpty();
      assertThat(again.check()).isEmpty();
    }
  }

  /** As above, its log and shared-memory index deleted with it (`rm again.talkbook*`). */
  @Test
  @Timeout(60)
  void aFileOpenedAgainThenDeletedWithItsLogTakesEverySave() throws Exception {
    Path file = dir.resolve("all.talkbook");
    long talk = madeBefore(file);
    try (Notebook notebook = Notebook.open(file)) {
      notebook.foldLogAfter(Duration.ofMillis(50));
      Files.delete(file);
      Files.delete(NotebookFile.sibling(file, "-wal"));
      Files.delete(NotebookFile.sibling(file, "-shm"));
      notebook.talks().saveBody(talk, "before delete, after delete");
      long folds = notebook.logFolds();
      notebook.talks().saveBody(talk, "before delete, after delete, folded");
      while (notebook.logFolds() == folds) { // a fold into the deleted file goes on as before
        Thread.sleep(20);
      }
      notebook.talks().saveBody(talk, "before delete, after delete, folded, last");
    }
    assertThat(bodyIn(file, "Keynote")).isEqualTo("before delete, after delete, folded, last");
    assertThat(NotebookFile.sibling(file, "-wal")).doesNotExist();
  }

  /**
   * Deleted while open, and then another file put at its name (a sync service, the user copying an
   * older notebook there): closing left that file as it is, as it must, and lost the deleted
   * notebook with every save in it, without a word.
   */
  @Test
  @Timeout(60)
  void aFileDeletedWhileAnotherIsPutAtItsNameIsWrittenBackBesideIt() throws Exception {
    Path file = dir.resolve("busy.talkbook");
    Path other = dir.resolve("other.talkbook");
    try (Notebook made = Notebook.open(other)) {
      made.events().create(Event.Details.titled("Other"));
    }
    long talk = madeBefore(file);
    Files.createFile(dir.resolve("busy-written-back.talkbook")); // a name taken already
    try (Notebook notebook = Notebook.open(file)) {
      Files.delete(file);
      notebook.talks().saveBody(talk, "before delete, after delete");
      assertThat(notebook.whereabouts().get().message())
          .contains("beside it, as busy-written-back.talkbook");
      Files.copy(other, file);
    }
    try (Notebook put =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(put.events().list())
          .extracting(Event::title)
          .as("the file put at its name is untouched")
          .containsExactly("Other");
    }
    assertThat(dir.resolve("busy-written-back.talkbook")).isEmptyFile();
    Path back = dir.resolve("busy-written-back-2.talkbook");
    assertThat(bodyIn(back, "Keynote")).isEqualTo("before delete, after delete");
    assertThat(dir.resolve("busy.talkbook.part")).doesNotExist();
  }

  /**
   * Found in review: the free name beside it was looked for and then renamed to, so a file another
   * program put at that name in between was overwritten. A name taken as the notebook is about to
   * take it is left alone, and the notebook goes to the next one.
   */
  @Test
  @Timeout(60)
  void aNameTakenJustBeforeTheWrittenBackNotebookTakesItIsLeftAloneAndTheNextOneUsed()
      throws Exception {
    Path file = dir.resolve("race.talkbook");
    long talk = madeBefore(file);
    Path first = dir.resolve("race-written-back.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      Files.delete(file);
      notebook.talks().saveBody(talk, "after the delete");
      Files.writeString(file, "another file at its name");
      notebook.beforePlacingWrittenBack(
          to -> {
            if (to.equals(first)) {
              try {
                Files.writeString(first, "put there in between");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          });
    }
    assertThat(file).hasContent("another file at its name");
    assertThat(first).hasContent("put there in between");
    assertThat(bodyIn(dir.resolve("race-written-back-2.talkbook"), "Keynote"))
        .isEqualTo("after the delete");
    assertThat(dir.resolve("race.talkbook.part")).doesNotExist();
  }

  /**
   * As above, the other file put there with its own log (`NAME-wal`, saves not yet folded in):
   * closing left write-ahead-log mode by the name, which folded and deleted whatever log was at
   * that name, the other file's too.
   */
  @Test
  @Timeout(60)
  void closingLeavesTheLogOfAFilePutAtItsNameAlone() throws Exception {
    Path file = dir.resolve("log.talkbook");
    Path other = dir.resolve("other.talkbook");
    long talk = madeBefore(file);
    try (Notebook notebook = Notebook.open(file)) {
      Files.delete(file);
      notebook.talks().saveBody(talk, "before delete, after delete");
      try (Notebook theirs = Notebook.open(other)) {
        theirs.foldLogAfter(Duration.ofHours(1)); // its saves stay in its log
        theirs.events().create(Event.Details.titled("Only in their log"));
        Files.copy(other, file);
        Files.copy(
            NotebookFile.sibling(other, "-wal"),
            NotebookFile.sibling(file, "-wal"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertThat(NotebookFile.sibling(file, "-wal")).isNotEmptyFile();
    try (Notebook put =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(put.events().list()).extracting(Event::title).contains("Only in their log");
    }
    assertThat(bodyIn(dir.resolve("log-written-back.talkbook"), "Keynote"))
        .isEqualTo("before delete, after delete");
  }

  /**
   * Moved (not deleted) while open, and another notebook put at its name with saves still in its
   * log: closing leaves that log alone, and the moved notebook holds every save, those after the
   * move too, opened where it is now.
   */
  @Test
  @Timeout(60)
  void aMovedNotebookWithAnotherFileAtItsNameKeepsItsSavesAndLeavesTheOtherLogAlone()
      throws Exception {
    Path file = dir.resolve("mv.talkbook");
    Path elsewhere = dir.resolve("mv-renamed.talkbook");
    Path other = dir.resolve("other2.talkbook");
    long talk = madeBefore(file);
    try (Notebook notebook = Notebook.open(file)) {
      notebook.talks().saveBody(talk, "before the move");
      Files.move(file, elsewhere);
      try (Notebook theirs = Notebook.open(other)) {
        theirs.foldLogAfter(Duration.ofHours(1)); // its saves stay in its log
        theirs.events().create(Event.Details.titled("Only in their log"));
        Files.copy(other, file);
        Files.copy(
            NotebookFile.sibling(other, "-wal"),
            NotebookFile.sibling(file, "-wal"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      notebook.talks().saveBody(talk, "before the move, after the move");
    }
    assertThat(NotebookFile.sibling(file, "-wal")).isNotEmptyFile();
    try (Notebook put =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(put.events().list()).extracting(Event::title).contains("Only in their log");
    }
    assertThat(bodyIn(elsewhere, "Keynote")).isEqualTo("before the move, after the move");
    assertThat(dir.resolve("mv-written-back.talkbook")).doesNotExist();
  }

  /**
   * Found in review: moved while open, another file then put at its old name, and closed: its
   * emptied -wal and its -shm stayed beside that other file, by the old name. They are removed, the
   * other file and the moved notebook as they should be.
   */
  @Test
  @Timeout(60)
  void aMovedNotebooksEmptiedLogIsNotLeftBesideTheFilePutAtItsOldName() throws Exception {
    Path file = dir.resolve("left.talkbook");
    Path elsewhere = Files.createDirectories(dir.resolve("moved")).resolve("left.talkbook");
    Path other = dir.resolve("other3.talkbook");
    try (Notebook made = Notebook.open(other)) {
      made.events().create(Event.Details.titled("Other"));
    }
    long talk = madeBefore(file);
    try (Notebook notebook = Notebook.open(file)) {
      Files.move(file, elsewhere);
      notebook.talks().saveBody(talk, "after the move");
      Files.copy(other, file);
      assertThat(NotebookFile.sibling(file, "-wal")).exists();
    }
    assertThat(NotebookFile.sibling(file, "-wal")).doesNotExist();
    assertThat(NotebookFile.sibling(file, "-shm")).doesNotExist();
    assertThat(file).hasSameBinaryContentAs(other);
    assertThat(bodyIn(elsewhere, "Keynote")).isEqualTo("after the move");
  }

  @Test
  void theNameWrittenBackBesideKeepsTheExtension() {
    assertThat(Notebook.writtenBackName(Path.of("a/talks.talkbook"), 1))
        .isEqualTo("talks-written-back.talkbook");
    assertThat(Notebook.writtenBackName(Path.of("talks.talkbook"), 3))
        .isEqualTo("talks-written-back-3.talkbook");
    assertThat(Notebook.writtenBackName(Path.of("notes"), 1))
        .isEqualTo("notes-written-back.talkbook");
  }

  /** Opened again and moved (renamed) before anything was saved: the saves go on into it. */
  @Test
  @Timeout(60)
  void aFileOpenedAgainThenMovedTakesEverySave() throws Exception {
    Path file = dir.resolve("first.talkbook");
    Path elsewhere = dir.resolve("renamed.talkbook");
    long talk = madeBefore(file);
    try (Notebook notebook = Notebook.open(file)) {
      Files.move(file, elsewhere);
      notebook.talks().saveBody(talk, "before delete, after the move");
    }
    assertThat(file).doesNotExist();
    assertThat(bodyIn(elsewhere, "Keynote")).isEqualTo("before delete, after the move");
  }

  @Test
  void anotherFileRenamedToItsNameCountsAsMoved() throws Exception {
    Path file = dir.resolve("r.talkbook");
    Path other = dir.resolve("other.talkbook");
    try (Notebook made = Notebook.open(other)) {
      made.events().create(Event.Details.titled("Other"));
    }
    try (Notebook notebook = Notebook.open(file)) {
      Path aside = dir.resolve("aside.talkbook");
      Files.move(file, aside);
      Files.move(other, file); // a sync service replaced it
      assertThat(notebook.whereabouts())
          .contains(new Notebook.Moved(file, aside.toRealPath(), false));
    }
  }

  /**
   * A file renamed over the open notebook (a sync service replacing it): a new reader opened by the
   * name got the other file together with the writer's -wal and -shm, and, closing last, folded
   * them into the other file and deleted them, so the saves not yet folded were lost.
   */
  @Test
  @Timeout(60)
  void aReadAfterAnotherFileIsRenamedOverItLosesNoSave() throws Exception {
    Path file = dir.resolve("s.talkbook");
    Path other = dir.resolve("other.talkbook");
    try (Notebook made = Notebook.open(other)) {
      made.events().create(Event.Details.titled("Other"));
    }
    Path aside = dir.resolve("aside.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      notebook.foldLogAfter(Duration.ofHours(1)); // the saves stay in the log
      for (int i = 0; i < 20; i++) {
        notebook.events().create(Event.Details.titled("Event " + i));
      }
      Files.move(file, aside);
      Files.move(other, file);

      assertThat(notebook.check()).isEmpty();
      assertThat(notebook.events().list()).hasSize(20);
      notebook.events().create(Event.Details.titled("After the swap"));
      assertThat(notebook.events().list()).hasSize(21);
    }
    try (Notebook reopened =
        Notebook.open(aside, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(reopened.events().list()).hasSize(21);
    }
    try (Notebook replacement =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(replacement.events().list())
          .extracting(Event::title)
          .as("the file put in its place is untouched")
          .containsExactly("Other");
    }
  }

  @Test
  void aReadOnlyNotebookRefusesToReadAFileRenamedOverIt() throws Exception {
    Path file = dir.resolve("ro.talkbook");
    Path other = dir.resolve("other.talkbook");
    try (Notebook made = Notebook.open(other)) {
      made.events().create(Event.Details.titled("Other"));
    }
    try (Notebook made = Notebook.open(file)) {
      made.events().create(Event.Details.titled("Mine"));
    }
    try (Notebook notebook =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      Files.move(file, dir.resolve("aside.talkbook"));
      Files.move(other, file);
      org.assertj.core.api.Assertions.assertThatThrownBy(notebook::check)
          .hasMessageContaining("read-only window cannot read it any more");
    }
  }
}
