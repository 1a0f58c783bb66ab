package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found in review: a notebook written back beside another file (NAME-written-back.talkbook) was
 * moved there by {@code Files.move}, which looks whether the name is free and renames after; a file
 * another process put at the name in between was overwritten.
 */
class NoReplaceMoveTest {
  @TempDir Path dir;

  @Test
  void movesAFileToAFreeName() throws Exception {
    Path from = Files.writeString(dir.resolve("a.part"), "ours");
    Path to = dir.resolve("a.talkbook");
    NoReplaceMove.move(from, to);
    assertThat(to).hasContent("ours");
    assertThat(from).doesNotExist();
  }

  @Test
  void refusesATakenNameAndLeavesBothFilesAsTheyWere() throws Exception {
    Path from = Files.writeString(dir.resolve("a.part"), "ours");
    Path to = Files.writeString(dir.resolve("a.talkbook"), "theirs");
    assertThatThrownBy(() -> NoReplaceMove.move(from, to))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(to).hasContent("theirs");
    assertThat(from).hasContent("ours");
  }

  /**
   * Each round a file is moved to a name while another thread creates a file there at the same
   * moment: at most one of the two may succeed, the other told the name is taken. With a look
   * before a rename both could, the other thread's file overwritten.
   */
  @Test
  @Timeout(120)
  void aFileCreatedAtTheNameAsItIsTakenIsNeverOverwritten() throws Exception {
    ExecutorService racer = Executors.newSingleThreadExecutor();
    int overwritten = 0;
    try {
      for (int round = 0; round < 1500; round++) {
        Path from = Files.writeString(dir.resolve("part-" + round), "ours");
        Path to = dir.resolve("name-" + round);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Boolean> theirs =
            racer.submit(
                () -> {
                  start.await();
                  try {
                    Files.writeString(to, "theirs", StandardOpenOption.CREATE_NEW);
                    return true;
                  } catch (FileAlreadyExistsException taken) {
                    return false;
                  }
                });
        start.await();
        boolean moved = moveOrRefuse(from, to);
        boolean created = theirs.get();
        if (moved && created) {
          overwritten++;
        } else {
          assertThat(moved || created).as("one of the two has the name").isTrue();
          assertThat(to).hasContent(moved ? "ours" : "theirs");
          assertThat(from).as("ours kept when refused").matches(p -> moved != Files.exists(p));
        }
      }
    } finally {
      racer.shutdownNow();
    }
    assertThat(overwritten).as("rounds in which the other file was overwritten").isZero();
  }

  private static boolean moveOrRefuse(Path from, Path to) throws java.io.IOException {
    try {
      NoReplaceMove.move(from, to);
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    }
  }

  /** Where hard links are not supported (FAT, some shares): the name is reserved, then taken. */
  @Test
  void withoutHardLinksAFreeNameIsTakenAndATakenOneRefused() throws Exception {
    NoReplaceMove.Linker none =
        (link, existing) -> {
          throw new FileSystemException(link.toString(), null, "Operation not permitted");
        };
    Path from = Files.writeString(dir.resolve("a.part"), "ours");
    Path to = dir.resolve("a.talkbook");
    NoReplaceMove.move(from, to, none);
    assertThat(to).hasContent("ours");
    assertThat(from).doesNotExist();

    Path again = Files.writeString(dir.resolve("b.part"), "ours again");
    assertThatThrownBy(() -> NoReplaceMove.move(again, to, none))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(to).hasContent("ours");
    assertThat(again).hasContent("ours again");
  }
}
