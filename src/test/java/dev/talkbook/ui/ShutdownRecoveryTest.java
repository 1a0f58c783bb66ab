package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.SmallDisk;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.talk.EditorSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shutdown hook's last resort: notes the notebook could not take, in a Markdown file. */
class ShutdownRecoveryTest {
  @TempDir Path dir;

  private static Talk aTalk(Path dir) {
    try (Notebook nb = Notebook.open(dir.resolve("scratch.talkbook"))) {
      long event =
          nb.events().create(dev.talkbook.core.notebook.Event.Details.titled("Evening")).id();
      return nb.talks().create(event, Talk.Details.titled("Typed into"), "");
    }
  }

  @Test
  void besideTheNotebookWhenThereIsRoom() throws Exception {
    Talk talk = aTalk(dir);
    Path written =
        ShutdownRecovery.write(
            dir.resolve("notes.talkbook"),
            new EditorSession.Unsaved(talk, "typed last"),
            null,
            dir.resolve("fallback"));
    assertThat(written.getParent()).isEqualTo(dir);
    assertThat(Files.readString(written, StandardCharsets.UTF_8)).endsWith("typed last");
  }

  @Test
  void onAFullDiskTheNotesGoElsewhereAndNoEmptyFileIsLeftBesideTheNotebook() throws Exception {
    Talk talk = aTalk(dir);
    Path fallback = Files.createDirectories(dir.resolve("fallback"));
    String text = "a line typed while the disk was full\n".repeat(400); // 15 KB
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), 1)) {
      Path notebook = dir.resolve("small").resolve("notes.talkbook");
      disk.fill(2048);
      Path written =
          ShutdownRecovery.write(notebook, new EditorSession.Unsaved(talk, text), null, fallback);
      assertThat(written).isNotNull();
      assertThat(written.getParent()).isEqualTo(fallback);
      assertThat(Files.readString(written, StandardCharsets.UTF_8)).endsWith(text);
      try (Stream<Path> files = Files.list(notebook.getParent())) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(name -> name.contains(".unsaved-"));
      }
    }
  }

  @Test
  void theFilesKeptForANotebookAreFoundAndNoOtherNotebooks() throws Exception {
    Talk talk = aTalk(dir);
    Path fallback = Files.createDirectories(dir.resolve("fallback"));
    Path here = Files.createDirectories(dir.resolve("here")).resolve("notes.talkbook");
    // A notebook of the same name whose folder is gone: its notes go to the fallback folder.
    Path gone = dir.resolve("gone").resolve("notes.talkbook");
    Path besideHere =
        ShutdownRecovery.write(here, new EditorSession.Unsaved(talk, "here"), null, fallback);
    Path ofGone =
        ShutdownRecovery.write(gone, new EditorSession.Unsaved(talk, "gone"), null, fallback);
    assertThat(besideHere.getParent()).isEqualTo(here.getParent());
    assertThat(ofGone.getParent()).isEqualTo(fallback);

    assertThat(ShutdownRecovery.kept(here, fallback)).containsExactly(besideHere);
    assertThat(ShutdownRecovery.kept(gone, fallback)).containsExactly(ofGone);
    assertThat(ShutdownRecovery.kept(dir.resolve("other.talkbook"), fallback)).isEmpty();
  }

  /**
   * A notebook whose name a glob reads as a pattern ("[2026]" one character, "a[b" an error): the
   * notes kept for it were not found at the next start, and the next start was told of none.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"Talks [2026].talkbook", "a[b.talkbook", "{draft}.talkbook"})
  void theFilesKeptForANotebookWhoseNameHoldsGlobCharactersAreFound(String name) throws Exception {
    Talk talk = aTalk(dir);
    Path fallback = Files.createDirectories(dir.resolve("fallback"));
    Path notebook = dir.resolve(name);
    Path written =
        ShutdownRecovery.write(notebook, new EditorSession.Unsaved(talk, "kept"), null, fallback);
    Path typed = TypedAheadKept.writeBeside(notebook, talk.id(), "typed", fallback);

    assertThat(ShutdownRecovery.kept(notebook, fallback)).containsExactly(written);
    assertThat(TypedAheadKept.look(notebook, fallback).files()).containsExactly(typed);
  }

  /** The files of kept notes in {@code folders}. */
  private static java.util.List<String> keptIn(Path... folders) throws Exception {
    java.util.List<String> found = new java.util.ArrayList<>();
    for (Path folder : folders) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> name.contains(".unsaved-"))
              .forEach(found::add);
        }
      }
    }
    return found;
  }

  /** The window's notes on {@code notebook}, with {@code talk} open as it shows it. */
  private static EditorSession opened(
      Notebook notebook, Talk talk, java.util.concurrent.ScheduledExecutorService timer) {
    EditorSession session = new EditorSession(notebook, Runnable::run, Runnable::run, timer);
    session.open(notebook.talks().get(talk.id()));
    return session;
  }

  @Test
  void aReadOnlyWindowEndedBySigtermKeepsNoFile() throws Exception {
    Talk talk = aTalk(dir);
    Path file = dir.resolve("scratch.talkbook");
    Path fallback = Files.createDirectories(dir.resolve("fallback"));
    var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try (Notebook readOnly =
        Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      EditorSession session = opened(readOnly, talk, timer);
      ShutdownRecovery.saveOrKeep(
          file,
          readOnly.isReadOnly(),
          session::saveForShutdown,
          session::unsaved,
          java.util.concurrent.TimeUnit.SECONDS.toNanos(5),
          fallback);
      assertThat(keptIn(dir, fallback)).isEmpty();
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void notesAsTheNotebookHasThemAreNotKeptWhenTheLastSaveFails() throws Exception {
    Talk talk = aTalk(dir);
    Path file = dir.resolve("scratch.talkbook");
    Path fallback = Files.createDirectories(dir.resolve("fallback"));
    var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      Notebook notebook = Notebook.open(file);
      EditorSession session = opened(notebook, talk, timer);
      timer.shutdownNow(); // no autosave: only the shutdown hook saves
      session.edited("typed, then taken back");
      session.edited(""); // as saved
      notebook.close(); // the last save cannot happen
      boolean saved =
          ShutdownRecovery.saveOrKeep(
              file,
              false,
              session::saveForShutdown,
              session::unsaved,
              java.util.concurrent.TimeUnit.SECONDS.toNanos(5),
              fallback);
      assertThat(saved).isFalse();
      assertThat(keptIn(dir, fallback)).isEmpty();
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void notesTypedAndNotSavedAreKeptWhenTheLastSaveFails() throws Exception {
    Talk talk = aTalk(dir);
    Path file = dir.resolve("scratch.talkbook");
    Path fallback = Files.createDirectories(dir.resolve("fallback"));
    var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      Notebook notebook = Notebook.open(file);
      EditorSession session = opened(notebook, talk, timer);
      timer.shutdownNow(); // no autosave: the text stays unsaved
      session.edited("typed last");
      notebook.close();
      ShutdownRecovery.saveOrKeep(
          file,
          false,
          session::saveForShutdown,
          session::unsaved,
          java.util.concurrent.TimeUnit.SECONDS.toNanos(5),
          fallback);
      assertThat(keptIn(dir, fallback)).hasSize(1);
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void aFolderThatCannotBeListedIsSaidAndOneThatIsNotThereIsNot() throws Exception {
    Talk talk = aTalk(dir);
    Path notebook = Files.createDirectories(dir.resolve("here")).resolve("notes.talkbook");
    Path besideIt =
        ShutdownRecovery.write(
            notebook, new EditorSession.Unsaved(talk, "here"), null, dir.resolve("fallback"));
    Path aFile = Files.writeString(dir.resolve("a-file"), "x");

    ShutdownRecovery.Looked looked = ShutdownRecovery.look(notebook, aFile);

    assertThat(looked.files()).containsExactly(besideIt);
    assertThat(looked.unreadable())
        .containsExactly(
            new ShutdownRecovery.Unreadable(aFile, aFile + " is a file, not a folder"));
    assertThat(ShutdownRecovery.look(notebook, dir.resolve("not-there")).unreadable()).isEmpty();
    assertThat(aFile).hasContent("x");
  }

  @Test
  void whyAFolderOrFileCannotBeReadIsSaidInAUsersWords() throws Exception {
    Path p = dir.resolve("kept.md");
    assertThat(ShutdownRecovery.whyNotListed(new java.nio.file.AccessDeniedException("x"), dir))
        .isEqualTo("permission denied");
    assertThat(
            ShutdownRecovery.whyNotListed(
                new java.nio.file.DirectoryIteratorException(
                    new java.nio.file.AccessDeniedException("x")),
                dir))
        .isEqualTo("permission denied");
    assertThat(ShutdownRecovery.whyNotRead(new java.nio.file.AccessDeniedException("x"), p))
        .isEqualTo("permission denied");
    assertThat(ShutdownRecovery.whyNotRead(new java.nio.file.NoSuchFileException("x"), p))
        .isEqualTo("it is no longer there, or it is a link to nothing");
    assertThat(ShutdownRecovery.whyNotRead(new java.io.IOException("Is a directory"), dir))
        .isEqualTo("it is a folder, not a file");
  }

  @Test
  void aKeptFileWhoseTimeCannotBeReadIsDatedByItsName() throws Exception {
    Path link =
        Files.createSymbolicLink(
            dir.resolve("notes.talkbook.unsaved-7-20260102-030405.md"), dir.resolve("gone.md"));
    assertThat(ShutdownRecovery.modified(link)).isZero();
    assertThat(ShutdownRecovery.keptAt(link))
        .isEqualTo(
            java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5)
                .atZone(java.time.ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli());
    Path odd = Files.createSymbolicLink(dir.resolve("notes.talkbook.unsaved-7-x.md"), link);
    assertThat(ShutdownRecovery.keptAt(odd)).isZero();
  }
}
