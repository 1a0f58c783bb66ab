package dev.talkbook.ui.editor;

import static javafx.scene.input.KeyCode.DOWN;
import static javafx.scene.input.KeyCode.END;
import static javafx.scene.input.KeyCode.ENTER;
import static javafx.scene.input.KeyCode.HOME;
import static javafx.scene.input.KeyCode.PERIOD;
import static javafx.scene.input.KeyCode.TAB;
import static javafx.scene.input.KeyCode.UP;
import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;
import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.EventPattern.keyTyped;
import static org.fxmisc.wellbehaved.event.InputMap.process;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.talkbook.core.outliner.Edit;
import dev.talkbook.core.outliner.Outliner;
import dev.talkbook.ui.common.HangingIndent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.fxmisc.wellbehaved.event.InputHandler.Result;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The outliner keys of the notes editor, added to the code area's input map over its own keys:
 * Enter, Tab and Shift+Tab in lists, Alt+Up/Down to move an item or a section, Ctrl+. to fold,
 * Ctrl+Enter to toggle a task; Home on a list item goes to its text first and End to its line's end
 * (the bullet is shown beside the text, see {@link HangingIndent}); a closing code fence typed on
 * an indented line goes where its opening fence is. Where a command does not apply (Enter on a
 * plain line), the key does what it did before; Tab outside lists does nothing, since a tab there
 * would turn a heading or paragraph into code, but in a fenced code block it types a tab. The text
 * work is {@link Outliner}'s; each change is one undo step.
 */
public final class OutlinerKeys {
  private final CodeArea area;
  private final AreaLines lines;
  private final Folding folding;

  OutlinerKeys(CodeArea area) {
    this.area = area;
    this.lines = new AreaLines(area);
    this.folding = new Folding(area);
    InputMap<KeyEvent> keys =
        sequence(
            process(keyPressed(ENTER), e -> result(this::newItem)),
            process(keyPressed(TAB), e -> result(this::tab)),
            process(keyPressed(TAB, SHIFT_DOWN), e -> result(this::outdent)),
            process(keyPressed(UP, ALT_DOWN), e -> result(this::moveUp)),
            process(keyPressed(DOWN, ALT_DOWN), e -> result(this::moveDown)),
            process(keyPressed(PERIOD, SHORTCUT_DOWN), e -> result(this::toggleFold)),
            process(keyPressed(ENTER, SHORTCUT_DOWN), e -> result(this::toggleTask)),
            process(keyPressed(HOME), e -> result(() -> home(false))),
            process(keyPressed(HOME, SHIFT_DOWN), e -> result(() -> home(true))),
            process(keyPressed(END), e -> result(() -> end(false))),
            process(keyPressed(END, SHIFT_DOWN), e -> result(() -> end(true))),
            process(keyTyped("`"), e -> result(() -> fence('`'))),
            process(keyTyped("~"), e -> result(() -> fence('~'))));
    Nodes.addInputMap(area, keys);
  }

  /** The editor's outliner style sheet (the fold gutter). */
  static String stylesheet() {
    java.net.URL url = OutlinerKeys.class.getResource("outliner.css");
    if (url == null) {
      throw new IllegalStateException("resource outliner.css next to OutlinerKeys is missing");
    }
    return url.toExternalForm();
  }

  private static Result result(BooleanSupplier command) {
    return command.getAsBoolean() ? Result.CONSUME : Result.PROCEED;
  }

  /** The editor's folds. */
  public Folding folding() {
    return folding;
  }

  private Outliner outliner() {
    return new Outliner(lines);
  }

  /**
   * Enter in a list: a new item, or the end of the list; at the end of a folded line, a new line
   * after what is folded. False if Enter should do its usual.
   */
  public boolean newItem() {
    if (!editable()) {
      return false;
    }
    int caret = area.getCaretPosition();
    Optional<Edit> edit = outliner().enter(area.getAnchor(), caret, folding::isFolded);
    int p = area.getCurrentParagraph();
    if (edit.isEmpty()
        && area.getAnchor() == caret
        && folding.isFolded(p)
        && area.getCaretColumn() == area.getParagraphLength(p)) {
      // Enter at the end of a folded heading or line: the new line goes after what is hidden. A
      // line typed right under the last hidden one would be part of it (a paragraph's next line,
      // a list item's lazy continuation), so a blank line goes between, folded with the rest.
      int last = p + folding.hiddenAfter(p);
      boolean separate = !area.getParagraph(last).getText().isBlank();
      String breaks = separate ? "\n\n" : "\n";
      int n = breaks.length();
      int at = area.getAbsolutePosition(last, area.getParagraphLength(last));
      boolean done =
          apply(
              Optional.of(
                  new Edit(
                      at, at, breaks, at + n, at + n, line -> line <= last ? line : line + n)));
      if (separate) {
        folding.refold(p, last + 1);
      }
      return done;
    }
    return apply(edit);
  }

  /**
   * A fence character typed: when it completes the closing fence of the code block on a line the
   * code's indentation was kept on, the line moves out to the opening fence. False otherwise (the
   * character is typed as usual).
   */
  boolean fence(char c) {
    return editable() && apply(outliner().typed(c, area.getAnchor(), area.getCaretPosition()));
  }

