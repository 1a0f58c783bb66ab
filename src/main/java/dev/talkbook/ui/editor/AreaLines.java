package dev.talkbook.ui.editor;

import dev.talkbook.core.outliner.CodeLines;
import dev.talkbook.core.outliner.Lines;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * The editor's paragraphs as {@link Lines}: each call reads one paragraph (RichTextFX keeps them in
 * a tree, so that is logarithmic), never the whole text. Which lines are in code fences is cached
 * in a {@link CodeLines} that every text change tells where it happened.
 */
final class AreaLines implements Lines {
  private final CodeArea area;
  private final CodeLines code = new CodeLines();

  AreaLines(CodeArea area) {
    this.area = area;
    area.plainTextChanges()
        .subscribe(change -> code.changedFrom(lineAt(Math.min(change.getPosition(), length()))));
  }

  private int length() {
    return area.getLength();
  }

  @Override
  public int count() {
    return area.getParagraphs().size();
  }

  @Override
  public String get(int line) {
    return area.getParagraph(line).getText();
  }

  @Override
  public int startOf(int line) {
    return area.getAbsolutePosition(line, 0);
  }

  @Override
  public int lineAt(int offset) {
    return area.offsetToPosition(offset, Bias.Forward).getMajor();
  }

  @Override
  public boolean isCode(int line) {
    return code.isCode(this::get, line);
  }
}
