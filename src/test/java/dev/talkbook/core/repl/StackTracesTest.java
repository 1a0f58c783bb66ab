package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure: folding the frames of a deep recursion. */
class StackTracesTest {

  @Test
  void aFrameRepeatedOverAndOverIsKeptOnceWithACount() {
    List<String> frames = new ArrayList<>(Collections.nCopies(1024, "at down (#3:1)"));
    frames.add("at (#4:1)");

    assertThat(StackTraces.foldRepeats(frames))
        .containsExactly("at down (#3:1)", "… 1,023 more identical frames", "at (#4:1)");
  }

  @Test
  void aCycleOfMutualRecursionIsKeptOnceWithACount() {
    List<String> frames = new ArrayList<>(List.of("at top (#1:1)"));
    for (int i = 0; i < 500; i++) {
      frames.add("at even (#2:1)");
      frames.add("at odd (#3:1)");
    }

    assertThat(StackTraces.foldRepeats(frames))
        .containsExactly(
            "at top (#1:1)",
            "at even (#2:1)",
            "at odd (#3:1)",
            "… 998 more frames repeating the 2 above");
  }

  @Test
  void framesRepeatedOnlyTwiceStayAsTheyAre() {
    List<String> frames = List.of("at a (#1:1)", "at a (#1:1)", "at b (#2:1)", "at b (#2:1)");

    assertThat(StackTraces.foldRepeats(frames)).isEqualTo(frames);
  }
}
