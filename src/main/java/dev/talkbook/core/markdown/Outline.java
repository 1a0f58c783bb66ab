package dev.talkbook.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a note: its headings, nested by level, and under each heading its list items, nested
 * as written. Lines are 0-based line numbers of the note's text, both ends included: a heading's
 * range is its whole section (up to the next heading of the same or a higher level), an item's
 * range is the item with its children. Built from the commonmark AST by {@link
 * MarkdownRenderer#outline(String)} or with a rendered note.
 */
public record Outline(List<Entry> entries) {
  public static final Outline EMPTY = new Outline(List.of());

  public Outline {
    entries = List.copyOf(entries);
  }

  public enum Kind {
    HEADING,
    ITEM
  }

  /**
   * One heading or list item. {@code level} is the heading level (1–6) or, for an item, how deep
   * its list is nested (1 for a list that is not inside another list).
   */
  public record Entry(
      Kind kind, int level, String text, int firstLine, int lastLine, List<Entry> children) {
    public Entry {
      children = List.copyOf(children);
    }

    public boolean contains(int line) {
      return line >= firstLine && line <= lastLine;
    }

    /** Whether this is a heading, or an item in a list under no other item. */
    public boolean isHeadingOrTopItem() {
      return kind == Kind.HEADING || level == 1;
    }
  }

  /**
   * The innermost entry whose range holds {@code line} (among headings only, or headings and
   * top-level items when {@code withTopItems}), or empty when the line is before every heading.
   */
  public Optional<Entry> at(int line, boolean withTopItems) {
    Entry found = null;
    List<Entry> level = entries;
    boolean descended = true;
    while (descended) {
      descended = false;
      for (Entry e : level) {
        if (e.contains(line) && (e.kind() == Kind.HEADING || (withTopItems && e.level() == 1))) {
          found = e;
          level = e.children();
          descended = true;
          break;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every entry, depth first, in the order of the text. */
  public List<Entry> flatten() {
    List<Entry> out = new ArrayList<>();
    ArrayList<List<Entry>> stack = new ArrayList<>();
    ArrayList<Integer> index = new ArrayList<>();
    stack.add(entries);
    index.add(0);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      List<Entry> list = stack.get(top);
      int i = index.get(top);
      if (i >= list.size()) {
        stack.remove(top);
        index.remove(top);
        continue;
      }
      index.set(top, i + 1);
      Entry e = list.get(i);
      out.add(e);
      if (!e.children().isEmpty()) {
        stack.add(e.children());
        index.add(0);
      }
    }
    return out;
  }
}
