package dev.talkbook.ui.outline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.Outline;
import dev.talkbook.ui.CssWarnings;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.Theme;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The outline panel keeps its items when only words change, and makes them again otherwise. */
@ExtendWith(ApplicationExtension.class)
class OutlineViewTest {
  private final CssWarnings css = CssWarnings.watch();
  private OutlineView view;

  @Start
  void start(Stage stage) {
    view = new OutlineView();
    view.withBulletsProperty().set(true);
    Scene scene = new Scene(view.root(), 300, 400);
    new Theme(false).apply(scene); // the app's sheet, whose colours the outline's sheet uses
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void styledWithoutCssWarnings() {
    css.close();
    assertThat(css.seen()).as("CSS warnings").isEmpty();
  }

  private static Outline.Entry heading(
      String text, int first, int last, Outline.Entry... children) {
    return new Outline.Entry(Outline.Kind.HEADING, 1, text, first, last, List.of(children));
  }

  private static Outline.Entry item(String text, int line) {
    return new Outline.Entry(Outline.Kind.ITEM, 1, text, line, line, List.of());
  }

  private List<TreeItem<Outline.Entry>> items() throws Exception {
    return FxWait.onFx(() -> List.copyOf(view.tree().getRoot().getChildren()));
  }

  private void show(Outline outline) throws Exception {
    FxWait.onFx(
        () -> {
          view.show(outline);
          return null;
        });
  }

  @Test
  void typingInAHeadingKeepsTheItemsAndShowsTheNewWords() throws Exception {
    show(new Outline(List.of(heading("One", 0, 2, item("a", 2)), heading("Two", 3, 4))));
    List<TreeItem<Outline.Entry>> before = items();

    Outline typed =
        new Outline(List.of(heading("One more", 0, 2, item("a", 2)), heading("Two", 3, 4)));
    show(typed);

    List<TreeItem<Outline.Entry>> after = items();
    assertThat(after).containsExactlyElementsOf(before); // the same items
    assertThat(after.get(0).getValue()).isSameAs(typed.entries().get(0));
    assertThat(after.get(0).getValue().text()).isEqualTo("One more");
    assertThat(after.get(0).getChildren().get(0).getValue())
        .isSameAs(typed.entries().get(0).children().get(0));
  }

  @Test
  void aNewHeadingMakesTheItemsAgain() throws Exception {
    show(new Outline(List.of(heading("One", 0, 2, item("a", 2)), heading("Two", 3, 4))));
    List<TreeItem<Outline.Entry>> before = items();

    show(
        new Outline(
            List.of(
                heading("One", 0, 2, item("a", 2)), heading("Two", 3, 4), heading("Three", 5, 6))));

    List<TreeItem<Outline.Entry>> after = items();
    assertThat(after).hasSize(3);
    assertThat(after.get(0)).isNotSameAs(before.get(0));
  }
}
