package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code export site} and {@code export markdown}. */
class ExportCommandTest extends CliTest {

  /**
   * Tester 9b: {@code export markdown --out -} wrote into a folder named "-" (in the working
   * folder). A folder of files cannot go to standard output: wrong usage, nothing written.
   */
  @ParameterizedTest(name = "export {0} --out -")
  @CsvSource({"markdown", "site"})
  void outDashIsRefusedAsWrongUsageAndWritesNothing(String what) {
    addSample();
    Path dash = Path.of("-").toAbsolutePath();
    assumeTrue(!Files.exists(dash), "a folder named - in the working folder already");

    Result r = misused("export", what, "--out", "-");

    assertErr(r)
        .contains("export " + what + " writes a folder of files")
        .contains("cannot go to standard output (--out -)")
        .contains("./- for a folder named");
    assertOut(r).isEmpty();
    assertThat(dash).doesNotExist();
  }

  @Test
  void exportSiteWritesTheSiteAndSaysHowToOpenIt() {
    addSample();
    Path out = dir.resolve("site");

    Result r = ok("export", "site", "--out", out.toString(), "--title", "JVM notes");

    assertOut(r).contains("Exported 5 talks to " + out, "files written", "Open file:");
    assertThat(out.resolve("index.html")).content().contains("JVM notes");
    Result again = ok("export", "site", "--out", out.toString(), "--title", "JVM notes");
    assertOut(again).contains(": 0 files written");
  }

