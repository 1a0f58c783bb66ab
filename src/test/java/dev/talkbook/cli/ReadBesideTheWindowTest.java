package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.OldNotebook;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reading commands work while another process (the window) has the notebook open for writing, and
 * see what it saved; dry runs work there too, and with --read-only; writing commands are refused
 * with a message that names --read-only.
 */
@Timeout(120)
class ReadBesideTheWindowTest extends CliTest {
  private Process holder;

  @AfterEach
  void stopHolder() throws Exception {
    if (holder != null) {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
  }

  /** Starts {@link WriteAndHold} on the test's notebook and waits until it holds it. */
  private void holdInAnotherProcess(String notes) throws Exception {
    holder =
        new ProcessBuilder(
                ChildTalkbook.command().get(0),
                "-cp",
                System.getProperty("java.class.path"),
                WriteAndHold.class.getName(),
                notebook().toString(),
                notes)
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the holder's first line").isEqualTo("open");
  }

  @Test
  void readingCommandsWorkBesideAWriterAndSeeWhatItSaved() throws Exception {
    addSample();
    holdInAnotherProcess("# Saved by the window\n\nunicorn notes\n");

    assertOut(ok("show", "1")).isEqualTo("# Saved by the window\n\nunicorn notes\n");
    assertOut(ok("talks")).contains("SQLite everywhere");
    assertOut(ok("events")).contains("JVM Evening");
    assertOut(ok("search", "unicorn")).contains("unicorn");
    assertOut(ok("history", "1")).contains("REVISION");
    assertOut(ok("tags")).isNotEmpty();
    assertOut(ok("info")).contains("Talks:       5").doesNotContain("(read-only)");
    assertOut(ok("check")).contains("is sound");
    ok("export", "site", "--out", dir.resolve("site").toString());
    ok("export", "markdown", "--out", dir.resolve("md").toString());
    assertThat(dir.resolve("site/index.html")).isNotEmptyFile();
  }

  @Test
  void exportAgendaWorksBesideAWriter() throws Exception {
    addSample();
    ok("talk", "star", "1");
    holdInAnotherProcess("held\n");

    Path agenda = dir.resolve("agenda.ics");
    assertOut(ok("export", "agenda", "--out", agenda.toString())).contains("Wrote 1 starred talk");
    assertThat(Files.readString(agenda)).contains("BEGIN:VEVENT");
  }

  @Test
  void runAndRunCheckWorkBesideAWriterAndOnlyRunWriteIsRefused() throws Exception {
    addSample();
    holdInAnotherProcess("```java\n6 * 7\n```\n```output\n⇒ 42\n```\n");

    assertOut(ok("run", "1")).contains("── block 1 of 1", "⇒ 42");
    assertErr(ok("run", "--check", "1")).contains("Running block 1 of 1");
    Result write = refused("run", "--write", "1");
    assertErr(write).contains("open in another Talkbook (process " + holder.pid() + ")");
  }

  /**
   * A writing command refused beside a window says to make the change there or close it (tester 7:
   * `talk move` was told to "open it read-only meanwhile (--read-only…)", which cannot help a
   * command that writes); `talk move` names the window's command for it.
   */
  @Test
  void writingCommandsAreRefusedSayingToChangeItInTheWindowOrCloseIt() throws Exception {
    addSample();
    Path camp =
        Files.writeString(
            dir.resolve("camp.xml"), ScheduleCommandTest.fixture("frab-schedule.xml"));
    holdInAnotherProcess("held\n");

    for (List<String> command :
        List.of(
            List.of("event", "add", "--title", "New"),
            List.of("talk", "edit", "1", "--title", "Renamed"),
            List.of("talk", "move", "1", "--position", "2"),
            List.of("import", "schedule", camp.toString()),
            List.of("run", "--write", "1"),
            List.of("check", "--repair"))) {
      Result r = refused(command.toArray(String[]::new));
      assertErr(r)
          .as(String.join(" ", command))
          .contains("open in another Talkbook (process " + holder.pid() + ")")
          .contains("make the change there", "or close it, then run the command again")
          .doesNotContain("read-only meanwhile", "reading commands do that");
    }
    assertErr(refused("talk", "move", "1", "--event", "1"))
        .contains("make the change there (Edit → Move to event…) or close it");
  }

  @Test
  void dryRunsWorkBesideAWriterAndReportAsTheyWouldAlone() throws Exception {
    addSample();
    Path camp =
        Files.writeString(
            dir.resolve("camp.xml"), ScheduleCommandTest.fixture("frab-schedule.xml"));
    Path md = markdownFolder();
    holdInAnotherProcess("held\n");

    assertOut(ok("import", "schedule", "--dry-run", camp.toString()))
        .contains(
            "Would import the frab/pentabarf schedule XML into \"Sommercamp 2026\" (a new event):"
                + " 4 added",
            "(dry run: nothing was changed)");
    assertOut(ok("import", "markdown", "--dry-run", md.toString()))
        .contains("created   meetup/01-one.md", "Would import 3 files", "dry run");
    assertOut(ok("--read-only", "import", "schedule", "--dry-run", camp.toString()))
        .contains("4 added", "(dry run: nothing was changed)");
    assertThat(talkCount()).as("nothing imported").isEqualTo(5);
  }

  @Test
  void aReadOnlyDryRunLeavesTheFileAsItWasAndPutsNothingBesideIt() throws Exception {
    addSample();
    Path camp =
        Files.writeString(
            dir.resolve("camp.xml"), ScheduleCommandTest.fixture("frab-schedule.xml"));
    Path md = markdownFolder();
    byte[] before = Files.readAllBytes(notebook());
    List<String> beside;
    try (var files = Files.list(notebook().getParent())) {
      beside = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertOut(ok("--read-only", "import", "schedule", "--dry-run", camp.toString()))
        .contains("4 added", "(dry run: nothing was changed)");
    assertOut(ok("--read-only", "import", "markdown", "--dry-run", md.toString()))
        .contains("Would import 3 files", "dry run");

    assertThat(Files.readAllBytes(notebook())).isEqualTo(before);
    try (var files = Files.list(notebook().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(beside);
    }
  }

  private Path markdownFolder() throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(
        md.resolve("_index.md"), "---\ntitle: Spring Meetup\ndate: 2026-04-01\n---\n");
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\n---\n# One\n");
    Files.writeString(md.resolve("02-two.md"), "---\ntitle: Two\n---\nsecond\n");
    return dir.resolve("md");
  }

  @Test
  void aNotebookOfAnOlderFormatIsUpgradedOnceByAReadingCommand() throws Exception {
    OldNotebook.atVersion(notebook(), 1);

    assertOut(ok("show", "Old talk")).isEqualTo("old notes");
    int format = peek(nb -> nb.formatVersion());
    assertThat(format).isEqualTo(OldNotebook.latest());
  }

  @Test
  void readOnlyAsAskedStillRefusesAnOlderFormatWithWhatToDo() throws Exception {
    OldNotebook.atVersion(notebook(), 1);
    byte[] before = Files.readAllBytes(notebook());

    Result r = refused("--read-only", "show", "Old talk");

    assertErr(r).contains("older Talkbook").contains("Open it once without --read-only");
    assertThat(Files.readAllBytes(notebook())).isEqualTo(before);
  }

  @Test
  void anUpgradeIsToldOnStandardErrorOnceAndNotOnStandardOutput() throws Exception {
    OldNotebook.atVersion(notebook(), 5);

    Result first = ok("show", "Old talk");

    assertOut(first).isEqualTo("old notes");
    assertErr(first)
        .startsWith(
            "Upgrading notebook notes.talkbook to format "
                + OldNotebook.latest()
                // V006 and V007: only notes that hold HTML or links are indexed again
                + " (once; notes that hold HTML or links are indexed again)…\n")
        .containsPattern("\nUpgraded notebook notes.talkbook in \\d+\\.\\d s\\.\n$");
    assertErr(ok("show", "Old talk")).isEmpty();
  }

  @Test
  void anOlderNotebookAnotherTalkbookHoldsSaysToCloseItNotToReadItMeanwhile() throws Exception {
    OldNotebook.atVersion(notebook(), 5);
    byte[] before = Files.readAllBytes(notebook());
    Path lockFile = notebook().resolveSibling("notes.talkbook.lock");
    try (java.nio.channels.FileChannel held =
            java.nio.channels.FileChannel.open(
                lockFile,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = held.lock()) {

      for (Result r : List.of(refused("search", "old"), refused("--read-only", "search", "old"))) {
        assertErr(r).doesNotContain("read-only meanwhile", "reading commands do that");
      }
      assertErr(refused("search", "old"))
          .contains("older Talkbook (notebook format 5)")
          .contains("Close the other Talkbook first, then open it again: it is upgraded once");
    }
    assertThat(Files.readAllBytes(notebook())).isEqualTo(before);
  }

  @Test
  void readingCreatesNothing() {
    Path missing = notebook();
    refused("show", "1");
    refused("talks");
    assertThat(missing).doesNotExist();
  }
}
