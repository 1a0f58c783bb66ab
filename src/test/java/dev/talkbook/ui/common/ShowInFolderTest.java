package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Showing a file's folder says why when the desktop cannot, instead of nothing happening. */
class ShowInFolderTest {

  @Test
  void eachDesktopGetsItsOwnCommand() {
    Path file = Path.of("/home/me/notes.talkbook.unsaved-3-20261205-073000.md");
    assertThat(ShowInFolder.command(file, "Linux")).containsExactly("xdg-open", "/home/me");
    assertThat(ShowInFolder.command(file, "Mac OS X"))
        .containsExactly("open", "-R", file.toString());
    assertThat(ShowInFolder.command(file, "Windows 11").get(0)).isEqualTo("explorer");
  }

  @Test
  void anOpenerThatFailsIsReportedWithItsLastWords() {
    var shown =
        ShowInFolder.run(
            List.of(
                "sh",
                "-c",
                "echo 'links: not found' >&2; echo \"xdg-open: no method available for opening"
                    + " '/tmp'\" >&2; exit 3"));
    assertThatThrownBy(() -> shown.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ShowInFolder.Failed.class)
        .hasMessage(
            "the desktop has no application to show folders with (sh answered “xdg-open: no"
                + " method available for opening '/tmp'”).");
  }

  @Test
  void anOpenerThatCannotStartIsReported() {
    var shown = ShowInFolder.run(List.of("/no/such/opener", "/tmp"));
    assertThatThrownBy(() -> shown.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ShowInFolder.Failed.class)
        .hasMessageContaining("/no/such/opener could not be started");
  }

  @Test
  void anOpenerThatEndsWellIsDone() throws Exception {
    ShowInFolder.run(List.of("sh", "-c", "exit 0")).get(10, TimeUnit.SECONDS);
  }
}
