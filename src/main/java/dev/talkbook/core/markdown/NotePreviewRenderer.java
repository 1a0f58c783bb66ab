package dev.talkbook.core.markdown;

import dev.talkbook.core.notebook.AttachmentRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders one note again and again as it is edited, re-parsing only the sections that changed: the
 * same result as {@link MarkdownRenderer#renderNote}, but a keystroke in a 10,000-line note costs
 * one section's parse, not the note's.
 *
 * <p>The note is cut before each line that is an ATX heading at column 0 ({@code # ...}), where
 * CommonMark always starts a new top-level block, and each part is parsed on its own; a part whose
 * text is unchanged since the last render is reused. The cuts are skipped wherever they could
 * change the meaning: inside fenced code (at any indent) and YAML front matter, on a line with a
 * {@code |} (it could be a table row); and a note with link reference definitions (they reach
 * across the note) or raw HTML blocks (which may run past a heading) is parsed whole. Heading
 * {@code id}s are unique within a part only. Parts with {@code attachment:} references are not
 * reused, since what they resolve to can change.
 *
 * <p>Not thread-safe: one per preview, called from one thread at a time.
 */
public final class NotePreviewRenderer {

  private final MarkdownRenderer renderer;
  private Map<String, MarkdownRenderer.Part> cache = new HashMap<>();

  /** The outline entries of each cached part's lists, by list node (parts are reused whole). */
  private Map<org.commonmark.node.Node, OutlineBuilder.BuiltItems> items =
      new java.util.IdentityHashMap<>();

  public NotePreviewRenderer(MarkdownRenderer renderer) {
    this.renderer = renderer;
  }

  public RenderedNote render(
      String markdown, Function<AttachmentRef, Optional<String>> attachments) {
    String text = markdown == null ? "" : markdown;
    List<int[]> parts = cut(text);
    Map<String, MarkdownRenderer.Part> next = new HashMap<>();
    List<RenderedNote.Block> blocks = new ArrayList<>();
    List<org.commonmark.node.Node> documents = new ArrayList<>(parts.size());
    int[] offsets = new int[parts.size()];
    Map<String, List<String>> frontMatter = Map.of();
    for (int i = 0; i < parts.size(); i++) {
      int start = parts.get(i)[0];
      int end = i + 1 < parts.size() ? parts.get(i + 1)[0] : text.length();
      int line = parts.get(i)[1];
      String piece = text.substring(start, end);
      MarkdownRenderer.Part part = cache.get(piece);
      if (part == null) {
        part = renderer.renderPart(piece, attachments);
      }
      if (!piece.contains("attachment:")) {
        next.put(piece, part);
      }
      if (i == 0) {
        frontMatter = part.frontMatter();
      }
      documents.add(part.document());
      offsets[i] = line;
      for (RenderedNote.Block b : part.blocks()) {
        blocks.add(new RenderedNote.Block(b.firstLine() + line, b.lastLine() + line, b.html()));
      }
    }
    cache = next;
    Map<org.commonmark.node.Node, OutlineBuilder.BuiltItems> nextItems =
        new java.util.IdentityHashMap<>();
    for (org.commonmark.node.Node document : documents) {
      for (var n = document.getFirstChild(); n != null; n = n.getNext()) {
        OutlineBuilder.BuiltItems built = items.get(n);
        if (built != null) {
          nextItems.put(n, built);
        }
      }
    }
    Outline outline =
        OutlineBuilder.build(documents, offsets, MarkdownRenderer.lastLine(text), nextItems);
    items = nextItems;
    return new RenderedNote(blocks, outline, frontMatter);
  }

  /** A closing fence for an open one of {@code length} {@code fence} characters. */
  private static boolean closesFence(String line, char fence, int length) {
    int i = 0;
    while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
      i++;
    }
    if (i > 3) {
      return false;
    }
    int n = 0;
    while (i + n < line.length() && line.charAt(i + n) == fence) {
      n++;
    }
    return n >= length && line.substring(i + n).isBlank();
  }

  /**
   * Where the parts start: {character offset, line number}, the first at {0, 0}. A heading at
   * column 0 starts a new top-level block unless it is inside a top-level fenced code block
   * (containers end at such a line). A fence opened at column 0 is top-level for sure; one indented
   * by 1–3 spaces may be inside a list item or not, so a heading inside it ends the cutting (the
   * rest of the note is one part).
   */
  static List<int[]> cut(String text) {
    List<int[]> parts = new ArrayList<>();
    parts.add(new int[] {0, 0});
    if (text.contains("]:")) {
      return parts; // perhaps a link reference definition, which reaches across the note
    }
    int line = 0;
    int pos = 0;
    char fenceChar = 0;
    int fenceLength = 0;
    boolean fenceSure = false;
    boolean frontMatter = text.startsWith("---\n") || text.startsWith("---\r\n");
    List<int[]> cuts = new ArrayList<>();
    while (pos < text.length()) {
      int eol = text.indexOf('\n', pos);
      int end = eol < 0 ? text.length() : eol;
      int indent = 0;
      while (pos + indent < end && text.charAt(pos + indent) == ' ') {
        indent++;
      }
      char first = pos + indent < end ? text.charAt(pos + indent) : '\n';
      if (indent <= 3 && first == '<') {
        return parts; // perhaps a raw HTML block, which may run past a heading
      }
      if (frontMatter) {
        if (line > 0 && (text.startsWith("---", pos) || text.startsWith("...", pos))) {
          frontMatter = false;
        }
      } else if (fenceChar != 0) {
        if (closesFence(text.substring(pos, end), fenceChar, fenceLength)) {
          fenceChar = 0;
        } else if (!fenceSure && isHeading(text, pos, end)) {
          cuts.add(null); // ambiguous: stop cutting here
          break;
        }
      } else if (indent <= 3
          && (first == '`' || first == '~')
          && run(text, pos + indent, end) >= 3) {
        fenceChar = first;
        fenceLength = run(text, pos + indent, end);
        fenceSure = indent == 0;
      } else if (line > 0 && isHeading(text, pos, end)) {
        cuts.add(new int[] {pos, line});
      }
      if (eol < 0) {
        break;
      }
      pos = eol + 1;
      line++;
    }
    for (int[] c : cuts) {
      if (c != null) {
        parts.add(c);
      }
    }
    return parts;
  }

  private static int run(String text, int from, int end) {
    char c = text.charAt(from);
    int n = 0;
    while (from + n < end && text.charAt(from + n) == c) {
      n++;
    }
    return n;
  }

  /** An ATX heading at column 0 with no {@code |} (which could make it a table row). */
  private static boolean isHeading(String text, int from, int end) {
    int n = 0;
    while (from + n < end && text.charAt(from + n) == '#') {
      n++;
    }
    if (n < 1 || n > 6) {
      return false;
    }
    if (from + n < end && text.charAt(from + n) != ' ' && text.charAt(from + n) != '\t') {
      return false;
    }
    int bar = text.indexOf('|', from);
    return bar < 0 || bar >= end;
  }
}
