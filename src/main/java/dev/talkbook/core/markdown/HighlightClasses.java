package dev.talkbook.core.markdown;

import java.util.List;

/**
 * The CSS style classes {@link MarkdownHighlighter} puts on the editor's text. Markdown classes
 * start with {@code md-}; classes inside a {@code java} or {@code jshell} fenced block with {@code
 * java-}.
 */
public final class HighlightClasses {

  /** Every heading line, ATX ({@code # Title}) or setext (a line underlined with = or -). */
  public static final String HEADING = "md-heading";

  public static final String HEADING_1 = "md-heading-1";
  public static final String HEADING_2 = "md-heading-2";
  public static final String HEADING_3 = "md-heading-3";
  public static final String HEADING_4 = "md-heading-4";
  public static final String HEADING_5 = "md-heading-5";
  public static final String HEADING_6 = "md-heading-6";

  /** {@code *text*} or {@code _text_}, the delimiters included. */
  public static final String EMPHASIS = "md-emphasis";

  /** {@code **text**} or {@code __text__}, the delimiters included. */
  public static final String STRONG = "md-strong";

  /** {@code ~~text~~} or {@code ~text~}, the delimiters included. */
  public static final String STRIKE = "md-strike";

  /** The {@code -}, {@code +}, {@code *}, {@code 1.} or {@code 1)} that starts a list item. */
  public static final String LIST_MARKER = "md-list-marker";

  /** The {@code [ ]} or {@code [x]} of a task list item. */
  public static final String TASK = "md-task";

  /** A block quote line, from its first {@code >} to the end of the line. */
  public static final String QUOTE = "md-quote";

  /** A link's or an image's text with its brackets: {@code [text]}, {@code ![alt]}. */
  public static final String LINK = "md-link";

  /** Where an image points, with its text: the whole {@code ![alt](src)}. */
  public static final String IMAGE = "md-image";

  /**
   * Where a link points: {@code (url "title")}, {@code [reference]}, {@code <url>}, a bare {@code
   * https://} or {@code www.} address, or the address of a {@code [label]: url} definition.
   */
  public static final String URL = "md-url";

  /** Inline code with its backticks. */
  public static final String CODE = "md-code";

  /** A fence line ({@code ```lang}, {@code ~~~}) and the content of a fenced block not in Java. */
  public static final String FENCE = "md-fence";

  /** A table's cell-separating pipes and its delimiter row ({@code |---|:--:|}). */
  public static final String TABLE = "md-table";

  /** A thematic break: {@code ---}, {@code ***} or {@code ___}. */
  public static final String HR = "md-hr";

  public static final String JAVA_KEYWORD = "java-keyword";
  public static final String JAVA_STRING = "java-string";
  public static final String JAVA_CHAR = "java-char";
  public static final String JAVA_COMMENT = "java-comment";
  public static final String JAVA_NUMBER = "java-number";
  public static final String JAVA_ANNOTATION = "java-annotation";

  /** {@code (} and {@code )}. */
  public static final String JAVA_PAREN = "java-paren";

  /** <code>{</code> and <code>}</code>. */
  public static final String JAVA_BRACE = "java-brace";

  /** {@code [} and {@code ]}. */
  public static final String JAVA_BRACKET = "java-bracket";

  public static final String JAVA_SEMICOLON = "java-semicolon";

  /** Every class above, once each (a style sheet should say how each one looks). */
  public static final List<String> ALL =
      List.of(
          HEADING,
          HEADING_1,
          HEADING_2,
          HEADING_3,
          HEADING_4,
          HEADING_5,
          HEADING_6,
          EMPHASIS,
          STRONG,
          STRIKE,
          LIST_MARKER,
          TASK,
          QUOTE,
          LINK,
          IMAGE,
          URL,
          CODE,
          FENCE,
          TABLE,
          HR,
          JAVA_KEYWORD,
          JAVA_STRING,
          JAVA_CHAR,
          JAVA_COMMENT,
          JAVA_NUMBER,
          JAVA_ANNOTATION,
          JAVA_PAREN,
          JAVA_BRACE,
          JAVA_BRACKET,
          JAVA_SEMICOLON);

  /** The level class of a heading: {@code heading(2)} is {@value #HEADING_2}. */
  public static String heading(int level) {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("a heading level is 1 to 6, not " + level);
    }
    return ALL.get(level);
  }

  private HighlightClasses() {}
}
