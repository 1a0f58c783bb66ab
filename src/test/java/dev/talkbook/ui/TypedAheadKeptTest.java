package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.ui.common.HeldKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text typed for a talk that could not be opened ({@link TypedAheadKept#keep}) is never lost: on
 * the clipboard, or, when the clipboard refuses it, in a file beside the notebook; it leaves the
 * journal only once it is in one of them, and the status bar says where.
 */
class TypedAheadKeptTest {
  @TempDir Path dir;

  /** The journal's calls, in order. */
  private final List<String> journal = new ArrayList<>();

  private final HeldKeys.Ahead ahead =
      new HeldKeys.Ahead() {
        @Override
        public void typed(String text) {
          journal.add("typed " + text);
        }

        @Override
        public void gone() {
          journal.add("gone");
        }
      };

  @Test
  void whenTheClipboardRefusesTheTextItGoesIntoAFileBesideTheNotebook() throws Exception {
    Path notebook = dir.resolve("talks.talkbook");
    String text = "A long sentence typed for the talk, ".repeat(10) + "\nand a second line.";
    List<String> said = new ArrayList<>();
    List<String> journalWhenWritten = new ArrayList<>();

    TypedAheadKept.keep(
        text,
        7,
        ahead,
        copied -> false,
        notebook,
        work -> {
          work.run();
          journalWhenWritten.addAll(journal);
          return CompletableFuture.completedFuture(null);
        },
        Runnable::run,
        where -> said.add(TypedAheadKept.said("Could not open “Talk”.", where)));

    assertThat(journalWhenWritten).as("the journal keeps it while the file is written").isEmpty();
    assertThat(journal).containsExactly("gone");
    List<Path> files;
    try (var listed = Files.list(dir)) {
      files = listed.toList();
    }
    assertThat(files).hasSize(1);
    Path file = files.get(0);
    assertThat(file.getFileName().toString())
        .startsWith("talks.talkbook.typed-7-")
        .endsWith(".txt");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(said)
        .singleElement()
        .asString()
        .startsWith("Could not open “Talk”. What you typed for it (379 characters, “A long")
        .endsWith(
            "went into no talk; the clipboard could not take it, so it is in "
                + file
                + " (at the next start Talkbook offers to add it to the talk's notes).");
  }

  @Test
  void onTheClipboardItLeavesTheJournalAtOnceAndNoFileIsWritten() throws Exception {
    List<String> copied = new ArrayList<>();
    List<String> said = new ArrayList<>();
    TypedAheadKept.keep(
        "hello",
        7,
        ahead,
        copied::add,
        dir.resolve("talks.talkbook"),
        work -> {
          throw new AssertionError("no file is written");
        },
        Runnable::run,
        where -> said.add(TypedAheadKept.said(null, where)));
    assertThat(copied).containsExactly("hello");
    assertThat(journal).containsExactly("gone");
    assertThat(said)
        .containsExactly(
            "What you typed for it (5 characters, “hello”) went into no talk: it is on the"
                + " clipboard, paste it where it belongs.");
    try (var listed = Files.list(dir)) {
      assertThat(listed).isEmpty();
    }
  }

  @Test
  void aFileAnotherHoldWroteInTheSameMillisecondKeepsItsTextAndTheNextNameIsTaken()
      throws Exception {
    Path notebook = dir.resolve("talks.talkbook");
    Path other = dir.resolve("talks.talkbook.typed-7-20261207-101010-123.txt");
    Files.writeString(other, "the other hold's text");
    Path fallback = Files.createDirectories(dir.resolve("tmp"));

    Path written =
        TypedAheadKept.writeBeside(
            notebook, 7, "this hold's text", fallback, "20261207-101010-123");

    assertThat(other).hasContent("the other hold's text");
    assertThat(written).isEqualTo(dir.resolve("talks.talkbook.typed-7-20261207-101010-123-2.txt"));
    assertThat(written).hasContent("this hold's text");
    try (var listed = Files.list(fallback)) {
      assertThat(listed).as("nothing in the temporary folder").isEmpty();
    }
  }

  @Test
  void whenNeitherFolderTakesItBothReasonsAreSaid() throws Exception {
    Path notebook = dir.resolve("gone").resolve("talks.talkbook"); // a folder that is not there
    Path notAFolder = Files.writeString(dir.resolve("tmp"), "someone's file");

    assertThatThrownBy(() -> TypedAheadKept.writeBeside(notebook, 7, "typed", notAFolder))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("not beside the notebook (" + dir.resolve("gone"))
        .hasMessageContaining("nor in the temporary folder (" + notAFolder);
    assertThat(notAFolder).hasContent("someone's file");
  }

  @Test
  void theFilesAreFoundBesideTheNotebookAndInTheTemporaryFolderNamedForIt() throws Exception {
    Path notebook = dir.resolve("talks.talkbook");
    Path fallback = Files.createDirectories(dir.resolve("tmp"));
    Path beside = TypedAheadKept.writeBeside(notebook, 7, "one", fallback, "20261207-101010-123");
    Path second = TypedAheadKept.writeBeside(notebook, 7, "two", fallback, "20261207-101010-123");
    Path inTemp =
        Files.writeString(
            fallback.resolve(
                dev.talkbook.core.store.NotesJournal.tag(notebook)
                    + "-talks.talkbook.typed-12-20261207-101011-000.txt"),
            "three");
    Path earlier =
        Files.writeString(dir.resolve("talks.talkbook.typed-20250101-101010-123.txt"), "");
    Files.writeString(fallback.resolve("0-talks.talkbook.typed-9-20261207-101011-000.txt"), "x");
    Files.writeString(dir.resolve("talks.talkbook.typed-notes.txt"), "someone's");

    assertThat(TypedAheadKept.look(notebook, fallback).files())
        .containsExactlyInAnyOrder(beside, second, inTemp, earlier);
    assertThat(TypedAheadKept.talkIdOf(second)).isEqualTo(7);
    assertThat(TypedAheadKept.talkIdOf(inTemp)).isEqualTo(12);
    assertThat(TypedAheadKept.talkIdOf(earlier)).as("its name says no talk").isEqualTo(-1);
  }

  @Test
  void theTextIsAddedAtTheEndOfTheNotesAsAParagraphOfItsOwn() {
    assertThat(TypedAheadKept.added("", "typed")).isEqualTo("typed\n");
    assertThat(TypedAheadKept.added("notes", "typed")).isEqualTo("notes\n\ntyped\n");
    assertThat(TypedAheadKept.added("notes\n", "typed\n")).isEqualTo("notes\n\ntyped\n");
    assertThat(TypedAheadKept.added("notes\n\n", "typed")).isEqualTo("notes\n\ntyped\n");
  }
}
