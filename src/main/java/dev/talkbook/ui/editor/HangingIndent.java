package dev.talkbook.ui.editor;

import dev.talkbook.core.outliner.Lines;
import dev.talkbook.core.outliner.ListItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * Wrapped list items that continue under the item's text, not under its bullet. A TextFlow wraps
 * every line of a paragraph at the same left edge, so the item's prefix (indentation, quote
 * markers, bullet or number, and the blank after it) is taken out of the flow's width: its
 * characters get {@link #CLASS} (drawn at almost no width, see outliner.css), and the paragraph's
 * graphic shows them instead, just before the text (see {@link Folding}). The text itself is
 * unchanged: copying, searching and saving see the prefix as it is.
 */
final class HangingIndent {
  /** The style class of the prefix characters kept out of the flow. */
  static final String CLASS = "tb-hang";

  /** The style class of the prefix shown in the paragraph's graphic. */
  static final String GRAPHIC_CLASS = "tb-hang-prefix";

  private HangingIndent() {}

  /** A prefix: where it starts in the text and how long it is. */
  record Prefix(int start, int length) {}

  /**
   * The prefixes of the list items of {@code text} that have content (an empty item has nothing to
   * wrap) outside code blocks. The task box stays in the text: it can be clicked and typed in.
   */
  static List<Prefix> prefixes(String text) {
    Lines lines = Lines.of(text);
    List<Prefix> out = new ArrayList<>();
    for (int l = 0; l < lines.count(); l++) {
      String line = lines.get(l);
      if (line.isEmpty() || lines.isCode(l)) {
        continue;
      }
      Optional<ListItem> item = ListItem.parse(line);
      if (item.isEmpty() || item.get().gap().isEmpty() || item.get().content().isBlank()) {
        continue;
      }
      ListItem i = item.get();
      int length =
          i.quote().length() + i.indent().length() + i.marker().length() + i.gap().length();
      out.add(new Prefix(lines.startOf(l), length));
    }
    return out;
  }

  /** {@code spans} of {@code text} with {@link #CLASS} added over its {@code prefixes}. */
  static StyleSpans<Collection<String>> overlay(
      StyleSpans<Collection<String>> spans, String text, List<Prefix> prefixes) {
    if (prefixes.isEmpty()) {
      return spans;
    }
    StyleSpansBuilder<Collection<String>> marks = new StyleSpansBuilder<>(prefixes.size() * 2 + 1);
    int at = 0;
    for (Prefix p : prefixes) {
      if (p.start() > at) {
        marks.add(List.of(), p.start() - at);
      }
      marks.add(List.of(CLASS), p.length());
      at = p.start() + p.length();
    }
    if (text.length() > at) {
      marks.add(List.of(), text.length() - at);
    }
    return spans.overlay(
        marks.create(),
        (style, mark) -> {
          if (mark.isEmpty()) {
            return style;
          }
          List<String> both = new ArrayList<>(style);
          both.addAll(mark);
          return both;
        });
  }

  /**
   * The prefix of paragraph {@code p} as the graphic shows it (its characters in their own styles,
   * so the bullet keeps its colour), or null when the paragraph has none.
   */
  static Node graphic(CodeArea area, int p) {
    if (p < 0 || p >= area.getParagraphs().size()) {
      return null;
    }
    TextFlow shown = new TextFlow();
    for (StyledSegment<String, Collection<String>> seg : area.getParagraph(p).getStyledSegments()) {
      if (!seg.getStyle().contains(CLASS)) {
        break;
      }
      Text t = new Text(seg.getSegment());
      t.getStyleClass().add("text");
      seg.getStyle().stream().filter(c -> !c.equals(CLASS)).forEach(t.getStyleClass()::add);
      shown.getChildren().add(t);
    }
    if (shown.getChildren().isEmpty()) {
      return null;
    }
    shown.getStyleClass().add(GRAPHIC_CLASS);
    shown.setMinWidth(Region.USE_PREF_SIZE);
    return shown;
  }
}
