package dev.talkbook.core.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure: the fenced Java blocks in a talk's Markdown notes, and the {@code ```output} block written
 * right after one with what running it gave. The output lives in the notes themselves, so it is
 * saved, searched, previewed and exported with them.
 *
 * <p>The output of a block that failed (did not compile, threw, was stopped: {@link
 * Evaluation#failed()}) is fenced as {@code ```output-error}, which the preview and the site show
 * as an error, and which any other Markdown tool shows as a code block of language {@code
 * output-error}.
 */
public final class NoteCode {

  /** The info string of a block's output. */
  public static final String OUTPUT = "output";

  /** The info string of the output of a block that failed. */
  public static final String FAILED_OUTPUT = "output-error";

  private NoteCode() {}

  /** What running a block gave: the text for its output block, and whether it failed. */
  public record Result(String text, boolean failed) {}

  /**
   * A fenced {@code java} (or {@code jshell}) block.
   *
   * @param start offset of its opening fence
   * @param end offset just after its closing fence line (after the line break, if any)
   * @param code the code between the fences
   * @param outputStart offset of the {@code ```output} block that follows it, or -1
   * @param outputEnd offset just after that block's closing fence line, or -1
   * @param output the text of that output block, or null
   * @param outputFailed whether that block is marked as the output of a failure ({@code
   *     ```output-error})
   */
  public record Block(
      int start,
      int end,
      String code,
      int outputStart,
      int outputEnd,
      String output,
      boolean outputFailed) {
    public boolean hasOutput() {
      return outputStart >= 0;
    }

    /** The stored output as a {@link Result}, or null when there is none. */
    public Result storedResult() {
      return hasOutput() ? new Result(output, outputFailed) : null;
    }
  }

  /** A change to the notes: replace {@code [start, end)} with {@code text}. */
  public record Edit(int start, int end, String text) {}

  private record Fence(int start, int end, char mark, int length, String info) {}

  /** Every Java block, in order. */
  public static List<Block> javaBlocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    List<Fence[]> fenced = fencedBlocks(markdown);
    for (int i = 0; i < fenced.size(); i++) {
      Fence open = fenced.get(i)[0];
      Fence close = fenced.get(i)[1];
      String lang = open.info.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      if (!lang.equals("java") && !lang.equals("jshell")) {
        continue;
      }
      int codeStart = open.end;
      int codeEnd = close == null ? markdown.length() : close.start;
      String code = markdown.substring(Math.min(codeStart, codeEnd), codeEnd);
      int end = close == null ? markdown.length() : close.end;
      int outStart = -1;
      int outEnd = -1;
      String output = null;
      boolean failed = false;
      if (close != null && i + 1 < fenced.size()) {
        Fence next = fenced.get(i + 1)[0];
        Fence nextClose = fenced.get(i + 1)[1];
        boolean onlyBlankBetween =
            markdown.substring(end, next.start).isBlank()
                && markdown.substring(end, next.start).chars().filter(c -> c == '\n').count() <= 1;
        String info = next.info.strip();
        if (onlyBlankBetween
            && (info.equals(OUTPUT) || info.equals(FAILED_OUTPUT))
            && nextClose != null) {
          outStart = next.start;
          outEnd = nextClose.end;
          output = markdown.substring(Math.min(next.end, nextClose.start), nextClose.start);
          failed = info.equals(FAILED_OUTPUT);
        }
      }
      blocks.add(new Block(open.start, end, code, outStart, outEnd, output, failed));
    }
    return blocks;
  }

  /** The Java block that holds {@code caret} (fences included), or null. */
  public static Block blockAt(String markdown, int caret) {
    for (Block b : javaBlocks(markdown)) {
      if (caret >= b.start && caret <= b.end) {
        return b;
      }
    }
    return null;
  }

  /**
   * The edit that writes {@code output} as the block's {@code ```output} block (replacing the one
   * there), or removes that block when {@code output} is empty.
   */
  public static Edit outputEdit(String markdown, Block block, String output) {
    return outputEdit(markdown, block, new Result(output, false));
  }

  /**
   * The edit that writes {@code result} as the block's output block ({@code ```output}, or {@code
   * ```output-error} for a failure), replacing the one there, or removes that block when there is
   * no text.
   */
  public static Edit outputEdit(String markdown, Block block, Result result) {
    String output = result.text();
    String text = "";
    if (!output.isEmpty()) {
      String body = output.endsWith("\n") ? output : output + "\n";
      String fence = "```";
      while (body.contains(fence)) {
        fence += "`";
      }
      text = fence + (result.failed() ? FAILED_OUTPUT : OUTPUT) + "\n" + body + fence + "\n";
      if (block.end == markdown.length() && !markdown.endsWith("\n")) {
        text = "\n" + text;
      }
    }
    if (block.hasOutput()) {
      return new Edit(block.outputStart, block.outputEnd, text);
    }
    return new Edit(block.end, block.end, text);
  }

  /** What an evaluation writes into the notes, and whether it failed. */
  public static Result resultOf(Evaluation evaluation) {
    return new Result(outputOf(evaluation), evaluation.failed());
  }

  /** What an evaluation writes into the notes: output, values, errors, in order. */
  public static String outputOf(Evaluation evaluation) {
    StringBuilder out = new StringBuilder();
    for (SnippetResult r : evaluation.results()) {
      if (r.outputDropped() > 0) {
        out.append("… ").append(r.outputDropped()).append(" characters dropped …\n");
      }
      out.append(r.output());
      if (!r.output().isEmpty() && !r.output().endsWith("\n")) {
        out.append('\n');
      }
      switch (r.status()) {
        case OK -> {
          if (r.kind() == SnippetResult.Kind.EXPRESSION && r.value() != null) {
            out.append("⇒ ").append(r.value()).append('\n');
          }
        }
        case COMPILE_ERROR -> {
          for (SnippetResult.Problem p : r.problems()) {
            if (p.error()) {
              out.append(p.describe());
            }
          }
          if (!r.note().isEmpty()) {
            out.append(r.note()).append('\n');
          }
        }
        case EXCEPTION -> out.append(r.failure().describe());
        default -> {
          if (!r.note().isEmpty()) {
            out.append(r.note()).append('\n');
          }
        }
      }
    }
    if (!evaluation.message().isEmpty()) {
      out.append(evaluation.message()).append('\n');
    }
    return out.toString();
  }

  /** Fenced blocks as [opening, closing] (closing null when the text ends inside). */
  private static List<Fence[]> fencedBlocks(String text) {
    List<Fence[]> out = new ArrayList<>();
    Fence open = null;
    int at = 0;
    while (at < text.length()) {
      int nl = text.indexOf('\n', at);
      int lineEnd = nl < 0 ? text.length() : nl;
      int next = nl < 0 ? text.length() : nl + 1;
      Fence f = fence(text, at, lineEnd, next);
      if (open == null) {
        if (f != null) {
          open = f;
        }
      } else if (f != null && f.mark == open.mark && f.length >= open.length && f.info.isBlank()) {
        out.add(new Fence[] {open, f});
        open = null;
      }
      at = next;
    }
    if (open != null) {
      out.add(new Fence[] {open, null});
    }
    return out;
  }

  /** One input the REPL ran, what it gave, and whether it failed, as a transcript keeps it. */
  public record Ran(String code, String output, boolean failed) {}

  /**
   * A REPL session as Markdown for the notes: each input as a {@code ```java} block, and what it
   * gave, if anything, as the {@code ```output} block right after it (as code in notes has it).
   */
  public static String transcript(List<Ran> ran) {
    StringBuilder md = new StringBuilder();
    for (Ran r : ran) {
      if (md.length() > 0) {
        md.append('\n');
      }
      md.append(fenced("java", r.code().strip()));
      if (!r.output().isEmpty()) {
        md.append(fenced(r.failed() ? FAILED_OUTPUT : OUTPUT, r.output()));
      }
    }
    return md.toString();
  }

  /** {@code body} between fences longer than any run of backticks in it. */
  static String fenced(String info, String body) {
    String text = body.endsWith("\n") ? body : body + "\n";
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return fence + info + "\n" + text + fence + "\n";
  }

  private static Fence fence(String text, int start, int lineEnd, int next) {
    int i = start;
    while (i < lineEnd && i - start < 3 && text.charAt(i) == ' ') {
      i++;
    }
    if (i >= lineEnd || (text.charAt(i) != '`' && text.charAt(i) != '~')) {
      return null;
    }
    char mark = text.charAt(i);
    int n = 0;
    while (i + n < lineEnd && text.charAt(i + n) == mark) {
      n++;
    }
    if (n < 3) {
      return null;
    }
    String info = text.substring(i + n, lineEnd).strip();
    if (mark == '`' && info.contains("`")) {
      return null;
    }
    return new Fence(start, next, mark, n, info);
  }
}
