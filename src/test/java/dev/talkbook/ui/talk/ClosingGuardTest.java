package dev.talkbook.ui.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.talkbook.core.notebook.NotebookException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving the notes elsewhere when the notebook cannot take them (the file part; no window). */
class ClosingGuardTest {
  @TempDir Path dir;

  @Test
  void notesSavedElsewhereReplaceTheChosenFileAndLeaveNothingElse() throws Exception {
    Path file = Files.writeString(dir.resolve("Keynote.md"), "an older export");

    ClosingGuard.write(file, "# Keynote\n");

    assertThat(file).hasContent("# Keynote\n");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(file);
    }
  }

  @Test
  void aFolderGoneMeanwhileIsSaidAsSuch() {
    Path file = dir.resolve("gone/Keynote.md");

    NotebookException e =
        catchThrowableOfType(NotebookException.class, () -> ClosingGuard.write(file, "notes"));

    assertThat(e)
        .hasMessage(
            "Could not write %s: %s: the folder %s does not exist", file, file, file.getParent());
    assertThat(file.getParent()).doesNotExist();
  }
}
