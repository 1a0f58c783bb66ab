package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A row's title and its detail: which gives way first when the row is short of room. */
class TitleRowTest extends NarrowedRowTest {
  private static final String TITLE = "Java User Group January";
  private static final String DATE = "2027-01-14";

  private Label title;
  private Label detail;
  private TitleRow row;

  @Override
  Region makeRow() {
    title = new Label(TITLE);
    detail = new Label(DATE);
    title.setTextOverrun(OverrunStyle.ELLIPSIS);
    row = new TitleRow(title, detail).wholeDetail(); // as an event's row in the navigator
    return new StackPane(row);
  }

  /** The title as drawn (with its ellipsis when cut). */
  private String shownTitle() throws Exception {
    return onFx(() -> ((Text) title.lookup(".text")).getText());
  }

  private double titleWhole() throws Exception {
    return onFx(() -> title.prefWidth(-1));
  }

  private double dateWhole() throws Exception {
    return onFx(() -> detail.prefWidth(-1));
  }

  /**
   * A long event title hid the event's date in the navigator ("Java User Group January" showed no
   * date): the title is cut before the date now, the date shown whole.
   */
  @Test
  void aLongTitleIsCutBeforeTheWholeDate(FxRobot robot) throws Exception {
    width(robot, 600);
    assertThat(shownTitle()).isEqualTo(TITLE);
    assertThat(onFx(detail::isVisible)).isTrue();

    // Room for the date and part of the title: the title is cut, the date stays whole.
    width(robot, Math.ceil(titleWhole() * 0.7 + 8 + dateWhole()));
    assertThat(onFx(detail::isVisible)).as("the date shown").isTrue();
    assertThat(shownTitle()).as("cut").isNotEqualTo(TITLE).startsWith("Java");
    assertThat(onFx(() -> ((Text) detail.lookup(".text")).getText())).isEqualTo(DATE);
    assertThat(onFx(() -> detail.getBoundsInParent().getMaxX()))
        .isLessThanOrEqualTo(onFx(() -> row.getWidth()) + 0.5);
    assertThat(onFx(() -> title.getBoundsInParent().getMaxX()))
        .isLessThan(onFx(() -> detail.getBoundsInParent().getMinX()));
  }

  @Test
  void tooNarrowForBothTheTitleHasTheRowAlone(FxRobot robot) throws Exception {
    width(robot, Math.floor(TitleRow.TITLE_LEAST + 8 + dateWhole() - 4));
    assertThat(onFx(detail::isVisible)).as("the date gone").isFalse();
    assertThat(shownTitle()).startsWith("Java");
  }
}
