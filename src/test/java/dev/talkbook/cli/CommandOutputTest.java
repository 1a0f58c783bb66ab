package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A command whose standard output cannot be written says so and exits 1 ({@code talkbook show 1 >
 * notes.md} on a full disk must not look done), while a reader that stops reading ({@code | head
 * -1}) is no failure.
 */
@Timeout(300)
class CommandOutputTest extends CliTest {

  /** A stream every write to which fails with {@code message}, as the system says it. */
  private static OutputStream failing(String message) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(message);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(message);
      }
    };
  }

  private Result runInto(OutputStream stdout, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--notebook";
    all[1] = notebook().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    CommandLine cl = TalkbookCommand.forArguments(all);
    cl.setOut(
        CommandOutput.on(
            stdout, s -> new BufferedWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8))));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int code = TalkbookCommand.execute(cl, all);
    return new Result(code, "", err.toString());
  }

  private void notebookWithATalk() {
    ok("event", "add", "Meetup");
    ok("talk", "add", "--event", "1", "Loom in practice");
  }

  @Test
  void anOutputThatCannotBeWrittenIsSaidWithItsReasonAndExitsOne() {
    notebookWithATalk();
    Result r = runInto(failing("No space left on device"), "talks");
    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.err())
        .contains("the output could not be written (No space left on device)")
        .contains("incomplete");
    assertNoStackTrace(r);
  }

  @Test
  void aReaderThatStoppedReadingIsNoFailure() {
    notebookWithATalk();
    Result r = runInto(failing("Broken pipe"), "talks");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Broken pipe",
        "Broken pipe (Write failed)",
        "The pipe is being closed",
        "The pipe has been ended"
      })
  void everyWayTheSystemSaysTheReaderWentAwayIsNoFailure(String message) {
    notebookWithATalk();
    Result r = runInto(failing(message), "talks");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The pipe state is invalid",
        "All pipe instances are busy",
        "Input/output error writing to pipe"
      })
  void anotherFailureThatMentionsAPipeIsSaidAndExitsOne(String message) {
    notebookWithATalk();
    Result r = runInto(failing(message), "talks");
    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.err())
        .contains("the output could not be written (" + message + ")")
        .contains("incomplete");
    assertNoStackTrace(r);
  }

  @Test
  void aCommandThatFailedKeepsItsOwnExitCode() {
    notebookWithATalk();
    Result r = runInto(failing("No space left on device"), "show", "nothing like this");
    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
  }

  @Test
  void theRealProcessOnAFullDeviceExitsOneAndSaysWhy() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists() && !full.isFile(), "needs Linux's /dev/full");
    notebookWithATalk();
    ProcessBuilder pb =
        new ProcessBuilder(ChildTalkbook.command("--notebook", notebook().toString(), "talks"));
    pb.environment().remove("TALKBOOK_NOTEBOOK");
    pb.redirectOutput(full);
    Path err = dir.resolve("err.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(err);
    assertThat(p.exitValue()).as(said).isEqualTo(1);
    assertThat(said).contains("the output could not be written (No space left on device)");
  }

  @Test
  void theRealProcessPipedIntoAReaderThatStopsExitsZeroQuietly() throws Exception {
    notebookWithATalk();
    Path notes = dir.resolve("long.md");
    Files.writeString(notes, "- a point of the talk, with some words\n".repeat(100_000));
    ok("talk", "edit", "1", "--notes-file", notes.toString());
    ProcessBuilder pb =
        new ProcessBuilder(ChildTalkbook.command("--notebook", notebook().toString(), "show", "1"));
    pb.environment().remove("TALKBOOK_NOTEBOOK");
    Path err = dir.resolve("err.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("- a point of the talk, with some words");
    } // closed, as head -1 closes it
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(err);
    assertThat(p.exitValue()).as(said).isZero();
    assertThat(said).isEmpty();
  }

  /**
   * In a C locale (LANG unset: cron, a container) standard output into a file is UTF-8, as {@code
   * --notes-file} reads it: {@code show 1 > notes.md} wrote "?" for every other character, and put
   * back with {@code talk edit 1 --notes-file notes.md} the notes lost them.
   */
  @Test
  void notesWrittenToAFileInACLocaleComeBackWhole() throws Exception {
    String notes = "Café — naïve ünïcödé 日本 🎤\n";
    Path file = dir.resolve("in.md");
    Files.writeString(file, notes);
    ok("event", "add", "Meetup");
    ok("talk", "add", "--event", "1", "--notes-file", file.toString(), "Loom");
    ProcessBuilder pb =
        new ProcessBuilder(ChildTalkbook.command("--notebook", notebook().toString(), "show", "1"));
    pb.environment().remove("TALKBOOK_NOTEBOOK");
    pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
    pb.environment().put("LC_ALL", "C");
    Path out = dir.resolve("out.md");
    pb.redirectOutput(out.toFile());
    Path err = dir.resolve("err.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(notes);
  }
}
