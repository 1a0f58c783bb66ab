package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.SmallDisk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.SiteExportLinks;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every writing command on a full disk (a small tmpfs, filled to a few KB): a message that says the
 * disk is full, exit 1, nothing saved before lost, and the notebook opens once space is freed.
 * Skipped, with a message, where a tmpfs cannot be mounted.
 */
class FullDiskTest extends CliTest {
  private SmallDisk disk;

  @BeforeEach
  void mountASmallDisk() throws Exception {
    disk = SmallDisk.mount(dir.resolve("disk"), 6);
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
  }

  @Override
  Path notebook() {
    return disk.root().resolve("notes.talkbook");
  }

  /** How full the disk is when the command runs: bytes left free. */
  static final long[] FREE = {0, 12 << 10, 96 << 10};

  static Stream<Arguments> writingCommandsOnAFullDisk() {
    List<Arguments> cases = new ArrayList<>();
    for (String command :
        List.of(
            "event add",
            "event edit",
            "event delete",
            "talk add",
            "talk edit --notes-file",
            "talk edit --title",
            "talk move",
            "talk delete",
            "restore",
            "sample",
            "import markdown")) {
      for (long free : FREE) {
        cases.add(Arguments.of(command, free >> 10));
      }
    }
    return cases.stream();
  }

  private String[] argsOf(String command) throws Exception {
    Path big = dir.resolve("big.md");
    Files.writeString(big, CrashCycles.notes(99, 250_000));
    return switch (command) {
      case "event add" -> new String[] {"event", "add", "--title", "Full disk meetup"};
      case "event edit" -> new String[] {"event", "edit", "1", "--title", "Renamed"};
      case "event delete" -> new String[] {"event", "delete", "1", "--yes"};
      case "talk add" ->
          new String[] {
            "talk", "add", "--event", "1", "--title", "New", "--notes-file", big.toString()
          };
      case "talk edit --notes-file" ->
          new String[] {"talk", "edit", "1", "--notes-file", big.toString()};
      case "talk edit --title" -> new String[] {"talk", "edit", "1", "--title", "Renamed talk"};
      case "talk move" -> new String[] {"talk", "move", "1", "--position", "3"};
      case "talk delete" -> new String[] {"talk", "delete", "2", "--yes"};
      case "restore" -> new String[] {"restore", "1", Long.toString(oldestRevisionOfTalk1())};
      case "sample" -> new String[] {"sample"};
      case "import markdown" -> new String[] {"import", "markdown", markdownFolder().toString()};
      default -> throw new IllegalArgumentException(command);
    };
  }

  private long oldestRevisionOfTalk1() {
    List<Revision> revisions = peek(nb -> nb.revisions().list(1));
    return revisions.get(revisions.size() - 1).id();
  }

  /** A folder of Markdown (the sample meetup, exported from another notebook) to import. */
  private Path markdownFolder() {
    Path folder = dir.resolve("markdown");
    if (!Files.exists(folder)) {
      Path other = dir.resolve("other.talkbook");
      assertThat(TalkbookCommand.run("--notebook", other.toString(), "sample")).isZero();
      assertThat(
              TalkbookCommand.run(
                  "--notebook", other.toString(), "export", "markdown", "--out", folder.toString()))
          .isZero();
    }
    return folder;
  }

  /** The sample meetup, with notes of 250 KB on talk 1 and a revision of its older notes. */
  private void setUpNotebook() throws Exception {
    addSample();
    Path notes = dir.resolve("first.md");
    Files.writeString(notes, CrashCycles.notes(1, 250_000));
    ok("talk", "edit", "1", "--notes-file", notes.toString());
  }

