package dev.talkbook.core.outliner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Keys must stay instant on long notes: on a 10,000-line outline, a command reads the lines around
 * the caret, not the note. Counted, not timed.
 */
class BoundedWorkTest {
  private static final int LINES = 10_000;

  /** Lines of a generated outline that count how many lines are read. */
  static final class Counting implements Lines {
    final Lines text;
    int reads;

    Counting(String text) {
      this.text = Lines.of(text);
      for (int i = 0; i < this.text.count(); i++) {
        this.text.isCode(i); // warm the fence cache, as the editor's is while typing
      }
    }

    @Override
    public int count() {
      return text.count();
    }

    @Override
    public String get(int line) {
      reads++;
      return text.get(line);
    }

    @Override
    public int startOf(int line) {
      return text.startOf(line);
    }

    @Override
    public int lineAt(int offset) {
      return text.lineAt(offset);
    }

    @Override
    public boolean isCode(int line) {
      return text.isCode(line);
    }
  }

  private static String outline(String marker) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < LINES / 4; i++) {
      b.append(marker.replace("N", Integer.toString(i + 1)))
          .append(" point ")
          .append(i)
          .append('\n');
      b.append("  - detail a\n  - detail b\n    - deeper\n");
    }
    return b.toString().stripTrailing();
  }

  private static int reads(
      String text,
      int line,
      java.util.function.BiFunction<Outliner, Integer, Optional<Edit>> command) {
    Counting lines = new Counting(text);
    int caret = lines.startOf(line) + lines.text.get(line).length();
    lines.reads = 0;
    assertThat(command.apply(new Outliner(lines), caret)).isPresent();
    return lines.reads;
  }

  @Test
  void bulletCommandsInTheMiddleOfALongOutlineReadAFewLines() {
    String text = outline("-");
    int middle = LINES / 2; // a top-level item
    assertThat(reads(text, middle, (o, c) -> o.enter(c, c, l -> false))).isLessThan(40);
    assertThat(reads(text, middle, (o, c) -> o.indent(c, c))).isLessThan(40);
    assertThat(reads(text, middle + 1, (o, c) -> o.outdent(c, c))).isLessThan(40);
    assertThat(reads(text, middle, (o, c) -> o.moveUp(c, c))).isLessThan(40);
    assertThat(reads(text, middle, (o, c) -> o.moveDown(c, c))).isLessThan(40);
    assertThat(reads(text, middle, (o, c) -> o.toggleTask(c, c))).isLessThan(10);
  }

  @Test
  void numberedListsReadOnlyTheSiblingsTheyRenumber() {
    String text = outline("N.");
    int nearEnd = LINES - 8; // an item two from the end: two siblings to renumber
    int reads = reads(text, nearEnd, (o, c) -> o.enter(c, c, l -> false));
    assertThat(reads).isLessThan(40);
  }

  @Test
  void foldingASectionReadsTheSection() {
    Supplier<String> text = () -> "# A\n" + outline("-") + "\n# B\nend";
    Counting lines = new Counting(text.get());
    lines.reads = 0;
    new Outliner(lines).foldable(lines.count() - 2);
    assertThat(lines.reads).isLessThan(5);
  }
}
