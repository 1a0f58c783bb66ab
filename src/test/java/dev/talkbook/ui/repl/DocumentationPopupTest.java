package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.BoundingBox;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the documentation popup goes: pure geometry, no toolkit. */
class DocumentationPopupTest {

  private static final Rectangle2D WINDOW = new Rectangle2D(100, 100, 800, 600);

  @Test
  void goesUnderTheCaretWhenItFitsThere() {
    Rectangle2D at = DocumentationPopup.place(WINDOW, new BoundingBox(200, 200, 2, 18), 400, 150);
    assertThat(at.getMinY()).isEqualTo(218 + DocumentationPopup.GAP);
    assertThat(at.getHeight()).isEqualTo(150);
  }

  @Test
  void goesOverTheCaretWhenThereIsMoreRoomThere() {
    // The caret near the window's bottom (at 640..658 of 100..700): 38 px under it, 536 over it.
    Rectangle2D at = DocumentationPopup.place(WINDOW, new BoundingBox(200, 640, 2, 18), 400, 300);
    assertThat(at.getHeight()).isEqualTo(300);
    assertThat(at.getMaxY()).isEqualTo(640 - DocumentationPopup.GAP);
  }

  @Test
  void tooHighForEitherSideItIsCappedToTheRoomAndStaysInside() {
    Rectangle2D at = DocumentationPopup.place(WINDOW, new BoundingBox(200, 640, 2, 18), 400, 5000);
    assertThat(at.getMinY()).isGreaterThanOrEqualTo(WINDOW.getMinY());
    assertThat(at.getMaxY()).isLessThanOrEqualTo(640);
    assertThat(at.getHeight()).isLessThan(5000);
  }

  @Test
  void movesLeftToStayInsideTheWindow() {
    Rectangle2D at = DocumentationPopup.place(WINDOW, new BoundingBox(850, 200, 2, 18), 600, 100);
    assertThat(at.getMaxX()).isLessThanOrEqualTo(WINDOW.getMaxX());
    assertThat(at.getMinX()).isGreaterThanOrEqualTo(WINDOW.getMinX());
  }
}
