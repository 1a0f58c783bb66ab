package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code import markdown DIR [--dry-run]}. */
class ImportCommandTest extends CliTest {

  private Path folder() throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(
        md.resolve("_index.md"), "---\ntitle: Spring Meetup\ndate: 2026-04-01\n---\n");
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\ntags: [java]\n---\n# One\n");
    Files.writeString(md.resolve("02-two.md"), "---\ntitle: Two\n---\nsecond\n");
    return md.getParent();
  }

  @Test
  void importCreatesEventsAndTalks() throws Exception {
    Result r = ok("import", "markdown", folder().toString());

    assertOut(r)
        .contains(
            "created   meetup/01-one.md",
            "event     meetup/_index.md (new event \"Spring Meetup\")",
            "Imported 3 files: 2 new talks");
    assertThat(events()).extracting(e -> e.title()).containsExactly("Spring Meetup");
    assertThat(talkCount()).isEqualTo(2);
  }

  @Test
  void aDryRunChangesNothing() throws Exception {
    addEvent("Existing");
    Result r = ok("import", "markdown", "--dry-run", folder().toString());

    assertOut(r).contains("Would import 3 files", "dry run");
    assertThat(talkCount()).isZero();
    assertThat(events()).hasSize(1);
  }

  @Test
  void aDryRunIntoANotebookThatDoesNotExistYetReportsAndCreatesNothing() throws Exception {
    Path missing = dir.resolve("not-yet.talkbook");

    Result r =
        runRaw(
            "--notebook",
            missing.toString(),
            "import",
            "markdown",
            "--dry-run",
            folder().toString());

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertOut(r)
        .contains(
            "created   meetup/01-one.md", "Would import 3 files", "1 new event", "was not created");
    assertThat(missing).doesNotExist();
    assertThat(missing.resolveSibling("not-yet.talkbook.lock")).doesNotExist();
  }

  @Test
  void anEventFilesTextThatIsNotKeptIsSaidInTheDryRunAndTheImport() throws Exception {
    Path md = folder();
    Files.writeString(
        md.resolve("meetup/_index.md"),
        "---\ntitle: Spring Meetup\n---\nTwo days of JVM talks.\n\nBring a laptop.\n");

    for (Result r :
        new Result[] {
          ok("import", "markdown", "--dry-run", md.toString()),
          ok("import", "markdown", md.toString())
        }) {
      assertOut(r)
          .contains(
              "event     meetup/_index.md (new event \"Spring Meetup\"; its text, 3 lines, is not"
                  + " kept: an event has no notes)");
    }
  }

  @Test
  void aBadFileIsReportedExitsOneAndTheRestIsImported() throws Exception {
    Path md = folder();
    Files.write(
        md.resolve("meetup/03-bad.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xff, '\n'});

    Result r = refused("import", "markdown", md.toString());

    assertErr(r).contains("talkbook: meetup/03-bad.md: is not UTF-8");
    assertOut(r).contains("2 new talks", "1 failed");
    assertThat(talkCount()).isEqualTo(2);
  }

  @Test
  void notesOverTheLimitSayTheLimitAndToSplitTheFile() throws Exception {
    Path md = folder();
    Files.writeString(md.resolve("meetup/03-huge.md"), "# Huge\n" + "x".repeat(20_000_001));

    Result r = refused("import", "markdown", md.toString());

    assertErr(r)
        .contains(
            "talkbook: meetup/03-huge.md: the notes are 20,000,008 characters long, and a talk"
                + " holds at most 20,000,000: split the file into several .md files (a talk each)"
                + " and import again");
    assertOut(r).contains("2 new talks", "1 failed");
  }

  @Test
  void linksNamedMdAreEachListedAsSkippedWithWhereTheyLead() throws Exception {
    Path md = folder();
    Files.createSymbolicLink(md.resolve("meetup/03-gone.md"), Path.of("nowhere.md"));
    Files.createSymbolicLink(md.resolve("meetup/04-again.md"), Path.of("01-one.md"));
    Files.createSymbolicLink(md.resolve("meetup/05-round.md"), Path.of("06-round.md"));
    Files.createSymbolicLink(md.resolve("meetup/06-round.md"), Path.of("05-round.md"));

    Result r = ok("import", "markdown", md.toString());

    assertOut(r)
        .contains(
            "skipped   meetup/03-gone.md (a link to \"nowhere.md\", which is not there)",
            "skipped   meetup/04-again.md (a link to \"01-one.md\"; links are not followed:"
                + " copy the file here to import it)",
            "skipped   meetup/05-round.md (a link to \"06-round.md\", which leads round a circle"
                + " of links)",
            "Imported 3 of 7 files: 2 new talks, 0 updated, 0 unchanged, 1 event file; 4 skipped, 0 failed;");
    assertThat(talkCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "dry run: {0}")
  @ValueSource(booleans = {false, true})
  void aFolderWithoutMdFilesIsRefusedAndNoNotebookIsMade(boolean dryRun) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty/.obsidian"));
    Files.writeString(empty.resolve("hidden.md"), "# Hidden\n");
    Files.writeString(empty.resolveSibling("README.txt"), "not a note\n");

    Result r =
        dryRun
            ? refused("import", "markdown", "--dry-run", dir.resolve("empty").toString())
            : refused("import", "markdown", dir.resolve("empty").toString());

    assertErr(r)
        .isEqualTo(
            "talkbook: No .md files found in "
                + dir.resolve("empty")
                + " (nor in its folders; hidden ones such as .obsidian are skipped). Nothing was"
                + " imported. Choose the folder holding the .md files.\n");
    assertThat(r.out()).isEmpty();
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void aMissingFolderIsRefused() {
    Result r = refused("import", "markdown", dir.resolve("nope").toString());
    assertErr(r).contains("is not a folder");
    assertThat(notebook()).as("no notebook made for nothing").doesNotExist();
  }

  @Test
  void importNeedsAFolder() {
    misused("import", "markdown");
  }

  @Test
  void exportThenImportIntoAnotherNotebookKeepsTheTalks() throws Exception {
    addSample();
    Path md = dir.resolve("md-out");
    ok("export", "markdown", "--out", md.toString());
    Path other = dir.resolve("other.talkbook");

    Result r = runRaw("--notebook", other.toString(), "import", "markdown", md.toString());

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertOut(r).contains("5 new talks", "1 new event");
    assertThat(
            Files.readString(
                md.resolve("2026-03-12-jvm-evening-talkbook-sample-meetup/_index.md"),
                StandardCharsets.UTF_8))
        .contains("title: JVM Evening (Talkbook sample meetup)", "date: 2026-03-12");
  }
}
