package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command the banner over notes shown cut copies ({@link CutNotesBanner#command}). */
class CutNotesBannerTest {

  /**
   * Both commands name the window's notebook, always: the terminal they are typed in may open
   * another by itself ({@code TALKBOOK_NOTEBOOK} set there, not in the window's environment), and
   * {@code show} without it printed another notebook's talk of that id, which {@code talk edit}
   * then put over these notes.
   */
  @Test
  void bothCommandsNameTheNotebookWhateverTheCommandLineWouldOpen() {
    Path book = Path.of("/home/ada/Talks/meetups.talkbook");
    assertThat(CutNotesBanner.command(12, book))
        .isEqualTo(
            "talkbook --notebook /home/ada/Talks/meetups.talkbook talk edit 12 --notes-file FILE");
    Talk talk =
        new Talk(
            12,
            1,
            0,
            Talk.Details.titled("Huge"),
            "x",
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH);
    assertThat(CutNotesBanner.why(talk, 60_000, book))
        .contains("talkbook --notebook /home/ada/Talks/meetups.talkbook show 12 > FILE");
  }

  @Test
  void aPathWithSpacesOrQuotesIsOneWordForTheShell() {
    assertThat(CutNotesBanner.shellWord("/tmp/Devoxx 2026/it's.talkbook"))
        .isEqualTo("'/tmp/Devoxx 2026/it'\\''s.talkbook'");
    assertThat(CutNotesBanner.shellWord("/tmp/plain-name_1.talkbook"))
        .isEqualTo("/tmp/plain-name_1.talkbook");
  }
}
