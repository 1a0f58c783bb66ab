package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A row's title and its detail: which gives way first when the row is short of room. */
class TitleRowTest extends NarrowedRowTest {
  private static final String TITLE = "JavaDay Lisbon";
  private static final String DATE = "Thursday, 12 November 2026";
  private static final String SHORT = "12 Nov 2026";

  private Label title;
  private Label detail;
  private TitleRow row;
  private TitleRow wrapping;
  private Label title2;
  private Label detail2;

  @Override
  Region makeRow() {
    title = new Label(TITLE);
    detail = new Label(DATE);
    title.setTextOverrun(OverrunStyle.ELLIPSIS);
    row = new TitleRow(title, detail).wholeDetail(SHORT);
    // as an event's row in the navigator: the date goes under the title where it has no room
    title2 = new Label(TITLE);
    detail2 = new Label(DATE);
    title2.setTextOverrun(OverrunStyle.ELLIPSIS);
    wrapping = new TitleRow(title2, detail2).wholeDetail(SHORT).wraps(0);
    VBox both = new VBox(row, wrapping);
    both.setFillWidth(true);
    return new StackPane(both);
  }

  /** What {@code label} draws (with its ellipsis when cut). */
  private String drawn(Label label) throws Exception {
    return onFx(() -> ((Text) label.lookup(".text")).getText());
  }

  private double widthOf(String text) throws Exception {
    return onFx(() -> TextWidth.of(text, detail.getFont()));
  }

  private double titleWhole() throws Exception {
    return onFx(() -> title.prefWidth(-1));
  }

  /** Room for the whole title and the date in its short form, not in its long one. */
  private double roomForTheShortDate() throws Exception {
    return Math.ceil(titleWhole() + 8 + widthOf(SHORT) + 6);
  }

  @Test
  void theTitleAndTheWholeDateShowWhereBothFit(FxRobot robot) throws Exception {
    width(robot, 600);
    assertThat(drawn(title)).isEqualTo(TITLE);
    assertThat(onFx(detail::isVisible)).isTrue();
    assertThat(drawn(detail)).isEqualTo(DATE);
  }

  /**
   * An event's title was cut to "JavaDay ..." to keep its long weekday date beside it (tester11a):
   * the title stays whole and the date takes its short form.
   */
  @Test
  void shortOfRoomTheDateShortensAndTheTitleStaysWhole(FxRobot robot) throws Exception {
    double room = roomForTheShortDate();
    assertThat(room)
        .as("narrower than the long date needs")
        .isLessThan(titleWhole() + 8 + widthOf(DATE));
    width(robot, room);
    assertThat(drawn(title)).as("the title").isEqualTo(TITLE);
    assertThat(onFx(detail::isVisible)).as("the date shown").isTrue();
    assertThat(drawn(detail)).isEqualTo(SHORT);
    assertThat(onFx(() -> title.getBoundsInParent().getMaxX()))
        .isLessThan(onFx(() -> detail.getBoundsInParent().getMinX()));
    assertThat(onFx(() -> detail.getBoundsInParent().getMaxX()))
        .isLessThanOrEqualTo(onFx(() -> row.getWidth()) + 0.5);
    // wider again: the long form is back
    width(robot, 600);
    assertThat(drawn(detail)).isEqualTo(DATE);
  }

  @Test
  void tooNarrowForEvenTheShortDateTheTitleStaysWholeAndTheDateGoesUnder(FxRobot robot)
      throws Exception {
    width(robot, Math.ceil(titleWhole() + 8 + widthOf(SHORT) / 2));
    // a row that does not wrap: the title alone, whole (the row's tooltip has the date)
    assertThat(drawn(title)).isEqualTo(TITLE);
    assertThat(onFx(detail::isVisible)).as("the date of a row that does not wrap").isFalse();
    // a row that wraps: the title whole, the date under it
    assertThat(drawn(title2)).isEqualTo(TITLE);
    assertThat(onFx(detail2::isVisible)).as("the date under the title").isTrue();
    assertThat(onFx(() -> detail2.getBoundsInParent().getMinY()))
        .isGreaterThanOrEqualTo(onFx(() -> title2.getBoundsInParent().getMaxY()) - 0.5);
    assertThat(onFx(() -> detail2.getBoundsInParent().getMaxX()))
        .isLessThanOrEqualTo(onFx(() -> wrapping.getWidth()) + 0.5);
  }

  @Test
  void aTitleWiderThanTheRowIsCutAtItsEnd(FxRobot robot) throws Exception {
    width(robot, Math.floor(titleWhole() * 0.6));
    assertThat(drawn(title)).isNotEqualTo(TITLE).startsWith("Java");
    assertThat(onFx(detail::isVisible)).isFalse();
  }
}
