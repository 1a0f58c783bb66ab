package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
  @Test
  void splitsTheCommandsAtThen() {
    List<String[]> commands =
        TrainingRun.split(
            new String[] {
              "--notebook",
              "n",
              "search",
              "x",
              "--then",
              "--notebook",
              "n",
              "export",
              "site",
              "--then"
            });
    assertThat(commands)
        .containsExactly(
            new String[] {"--notebook", "n", "search", "x"},
            new String[] {"--notebook", "n", "export", "site"});
    assertThat(TrainingRun.split(new String[0])).isEmpty();
  }
}
