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

  /**
   * The parts of the last render by the length of their text, each with its text: a lookup by the
   * text itself hashed every part's text (the whole note) at every keystroke, more than parsing the
   * part that changed; a comparison of equal lengths costs little.
   */
  private Map<Integer, List<Cached>> cache = new HashMap<>();

  private record Cached(String text, MarkdownRenderer.Part part) {}

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
    Map<Integer, List<Cached>> next = new HashMap<>();
    List<RenderedNote.Block> blocks = new ArrayList<>();
    List<org.commonmark.node.Node> documents = new ArrayList<>(parts.size());
    int[] offsets = new int[parts.size()];
    Map<String, List<String>> frontMatter = Map.of();
    for (int i = 0; i < parts.size(); i++) {
      int start = parts.get(i)[0];
      int end = i + 1 < parts.size() ? parts.get(i + 1)[0] : text.length();
      int line = parts.get(i)[1];
      String piece = text.substring(start, end);
      MarkdownRenderer.Part part = cached(piece);
      if (part == null) {
        part = renderer.renderPart(piece, attachments);
      }
      if (!piece.contains("attachment:")) {
        next.computeIfAbsent(piece.length(), n -> new ArrayList<>(1)).add(new Cached(piece, part));
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

  /** The part rendered last time for {@code piece}, or null. */
  private MarkdownRenderer.Part cached(String piece) {
    List<Cached> sameLength = cache.get(piece.length());
    if (sameLength != null) {
      for (Cached c : sameLength) {
        if (c.text().equals(piece)) {
          return c.part();
        }
      }
    }
    return null;
  }

  /**
   * Where the parts start: {character offset, line number}, the first at {0, 0}. A heading at
   * column 0 starts a new top-level block unless it is inside a fenced code block ({@link Fences}).
   * A fence opened at column 0 outside any quote or list ends only at its closing fence; inside any
   * other fence a heading is ambiguous (CommonMark may end the list item, and the fence with it),
   * so it ends the cutting (the rest of the note is one part).
   */
  static List<int[]> cut(String text) {
    List<int[]> parts = new ArrayList<>();
    parts.add(new int[] {0, 0});
    if (text.contains("]:")) {
      return parts; // perhaps a link reference definition, which reaches across the note
    }
    int line = 0;
    int pos = 0;
    long fences = Fences.START;
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
      boolean inFence = Fences.inFence(fences);
      if ((!inFence || !Fences.topLevel(fences)) && indent <= 3 && first == '<') {
        return parts; // perhaps a raw HTML block, which may run past a heading
      }
      if (frontMatter) {
        if (line > 0 && (text.startsWith("---", pos) || text.startsWith("...", pos))) {
          frontMatter = false;
        }
      } else {
        boolean sure = Fences.topLevel(fences);
        long after = Fences.next(fences, text, pos, end);
        if (!sure && Fences.closedShallower(after)) {
          break; // CommonMark may not close it here: stop cutting
        }
        if (inFence && Fences.lineInFence(after)) {
          if (!sure && !Fences.closed(after) && isHeading(text, pos, end)) {
            break; // ambiguous: stop cutting here
          }
        } else if (!Fences.lineInFence(after) && line > 0 && isHeading(text, pos, end)) {
          cuts.add(new int[] {pos, line});
        }
        fences = after;
      }
      if (eol < 0) {
        break;
      }
      pos = eol + 1;
      line++;
    }
    parts.addAll(cuts);
    return parts;
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
    for (int i = from + n; i < end; i++) {
      if (text.charAt(i) == '|') {
        return false; // (searching the rest of the note for one made each render quadratic)
      }
    }
    return true;
  }
}
