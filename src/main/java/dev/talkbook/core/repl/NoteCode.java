package dev.talkbook.core.repl;

import dev.talkbook.core.markdown.CodeStamp;
import dev.talkbook.core.markdown.Fences;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: the fenced Java blocks in a talk's Markdown notes, and the {@code ```output} block written
 * right after one with what running it gave. The output lives in the notes themselves, so it is
 * saved, searched, previewed and exported with them.
 *
 * <p>The output of a block that failed (did not compile, threw, ran into the time limit: {@link
 * Evaluation#failed()}) is fenced as {@code ```output-error}, which the preview and the site show
 * as an error, and which any other Markdown tool shows as a code block of language {@code
 * output-error}. A block stopped on request (Esc, Stop) did not fail: what it printed until then
 * and "Stopped." are a plain {@code ```output}.
 *
 * <p>An output block written here carries the {@link CodeStamp} of the code that gave it ({@code
 * ```output code=1a2b3c4d}); when the code has changed since, the output is out of date ({@link
 * Block#outputOutOfDate()}).
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
   * @param outputInfo the info string of that output block, or null
   * @param closing what closes the block when its fence was never closed (it then runs to the end
   *     of the notes or of its list item or quote), to write at {@code end} before any output: a
   *     line break if needed and a fence like the opening one; "" when the block is closed
   */
  public record Block(
      int start,
      int end,
      String code,
      int outputStart,
      int outputEnd,
      String output,
      boolean outputFailed,
      String outputInfo,
      String closing) {
    public boolean hasOutput() {
      return outputStart >= 0;
    }

    /**
     * Whether the stored output came from other code than this block's (the code was changed since
     * it ran); false when there is no output or it carries no {@link CodeStamp}.
     */
    public boolean outputOutOfDate() {
      return hasOutput() && CodeStamp.outOfDate(outputInfo, code);
    }

    /** The stored output as a {@link Result}, or null when there is none. */
    public Result storedResult() {
      return hasOutput() ? new Result(output, outputFailed) : null;
    }
  }

  /** A change to the notes: replace {@code [start, end)} with {@code text}. */
  public record Edit(int start, int end, String text) {
    /** {@code notes} with this change made. */
    public String applyTo(String notes) {
      return notes.substring(0, start) + text + notes.substring(end);
    }
  }

  /** Every Java block, in order (fenced blocks as {@link Fences} reads them). */
  public static List<Block> javaBlocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    List<Fences.Block> fenced = Fences.blocks(markdown);
    for (int i = 0; i < fenced.size(); i++) {
      Fences.Block fence = fenced.get(i);
      String lang = fence.language(markdown);
      if (!lang.equals("java") && !lang.equals("jshell")) {
        continue;
      }
      int outStart = -1;
      int outEnd = -1;
      String output = null;
      boolean failed = false;
      String outputInfo = null;
      if (fence.isClosed() && i + 1 < fenced.size()) {
        Fences.Block next = fenced.get(i + 1);
        // The next block, blank lines apart (as the preview and the site pair them: CommonMark
        // reads them as neighbours however many blank lines part them), named as Run names an
        // output: a block named "output" with other words was written by hand, and stays.
        String between = markdown.substring(fence.end(), next.start());
        boolean onlyBlankBetween =
            between.isBlank()
                // in the same quote, its blank lines are quote markers alone ("> ```java … >")
                || (fence.quotes() > 0
                    && fence.quotes() == next.quotes()
                    && between.replace(">", "").isBlank());
        String info = markdown.substring(next.infoStart(), next.infoEnd()).strip();
        String language = next.language(markdown);
        if (onlyBlankBetween
            && (language.equals(OUTPUT) || language.equals(FAILED_OUTPUT))
            && CodeStamp.isWrittenOutput(info, language)
            && next.isClosed()) {
          outStart = next.start();
          outEnd = next.end();
          output = next.code(markdown);
          failed = language.equals(FAILED_OUTPUT);
          outputInfo = info;
        }
      }
      blocks.add(
          new Block(
              fence.start(),
              fence.end(),
              fence.code(markdown),
              outStart,
              outEnd,
              output,
              failed,
              outputInfo,
              fence.isClosed() ? "" : closing(markdown, fence)));
    }
    return blocks;
  }

  /**
   * The line that closes {@code fence}, which was never closed: its opening run, after what came
   * before that run on the opening line with every character but a quote marker ({@code >}) or a
   * tab made a space, so that the line stays in the same list item or quote ({@code - ```java}
   * closes with {@code " ```"}, {@code > ```java} with {@code "> ```"}).
   */
  private static String closing(String markdown, Fences.Block fence) {
    int runEnd = fence.infoStart();
    char mark = markdown.charAt(runEnd - 1);
    int runStart = runEnd;
    while (runStart > fence.start() && markdown.charAt(runStart - 1) == mark) {
      runStart--;
    }
    StringBuilder line = new StringBuilder();
    if (fence.end() > 0 && markdown.charAt(fence.end() - 1) != '\n') {
      line.append('\n');
    }
    for (int i = fence.start(); i < runStart; i++) {
      char c = markdown.charAt(i);
      line.append(c == '>' || c == '\t' ? c : ' ');
    }
    return line.append(markdown, runStart, runEnd).append('\n').toString();
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
   * ```output-error} for a failure, stamped with the block's code: {@link CodeStamp}), replacing
   * the one there, or removes that block when there is no text.
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
      String info = CodeStamp.info(result.failed() ? FAILED_OUTPUT : OUTPUT, block.code());
      text = fence + info + "\n" + body + fence + "\n";
      if (!block.closing().isEmpty()) {
        // Output after a block whose fence was never closed would be read as more of its code.
        text = block.closing() + text;
      } else if (block.end == markdown.length() && !markdown.endsWith("\n")) {
        text = "\n" + text;
      }
    }
    if (block.hasOutput()) {
      return new Edit(block.outputStart, block.outputEnd, text);
    }
    return new Edit(block.end, block.end, text);
  }

  /**
   * One edit that writes each block's result after it ({@link #outputEdit(String, Block, Result)}):
   * the span from the first block's output to the last's, the text between them kept, so that the
   * notes change once (the window's one undo step). {@code blocks} are blocks of {@code markdown},
   * in order, each with its result at the same index; null when there are none.
   */
  public static Edit outputsEdit(String markdown, List<Block> blocks, List<Result> results) {
    if (blocks.isEmpty()) {
      return null;
    }
    List<Edit> edits = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      edits.add(outputEdit(markdown, blocks.get(i), results.get(i)));
    }
    int start = edits.get(0).start();
    StringBuilder text = new StringBuilder();
    int at = start;
    for (Edit e : edits) {
      text.append(markdown, at, e.start()).append(e.text());
      at = e.end();
    }
    return new Edit(start, at, text.toString());
  }

  /** The 1-based line of {@code block}'s opening fence in {@code notes}. */
  public static int lineOf(String notes, Block block) {
    int line = 1;
    for (int i = 0; i < block.start() && i < notes.length(); i++) {
      if (notes.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** What an evaluation writes into the notes, and whether it failed. */
  public static Result resultOf(Evaluation evaluation) {
    return new Result(outputOf(evaluation), evaluation.failed());
  }

  /**
   * What an evaluation writes into the notes: output, values, errors, in order; of a long output
   * only the newest lines, after a line saying how many were not kept ({@link
   * KeptOutput#forNotes}).
   */
  public static String outputOf(Evaluation evaluation) {
    StringBuilder out = new StringBuilder();
    long earlierLines = 0;
    long earlierChars = 0;
    for (SnippetResult r : evaluation.results()) {
      earlierLines += r.outputDroppedLines();
      earlierChars += r.outputDropped();
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
    return KeptOutput.forNotes(out.toString(), earlierLines, earlierChars);
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
        md.append(
            fenced(CodeStamp.info(r.failed() ? FAILED_OUTPUT : OUTPUT, r.code()), r.output()));
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
}