  /**
   * An export writing into the folder (the window's, another command's: here a process that holds
   * it) makes {@code export site} refuse at once, saying why, and change nothing; once that one has
   * ended, even killed, the folder takes the next export.
   */
  @Test
  void exportSiteIntoAFolderAnotherExportIsWritingIntoIsRefusedUntilItEnds() throws Exception {
    addSample();
    Path out = dir.resolve("site");
    Process holder = dev.talkbook.core.site.HoldSiteFolder.start(out);
    try {
      Result r = refused("export", "site", "--out", out.toString());

      assertErr(r)
          .isEqualTo(
              "talkbook: "
                  + dev.talkbook.core.site.HoldSiteFolder.busy(out)
                  + System.lineSeparator());
      assertOut(r).isEmpty();
      assertThat(out.resolve("index.html")).doesNotExist();
    } finally {
      holder.destroyForcibly();
      holder.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertOut(ok("export", "site", "--out", out.toString())).contains("Exported 5 talks");
  }

  @Test
  void aSecondExportWithoutTitleOrBaseUrlKeepsTheOnesTheFirstGave() throws Exception {
    addSample();
    Path out = dir.resolve("site");
    ok(
        "export",
        "site",
        "--out",
        out.toString(),
        "--title",
        "Polyglot & <friends>",
        "--base-url",
        "https://example.org/talks/");

    Result again = ok("export", "site", "--out", out.toString());

    assertOut(again).contains(": 0 files written");
    assertThat(out.resolve("index.html")).content().contains("Polyglot &amp; &lt;friends&gt;");
    assertThat(out.resolve("feed.xml")).content().contains("https://example.org/talks/index.html");
    // a site an earlier Talkbook exported, whose manifest kept neither: as its feed shows them
    Path manifest = out.resolve(".talkbook-site");
    Files.writeString(
        manifest, Files.readString(manifest).replaceAll("(?m)^(title|base-url) .*\\n", ""));
    assertOut(ok("export", "site", "--out", out.toString())).contains(": 0 files written");
    assertThat(Files.readString(manifest)).contains("\ntitle Polyglot+%26+%3Cfriends%3E\n");
    // a new title is taken, and '' drops the base URL
    ok("export", "site", "--out", out.toString(), "--title", "Other", "--base-url", "");
    assertThat(out.resolve("index.html")).content().contains("Other").doesNotContain("Polyglot");
    assertThat(out.resolve("feed.xml")).content().doesNotContain("example.org");
    ok("export", "site", "--out", out.toString());
    assertThat(out.resolve("index.html")).content().contains("Other");
  }

  /**
   * A laptop in Britain and a colleague (or CI) in the United States exporting into one folder
   * rewrote every page, the dates' order flipped: the folder keeps its site's locale as it keeps
   * its title; --locale gives another.
   */
  @Test
  void aSecondExportFromAnotherRegionKeepsTheSitesDatesAndRewritesNothing() throws Exception {
    addSample();
    Path out = dir.resolve("site");
    java.util.Locale was = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
    try {
      java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.UK);
      ok("export", "site", "--out", out.toString());
      String index = Files.readString(out.resolve("index.html"));
      java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.US);

      assertOut(ok("export", "site", "--out", out.toString())).contains(": 0 files written");
      assertThat(out.resolve("index.html")).content().isEqualTo(index);
      assertThat(out.resolve(".talkbook-site")).content().contains("\nlocale en-GB\n");

      assertOut(ok("export", "site", "--out", out.toString(), "--locale", "en-US"))
          .doesNotContain(": 0 files written");
      assertThat(out.resolve(".talkbook-site")).content().contains("\nlocale en-US\n");
      assertOut(ok("export", "site", "--out", out.toString())).contains(": 0 files written");
      assertErr(misused("export", "site", "--out", out.toString(), "--locale", "12"))
          .contains("--locale takes a language tag, like en-GB or en-US; got \"12\".");
      // a language without date formats, or a tag not well formed, was taken and kept for the
      // folder: its pages' dates read "2026 Oct 15, Thu" from then on
      assertErr(misused("export", "site", "--out", out.toString(), "--locale", "zz"))
          .contains(
              "--locale: Talkbook knows no dates in the language \"zz\" of \"zz\"; give a language"
                  + " tag like en-GB, en-US or fr.");
      assertErr(misused("export", "site", "--out", out.toString(), "--locale", "xx-INVALID-@@"))
          .contains("--locale takes a language tag, like en-GB or en-US; got \"xx-INVALID-@@\".");
      assertThat(out.resolve(".talkbook-site")).content().contains("\nlocale en-US\n");
    } finally {
      java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, was);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          site --out /proc/talkbook-x                | The folder /proc/talkbook-x cannot be created
          markdown --out /proc/talkbook-x            | The folder /proc/talkbook-x cannot be created
          agenda --out /proc/talkbook-x/agenda.ics   | Could not write /proc/talkbook-x/agenda.ics
          """)
  void aFolderTheSystemWillNotMakeIsRefusedWithItsReasonNotThePathAgain(
      String arguments, String what) {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
    addSample();
    List<String> args = new ArrayList<>(List.of("export"));
    args.addAll(List.of(arguments.split(" ")));

    Result r = refused(args.toArray(String[]::new));

    assertErr(r)
        .isEqualTo("talkbook: " + what + " (/proc does not let files or folders be made in it).\n");
  }

  @Test
  void exportSiteOfOneEventOnly() {
    long sample = addSample();
    long other = addEvent("Other meetup");
    addTalk(other, "Elsewhere");
    Path out = dir.resolve("site");

    ok("export", "site", "--out", out.toString(), "--event", Long.toString(other));

    assertThat(out.resolve("index.html"))
        .content()
        .contains("Other meetup")
        .doesNotContain("JVM Evening");
    assertThat(sample).isPositive();
  }

  @Test
  void exportOfOneEventIntoAFolderHoldingOtherEventsIsRefusedAndWritesNothing() throws Exception {
    long sample = addSample();
    long other = addEvent("Other meetup");
    addTalk(other, "Elsewhere");
    Path out = dir.resolve("site");
    ok("export", "site", "--out", out.toString());
    Map<String, String> before = files(out);

    Result r = run("export", "site", "--out", out.toString(), "--event", Long.toString(other));

    assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    assertErr(r)
        .contains("would remove the pages of \"JVM Evening", "Nothing was written")
        .contains("Export every event into it", "or export into another folder");
    assertThat(files(out)).isEqualTo(before);
    assertThat(sample).isPositive();
  }

  /** Every file under a folder with its modification time and size. */
  private static Map<String, String> files(Path folder) throws Exception {
    Map<String, String> files = new java.util.TreeMap<>();
    try (var s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(p).toString(), Files.getLastModifiedTime(p) + " " + Files.size(p));
      }
    }
    return files;
  }

  @Test
  void anSvgWithALinkIsNamedAsPublishedAsADownload() throws Exception {
    long event = addEvent("Meetup");
    Files.writeString(
        dir.resolve("diagram.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://example.com\"><rect/></a></svg>");
    Path notes = dir.resolve("notes.md");
    Files.writeString(notes, "![draw.io diagram](diagram.svg)\n");
    ok(
        "talk",
        "add",
        "--event",
        Long.toString(event),
        "With a diagram",
        "--notes-file",
        notes.toString());

    Result r = ok("export", "site", "--out", dir.resolve("site").toString());

    assertOut(r)
        .contains(
            "diagram.svg holds links or scripts: published as a download, not shown as a picture");
  }

  @Test
  void anImageTheNotebookDoesNotHoldIsNamed() throws Exception {
    long event = addEvent("Meetup");
    Path notes = dir.resolve("notes.md");
    Files.writeString(notes, "![diagram](diagram.png)\n");
    ok(
        "talk",
        "add",
        "--event",
        Long.toString(event),
        "With an image",
        "--notes-file",
        notes.toString());

    Result r = ok("export", "site", "--out", dir.resolve("site").toString());

    assertOut(r)
        .contains(
            "diagram.png is not in the notebook: shown as a missing image in \"With an image\""
                + " (attach the file to show it)");
  }

  @Test
  void exportOfTheSameEventAgainIntoItsFolderStillWorks() {
    addSample();
    long other = addEvent("Other meetup");
    addTalk(other, "Elsewhere");
    Path out = dir.resolve("site");
    ok("export", "site", "--out", out.toString(), "--event", Long.toString(other));
    addTalk(other, "Later");

    Result again = ok("export", "site", "--out", out.toString(), "--event", "other");

    assertOut(again).contains("Exported 2 talks", "0 removed");
  }

  @Test
  void exportOfOneEventNamedByPartOfItsTitle() throws Exception {
    addSample();
    long other = addEvent("Other meetup");
    addTalk(other, "Elsewhere");
    Path site = dir.resolve("site");
    Path md = dir.resolve("md");

    ok("export", "site", "--out", site.toString(), "--event", "other");
    ok("export", "markdown", "--out", md.toString(), "--event", "OTHER MEETUP");

    assertThat(site.resolve("index.html"))
        .content()
        .contains("Other meetup")
        .doesNotContain("JVM Evening");
    try (var files = Files.walk(md)) {
      assertThat(files.map(Path::toString).toList())
          .anyMatch(f -> f.contains("elsewhere"))
          .noneMatch(f -> f.contains("jvm-evening"));
    }
  }

  @Test
  void aFileWhereTheFolderShouldBeIsNamedAsTheProblem() throws Exception {
    addSample();
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

    for (String kind : new String[] {"site", "markdown"}) {
      assertErr(refused("export", kind, "--out", file.toString()))
          .contains(file + " is a file, not a folder. Choose another folder to export to.");
      assertErr(refused("export", kind, "--out", file.resolve("sub").toString()))
          .contains(file + " is a file, not a folder.");
    }
    assertThat(file).hasContent("mine");
  }

  @Test
  void anAgendaWrittenOverAFolderOrBelowAFileSaysWhichIsInTheWay() throws Exception {
    addSample();
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

    assertErr(refused("export", "agenda", "--out", dir.toString()))
        .contains("Could not write the agenda: " + dir + " is a folder, not a file.");
    assertErr(refused("export", "agenda", "--out", file.resolve("a.ics").toString()))
        .contains("Could not write the agenda: " + file + " is a file, not a folder.");
    assertThat(file).hasContent("mine");
  }

  @Test
  void anUnknownEventIsRefused() {
    addSample();
    Result r = refused("export", "site", "--out", dir.resolve("s").toString(), "--event", "999");
    assertErr(r).contains("no event with id 999");
  }

  @Test
  void aBadBaseUrlIsRefused() {
    addSample();
    Result r =
        refused("export", "site", "--out", dir.resolve("s").toString(), "--base-url", "ftp://x");
    assertErr(r).contains("base URL");
  }

  @Test
  void aFolderWithSomeoneElsesIndexIsRefusedAndKept() throws Exception {
    addSample();
    Path out = Files.createDirectories(dir.resolve("site"));
    Files.writeString(out.resolve("index.html"), "mine");

    Result r = refused("export", "site", "--out", out.toString());

    assertErr(r).contains("not written by Talkbook");
    assertThat(out.resolve("index.html")).hasContent("mine");
  }

  @Test
  void exportSiteNeedsAnOutFolder() {
    Result r = misused("export", "site");
    assertErr(r).contains("--out");
  }

  @Test
  void exportingANotebookThatDoesNotExistCreatesNothing() {
    Result r = refused("export", "site", "--out", dir.resolve("s").toString());
    assertErr(r).contains("no such file");
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void exportMarkdownWritesOneFilePerTalk() throws Exception {
    addSample();
    Path out = dir.resolve("md");

    Result r = ok("export", "markdown", "--out", out.toString());

    assertOut(r).contains("Exported 1 event, 5 talks and 0 attachments");
    try (var s = Files.walk(out)) {
      assertThat(s.filter(p -> p.toString().endsWith(".md")).count()).isEqualTo(6); // + _index.md
    }
    Result again = refused("export", "markdown", "--out", out.toString());
    assertErr(again).contains("not empty");
  }

  /**
   * An export writing into the folder (the window's, another command's: here a process that holds
   * it) makes {@code export markdown} refuse at once, saying why, and write nothing; once that one
   * has been killed, the folder takes the next export (what it left is not "a folder not empty").
   */
  @Test
  void exportMarkdownIntoAFolderAnotherExportIsWritingIntoIsRefusedUntilItEnds() throws Exception {
    addSample();
    Path out = dir.resolve("md");
    Process holder = dev.talkbook.core.site.HoldSiteFolder.start(out);
    try {
      Result r = refused("export", "markdown", "--out", out.toString());

      assertThat(r.exitCode()).isEqualTo(1);
      assertErr(r)
          .isEqualTo(
              "talkbook: "
                  + dev.talkbook.core.site.HoldSiteFolder.busy(out)
                  + System.lineSeparator());
      assertOut(r).isEmpty();
      try (var s = Files.walk(out)) {
        assertThat(s.filter(p -> p.toString().endsWith(".md")).count()).isZero();
      }
    } finally {
      holder.destroyForcibly(); // kill -9
      holder.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertOut(ok("export", "markdown", "--out", out.toString()))
        .contains("Exported 1 event, 5 talks and 0 attachments");
  }
}
