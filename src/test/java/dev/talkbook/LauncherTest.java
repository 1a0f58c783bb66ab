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

  @Test
  void noCommandOpensTheWindowWithItsOptions() {
    assertThat(Launcher.windowOptions(new String[] {})).isPresent();
    var window =
        Launcher.windowOptions(new String[] {"--notebook", "/tmp/n.talkbook", "--read-only"});
    assertThat(window).isPresent();
    assertThat(window.get().notebookPath()).isEqualTo(java.nio.file.Path.of("/tmp/n.talkbook"));
    assertThat(window.get().readOnly()).isTrue();
  }

  @Test
  void commandsHelpVersionAndMistakesGoToTheCommandLine() {
    for (String[] args :
        new String[][] {
          {"info"}, {"--notebook", "n.talkbook", "search", "x"}, {"--help"}, {"-V"},
          {"frobnicate"}, {"--notebook"}, {"--colour"}, {"help"}
        }) {
      assertThat(Launcher.windowOptions(args)).as(String.join(" ", args)).isEmpty();
    }
  }
}
