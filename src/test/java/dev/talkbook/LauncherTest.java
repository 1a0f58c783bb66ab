package dev.talkbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {
  @Test
  void aNotebookFileAloneOpensIt() {
    assertThat(Launcher.withOpenedFile(new String[] {"/home/me/Talks/notebook.talkbook"}))
        .containsExactly("--notebook", "/home/me/Talks/notebook.talkbook");
  }

  @Test
  void commandsAndOptionsAreLeftToTheCommandLine() {
    assertThat(Launcher.withOpenedFile(new String[] {"events"})).containsExactly("events");
    assertThat(Launcher.withOpenedFile(new String[] {"--version"})).containsExactly("--version");
    assertThat(Launcher.withOpenedFile(new String[] {"show", "x.talkbook"}))
        .containsExactly("show", "x.talkbook");
  }
}
