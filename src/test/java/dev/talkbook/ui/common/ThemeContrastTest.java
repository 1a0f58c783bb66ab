package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.OwnerWindowTest;
import dev.talkbook.ui.presenter.PresenterContrastTest;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/**
 * Words drawn in the theme's colours read at 4.5:1 (WCAG AA) or better, light and dark, where the
 * presenter's sheet does not reach: on a selected row of the navigator, the search results and Now
 * and next (the row's muted detail and time, a day's name, the time of a talk on now), and a word a
 * search found, over its mark. Read from the real cascade: Primer's sheet, the app's, the dark
 * class.
 */
class ThemeContrastTest extends OwnerWindowTest {
  private static final double AA = 4.5;

  /** The classes a row's cell and its labels take, as the views give them. */
  private record Row(String cellClass, String labelClass) {}

  private static final List<Row> ROWS =
      List.of(
          new Row("tb-talk-row", "tb-row-detail"),
          new Row("tb-talk-row", "tb-row-time"),
          new Row("tb-day-row", "tb-row-title"),
          new Row("tb-now-row", "tb-row-detail"),
          new Row("tb-next-row", "tb-row-detail"));

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void selectedRowsAndSearchMarksKeepTheirWordsReadable(boolean dark, FxRobot robot)
      throws Exception {
    Theme theme = new Theme(dark);
    ListView<Row> list = new ListView<>();
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(ROWS.stream().map(Row::cellClass).toList());
                if (empty || row == null) {
                  setGraphic(null);
                  return;
                }
                getStyleClass().add(row.cellClass());
                Label words = new Label("Tomasz Wierzbicki");
                words.getStyleClass().add(row.labelClass());
                setGraphic(new HBox(words));
              }
            });
    list.getItems().setAll(ROWS);
    Text found = new Text("Journal");
    found.getStyleClass().add("tb-snippet-text");
    Rectangle mark = new Rectangle(40, 12);
    mark.getStyleClass().add("tb-snippet-match");
    javafx.scene.control.TextField hinted = new javafx.scene.control.TextField();
    hinted.setPromptText("https://…");
    robot.interact(
        () -> {
          Scene scene = new Scene(new VBox(list, found, mark, hinted), 400, 300);
          theme.apply(scene);
          stage.setScene(scene);
        });

    List<String> failures = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      int index = i;
      robot.interact(() -> list.getSelectionModel().select(index));
      FxWait.onFx(
          () -> {
            list.applyCss();
            list.layout();
            ListCell<?> cell =
                list.lookupAll(".list-cell").stream()
                    .map(n -> (ListCell<?>) n)
                    .filter(c -> c.getIndex() == index)
                    .findFirst()
                    .orElseThrow();
            Label words = (Label) cell.lookup("." + ROWS.get(index).labelClass());
            var fills = cell.getBackground().getFills();
            Color bg = (Color) fills.get(fills.size() - 1).getFill();
            double ratio = contrast((Color) words.getTextFill(), bg);
            if (ratio < AA) {
              failures.add(
                  String.format(
                      "selected %s: %.2f:1 %s on %s %s",
                      ROWS.get(index),
                      ratio,
                      words.getTextFill(),
                      bg,
                      cell.getPseudoClassStates()));
            }
            return null;
          });
    }
    double marked = FxWait.onFx(() -> contrast((Color) found.getFill(), (Color) mark.getFill()));
    if (marked < AA) {
      failures.add(String.format("a found word over its mark: %.2f:1", marked));
    }
    // A field's hint, shown while the field is not focused (the list has the focus).
    robot.interact(list::requestFocus);
    double hint =
        FxWait.onFx(
            () -> {
              hinted.applyCss();
              hinted.layout();
              Text prompt =
                  hinted.lookupAll(".text").stream()
                      .filter(n -> n instanceof Text t && "https://…".equals(t.getText()))
                      .map(Text.class::cast)
                      .findFirst()
                      .orElseThrow();
              var fills = hinted.getBackground().getFills();
              return contrast(
                  (Color) prompt.getFill(), (Color) fills.get(fills.size() - 1).getFill());
            });
    if (hint < AA) {
      failures.add(String.format("a field's hint: %.2f:1", hint));
    }
    robot.interact(() -> new Theme(false).applyUserAgentStylesheet());
    assertThat(failures).as(dark ? "dark" : "light").isEmpty();
  }

  private static double contrast(Color a, Color b) {
    return PresenterContrastTest.contrast(a, b);
  }
}
