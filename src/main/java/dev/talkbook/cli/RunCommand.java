package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.BlockRun;
import dev.talkbook.core.repl.Evaluation;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.core.repl.Rehearsal;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a talk's {@code ```java} blocks in order in a fresh Java VM, the window's "Run all" from the
 * command line: each block's output is printed, and with {@code --write} kept in the notes as the
 * {@code ```output} block after it.
 */
@Command(
    name = "run",
    description = {
      "Run a talk's ```java blocks in order in a fresh Java VM and print what each gave.",
      "With --write, each block's output is also written into the notes as an ```output block"
          + " right after it (the window's Java → Run all).",
      "With --check, rehearse: each result is compared with the stored ```output block and the"
          + " blocks that differ are listed with the difference; the notes are not changed"
          + " (\"Running block N of M…\" goes to stderr, so stdout holds only the differences"
          + " and the verdict).",
      "Without --write the notebook is only read, so this works while the window has it open.",
      "Code reading System.in sees the end of input. Exit code 1 when any block did not"
          + " compile, threw (an OutOfMemoryError or StackOverflowError too), was stopped at the"
          + " time limit or ended its JVM; with --check, when any block differs; and when Java"
          + " could not be started to run them (one line says why; --verbose adds the log)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
  String talk;

  @Option(names = "--write", description = "Keep each block's output in the notes.")
  boolean write;

  @Option(
      names = "--check",
      description =
          "Rehearse: compare each block's result with the ```output block stored under it,"
              + " list the blocks that differ with the difference, change nothing. Exit code 0"
              + " when all match, 1 when any differs.")
  boolean check;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "" + BlockRun.TIME_LIMIT_SECONDS,
      description = "Stop a block that runs longer than this (default: ${DEFAULT-VALUE}).")
  int timeLimitSeconds;

  @Option(
      names = "--enable-preview",
      description =
          "Let the blocks use the preview features of the Java that runs them (javac's and the"
              + " JVM's --enable-preview), as Java → Enable preview features does in the window.")
  boolean preview;

  @Option(
      names = "--verbose",
      description =
          "Also print the log on stderr: warnings with their stack traces, such as why the Java"
              + " VM for the blocks could not be started.")
  boolean verbose;

  /**
   * The REPL's logger, kept while the command runs (a logger held by nobody may be collected and
   * lose its level): its warnings, with stack traces, are for {@code --verbose}; without it a start
   * failure is said in one line by {@link #couldNotStart}.
   */
  private java.util.logging.Logger replLog;

  @Override
  public Integer call() throws InterruptedException {
    if (timeLimitSeconds <= 0) {
      spec.commandLine().getErr().println("--time-limit must be a positive number of seconds.");
      return 2;
    }
    if (check && write) {
      spec.commandLine().getErr().println("--check changes nothing: it cannot go with --write.");
      return 2;
    }
    // Without --write (and with --check) nothing is changed: the notebook is opened to read, as
    // show and export do, so a run works beside the window that has it open.
    if (!verbose) {
      replLog = java.util.logging.Logger.getLogger(ReplSession.class.getPackageName());
      replLog.setLevel(java.util.logging.Level.OFF);
    }
    TalkbookCommand root = TalkbookCommand.of(spec);
    try (Notebook notebook = write ? root.openExisting() : root.openToRead()) {
      Talk t = Refs.talk(notebook, talk);
      PrintWriter out = spec.commandLine().getOut();
      List<NoteCode.Block> blocks = NoteCode.javaBlocks(t.body());
      if (blocks.isEmpty()) {
        out.println("\"" + t.title() + "\" has no ```java blocks.");
        return 0;
      }
      // The window's Run all and Rehearse run their blocks so too (with the default limit).
      ReplOptions options =
          BlockRun.options(Duration.ofSeconds(timeLimitSeconds)).withPreview(preview);
      if (check) {
        return rehearse(t, options, out);
      }
      BlockRun.Result result;
      try (ReplSession session = ReplSession.start(options)) {
        if (couldNotStart(session)) {
          return TalkbookCommand.USER_ERROR;
        }
        result =
            BlockRun.start(
                    session,
                    blocks.stream().map(NoteCode.Block::code).toList(),
                    new BlockRun.Listener() {
                      @Override
                      public void finished(int index, int total, Evaluation e) {
                        print(out, t.body(), blocks.get(index), index, total, e);
                      }
                    })
                .result()
                .get();
      } catch (ExecutionException e) {
        return couldNotRun(e);
      }
      List<NoteCode.Result> outputs = result.outputs();
      long failed = outputs.stream().filter(NoteCode.Result::failed).count();
      if (write) {
        String notes = withOutputs(t.body(), blocks.subList(0, outputs.size()), outputs);
        if (notebook.talks().saveBody(t.id(), notes)) {
          notebook.revisions().keepCommandEdit(t.id());
          out.println("Wrote the outputs into the notes of \"" + t.title() + "\".");
        }
      }
      if (failed > 0) {
        spec.commandLine()
            .getErr()
            .println(
                blocks.size() == 1
                    ? "The block failed (it did not compile, threw or was stopped)."
                    : failed
                        + " of "
                        + Counts.of(blocks.size(), "block")
                        + " failed (did not compile, threw or "
                        + (failed == 1 ? "was" : "were")
                        + " stopped).");
        return TalkbookCommand.USER_ERROR;
      }
      return 0;
    }
  }

  /** {@code --check}: runs every block and lists those whose result differs from the notes'. */
  private int rehearse(Talk t, ReplOptions options, PrintWriter out) throws InterruptedException {
    Rehearsal.Report report;
    // The progress goes to stderr, as the upgrade's lines do: stdout holds only the differences and
    // the verdict, so "run --check 2>/dev/null | head -1" gives the first difference.
    PrintWriter err = spec.commandLine().getErr();
    try (ReplSession session = ReplSession.start(options)) {
      if (couldNotStart(session)) {
        return TalkbookCommand.USER_ERROR;
      }
      report =
          Rehearsal.rehearse(
                  session,
                  t.body(),
                  (index, total) -> {
                    err.printf("Running block %d of %d…%n", index + 1, total);
                    err.flush();
                  })
              .get();
    } catch (ExecutionException e) {
      return couldNotRun(e);
    }
    for (Rehearsal.Check c : report.differing()) {
      out.printf(
          "── block %d of %d, line %d: %s%n",
          c.index() + 1,
          report.checks().size(),
          c.line(),
          c.stored() == null
              ? "the notes keep no output for it"
              : "differs from its stored output");
      out.print(c.difference());
    }
    out.println(report.verdict());
    return report.allMatch() ? 0 : TalkbookCommand.USER_ERROR;
  }

  /**
   * Waits for the session's JVM; when it could not be started, says so and why in one line on
   * stderr (no block is run: each would only fail the same way) and returns true.
   */
  private boolean couldNotStart(ReplSession session) throws InterruptedException {
    Optional<String> why = startFailureLine(session);
    why.ifPresent(line -> spec.commandLine().getErr().println(line));
    return why.isPresent();
  }

  /**
   * {@code "talkbook: Java could not be started to run the blocks. …why"} once the session's first
   * start has failed; empty when it started.
   */
  static Optional<String> startFailureLine(ReplSession session) throws InterruptedException {
    try {
      session.ready().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e); // ready() never fails: a failure is startFailure()
    }
    return session
        .startFailure()
        .map(
            f ->
                "talkbook: Java could not be started to run the blocks. "
                    + f.withoutRestart().replace('\n', ' '));
  }

  /** Says that the REPL could not run the blocks; the exit code. */
  private int couldNotRun(ExecutionException e) {
    spec.commandLine()
        .getErr()
        .println("The Java REPL could not run the blocks: " + e.getCause().getMessage());
    return TalkbookCommand.USER_ERROR;
  }

  /** The notes with each block's output block written after it. */
  static String withOutputs(
      String notes, List<NoteCode.Block> blocks, List<NoteCode.Result> outputs) {
    NoteCode.Edit edit = NoteCode.outputsEdit(notes, blocks, outputs);
    return edit == null ? notes : edit.applyTo(notes);
  }

  /** What block {@code index} of {@code total} gave, as it is printed when it has run. */
  private static void print(
      PrintWriter out, String notes, NoteCode.Block b, int index, int total, Evaluation e) {
    String output = NoteCode.outputOf(e);
    out.printf("── block %d of %d, line %d%n", index + 1, total, NoteCode.lineOf(notes, b));
    out.print(output.isEmpty() || output.endsWith("\n") ? output : output + "\n");
    if (e.outcome() != Evaluation.Outcome.COMPLETED) {
      if (e.message() != null && !e.message().isEmpty() && !output.contains(e.message())) {
        out.println(e.message());
      }
    }
    out.flush();
  }
}
