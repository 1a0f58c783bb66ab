package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/**
 * Which windows full screen has to cover itself. The covering is seen under Xvfb without a window
 * manager (presenter mode in a 1024 × 600 window on a 1280 × 800 screen); Monocle's headless screen
 * gives full screen itself, so a test there cannot see the difference.
 */
class FullScreenTest {
  private final Rectangle2D screen = new Rectangle2D(0, 0, 1280, 800);

  @Test
  void aWindowSmallerThanItsScreenOrBesideItIsCovered() {
    assertThat(FullScreen.needsCovering(new Rectangle2D(0, 0, 1024, 600), screen)).isTrue();
    assertThat(FullScreen.needsCovering(new Rectangle2D(90, 32, 1190, 768), screen)).isTrue();
    assertThat(FullScreen.needsCovering(new Rectangle2D(0, 0, 1280, 800), screen)).isFalse();
    assertThat(FullScreen.needsCovering(new Rectangle2D(-1, -1, 1282, 802), screen)).isFalse();
  }
}
