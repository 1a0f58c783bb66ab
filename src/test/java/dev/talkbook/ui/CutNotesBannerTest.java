package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command the banner over notes shown cut copies ({@link CutNotesBanner#command}). */
class CutNotesBannerTest {

  @Test
  void theNotebookIsNamedOnlyWhenTheCommandLineWouldOpenAnother() {
    Path book = Path.of("/home/ada/Talks/meetups.talkbook");
    assertThat(CutNotesBanner.command(12, book, book))
        .isEqualTo("talkbook talk edit 12 --notes-file FILE");
    assertThat(
            CutNotesBanner.command(12, book, Path.of("/home/ada/.local/share/talkbook/n.talkbook")))
        .isEqualTo(
            "talkbook --notebook /home/ada/Talks/meetups.talkbook talk edit 12 --notes-file FILE");
  }

  @Test
  void aPathWithSpacesOrQuotesIsOneWordForTheShell() {
    assertThat(CutNotesBanner.shellWord("/tmp/Devoxx 2026/it's.talkbook"))
        .isEqualTo("'/tmp/Devoxx 2026/it'\\''s.talkbook'");
    assertThat(CutNotesBanner.shellWord("/tmp/plain-name_1.talkbook"))
        .isEqualTo("/tmp/plain-name_1.talkbook");
  }
}