  /**
   * Home on the first line of a list item: to the start of its text (after the bullet and a task
   * box), and from there to the start of the line. On a later screen line of a wrapped line: to
   * that screen line's start, and from there (as in VS Code) to the start of the line's text. With
   * Shift, the selection goes along. False elsewhere (the area's own Home).
   */
  boolean home(boolean select) {
    int p = area.getCurrentParagraph();
    int col = area.getCaretColumn();
    Optional<dev.talkbook.core.outliner.ListItem> item =
        dev.talkbook.core.outliner.ListItem.parse(area.getParagraph(p).getText());
    int content = item.map(dev.talkbook.core.outliner.ListItem::prefixLength).orElse(0);
    try {
      if (col > content && area.lineIndex(p, col) != area.lineIndex(p, content)) {
        int lineStart = area.getCurrentLineStartInParargraph();
        caretTo(area.getAbsolutePosition(p, lineStart == col ? content : lineStart), select);
        return true;
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException notLaidOut) {
      // The paragraph is not on screen: treat it as one line.
    }
    if (item.isEmpty()) {
      return false;
    }
    caretTo(area.getAbsolutePosition(p, col == content ? 0 : content), select);
    return true;
  }

  /**
   * End on the last line of a list item: to the end of the line. The area's own End measures the
   * line on screen, where the prefix kept out of the flow (see {@link HangingIndent}) makes it stop
   * one character short on a numbered item. On a wrapped line's screen line before the last: to
   * that screen line's end, and from there (as in VS Code) to the end of the whole line. With
   * Shift, the selection goes along. False elsewhere (the area's own End).
   */
  boolean end(boolean select) {
    int p = area.getCurrentParagraph();
    int col = area.getCaretColumn();
    int length = area.getParagraphLength(p);
    try {
      if (area.lineIndex(p, col) != area.lineIndex(p, length)) {
        int lineEnd = area.getCurrentLineEndInParargraph();
        caretTo(area.getAbsolutePosition(p, lineEnd == col ? length : lineEnd), select);
        return true;
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException notLaidOut) {
      // The paragraph is not on screen: treat it as one line.
    }
    if (dev.talkbook.core.outliner.ListItem.parse(area.getParagraph(p).getText()).isEmpty()) {
      return false;
    }
    caretTo(area.getAbsolutePosition(p, length), select);
    return true;
  }

  /** The caret to {@code to}, the selection going along with Shift, kept in sight. */
  private void caretTo(int to, boolean select) {
    if (select) {
      area.selectRange(area.getAnchor(), to);
    } else {
      area.moveTo(to);
    }
    area.requestFollowCaret();
  }

  /**
   * The Tab key: indents list items; in a fenced code block, false (the area types a tab as usual);
   * elsewhere nothing, since a tab there would change what the Markdown is (a heading or a
   * paragraph with a tab before it is a code block).
   */
  boolean tab() {
    if (!editable()) {
      return false;
    }
    return indent() || !lines.isCode(lines.lineAt(area.getCaretPosition()));
  }

  /** Tab on list items. False outside lists. */
  public boolean indent() {
    return editable() && apply(outliner().indent(area.getAnchor(), area.getCaretPosition()));
  }

  /** Shift+Tab on list items. False outside lists. */
  public boolean outdent() {
    return editable() && apply(outliner().outdent(area.getAnchor(), area.getCaretPosition()));
  }

  /** Alt+Up: the item with its children, the heading with its section, or the line. */
  public boolean moveUp() {
    return editable() && apply(outliner().moveUp(area.getAnchor(), area.getCaretPosition()));
  }

  /** Alt+Down: the item with its children, the heading with its section, or the line. */
  public boolean moveDown() {
    return editable() && apply(outliner().moveDown(area.getAnchor(), area.getCaretPosition()));
  }

  /** Ctrl+Enter: toggles the task boxes of the selected items. */
  public boolean toggleTask() {
    return editable() && apply(outliner().toggleTask(area.getAnchor(), area.getCaretPosition()));
  }

  /**
   * Ctrl+.: unfolds the current line's fold, or folds the item's children or the heading's section
   * that the caret is in. Always handled (the key has no other meaning).
   */
  public boolean toggleFold() {
    int p = area.getCurrentParagraph();
    if (folding.isFolded(p)) {
      folding.unfold(p);
      return true;
    }
    Outliner outliner = outliner();
    OptionalInt owner = outliner.foldOwner(p);
    if (owner.isEmpty()) {
      return true;
    }
    int line = owner.getAsInt();
    int last = outliner.foldable(line).orElseThrow()[1];
    if (line != p) {
      area.moveTo(line, area.getParagraphLength(line));
    }
    folding.fold(line, last);
    area.requestFollowCaret();
    return true;
  }

  private boolean editable() {
    return area.isEditable() && !area.isDisabled();
  }

  /**
   * Makes the edit as one replace (one undo step, never merged with the typing before or after),
   * keeps the folds it touched, and selects what the edit says.
   */
  private boolean apply(Optional<Edit> found) {
    if (found.isEmpty()) {
      return false;
    }
    Edit edit = found.get();
    if (edit.changesText()) {
      int first = lines.lineAt(edit.start());
      int last = lines.lineAt(edit.end());
      List<Folding.Fold> folds = folding.around(first, last);
      Collection<String> none = List.of();
      area.getUndoManager().preventMerge();
      folding.quietly(
          () ->
              area.replace(
                  edit.start(),
                  edit.end(),
                  ReadOnlyStyledDocument.fromString(
                      edit.text(), none, none, SegmentOps.<Collection<String>>styledTextOps())));
      area.getUndoManager().preventMerge();
      int newLast =
          area.offsetToPosition(edit.start() + edit.text().length(), Bias.Forward).getMajor();
      folding.restore(folds, edit.newLine(), first, newLast);
    }
    area.selectRange(edit.anchor(), edit.caret());
    area.requestFollowCaret();
    return true;
  }
}