  /** What the notebook holds, without times: events, talks with notes, revisions' texts. */
  private static List<String> contents(Path notebook) {
    try (Notebook nb =
        Notebook.open(notebook, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      assertThat(nb.check()).as("SQLite's check of %s", notebook).isEmpty();
      List<String> lines = new ArrayList<>();
      for (Event e : nb.events().list()) {
        lines.add("event " + e.id() + " " + e.title());
        for (Talk t : nb.talks().list(e.id())) {
          lines.add(
              "talk "
                  + t.id()
                  + " @"
                  + t.position()
                  + " "
                  + t.title()
                  + " "
                  + t.tags()
                  + " notes "
                  + t.body().hashCode());
          for (Revision r : nb.revisions().list(t.id())) {
            lines.add("  revision " + r.id() + " " + r.body().hashCode());
          }
        }
      }
      return lines;
    }
  }

  @ParameterizedTest(name = "{0}, {1} KB free")
  @MethodSource("writingCommandsOnAFullDisk")
  void aWritingCommandOnAFullDiskSaysSoAndLosesNothing(String command, long freeKb)
      throws Exception {
    setUpNotebook();
    String[] args = argsOf(command);
    // What the command does with room to spare, on a copy elsewhere.
    Path roomy = dir.resolve("roomy.talkbook");
    Files.copy(notebook(), roomy, StandardCopyOption.REPLACE_EXISTING);
    List<String> withArgs = new ArrayList<>(List.of("--notebook", roomy.toString()));
    withArgs.addAll(List.of(args));
    Result withRoom = runRaw(withArgs.toArray(String[]::new));
    assertThat(withRoom.exitCode()).as("with room: %s", withRoom).isZero();
    List<String> changed = contents(roomy);
    List<String> before = contents(notebook());

    disk.fill(freeKb << 10);
    Result r = run(args);
    disk.free();

    assertNoStackTrace(r);
    if (r.exitCode() != 0) {
      assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
      assertErr(r).contains("disk is full").doesNotContain("no transaction is active");
    }
    List<String> after = contents(notebook());
    if (r.exitCode() == 0) {
      assertThat(after).as("saved in full").isEqualTo(changed);
    } else {
      assertThat(after).as("as before, or saved in full: %s", r).isIn(before, changed);
    }
    assertThat(run("event", "add", "--title", "After freeing space").exitCode())
        .as("writing again after freeing space")
        .isZero();
    assertThat(Files.size(disk.root().resolve("notes.talkbook.lock"))).isPositive();
    try (var files = Files.list(disk.root())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("files on the disk")
          .containsExactlyInAnyOrder("notes.talkbook", "notes.talkbook.lock");
    }
  }

  @ParameterizedTest(name = "{0} KB free")
  @MethodSource("freeSpace")
  void creatingANotebookOnAFullDiskLeavesNothingBehind(long freeKb) throws Exception {
    disk.fill(freeKb << 10);
    Result r = run("event", "add", "--title", "First");
    disk.free();

    assertNoStackTrace(r);
    if (r.exitCode() != 0) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertErr(r).contains("disk is full");
      try (var files = Files.list(disk.root())) {
        assertThat(files).as("nothing left behind").isEmpty();
      }
    }
    ok("event", "add", "--title", "Second");
    assertThat(events()).extracting(Event::title).contains("Second");
  }

  static Stream<Long> freeSpace() {
    return java.util.Arrays.stream(FREE).mapToObj(b -> b >> 10);
  }

  @ParameterizedTest(name = "{0} KB free")
  @MethodSource("freeSpace")
  void exportingASiteOntoAFullDiskLeavesNoEmptyManifestAndFinishesLater(long freeKb)
      throws Exception {
    Path nb = dir.resolve("roomy.talkbook");
    assertThat(TalkbookCommand.run("--notebook", nb.toString(), "sample")).isZero();
    Path site = disk.root().resolve("site");

    disk.fill(freeKb << 10);
    Result r = runRaw("--notebook", nb.toString(), "export", "site", "--out", site.toString());
    disk.free();

    assertNoStackTrace(r);
    if (r.exitCode() != 0) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertErr(r).contains("the disk is full");
    }
    if (r.exitCode() != 0 && Files.exists(site.resolve("index.html"))) {
      // pages were written: what that leaves is said
      assertErr(r).contains("The export stopped half way", "Export again to finish it.");
      assertThat(SiteExportLinks.broken(site)).isEmpty();
    }
    assertNoEmptyFiles(disk.root());
    Result again = runRaw("--notebook", nb.toString(), "export", "site", "--out", site.toString());
    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(site.resolve("index.html")).isNotEmptyFile();
    assertThat(site.resolve(".talkbook-site")).isNotEmptyFile();
  }

  @ParameterizedTest(name = "{0} KB free")
  @MethodSource("freeSpace")
  void exportingMarkdownOntoAFullDiskTakesItBackAndWorksLater(long freeKb) throws Exception {
    Path nb = dir.resolve("roomy.talkbook");
    assertThat(TalkbookCommand.run("--notebook", nb.toString(), "sample")).isZero();
    Path out = disk.root().resolve("markdown");

    disk.fill(freeKb << 10);
    Result r = runRaw("--notebook", nb.toString(), "export", "markdown", "--out", out.toString());
    disk.free();

    assertNoStackTrace(r);
    if (r.exitCode() != 0) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertErr(r).contains("the disk is full");
      assertNoEmptyFiles(disk.root());
    }
    if (Files.exists(out) && r.exitCode() != 0) {
      try (var files = Files.list(out)) {
        assertThat(files).as("taken back").isEmpty();
      }
    }
    Result again =
        runRaw(
            "--notebook",
            nb.toString(),
            "export",
            "markdown",
            "--out",
            r.exitCode() == 0 ? disk.root().resolve("again").toString() : out.toString());
    assertThat(again.exitCode()).as("%s", again).isZero();
  }

  private static void assertNoEmptyFiles(Path root) throws Exception {
    try (var files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> f.toFile().length() == 0))
          .as("empty files")
          .isEmpty();
    }
  }

  @Test
  void readingCommandsWorkOnAFullDisk() throws Exception {
    setUpNotebook();
    disk.fill(0);
    assertThat(ok("show", "1").out()).startsWith("- version 1, line 0");
    assertThat(ok("search", "version").out()).contains("version");
    disk.free();
  }
}
