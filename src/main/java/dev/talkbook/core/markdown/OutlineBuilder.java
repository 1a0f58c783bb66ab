package dev.talkbook.core.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** AST to {@link Outline}: headings of the document and the list items under them. */
final class OutlineBuilder {
  private static final int MAX_TEXT = 160;

  private OutlineBuilder() {}

  private static final class Draft {
    final Outline.Kind kind;
    final int level;
    final String text;
    final int firstLine;
    int lastLine;
    final List<Draft> children = new ArrayList<>();
    Outline.Entry done;

    Draft(Outline.Kind kind, int level, String text, int firstLine, int lastLine) {
      this.kind = kind;
      this.level = level;
      this.text = text;
      this.firstLine = firstLine;
      this.lastLine = lastLine;
    }

    Draft(Outline.Entry done) {
      this(done.kind(), done.level(), done.text(), done.firstLine(), done.lastLine());
      this.done = done;
    }

    Outline.Entry done() {
      if (done != null) {
        return done;
      }
      List<Outline.Entry> kids = new ArrayList<>(children.size());
      for (Draft d : children) {
        kids.add(d.done());
      }
      return new Outline.Entry(kind, level, text, firstLine, lastLine, kids);
    }
  }

  /** {@code lastLine}: the note's last line (0-based), where the last section ends. */
  static Outline build(Node document, int lastLine) {
    return build(List.of(document), new int[] {0}, lastLine, null);
  }

  /** A list's items as built at one offset, for reuse while the list and its offset stay. */
  record BuiltItems(int offset, List<Outline.Entry> items) {}

  /**
   * The outline of a note parsed in consecutive parts: {@code documents[i]}'s lines start at {@code
   * offsets[i]}.
   */
  static Outline build(
      List<Node> documents,
      int[] offsets,
      int lastLine,
      java.util.Map<Node, BuiltItems> itemCache) {
    List<Draft> roots = new ArrayList<>();
    Deque<Draft> headings = new ArrayDeque<>();
    for (int part = 0; part < documents.size(); part++) {
      int offset = offsets[part];
      for (Node child = documents.get(part).getFirstChild();
          child != null;
          child = child.getNext()) {
        if (child instanceof Heading h) {
          int first = offset + firstLine(h);
          while (!headings.isEmpty() && headings.peek().level >= h.getLevel()) {
            Draft closed = headings.pop();
            closed.lastLine = Math.max(closed.firstLine, first - 1);
          }
          Draft d = new Draft(Outline.Kind.HEADING, h.getLevel(), text(h), first, lastLine);
          (headings.isEmpty() ? roots : headings.peek().children).add(d);
          headings.push(d);
        } else if (child instanceof ListBlock list) {
          List<Draft> into = headings.isEmpty() ? roots : headings.peek().children;
          BuiltItems built = itemCache == null ? null : itemCache.get(list);
          if (built == null || built.offset() != offset) {
            List<Draft> drafts = new ArrayList<>();
            addItems(list, 1, offset, drafts);
            List<Outline.Entry> items = new ArrayList<>(drafts.size());
            for (Draft d : drafts) {
              items.add(d.done());
            }
            built = new BuiltItems(offset, items);
            if (itemCache != null) {
              itemCache.put(list, built);
            }
          }
          for (Outline.Entry e : built.items()) {
            into.add(new Draft(e));
          }
        }
      }
    }
    List<Outline.Entry> entries = new ArrayList<>(roots.size());
    for (Draft d : roots) {
      entries.add(d.done());
    }
    return new Outline(entries);
  }

  private static void addItems(ListBlock list, int level, int offset, List<Draft> into) {
    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
      if (!(n instanceof ListItem item) || item.getSourceSpans().isEmpty()) {
        continue;
      }
      Draft d =
          new Draft(
              Outline.Kind.ITEM,
              level,
              itemText(item),
              offset + firstLine(item),
              offset + lastLine(item));
      into.add(d);
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof ListBlock nested) {
          addItems(nested, level + 1, offset, d.children);
        }
      }
    }
  }

  static int firstLine(Node block) {
    return block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex();
  }

  static int lastLine(Node block) {
    var spans = block.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
  }

  private static String itemText(ListItem item) {
    StringBuilder out = new StringBuilder();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TaskListItemMarker marker) {
        out.append(marker.isChecked() ? "☑ " : "☐ ");
      } else if (c instanceof Paragraph p) {
        appendText(p, out);
        break;
      } else if (c instanceof Block) {
        break;
      }
    }
    return out.toString().strip();
  }

  private static String text(Node node) {
    StringBuilder out = new StringBuilder();
    appendText(node, out);
    return out.toString().strip();
  }

  /** The node's plain text, iteratively (inline nesting can be deep), cut at MAX_TEXT. */
  private static void appendText(Node root, StringBuilder out) {
    Node n = root.getFirstChild();
    while (n != null && out.length() < MAX_TEXT) {
      if (n instanceof Text t) {
        out.append(t.getLiteral());
      } else if (n instanceof Code c) {
        out.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        out.append(' ');
      }
      if (n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (n != null && n != root && n.getNext() == null) {
        n = n.getParent();
      }
      n = (n == null || n == root) ? null : n.getNext();
    }
    if (out.length() > MAX_TEXT) {
      out.setLength(MAX_TEXT);
      out.append('…');
    }
  }
}
