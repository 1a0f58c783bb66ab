package dev.talkbook.core.markdown;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * GFM task list items ({@code - [x] done}): commonmark's {@code TaskListItemsExtension} (0.30),
 * whose renderer this uses as it is, with its post-processor's work done the same way but a list
 * item whose text does not start with {@code [} passed over before its regular expression is tried.
 * The extension matched the expression against the first text of every list item (a matcher and its
 * groups each time), about a tenth of parsing a note of nested bullets.
 */
final class TaskItems implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  /** The extension's expression, as it has it. */
  private static final Pattern TASK_LIST_ITEM = Pattern.compile("^\\[([xX\\s])]\\s+(.*)");

  private final TaskListItemsExtension renderers =
      (TaskListItemsExtension) TaskListItemsExtension.create();

  private TaskItems() {}

  static TaskItems create() {
    return new TaskItems();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessor(new Processor());
  }

  @Override
  public void extend(HtmlRenderer.Builder builder) {
    renderers.extend(builder);
  }

  /** Whether the expression could match this text: it needs {@code [}, a character, {@code ]}. */
  static boolean mayBeTask(String text) {
    return text.length() >= 4 && text.charAt(0) == '[' && text.charAt(2) == ']';
  }

  private static final class Processor implements PostProcessor {
    @Override
    public Node process(Node node) {
      node.accept(
          new AbstractVisitor() {
            @Override
            public void visit(ListItem listItem) {
              // as TaskListItemPostProcessor.TaskListItemVisitor
              if (listItem.getFirstChild() instanceof Paragraph paragraph
                  && paragraph.getFirstChild() instanceof Text text
                  && mayBeTask(text.getLiteral())) {
                Matcher matcher = TASK_LIST_ITEM.matcher(text.getLiteral());
                if (matcher.matches()) {
                  String checked = matcher.group(1);
                  boolean isChecked = Objects.equals(checked, "X") || Objects.equals(checked, "x");
                  listItem.prependChild(new TaskListItemMarker(isChecked));
                  text.setLiteral(matcher.group(2));
                }
              }
              visitChildren(listItem);
            }

            // Their text holds no list item: the walk does not go through it, most of a note's
            // nodes.
            @Override
            public void visit(Paragraph paragraph) {}

            @Override
            public void visit(Heading heading) {}
          });
      return node;
    }
  }
}
