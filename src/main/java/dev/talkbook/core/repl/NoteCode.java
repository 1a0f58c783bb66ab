package dev.talkbook.core.repl;

import dev.talkbook.core.markdown.Fences;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: the fenced Java blocks in a talk's Markdown notes, and the {@code ```output} block written
 * right after one with what running it gave. The output lives in the notes themselves, so it is
 * saved, searched, previewed and exported with them.
 */
public final class NoteCode {

  private NoteCode() {}

  /**
   * A fenced {@code java} (or {@code jshell}) block.
   *
   * @param start offset of its opening fence
   * @param end offset just after its closing fence line (after the line break, if any)
   * @param code the code between the fences
   * @param outputStart offset of the {@code ```output} block that follows it, or -1
   * @param outputEnd offset just after that block's closing fence line, or -1
   */
  public record Block(int start, int end, String code, int outputStart, int outputEnd) {
    public boolean hasOutput() {
      return outputStart >= 0;
    }
  }

  /** A change to the notes: replace {@code [start, end)} with {@code text}. */
  public record Edit(int start, int end, String text) {}

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
      if (fence.isClosed() && i + 1 < fenced.size()) {
        Fences.Block next = fenced.get(i + 1);
        String between = markdown.substring(fence.end(), next.start());
        boolean onlyBlankBetween =
            between.isBlank() && between.chars().filter(c -> c == '\n').count() <= 1;
        if (onlyBlankBetween
            && markdown.substring(next.infoStart(), next.infoEnd()).strip().equals("output")
            && next.isClosed()) {
          outStart = next.start();
          outEnd = next.end();
        }
      }
      blocks.add(new Block(fence.start(), fence.end(), fence.code(markdown), outStart, outEnd));
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
    String text = "";
    if (!output.isEmpty()) {
      String body = output.endsWith("\n") ? output : output + "\n";
      String fence = "```";
      while (body.contains(fence)) {
        fence += "`";
      }
      text = fence + "output\n" + body + fence + "\n";
      if (block.end == markdown.length() && !markdown.endsWith("\n")) {
        text = "\n" + text;
      }
    }
    if (block.hasOutput()) {
      return new Edit(block.outputStart, block.outputEnd, text);
    }
    return new Edit(block.end, block.end, text);
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
              out.append("error: ").append(p.message()).append('\n');
            }
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

  /** One input the REPL ran and what it gave, as a transcript keeps it. */
  public record Ran(String code, String output) {}

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
        md.append(fenced("output", r.output()));
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
