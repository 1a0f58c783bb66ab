package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Showing a file's folder says why when the desktop cannot, instead of nothing happening. */
class DesktopOpenerTest {

  @Test
  void eachDesktopGetsItsOwnCommand() {
    Path file = Path.of("/home/me/notes.talkbook.unsaved-3-20261205-073000.md");
    assertThat(DesktopOpener.command(file, "Linux")).containsExactly("xdg-open", "/home/me");
    assertThat(DesktopOpener.command(file, "Mac OS X"))
        .containsExactly("open", "-R", file.toString());
    assertThat(DesktopOpener.command(file, "Windows 11").get(0)).isEqualTo("explorer");
  }

  @Test
  void anOpenerThatFailsIsReportedWithItsLastWords() {
    var shown =
        DesktopOpener.run(
            List.of(
                "sh",
                "-c",
                "echo 'links: not found' >&2; echo \"xdg-open: no method available for opening"
                    + " '/tmp'\" >&2; exit 3"),
            "show folders");
    assertThatThrownBy(() -> shown.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(DesktopOpener.Failed.class)
        .hasMessage(
            "the desktop has no application to show folders with (sh answered “xdg-open: no"
                + " method available for opening '/tmp'”).");
  }

  @Test
  void anOpenerThatCannotStartIsReported() {
    var shown = DesktopOpener.run(List.of("/no/such/opener", "/tmp"), "show folders");
    assertThatThrownBy(() -> shown.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(DesktopOpener.Failed.class)
        .hasMessageContaining("/no/such/opener could not be started");
  }

  @Test
  void anOpenerThatEndsWellIsDone() throws Exception {
    DesktopOpener.run(List.of("sh", "-c", "exit 0"), "show folders").get(10, TimeUnit.SECONDS);
  }

  @Test
  void webAddressesOpenWithTheDesktopsOpenerOnLinuxOnly() {
    assertThat(DesktopOpener.linkCommand("https://example.org/a?b=c", "Linux"))
        .containsExactly("xdg-open", "https://example.org/a?b=c");
    assertThat(DesktopOpener.linkCommand("https://example.org", "Mac OS X")).isNull();
    assertThat(DesktopOpener.linkCommand("https://example.org", "Windows 11")).isNull();
  }

  @Test
  void aBrowserThatCannotBeFoundIsReportedAsSuch() {
    var opened =
        DesktopOpener.run(
            List.of("sh", "-c", "echo 'xdg-open: no method available' >&2; exit 3"),
            "open web pages");
    assertThatThrownBy(() -> opened.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(DesktopOpener.Failed.class)
        .hasMessageStartingWith("the desktop has no application to open web pages with");
  }
}
