package dev.talkbook.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.ui.FxWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor and the page keep the same place; a talk opened at its top shows its page at the top
 * too, though the talk before had been scrolled to its end (the page stayed there, and its next
 * scroll event put the new talk's editor at its end, the caret out of sight).
 */
@ExtendWith(ApplicationExtension.class)
class ScrollSyncTest {
  private static final int LINES = 200;
  private PreviewView preview;
  private CodeArea area;

  @Start
  void start(Stage stage) {
    preview = new PreviewView(link -> {});
    area = new CodeArea(text("first"));
    area.setPrefWidth(300);
    ScrollSync.install(area, preview);
    stage.setScene(new Scene(new HBox(area, preview.root()), 700, 400));
    stage.show();
    preview.create();
  }

  private static String text(String word) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      b.append(word).append(' ').append(i).append('\n');
    }
    return b.toString();
  }

  private static RenderedNote note(String word) {
    List<RenderedNote.Block> blocks = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      blocks.add(new RenderedNote.Block(i, i, "<p>" + word + " " + i + "</p>"));
    }
    return new RenderedNote(blocks, null, Map.of());
  }

  private int pageLineAtTop() throws Exception {
    return ((Number) FxWait.onFx(() -> preview.webView().getEngine().executeScript("lineAtTop()")))
        .intValue();
  }

  private String pageText() throws Exception {
    return String.valueOf(
        FxWait.onFx(
            () ->
                preview
                    .webView()
                    .getEngine()
                    .executeScript("document.getElementById('content').textContent")));
  }

  @Test
  void aTalkOpenedAtItsTopShowsItsPageAtTheTopThoughTheTalkBeforeWasAtItsEnd() throws Exception {
    FxWait.until(() -> FxWait.onFx(preview::isReady));
    FxWait.onFx(
        () -> {
          preview.show(note("first"));
          return null;
        });
    FxWait.until(() -> pageText().contains("first 199"));
    // The talk before, scrolled down: the page follows.
    FxWait.onFx(
        () -> {
          area.showParagraphAtTop(150);
          return null;
        });
    FxWait.until(() -> Math.abs(pageLineAtTop() - 150) <= 2);

    // Another talk opened at its top, as EditorView.load does: new text, then its place; its
    // rendered note comes later, from the render thread.
    FxWait.onFx(
        () -> {
          area.replaceText(text("second"));
          area.moveTo(0);
          area.showParagraphAtTop(0);
          return null;
        });
    FxWait.until(() -> FxWait.onFx(() -> !area.getVisibleParagraphs().isEmpty()));
    FxWait.onFx(
        () -> {
          preview.show(note("second"));
          return null;
        });
    FxWait.until(() -> pageText().contains("second 199"));
    FxWait.until("the page at the new talk's top", () -> pageLineAtTop() <= 1);
    assertThat(FxWait.onFx(() -> area.firstVisibleParToAllParIndex()))
        .as("the editor at the new talk's top")
        .isZero();
  }
}
