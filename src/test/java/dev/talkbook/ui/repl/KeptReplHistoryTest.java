package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptReplHistoryTest {

  private static final Executor NOW = Runnable::run;

  @TempDir Path dir;

  @Test
  void inputsOfSeveralLinesAndBackslashesComeBackAsTheyWere() {
    List<String> inputs =
        List.of(
            "int x = 1;",
            "record P(int a) {\n  int twice() { return 2 * a; }\n}",
            "\"a\\nb\\\\\" + '\\\\'",
            "ends with \\",
            "windows\r\nline");
    KeptReplHistory.of(dir, dir.resolve("talk.talkbook"), NOW).keep(inputs);
    assertThat(KeptReplHistory.of(dir, dir.resolve("talk.talkbook"), NOW).read())
        .containsExactlyElementsOf(inputs);
  }

  @Test
  void eachNotebookHasItsOwnHistory() {
    KeptReplHistory.of(dir, dir.resolve("a.talkbook"), NOW).keep(List.of("a()"));
    KeptReplHistory.of(dir, dir.resolve("b.talkbook"), NOW).keep(List.of("b()"));
    assertThat(KeptReplHistory.of(dir, dir.resolve("a.talkbook"), NOW).read())
        .containsExactly("a()");
    assertThat(KeptReplHistory.of(dir, dir.resolve("nothing.talkbook"), NOW).read()).isEmpty();
  }

  @Test
  void aFileThatIsNotAHistoryOfThisNotebookIsIgnoredAndReplacedAtTheNextWrite() throws Exception {
    KeptReplHistory kept = KeptReplHistory.of(dir, dir.resolve("a.talkbook"), NOW);
    Files.createDirectories(kept.file().getParent());
    Files.writeString(kept.file(), "something else\nint x;\n", StandardCharsets.UTF_8);
    assertThat(kept.read()).isEmpty();
    kept.keep(List.of("int y;"));
    assertThat(kept.read()).containsExactly("int y;");
  }

  @Test
  void aClosingWindowsWriterNoLongerTakingWorkIsWrittenAtOnce() {
    Executor closed =
        task -> {
          throw new RejectedExecutionException("shut down");
        };
    KeptReplHistory.of(dir, dir.resolve("a.talkbook"), closed).keep(List.of("last()"));
    assertThat(KeptReplHistory.of(dir, dir.resolve("a.talkbook"), NOW).read())
        .containsExactly("last()");
  }

  @Test
  void onlyTheNewestInputsAreRead() throws Exception {
    KeptReplHistory kept = KeptReplHistory.of(dir, dir.resolve("a.talkbook"), NOW);
    List<String> many =
        java.util.stream.IntStream.range(0, ReplHistory.MAX + 20).mapToObj(i -> "i" + i).toList();
    kept.keep(many);
    List<String> read = kept.read();
    assertThat(read).hasSize(ReplHistory.MAX);
    assertThat(read.get(read.size() - 1)).isEqualTo("i" + (ReplHistory.MAX + 19));
  }

  @Test
  void hugeInputsAreLeftOutSoTheFileStaysReadable() {
    KeptReplHistory kept = KeptReplHistory.of(dir, dir.resolve("a.talkbook"), NOW);
    String pasted = "x".repeat(KeptReplHistory.INPUT_CHARS + 1);
    String large = "y".repeat(KeptReplHistory.INPUT_CHARS - 10);
    List<String> inputs = new java.util.ArrayList<>();
    inputs.add("first()");
    for (int i = 0; i < 60; i++) {
      inputs.add(large + i);
    }
    inputs.add(pasted);
    inputs.add("last()");
    kept.keep(inputs);
    List<String> read = kept.read();
    assertThat(read).isNotEmpty().doesNotContain(pasted).endsWith(large + 59, "last()");
    assertThat(read).doesNotContain("first()"); // the oldest went, to stay under the limit read
  }

  @Test
  void theFileKeepsTheNameEarlierVersionsGaveIt() {
    // printf '/home/ada/talks.talkbook' | sha256sum | cut -c1-24
    assertThat(KeptReplHistory.of(dir, Path.of("/home/ada/talks.talkbook"), NOW).file())
        .isEqualTo(dir.resolve("repl-history").resolve("d3d3c6c23a3cb0b6368811f3.history"));
  }
}
