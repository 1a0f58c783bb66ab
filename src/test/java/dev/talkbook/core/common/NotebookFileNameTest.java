package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A notebook's own file in a user folder keeps the name it had, so an existing one is found. */
class NotebookFileNameTest {
  @Test
  void theNameIsTheFirstTwelveBytesOfThePathsSha256InHex() {
    // printf '/home/ada/talks.talkbook' | sha256sum | cut -c1-24
    assertThat(NotebookFileName.of(Path.of("/home/ada/talks.talkbook"), "places"))
        .isEqualTo("d3d3c6c23a3cb0b6368811f3.places");
  }

  @Test
  void theSameNotebookByAnotherPathHasTheSameName() {
    assertThat(NotebookFileName.of(Path.of("/home/ada/old/../talks.talkbook"), "history"))
        .isEqualTo("d3d3c6c23a3cb0b6368811f3.history");
    assertThat(NotebookFileName.of(Path.of("/home/ada/other.talkbook"), "history"))
        .isNotEqualTo("d3d3c6c23a3cb0b6368811f3.history");
  }
}
