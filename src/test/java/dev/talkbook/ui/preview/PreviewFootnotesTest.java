package dev.talkbook.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.NotePreviewRenderer;
import dev.talkbook.ui.FxWait;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A note's footnotes show in the preview as raised numbers linking to the notes after the text, and
 * the page, which replaces only the blocks a change touched, stays right when the note changes: an
 * edited definition shows, a reference added above renumbers every reference and note.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewFootnotesTest {
  private PreviewView preview;
  private final NotePreviewRenderer renderer = new NotePreviewRenderer(new MarkdownRenderer());

  @Start
  void start(Stage stage) {
    preview = new PreviewView(link -> {});
    stage.setScene(new Scene(preview.root(), 600, 400));
    stage.show();
    preview.create();
  }

  private Object script(String js) throws Exception {
    return FxWait.onFx(() -> preview.webView().getEngine().executeScript(js));
  }

  private void show(String markdown) throws Exception {
    FxWait.until(() -> FxWait.onFx(preview::isReady));
    FxWait.onFx(
        () -> {
          preview.show(renderer.render(markdown, ref -> Optional.empty()));
          return null;
        });
  }

  /** The numbers of the references in the page, in order, as "1,2". */
  private String numbers() throws Exception {
    return String.valueOf(
        script(
            "Array.prototype.map.call(document.querySelectorAll('sup.footnote-ref a'),"
                + " function (a) { return a.textContent + '>' + a.getAttribute('href'); })"
                + ".join(',')"));
  }

  /** The notes' texts in the page, in order. */
  private String notes() throws Exception {
    return String.valueOf(
        script(
            "Array.prototype.map.call(document.querySelectorAll('.footnotes li'),"
                + " function (li) { return li.id + '=' + li.firstElementChild.firstChild.data; })"
                + ".join('|')"));
  }

  @Test
  void aFootnoteShowsAndFollowsEditsOfItsDefinitionAndOfTheReferencesAboveIt() throws Exception {
    String note = "# Loom\n\nVirtual threads are final[^jep].\n\nMore text.\n\n[^jep]: JEP 444\n";
    show(note);
    assertThat(numbers()).isEqualTo("1>#fn:1");
    assertThat(notes()).isEqualTo("fn:1=JEP 444 ");
    assertThat(String.valueOf(script("document.body.textContent"))).doesNotContain("[^jep]");
    // raised and smaller, the notes muted and apart from the text
    assertThat(
            String.valueOf(
                script(
                    "getComputedStyle(document.querySelector('sup.footnote-ref')).verticalAlign")))
        .isEqualTo("super");
    assertThat(
            Double.parseDouble(
                String.valueOf(
                    script(
                        "parseFloat(getComputedStyle(document.querySelector('.footnotes')).fontSize)"
                            + " / parseFloat(getComputedStyle(document.body).fontSize)"))))
        .isLessThan(0.95);

    // the definition is edited: its note changes, the reference's block stays as it was
    show(note.replace("JEP 444", "JEP 444, Java 21"));
    assertThat(notes()).isEqualTo("fn:1=JEP 444, Java 21 ");

    // a reference to a new note is added above, in another block: both renumbered
    show(
        note.replace("JEP 444", "JEP 444, Java 21")
            .replace("# Loom\n", "# Loom[^talk]\n")
            .concat("\n[^talk]: Devoxx 2026\n"));
    assertThat(numbers()).isEqualTo("1>#fn:1,2>#fn:2");
    assertThat(notes()).isEqualTo("fn:1=Devoxx 2026 |fn:2=JEP 444, Java 21 ");

    // the first reference is taken out again: the one left is 1 once more
    show(note);
    assertThat(numbers()).isEqualTo("1>#fn:1");
    assertThat(notes()).isEqualTo("fn:1=JEP 444 ");
  }
}
