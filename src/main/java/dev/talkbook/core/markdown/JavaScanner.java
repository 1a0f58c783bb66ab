package dev.talkbook.core.markdown;

import java.util.Set;

/**
 * Highlights Java (and JShell) source one line at a time. What carries over from one line to the
 * next is the state returned: in code, in a block comment, or in a text block.
 */
final class JavaScanner {

  static final int CODE = 0;
  static final int BLOCK_COMMENT = 1;
  static final int TEXT_BLOCK = 2;

  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits");
  private static final int LONGEST_KEYWORD = "synchronized".length();

  private final String text;
  private final LinePainter painter;

  JavaScanner(String text, LinePainter painter) {
    this.text = text;
    this.painter = painter;
  }

  /** Highlights [from, to), a line without its line break, and returns the state after it. */
  int scan(int from, int to, int state) {
    int i = from;
    if (state == BLOCK_COMMENT) {
      int end = commentEnd(i, to);
      painter.paint(i, end < 0 ? to : end, ClassBits.JAVA_COMMENT);
      if (end < 0) {
        return BLOCK_COMMENT;
      }
      i = end;
    } else if (state == TEXT_BLOCK) {
      int end = textBlockEnd(i, to);
      painter.paint(i, end < 0 ? to : end, ClassBits.JAVA_STRING);
      if (end < 0) {
        return TEXT_BLOCK;
      }
      i = end;
    }
    while (i < to) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < to && text.charAt(i + 1) == '/') {
        painter.paint(i, to, ClassBits.JAVA_COMMENT);
        return CODE;
      } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
        int end = commentEnd(i + 2, to);
        painter.paint(i, end < 0 ? to : end, ClassBits.JAVA_COMMENT);
        if (end < 0) {
          return BLOCK_COMMENT;
        }
        i = end;
      } else if (c == '"' && text.startsWith("\"\"\"", i) && i + 3 <= to) {
        int end = textBlockEnd(i + 3, to);
        painter.paint(i, end < 0 ? to : end, ClassBits.JAVA_STRING);
        if (end < 0) {
          return TEXT_BLOCK;
        }
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = quotedEnd(i + 1, to, c);
        painter.paint(i, end, c == '"' ? ClassBits.JAVA_STRING : ClassBits.JAVA_CHAR);
        i = end;
      } else if (c == '@' && i + 1 < to && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
        i = annotation(i, to);
      } else if (Character.isJavaIdentifierStart(c)) {
        i = word(i, to);
      } else if (isDigit(c) || (c == '.' && i + 1 < to && isDigit(text.charAt(i + 1)))) {
        int end = numberEnd(i, to);
        painter.paint(i, end, ClassBits.JAVA_NUMBER);
        i = end;
      } else {
        int bit = punctuationBit(c);
        if (bit >= 0) {
          painter.paint(i, i + 1, bit);
        }
        i++;
      }
    }
    return CODE;
  }

  private int annotation(int at, int to) {
    int end = identifierEnd(at + 1, to);
    if (end - at - 1 == "interface".length() && text.startsWith("interface", at + 1)) {
      painter.paint(at, end, ClassBits.JAVA_KEYWORD);
      return end;
    }
    while (end + 1 < to
        && text.charAt(end) == '.'
        && Character.isJavaIdentifierStart(text.charAt(end + 1))) {
      end = identifierEnd(end + 1, to);
    }
    painter.paint(at, end, ClassBits.JAVA_ANNOTATION);
    return end;
  }

  private int word(int at, int to) {
    int end = identifierEnd(at + 1, to);
    if (end - at == 3 && text.startsWith("non-sealed", at) && end + 7 <= to) {
      painter.paint(at, end + 7, ClassBits.JAVA_KEYWORD);
      return end + 7;
    }
    if (end - at >= 2
        && end - at <= LONGEST_KEYWORD
        && text.charAt(at) >= 'a'
        && text.charAt(at) <= 'z'
        && KEYWORDS.contains(text.substring(at, end))) {
      painter.paint(at, end, ClassBits.JAVA_KEYWORD);
    }
    return end;
  }

  private int identifierEnd(int i, int to) {
    while (i < to && Character.isJavaIdentifierPart(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of a number literal: 42, 1_000L, 0x1F, 0b1010, 3.14f, 1e-9, .5, 0x1p-3. */
  private int numberEnd(int at, int to) {
    boolean hex =
        text.charAt(at) == '0'
            && at + 1 < to
            && (text.charAt(at + 1) == 'x' || text.charAt(at + 1) == 'X');
    boolean dot = text.charAt(at) == '.';
    int i = at + 1;
    while (i < to) {
      char c = text.charAt(i);
      char previous = text.charAt(i - 1);
      if (isDigit(c) || isAsciiLetter(c) || c == '_') {
        i++;
      } else if (c == '.'
          && !dot
          && !hex
          && i + 1 < to
          && !isAsciiLetterOtherThanSuffix(text.charAt(i + 1))) {
        dot = true;
        i++;
      } else if ((c == '+' || c == '-')
          && (hex ? previous == 'p' || previous == 'P' : previous == 'e' || previous == 'E')) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** True for a letter that cannot follow "1." in a literal (so "1.equals" is not one number). */
  private static boolean isAsciiLetterOtherThanSuffix(char c) {
    return isAsciiLetter(c) && "eEfFdD".indexOf(c) < 0;
  }

  /** The end of a string or char literal; an unclosed one ends with the line. */
  private int quotedEnd(int i, int to, char quote) {
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return to;
  }

  private int textBlockEnd(int i, int to) {
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"' && i + 3 <= to && text.startsWith("\"\"\"", i)) {
        return i + 3;
      } else {
        i++;
      }
    }
    return -1;
  }

  private int commentEnd(int i, int to) {
    for (; i + 1 < to; i++) {
      if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
        return i + 2;
      }
    }
    return -1;
  }

  private static int punctuationBit(char c) {
    switch (c) {
      case '(':
      case ')':
        return ClassBits.JAVA_PAREN;
      case '{':
      case '}':
        return ClassBits.JAVA_BRACE;
      case '[':
      case ']':
        return ClassBits.JAVA_BRACKET;
      case ';':
        return ClassBits.JAVA_SEMICOLON;
      default:
        return -1;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
