package dev.talkbook.core.outliner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link Lines} over a string: line starts found once, fences through {@link CodeLines}. */
final class TextLines implements Lines {
  private final String text;
  private final int[] starts;
  private final CodeLines code = new CodeLines();

  TextLines(String text) {
    this.text = text;
    List<Integer> found = new ArrayList<>();
    found.add(0);
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      found.add(i + 1);
    }
    starts = found.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public int count() {
    return starts.length;
  }

  @Override
  public String get(int line) {
    int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
    return text.substring(starts[line], end);
  }

  @Override
  public int startOf(int line) {
    return starts[line];
  }

  @Override
  public int lineAt(int offset) {
    int at = Arrays.binarySearch(starts, offset);
    return at >= 0 ? at : -at - 2;
  }

  @Override
  public boolean isCode(int line) {
    return code.isCode(this::get, line);
  }
}
