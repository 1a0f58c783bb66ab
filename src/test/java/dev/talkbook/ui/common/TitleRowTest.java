package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A row's title and its detail: which gives way first when the row is short of room. */
@ExtendWith(ApplicationExtension.class)
class TitleRowTest {
  private static final String TITLE = "Java User Group January";
  private static final String DATE = "2027-01-14";

  private Label title;
  private Label detail;
  private TitleRow row;
  private StackPane holder;

  @Start
  void start(Stage stage) {
    title = new Label(TITLE);
    detail = new Label(DATE);
    title.setTextOverrun(OverrunStyle.ELLIPSIS);
    row = new TitleRow(title, detail).wholeDetail(); // as an event's row in the navigator
    holder = new StackPane(row);
    holder.setMaxWidth(600);
    Scene scene = new Scene(new StackPane(holder), 600, 60);
    new Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  private <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }

  private void width(FxRobot robot, double width) {
    robot.interact(() -> holder.setMaxWidth(width));
    WaitForAsyncUtils.waitForFxEvents();
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
