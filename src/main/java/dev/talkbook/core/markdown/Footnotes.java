package dev.talkbook.core.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.internal.FootnoteBlockParser;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.LinkInfo;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.beta.LinkResult;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Footnotes in notes: {@code text[^1]} with {@code [^1]: the note} anywhere in the note, as GitHub
 * and most Markdown tools write them. A reference is a superscript link to its note; the notes
 * follow the text, numbered in the order they are first referred to, each with a link back to each
 * of its references. A reference without a definition stays text ({@code [^x]}), a definition
 * referred to nowhere is not shown, a second definition of a label is ignored (the first counts).
 *
 * <p>Parsing is commonmark's footnotes extension (0.30.0) except for its reference finder, which
 * calls {@code LinkInfo.text()}, gone from commonmark 0.32 ({@code NoSuchMethodError} at parse
 * time): {@link References} does the same through 0.32's {@code text(Scanner)}. Rendering is our
 * own, so that each top-level block renders alone (the preview and live share replace only the
 * blocks a change touched): {@link #number} turns each reference into a {@link Ref} that knows its
 * number and moves the definitions referred to into one {@link Section} at the end of the document,
 * a block of its own. So a changed definition changes the section's HTML alone, and a renumbering
 * changes the HTML of each block whose references moved.
 *
 * <p>Ids are {@code fn:N} and {@code fnref:N} ({@code fnref:N:K} for a note's K-th reference): a
 * heading's id ({@link HeadingIds}) never holds a colon, so they never clash with one, and no
 * label's text reaches an attribute. A site page shows one talk's notes, so they are unique there;
 * the talk's abstract, on the same page, has its own ({@link #ABSTRACT}{@code fn:N}).
 */
final class Footnotes {
  private Footnotes() {}

  /** The class of a reference's {@code sup}. */
  static final String REF_CLASS = "footnote-ref";

  /** The class of a note's links back to its references. */
  static final String BACKREF_CLASS = "footnote-backref";

  /** The class of the {@code div} holding the notes. */
  static final String SECTION_CLASS = "footnotes";

  /** What starts the footnote ids of a talk's abstract, shown on the page of its notes. */
  static final String ABSTRACT = "abstract-";

  /** Adds footnote definitions and references to a parser. */
  static void extend(Parser.Builder parser) {
    parser.customBlockParserFactory(new FootnoteBlockParser.Factory());
    parser.linkProcessor(new References());
  }

  /**
   * commonmark's {@code FootnoteLinkProcessor} for 0.32: {@code [^label]} with a definition of
   * {@code label} (and no link reference definition {@code [^label]: url}) is a reference.
   */
  static final class References implements LinkProcessor {
    @Override
    public LinkResult process(
        LinkInfo info, Scanner scanner, org.commonmark.parser.InlineParserContext context) {
      if (info.destination() != null) {
        return LinkResult.none(); // [^1](url) is a link
      }
      String text = info.text(scanner);
      if (text == null || !text.startsWith("^")) {
        return LinkResult.none();
      }
      if (info.label() != null
          && context.getDefinition(LinkReferenceDefinition.class, info.label()) != null) {
        return LinkResult.none(); // [^1][ref] is a link too
      }
      String label = text.substring(1);
      if (context.getDefinition(FootnoteDefinition.class, label) == null) {
        return LinkResult.none();
      }
      return LinkResult.replaceWith(new FootnoteReference(label), info.afterTextBracket());
    }
  }

  /** A reference as shown: the note's number and which of its references this is (from 1). */
  static final class Ref extends CustomNode {
    final String ids;
    final int number;
    final int nth;

    Ref(String ids, int number, int nth) {
      this.ids = ids;
      this.number = number;
      this.nth = nth;
    }
  }

  /** The notes referred to, in their order: one block at the end of the document. */
  static final class Section extends CustomBlock {}

  /** One note in the {@link Section}: its number and how many references point to it. */
  static final class Item extends CustomBlock {
    final String ids;
    final int number;
    int references;

    Item(String ids, int number) {
      this.ids = ids;
      this.number = number;
    }
  }

  /**
   * Numbers the document's references and gathers the definitions referred to into a {@link
   * Section} at its end (none when nothing is referred to); every definition leaves its place.
   * References inside a note are numbered after those of the text, as they are read. Their ids
   * start with {@code ids} ("" or {@link #ABSTRACT}).
   */
  static void number(Node document, String ids) {
    Map<String, FootnoteDefinition> definitions = new HashMap<>();
    List<FootnoteDefinition> all = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(CustomBlock block) {
            if (block instanceof FootnoteDefinition d) {
              all.add(d);
              definitions.putIfAbsent(key(d.getLabel()), d);
            } else {
              visitChildren(block);
            }
          }
        });
    if (all.isEmpty()) {
      return; // no definition, so no reference either (the parser makes none without one)
    }
    Map<String, Item> items = new LinkedHashMap<>();
    Deque<FootnoteDefinition> toRead = new ArrayDeque<>();
    Numbering numbering = new Numbering(ids, definitions, items, toRead);
    for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
      if (!(child instanceof FootnoteDefinition)) {
        child.accept(numbering);
      }
    }
    Section section = new Section();
    List<SourceSpan> spans = new ArrayList<>();
    while (!toRead.isEmpty()) {
      FootnoteDefinition d = toRead.poll();
      d.accept(numbering);
      Item item = items.get(key(d.getLabel()));
      item.setSourceSpans(d.getSourceSpans());
      spans.addAll(d.getSourceSpans());
      for (Node c = d.getFirstChild(); c != null; ) {
        Node next = c.getNext();
        item.appendChild(c);
        c = next;
      }
      section.appendChild(item);
    }
    for (FootnoteDefinition d : all) {
      d.unlink();
    }
    if (section.getFirstChild() != null) {
      spans.sort((a, b) -> Integer.compare(a.getLineIndex(), b.getLineIndex()));
      section.setSourceSpans(spans);
      document.appendChild(section);
    }
  }

  /** A label as commonmark compares them: case-folded, inner white space as one space. */
  private static String key(String label) {
    return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT);
  }

  /** Replaces each reference by its {@link Ref}, giving new notes the next numbers. */
  private static final class Numbering extends AbstractVisitor {
    private final String ids;
    private final Map<String, FootnoteDefinition> definitions;
    private final Map<String, Item> items;
    private final Deque<FootnoteDefinition> toRead;

    Numbering(
        String ids,
        Map<String, FootnoteDefinition> definitions,
        Map<String, Item> items,
        Deque<FootnoteDefinition> toRead) {
      this.ids = ids;
      this.definitions = definitions;
      this.items = items;
      this.toRead = toRead;
    }

    @Override
    public void visit(CustomNode node) {
      if (!(node instanceof FootnoteReference reference)) {
        visitChildren(node);
        return;
      }
      String key = key(reference.getLabel());
      FootnoteDefinition definition = definitions.get(key);
      if (definition == null) {
        return; // (the parser makes no reference without a definition)
      }
      Item item = items.get(key);
      if (item == null) {
        item = new Item(ids, items.size() + 1);
        items.put(key, item);
        toRead.add(definition);
      }
      item.references++;
      Ref ref = new Ref(ids, item.number, item.references);
      ref.setSourceSpans(reference.getSourceSpans());
      reference.insertAfter(ref);
      reference.unlink();
    }
  }

  /**
   * Renders {@link Ref}s, the {@link Section} and its {@link Item}s; with {@code plain} (a table of
   * contents' heading text) a reference renders to nothing. A reference or definition not numbered
   * renders as its text and nothing.
   */
  static final class Html implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final boolean plain;

    Html(HtmlNodeRendererContext context, boolean plain) {
      this.context = context;
      this.html = context.getWriter();
      this.plain = plain;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(
          Ref.class, Section.class, Item.class, FootnoteReference.class, FootnoteDefinition.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Ref ref) {
        if (!plain) {
          reference(ref);
        }
      } else if (node instanceof FootnoteReference reference) {
        html.text("[^" + reference.getLabel() + "]");
      } else if (node instanceof Section section) {
        section(section);
      } else if (node instanceof Item item) {
        item(item);
      }
      // an unnumbered FootnoteDefinition: nothing
    }

    private void reference(Ref ref) {
      Map<String, String> sup = new LinkedHashMap<>();
      sup.put("class", REF_CLASS);
      html.tag("sup", context.extendAttributes(ref, "sup", sup));
      Map<String, String> a = new LinkedHashMap<>();
      a.put("href", "#" + ref.ids + "fn:" + ref.number);
      a.put("id", refId(ref.ids, ref.number, ref.nth));
      html.tag("a", a);
      html.text(Integer.toString(ref.number));
      html.tag("/a");
      html.tag("/sup");
    }

    private void section(Section section) {
      Map<String, String> div = new LinkedHashMap<>();
      div.put("class", SECTION_CLASS);
      html.line();
      html.tag("div", context.extendAttributes(section, "div", div));
      html.line();
      html.tag("hr", Map.of(), true);
      html.line();
      html.tag("ol");
      html.line();
      for (Node c = section.getFirstChild(); c != null; c = c.getNext()) {
        context.render(c);
      }
      html.tag("/ol");
      html.line();
      html.tag("/div");
      html.line();
    }

    private void item(Item item) {
      Map<String, String> li = new LinkedHashMap<>();
      li.put("id", item.ids + "fn:" + item.number);
      html.tag("li", context.extendAttributes(item, "li", li));
      html.line();
      Node last = item.getLastChild();
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        if (c == last && c instanceof Paragraph p) {
          // the links back at the end of the note's last paragraph, as GitHub puts them
          html.tag("p", context.extendAttributes(p, "p", Map.of()));
          for (Node t = p.getFirstChild(); t != null; t = t.getNext()) {
            context.render(t);
          }
          backLinks(item);
          html.tag("/p");
          html.line();
        } else {
          context.render(c);
        }
      }
      if (!(last instanceof Paragraph)) {
        html.tag("p");
        backLinks(item);
        html.tag("/p");
        html.line();
      }
      html.tag("/li");
      html.line();
    }

    private void backLinks(Item item) {
      for (int k = 1; k <= item.references; k++) {
        html.raw(" ");
        Map<String, String> a = new LinkedHashMap<>();
        a.put("href", "#" + refId(item.ids, item.number, k));
        a.put("class", BACKREF_CLASS);
        a.put(
            "aria-label",
            item.references == 1 ? "Back to the text" : "Back to reference " + k + " in the text");
        html.tag("a", a);
        html.text("↩");
        if (item.references > 1) {
          html.tag("sup");
          html.text(Integer.toString(k));
          html.tag("/sup");
        }
        html.tag("/a");
      }
    }

    private static String refId(String ids, int number, int nth) {
      return ids + "fnref:" + number + (nth > 1 ? ":" + nth : "");
    }
  }
}
