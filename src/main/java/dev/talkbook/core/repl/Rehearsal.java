package dev.talkbook.core.repl;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.talkbook.core.common.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A rehearsal of a talk: every {@code ```java} block runs in order in a fresh Java VM, and what
 * each gives is compared with the {@code ```output} (or {@code ```output-error}) block stored under
 * it, without changing the notes. Java → Rehearse and {@code talkbook run TALK --check}.
 *
 * <p>What is compared: the text, line by line, with trailing spaces and blank lines at the end
 * ignored, and with JShell's snippet numbers in stack frames ignored ({@code at (#13:1)} is {@code
 * at (#26:1)}: the number counts what ran before in that JVM, not what the block does); and whether
 * it failed: a block whose result failed now but not then (or the other way round) differs even
 * when the text is the same. A block stopped now and then (by hand or at a time limit, whatever the
 * limit) matches, whatever it printed before the stop, which depends on when the stop came. A block
 * without a stored output matches only if it gives none. The notes keep what ran as it was written:
 * none of this changes what Run all writes.
 */
public final class Rehearsal {

  private Rehearsal() {}

  /**
   * How one block went.
   *
   * @param index its place among the notes' Java blocks (0 for the first)
   * @param line the 1-based line of its opening fence
   * @param stored what the notes keep under it, or null when nothing
   * @param now what it gives now
   * @param difference a unified diff from the stored output to the new one ("" when they match)
   */
  public record Check(
      int index,
      int line,
      String code,
      NoteCode.Result stored,
      NoteCode.Result now,
      String difference) {

    public boolean matches() {
      return difference.isEmpty();
    }

    /**
     * Whether it was stopped now and the notes keep a stop too (by hand or at a time limit): it
     * matches, whatever it printed before the stop.
     */
    public boolean stoppedBothTimes() {
      return stored != null && isStopped(stored) && isStopped(now);
    }
  }

  /**
   * Every block's check, in order.
   *
   * @param total how many Java blocks the notes have
   * @param stopped whether the rehearsal was stopped by hand: the last check is then of the stopped
   *     block, or blocks after it were not run
   */
  public record Report(List<Check> checks, int total, boolean stopped) {
    public Report {
      checks = List.copyOf(checks);
    }

    /** A rehearsal that ran every block. */
    public Report(List<Check> checks) {
      this(checks, checks.size(), false);
    }

    public List<Check> differing() {
      return checks.stream().filter(c -> !c.matches()).toList();
    }

    /** Whether every block ran and gives what the notes keep. */
    public boolean allMatch() {
      return !stopped && checks.size() == total && checks.stream().allMatch(Check::matches);
    }

    /**
     * "All 3 blocks give what the notes keep.", "1 of 3 blocks differs from what …"; a stopped one
     * begins with "Stopped: 4 of 11 blocks did not run."
     */
    public String verdict() {
      if (!stopped) {
        return verdictOfChecks();
      }
      int notRun = total - checks.size();
      String said =
          notRun == 0
              ? "Stopped at the last block."
              : "Stopped: " + notRun + " of " + Counts.of(total, "block") + " did not run.";
      return checks.isEmpty() ? said : said + " " + verdictOfChecks();
    }

    private String verdictOfChecks() {
      int differ = differing().size();
      int all = checks.size();
      if (all == 1) {
        return differ == 0
            ? "The block gives what the notes keep."
            : "The block differs from what the notes keep.";
      }
      if (differ == 0) {
        return "All " + all + " blocks give what the notes keep.";
      }
      return differ
          + " of "
          + Counts.of(all, "block")
          + (differ == 1 ? " differs" : " differ")
          + " from what the notes keep.";
    }
  }

  /** Told as the rehearsal goes, on the session's event thread. */
  public interface Progress {
    Progress NONE = (index, total) -> {};

    /** Block {@code index} (0 for the first) of {@code total} starts. */
    void running(int index, int total);

    /** A block has run: how it compares. */
    default void checked(Check check) {}
  }

  /** A rehearsal under way: its report to come, and a way to stop it. */
  public static final class Run {
    private final BlockRun blocks;
    private final CompletableFuture<Report> report;

    private Run(BlockRun blocks, CompletableFuture<Report> report) {
      this.blocks = blocks;
      this.report = report;
    }

    /** Completes when every block has run, or the rehearsal was stopped. */
    public CompletableFuture<Report> report() {
      return report;
    }

    /** Stops the running block; the blocks after it do not run. */
    public void stop() {
      blocks.stop();
    }

    public boolean isRunning() {
      return !report.isDone();
    }
  }

  /**
   * Runs the Java blocks of {@code notes} in {@code fresh} (a new session; the caller closes it)
   * and compares each with its stored output.
   */
  public static CompletableFuture<Report> rehearse(
      ReplSession fresh, String notes, Progress progress) {
    return start(fresh, notes, progress).report();
  }

  /**
   * Starts running the Java blocks of {@code notes} in {@code fresh} (a new session, with its time
   * limit; the caller closes it) and comparing each with its stored output, each told to {@code
   * progress} as it is checked.
   */
  public static Run start(ReplSession fresh, String notes, Progress progress) {
    List<NoteCode.Block> blocks = NoteCode.javaBlocks(notes);
    List<Check> checks = new java.util.concurrent.CopyOnWriteArrayList<>();
    BlockRun run =
        BlockRun.start(
            fresh,
            blocks.stream().map(NoteCode.Block::code).toList(),
            new BlockRun.Listener() {
              @Override
              public void starting(int index, int total) {
                progress.running(index, total);
              }

              @Override
              public void finished(int index, int total, Evaluation evaluation) {
                Check c = check(notes, index, blocks.get(index), NoteCode.resultOf(evaluation));
                checks.add(c);
                progress.checked(c);
              }
            });
    return new Run(
        run, run.result().thenApply(r -> new Report(checks, blocks.size(), r.stopped())));
  }

  /** Pure: the check of block {@code b} of {@code notes}, which gave {@code now}. */
  public static Check check(String notes, int index, NoteCode.Block b, NoteCode.Result now) {
    NoteCode.Result stored = b.storedResult();
    if (stored != null && isStopped(stored) && isStopped(now)) {
      return new Check(index, NoteCode.lineOf(notes, b), b.code(), stored, now, "");
    }
    List<String> before = lines(stored == null ? "" : stored.text());
    List<String> after = lines(now.text());
    String difference = "";
    boolean failedChanged = stored != null ? stored.failed() != now.failed() : now.failed();
    if (!comparable(before).equals(comparable(after))) {
      // The lines as they are, paired as they compare (a frame's snippet number aside).
      List<String> diff =
          UnifiedDiffUtils.generateUnifiedDiff(
              "stored",
              "now",
              before,
              DiffUtils.diff(before, after, (x, y) -> comparable(x).equals(comparable(y))),
              1);
      difference = String.join("\n", diff.subList(Math.min(2, diff.size()), diff.size())) + "\n";
    }
    if (failedChanged) {
      difference =
          (!now.failed()
                  ? "It runs now; the notes keep a failure (```output-error).\n"
                  : stored == null
                      ? "It fails now; the notes keep no output for it.\n"
                      : "It fails now; the notes keep a result that did not fail.\n")
              + difference;
    }
    return new Check(index, NoteCode.lineOf(notes, b), b.code(), stored, now, difference);
  }

  /** A stack frame of a snippet: {@code at (#13:1)}, {@code at greet (#12:2)}. */
  private static final Pattern SNIPPET_FRAME = Pattern.compile("^\\s*at .*\\(#\\d+:\\d+\\)$");

  private static final Pattern SNIPPET_NUMBER = Pattern.compile("\\(#\\d+:");

  /**
   * The line as it is compared: in a stack frame of a snippet, JShell's number of the snippet,
   * which counts what ran before in that JVM, is left out ({@code at (#13:1)} → {@code at (#:1)}).
   */
  static String comparable(String line) {
    return SNIPPET_FRAME.matcher(line).matches()
        ? SNIPPET_NUMBER.matcher(line).replaceAll("(#:")
        : line;
  }

  /**
   * The lines as they are compared: besides {@link #comparable(String)}, the JDK's (or a library's)
   * frames between the user's own as one line whatever their number, and a lambda's frame by the
   * name it is shown with now. Outputs kept before traces were cut down to the user's frames listed
   * each JDK frame ({@code at java.base/java.util.stream…accept(Unknown Source)}) and named a
   * lambda as javac does ({@code at lambda$do_it$$0 (line 1)}); and the JDK's frames differ between
   * Java versions.
   */
  private static List<String> comparable(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (OTHER_FRAMES.matcher(line).matches()) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(JDK_FRAMES)) {
          out.add(JDK_FRAMES);
        }
        continue;
      }
      String named = OLD_TOP_LAMBDA.matcher(line).replaceAll("at lambda (");
      named = OLD_LAMBDA.matcher(named).replaceAll("at lambda in $1 (");
      out.add(comparable(named));
    }
    return out;
  }

  /**
   * A frame not the user's, as a stack trace prints it (no space before its bracket: {@code at
   * java.base/java.util.Spliterators$ArraySpliterator.forEachRemaining(Unknown Source)}), or the
   * line that now stands for such frames ({@code … 5 JDK frames}).
   */
  private static final Pattern OTHER_FRAMES =
      Pattern.compile("^\\s*(?:at \\S+\\([^)]*\\)|… [\\d,]+ JDK frames?)$");

  private static final String JDK_FRAMES = "… JDK frames";

  private static final Pattern OLD_TOP_LAMBDA =
      Pattern.compile("\\bat lambda\\$(?:do_it|static|new)\\$?\\$\\d+ \\(");
  private static final Pattern OLD_LAMBDA = Pattern.compile("\\bat lambda\\$(\\w+)\\$\\d+ \\(");

  /** The note of a stop: "Stopped." (by hand) or "Stopped after the time limit of 30 s." */
  private static final Pattern STOP_NOTE =
      Pattern.compile("^Stopped(?: after the time limit of [^.]+)?\\.(?: .*)?$");

  /**
   * Whether a result is that of a block that was stopped, by hand or at a time limit: a failure
   * with a stop's note ({@code ```output-error}, as a time limit and, before, a stop by hand were
   * kept), or an output whose last line is "Stopped." (a stop by hand is no failure of the code).
   */
  static boolean isStopped(NoteCode.Result result) {
    List<String> lines = lines(result.text());
    return result.failed()
        ? lines.stream().anyMatch(l -> STOP_NOTE.matcher(l).matches())
        : !lines.isEmpty() && lines.get(lines.size() - 1).equals("Stopped.");
  }

  /** The text's lines without trailing spaces, and without blank lines at the end. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      out.add(line.stripTrailing());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
