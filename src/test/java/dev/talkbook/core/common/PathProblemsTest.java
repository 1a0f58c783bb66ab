package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathProblemsTest {
  @TempDir Path dir;

  @Test
  void aFolderThatIsAFileOrLiesBelowOneIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");

    assertThat(PathProblems.fileInTheWayOfFolder(file)).contains(file + " is a file, not a folder");
    assertThat(PathProblems.fileInTheWayOfFolder(file.resolve("site/deeper")))
        .contains(file + " is a file, not a folder");
  }

  @Test
  void aFolderThatExistsOrCanBeMadeHasNothingInTheWay() {
    assertThat(PathProblems.fileInTheWayOfFolder(dir)).isEmpty();
    assertThat(PathProblems.fileInTheWayOfFolder(dir.resolve("new/site"))).isEmpty();
  }

  @Test
  void aFileThatIsAFolderOrLiesBelowAFileIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");

    assertThat(PathProblems.inTheWayOfFile(dir)).contains(dir + " is a folder, not a file");
    assertThat(PathProblems.inTheWayOfFile(file.resolve("agenda.ics")))
        .contains(file + " is a file, not a folder");
    assertThat(PathProblems.inTheWayOfFile(dir.resolve("agenda.ics"))).isEmpty();
    assertThat(PathProblems.inTheWayOfFile(file)).isEmpty();
  }

  @Test
  void whyAFileOrFolderWasNotWrittenIsSaidWithoutThePathAgain() {
    assertThat(PathProblems.whyNotWritten(new java.nio.file.AccessDeniedException("/root/x")))
        .isEqualTo("permission denied");
    assertThat(
            PathProblems.whyNotWritten(
                new java.nio.file.FileSystemException("/mnt/cd/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(
            PathProblems.whyNotWritten(
                new java.nio.file.FileSystemException("/sys/x", null, "Operation not permitted")))
        .isEqualTo("operation not permitted");
    assertThat(PathProblems.whyNotWritten(new java.nio.file.FileAlreadyExistsException("/x")))
        .isEqualTo("something of that name is in the way");
    assertThat(PathProblems.whyNotWritten(new java.io.IOException("Stale file handle")))
        .isEqualTo("Stale file handle");
  }

  @Test
  void aMissingFileOrFolderWhoseFolderIsThereIsSaidAsThatFolderNotLettingItBeMade() {
    Path inHere = dir.resolve("site");
    Path inMissing = dir.resolve("gone/site");

    assertThat(PathProblems.whyNotWritten(new java.nio.file.NoSuchFileException(inHere.toString())))
        .isEqualTo(dir + " does not let files or folders be made in it");
    assertThat(
            PathProblems.whyNotWritten(new java.nio.file.NoSuchFileException(inMissing.toString())))
        .isEqualTo("no such file or folder");
  }

  @Test
  void whyAReadFailedIsSaidWithoutThePathAndNeverAsAFolderNotLettingThingsBeMade() {
    Path inHere = dir.resolve("notes");
    assertThat(PathProblems.why(new java.nio.file.AccessDeniedException(inHere.toString())))
        .isEqualTo("permission denied");
    assertThat(PathProblems.why(new java.nio.file.NoSuchFileException(inHere.toString())))
        .isEqualTo("no such file or folder");
    assertThat(
            PathProblems.why(
                new java.nio.file.FileSystemException(
                    inHere.toString(), null, "Too many levels of symbolic links")))
        .isEqualTo("too many levels of symbolic links");
  }
}
