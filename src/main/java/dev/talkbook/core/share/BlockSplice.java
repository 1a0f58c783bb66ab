package dev.talkbook.core.share;

import java.util.List;

/**
 * How one list of rendered blocks becomes another: remove {@code remove} blocks at {@code at}, put
 * {@code insert} there. Found from the common start and end of the two lists, so a keystroke, which
 * changes one block, sends that block alone. Pure.
 */
record BlockSplice(int at, int remove, List<String> insert) {
  BlockSplice {
    insert = List.copyOf(insert);
  }

  static BlockSplice between(List<String> before, List<String> after) {
    int common = Math.min(before.size(), after.size());
    int start = 0;
    while (start < common && before.get(start).equals(after.get(start))) {
      start++;
    }
    int end = 0;
    while (end < common - start
        && before.get(before.size() - 1 - end).equals(after.get(after.size() - 1 - end))) {
      end++;
    }
    return new BlockSplice(
        start, before.size() - start - end, after.subList(start, after.size() - end));
  }

  boolean isEmpty() {
    return remove == 0 && insert.isEmpty();
  }
}
