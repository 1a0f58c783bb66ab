package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private List<Path> filesIn(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.toList();
    }
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryOne() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.properties"), "old and longer");

    AtomicFile.writeString(file, "new ✓", AtomicFile.Option.FORCE);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("new ✓");
    assertThat(filesIn(dir)).containsExactly(file);
  }

  @Test
  void writesANewFileFromBytesOrAStream() throws Exception {
    Path bytes = dir.resolve("a.bin");
    Path streamed = dir.resolve("b.bin");

    AtomicFile.write(bytes, new byte[] {1, 2, 3});
    AtomicFile.write(streamed, out -> out.write(new byte[] {4, 5}), AtomicFile.Option.FORCE);

    assertThat(Files.readAllBytes(bytes)).containsExactly(1, 2, 3);
    assertThat(Files.readAllBytes(streamed)).containsExactly(4, 5);
    assertThat(filesIn(dir)).containsExactlyInAnyOrder(bytes, streamed);
  }

  @Test
  void writeOnceWritesAMissingFileAndLeavesOneThatIsThere() throws Exception {
    Path missing = dir.resolve("font-1.ttf");
    Path there = Files.writeString(dir.resolve("font-2.ttf"), "written by another Talkbook");

    AtomicFile.writeOnce(missing, out -> out.write(new byte[] {1, 2}));
    AtomicFile.writeOnce(
        there,
        out -> {
          throw new AssertionError("a file that is there is not written again");
        });

    assertThat(Files.readAllBytes(missing)).containsExactly(1, 2);
    assertThat(Files.readString(there)).isEqualTo("written by another Talkbook");
    assertThat(filesIn(dir)).containsExactlyInAnyOrder(missing, there);
  }

  @Test
  void aWriterThatFailsLeavesTheOldFileAndNoTemporaryOne() throws Exception {
    Path file = Files.writeString(dir.resolve("places"), "kept");
    IOException full = new IOException("No space left on device");

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                      out.flush();
                      throw full;
                    },
                    AtomicFile.Option.FORCE))
        .isSameAs(full);
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      throw new UncheckedIOException(full);
                    }))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(Files.readString(file)).isEqualTo("kept");
    assertThat(filesIn(dir)).containsExactly(file);
  }

  @Test
  void aMoveThatFailsLeavesWhatWasThereAndNoTemporaryFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("agenda.ics"));
    Path inside = Files.writeString(folder.resolve("x"), "x");

    assertThatThrownBy(() -> AtomicFile.writeString(folder, "BEGIN:VCALENDAR"))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(inside)).isEqualTo("x");
    assertThat(filesIn(dir)).containsExactly(folder);
  }

  @Test
  void aSymbolicLinkStaysAndTheFileItLeadsToIsReplaced() throws Exception {
    Path synced = Files.createDirectories(dir.resolve("Nextcloud"));
    Path real = Files.writeString(synced.resolve("agenda.ics"), "old");
    Path link =
        Files.createSymbolicLink(dir.resolve("agenda.ics"), Path.of("Nextcloud/agenda.ics"));
    Path second = Files.createSymbolicLink(dir.resolve("cal.ics"), link);

    AtomicFile.writeString(second, "new", AtomicFile.Option.FOLLOW_LINKS);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isSymbolicLink(second)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
    assertThat(filesIn(synced)).containsExactly(real);
  }

  @Test
  void aLinkToAFileNotThereYetMakesThatFile() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("a.ics"), Path.of("b.ics"));

    AtomicFile.writeString(link, "made", AtomicFile.Option.FOLLOW_LINKS);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(dir.resolve("b.ics"))).isEqualTo("made");
  }

  @Test
  void withoutFollowingALinkIsReplacedAndWhatItLeadsToIsLeftAlone() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
    Path site = Files.createDirectories(dir.resolve("site"));
    Path link = Files.createSymbolicLink(site.resolve("index.html"), outside);

    AtomicFile.writeString(link, "page");

    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readString(link)).isEqualTo("page");
    assertThat(Files.readString(outside)).isEqualTo("keep");
  }

  @Test
  void aFolderIsNotReplacedByAFile() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("agenda.ics"));

    assertThatThrownBy(() -> AtomicFile.writeString(folder, "x"))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("it is not a regular file");
    assertThat(folder).isDirectory();
    assertThat(filesIn(dir)).containsExactly(folder);
  }

  @Test
  void aMissingFolderIsSaidAsSuch() {
    Path missing = dir.resolve("gone");
    Path file = missing.resolve("notes.md");

    assertThatThrownBy(() -> AtomicFile.writeString(file, "notes"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(file + ": the folder " + missing + " does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aFileWithALongNameIsWritten() throws Exception {
    Path file = dir.resolve("t".repeat(240) + ".md"); // the temporary name must still fit

    AtomicFile.writeString(file, "notes");

    assertThat(Files.readString(file)).isEqualTo("notes");
    assertThat(filesIn(dir)).containsExactly(file);
  }

  @Test
  void aNewFileGetsTheUsualPermissionsOrTheOwnersOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path usual = Files.writeString(dir.resolve("usual"), "x"); // as any new file is made
    Path shared = dir.resolve("agenda.md");
    Path own = dir.resolve("settings.properties");

    AtomicFile.writeString(shared, "x");
    AtomicFile.writeString(own, "x", AtomicFile.Option.OWNER_ONLY);

    assertThat(Files.getPosixFilePermissions(shared))
        .isEqualTo(Files.getPosixFilePermissions(usual));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own)))
        .isEqualTo("rw-------");
  }
}
