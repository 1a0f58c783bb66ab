package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REPL's first share of the window's height: about a third, within bounds. */
class ReplDockShareTest {
  @ParameterizedTest(name = "{0} px high: the REPL gets {1} px")
  @CsvSource({"700, 224", "900, 288", "1200, 360", "1600, 360", "500, 220"})
  void theReplGetsAboutAThirdWithinBounds(double height, double repl) {
    assertThat((1 - ReplDock.share(height)) * height).isCloseTo(repl, offset(0.5));
  }

  @ParameterizedTest(name = "{0} px high")
  @CsvSource({"0", "-1", "200"})
  void theNotesKeepAtLeastTheirShare(double height) {
    assertThat(ReplDock.share(height)).isGreaterThanOrEqualTo(0.3);
  }
}
