package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code import schedule FILE|URL [--event E] [--dry-run]}, {@code talk star/unstar}, {@code export
 * agenda}, {@code show --details} with the abstract; every bad input exits 1 and changes nothing.
 */
class ScheduleCommandTest extends CliTest {

  static String fixture(String name) {
    try (InputStream in =
        ScheduleCommandTest.class.getResourceAsStream("/dev/talkbook/core/exchange/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  Path camp() throws IOException {
    return file("camp.xml", fixture("frab-schedule.xml"));
  }

  @Test
  void importListsWhatItAddedAndAnUnchangedReImportNothing() throws IOException {
    Result r = ok("import", "schedule", camp().toString());
    assertOut(r)
        .contains(
            "Imported the frab/pentabarf schedule XML into \"Sommercamp 2026\" (a new event): 4"
                + " added, 0 moved, 0 changed, 0 removed, 0 unchanged; 1 entry left out, each"
                + " said below.",
            "added: Soldering for the faint of heart: Fri 21 Aug 14:00; Saal 1");
    assertThat(talkCount()).isEqualTo(4);

    Result again = ok("import", "schedule", camp().toString());
    assertOut(again).contains("0 added, 0 moved, 0 changed, 0 removed, 4 unchanged");
    assertThat(talkCount()).isEqualTo(4);
  }

  @Test
  void aReImportListsMovesAndADryRunChangesNothing() throws IOException {
    ok("import", "schedule", camp().toString());
    long id = peek(nb -> nb.talks().findByTitle("Soldering").get(0).id());
    ok("talk", "edit", Long.toString(id), "--notes-file", file("n.md", "my notes").toString());
    Path moved =
        file(
            "moved.xml",
            fixture("frab-schedule.xml")
                .replace(
                    "<room>Saal 1</room>\n                <title>Soldering",
                    "<room>Saal 2</room>\n                <title>Soldering"));

    Result dry = ok("import", "schedule", "--dry-run", moved.toString());
    assertOut(dry)
        .contains(
            "moved: Soldering for the faint of heart: Saal 1 → Saal 2",
            "(dry run: nothing was changed)");
    String room = peek(nb -> nb.talks().get(id).details().room());
    assertThat(room).isEqualTo("Saal 1");

    ok("import", "schedule", moved.toString());
    String roomAfter = peek(nb -> nb.talks().get(id).details().room());
    String notes = peek(nb -> nb.talks().get(id).body());
    assertThat(roomAfter).isEqualTo("Saal 2");
    assertThat(notes).isEqualTo("my notes");
  }

  @Test
  void aRoomOrTitleEditedWithTalkEditSurvivesAReImportOfTheSameProgramme() throws IOException {
    ok("import", "schedule", camp().toString());
    long id = peek(nb -> nb.talks().findByTitle("Closing").get(0).id());
    ok("talk", "edit", Long.toString(id), "--room", "Salle Éole, mine", "--title", "Closing!");

    Result again = ok("import", "schedule", camp().toString());

    assertOut(again).contains("0 added, 0 moved, 0 changed, 0 removed, 4 unchanged");
    assertThat(again.out()).doesNotContain("Closing");
    String room = peek(nb -> nb.talks().get(id).details().room());
    String title = peek(nb -> nb.talks().get(id).title());
    assertThat(room).isEqualTo("Salle Éole, mine");
    assertThat(title).isEqualTo("Closing!");
  }

  @Test
  void aDryRunIntoANotebookThatDoesNotExistYetReportsAndCreatesNothing() throws IOException {
    Path missing = dir.resolve("not-yet.talkbook");

    Result r =
        runRaw(
            "--notebook", missing.toString(), "import", "schedule", "--dry-run", camp().toString());

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertOut(r)
        .contains(
            "into \"Sommercamp 2026\" (a new event): 4 added",
            "(dry run: nothing was changed)",
            "not-yet.talkbook does not exist yet; it was not created.");
    assertThat(missing).doesNotExist();
    assertThat(missing.resolveSibling("not-yet.talkbook.lock")).doesNotExist();
  }

  @Test
  void anAddressThatIsNeitherHttpNorAFileIsSaidToBeOne() {
    Result ftp = refused("import", "schedule", "ftp://x/y");
    assertErr(ftp)
        .contains(
            "cannot read \"ftp://x/y\"",
            "only from an http:// or https:// address or from a file",
            "Nothing was imported")
        .doesNotContain("ftp:/x/y");
    Result webcal = refused("import", "schedule", "webcal://example.org/s.ics");
    assertErr(webcal).contains("with https:// instead");
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void aWebAddressThatCannotBeOneSaysWhatIsWrongWithIt() {
    // The same check as a talk's links: a host name in any script is one; this one is not.
    Result r = refused("import", "schedule", "https://例え..jp/schedule.json");
    assertErr(r)
        .contains(
            "\"https://例え..jp/schedule.json\" is not a web address: its host name is not one a"
                + " web address can have")
        .doesNotContain("must start with http");
    Result space = refused("import", "schedule", "https://example.org/my schedule.json");
    assertErr(space).contains("it holds a space, which an address cannot; write it as %20");
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void importIntoANamedEvent() throws IOException {
    long event = addEvent("My conference week");
    Result r =
        ok(
            "import",
            "schedule",
            "--event",
            "My conference week",
            file("s.json", fixture("sessionize.json")).toString());
    assertOut(r).contains("into \"My conference week\":", "3 added");
    int count = peek(nb -> nb.talks().list(event).size());
    assertThat(count).isEqualTo(3);
  }

  @Test
  void showDetailsPrintsTheAbstractAndStarsComeAndGo() throws IOException {
    ok("import", "schedule", camp().toString());
    Result show = ok("show", "--details", "Soldering");
    assertOut(show)
        .contains(
            "Subtitle: Irons, fumes & flux",
            "Time:     2026-08-21 14:00–14:45 (Europe/Berlin)",
            "Length:   45 min",
            "Abstract:\n  We solder a badge.\n\n  • irons");
    // the list shows the end too, where the programme gave a length
    assertOut(ok("talks")).contains("  2026-08-21 14:00–14:45  Soldering for the faint of heart");

    assertOut(ok("talk", "star", "Soldering")).contains("Starred talk");
    assertOut(ok("show", "--details", "Soldering")).contains("Starred:  yes");
    Path ics = dir.resolve("my.ics");
    Result agenda = ok("export", "agenda", "--out", ics.toString());
    assertOut(agenda).contains("Wrote 1 starred talk to");
    assertThat(Files.readString(ics)).contains("SUMMARY:Soldering for the faint of heart");

    ok("talk", "unstar", "Soldering");
    assertOut(ok("export", "agenda", "--out", ics.toString()))
        .contains("Wrote 0 starred talks", "No talk is starred yet");
  }

  @Test
  void theAgendaGoesToStandardOutputForADashAndThroughALinkToItsFile() throws IOException {
    ok("import", "schedule", camp().toString());
    ok("talk", "star", "Soldering");

    // --out - wrote a file named "-"; one calendar file can go to standard output
    Result dash = ok("export", "agenda", "--out", "-");
    assertOut(dash)
        .startsWith("BEGIN:VCALENDAR")
        .contains("SUMMARY:Soldering for the faint of heart")
        .doesNotContain("Wrote");
    assertErr(dash).contains("Wrote 1 starred talk to standard output.");
    assertThat(Path.of("-")).doesNotExist();

    // a link into a synced folder: the file it leads to is updated, the link stays
    Path synced = Files.createDirectories(dir.resolve("Nextcloud"));
    Path real = Files.writeString(synced.resolve("talks.ics"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("talks.ics"), real);
    ok("export", "agenda", "--out", link.toString());
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("SUMMARY:Soldering for the faint of heart");
  }

  @Test
  void showOfAnImportedTalkWithoutNotesPrintsTheProgrammesAbstractAndSaysSo() throws IOException {
    ok("import", "schedule", camp().toString());

    Result r = ok("show", "Night owls");

    assertOut(r).isEqualTo("Listening to the ionosphere." + System.lineSeparator());
    assertErr(r).contains("This talk has no notes yet; the programme's abstract:");

    Result details = ok("show", "--details", "Night owls");
    assertOut(details)
        .contains("Abstract:\n  Listening to the ionosphere.")
        .containsOnlyOnce("Listening to the ionosphere.");
    assertErr(details).contains("This talk has no notes yet");
  }

  @Test
  void showOfAnImportedTalkWithNotesPrintsTheNotesAlone() throws IOException {
    ok("import", "schedule", camp().toString());
    ok("talk", "edit", "Night owls", "--notes-file", file("n.md", "owl notes\n").toString());

    Result r = ok("show", "Night owls");

    assertOut(r).isEqualTo("owl notes\n");
    assertErr(r).isEmpty();
  }

  /**
   * Imports the camp, stars "Night owls" (so a re-import keeps it) and imports the programme again
   * without it: the talk is cancelled. Returns its id.
   */
  private long cancelledNightOwls() throws IOException {
    ok("import", "schedule", camp().toString());
    ok("talk", "star", "Night owls");
    String xml = fixture("frab-schedule.xml");
    int start = xml.indexOf("<event guid='6a1b0c8e-1b2c-4d5e-8f90-000000000003'");
    int end = xml.indexOf("</event>", start) + "</event>".length();
    Path without = file("without.xml", xml.substring(0, start) + xml.substring(end));
    assertOut(ok("import", "schedule", without.toString())).contains("1 removed");
    return peek(nb -> nb.talks().findByTitle("Night owls").get(0).id());
  }

  @Test
  void aCancelledTalkIsMarkedInTheListOfTalks() throws IOException {
    long id = cancelledNightOwls();

    Result r = ok("talks");

    assertOut(r)
        .containsPattern(
            "(?m)^\\s*"
                + id
                + "  2026-08-22 00:30–02:00\\s+Cancelled: Night owls: radio after midnight — Hedy"
                + " Lamarr")
        .containsPattern(
            "(?m)^\\s*\\d+  2026-08-21 14:00–14:45\\s+Soldering for the faint of heart")
        .containsOnlyOnce("Cancelled");
  }

  @Test
  void aCancelledTalkIsMarkedInSearchHits() throws IOException {
    long id = cancelledNightOwls();

    assertOut(ok("search", "ionosphere"))
        .containsPattern(
            "(?m)^" + id + "  Cancelled: Night owls: radio after midnight — Sommercamp 2026");
    assertOut(ok("search", "solder"))
        .containsPattern("(?m)^\\d+  Soldering for the faint of heart — ")
        .doesNotContain("Cancelled");
  }

  @Test
  void showOfACancelledTalkSaysSoBeforeItsAbstractOrNotes() throws IOException {
    long id = cancelledNightOwls();

    Result abstractOnly = ok("show", Long.toString(id));
    assertOut(abstractOnly).isEqualTo("Listening to the ionosphere." + System.lineSeparator());
    assertErr(abstractOnly)
        .startsWith("Cancelled: no longer in the programme (since the import of ")
        .contains("the programme's abstract");

    Result details = ok("show", "--details", Long.toString(id));
    assertOut(details)
        .startsWith(
            "Title:    Night owls: radio after midnight\n"
                + "Status:   Cancelled: no longer in the programme (since the import of ");

    ok("talk", "edit", Long.toString(id), "--notes-file", file("n.md", "owl notes\n").toString());
    Result notes = ok("show", Long.toString(id));
    assertOut(notes).isEqualTo("owl notes\n");
    assertErr(notes).startsWith("Cancelled: ").contains("; your notes are kept.");
  }

  @Test
  void anEventsTimeZoneIsSetAndCleared() {
    long id = addEvent("Camp", "--time-zone", "Europe/Berlin");
    String zone = peek(nb -> nb.events().get(id).timeZone());
    assertThat(zone).isEqualTo("Europe/Berlin");
    ok("event", "edit", Long.toString(id), "--location", "Mildenberg");
    String kept = peek(nb -> nb.events().get(id).timeZone());
    assertThat(kept).isEqualTo("Europe/Berlin");
    Result bad = refused("event", "edit", Long.toString(id), "--time-zone", "Mars/Olympus");
    assertErr(bad).contains("is not known");
    ok("event", "edit", Long.toString(id), "--time-zone", "");
    String none = peek(nb -> nb.events().get(id).timeZone());
    assertThat(none).isNull();
  }

  @Test
  @Timeout(60)
  void importFromAUrl() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = fixture("schedule.ics").getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/canal/schedule.ics",
        ex -> {
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/missing",
        ex -> {
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Result r = ok("import", "schedule", base + "/canal/schedule.ics");
      assertOut(r).contains("into \"Canal Summit 2026\" (a new event): 3 added");
      Result missing = refused("import", "schedule", base + "/missing");
      assertErr(missing).contains("There is no schedule at", "404");
    } finally {
      server.stop(0);
    }
  }

  /** Each kind of bad input: exit 1, a clear message, the notebook exactly as before. */
  @Test
  @Timeout(120)
  void badInputIsRefusedAndChangesNothing() throws IOException {
    ok("import", "schedule", camp().toString());
    List<?> before = peek(nb -> nb.talks().list(nb.events().list().get(0).id()));
    String xml = fixture("frab-schedule.xml");
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
            + " \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<schedule><conference><title>&c;</title></conference></schedule>";
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<schedule><conference><title>&x;</title></conference></schedule>";
    Path big = dir.resolve("big.json");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] line = ("{\"x\": \"" + "y".repeat(1000) + "\"},\n").getBytes(StandardCharsets.UTF_8);
      out.write("[".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 52_000; i++) {
        out.write(line);
      }
    }
    Object[][] cases = {
      {file("notes.txt", "Talk at ten in room one"), "neither XML, JSON nor iCalendar"},
      {file("feed.xml", "<rss version=\"2.0\"><channel/></rss>"), "not a conference schedule"},
      {file("half.xml", xml.substring(0, xml.length() / 2)), "cut off"},
      {
        file(
            "dup.xml",
            xml.replace(
                "6a1b0c8e-1b2c-4d5e-8f90-000000000004", "6a1b0c8e-1b2c-4d5e-8f90-000000000005")),
        "same GUID/UID"
      },
      {file("notitle.xml", xml.replace("<title>Closing</title>", "")), "has no title"},
      {
        file("nodays.xml", "<schedule><conference><title>X</title></conference></schedule>"),
        "holds no sessions"
      },
      {file("page.json", "<!DOCTYPE html>\n<html><head><title>P</title></head>"), "a web page"},
      {file("page2.json", "<!doctype html><html><meta charset=\"utf-8\">"), "a web page"},
      {file("page3.xml", "<html><head><meta charset=\"utf-8\"></head>"), "a web page"},
      {file("laughs.xml", laughs), "billion laughs"},
      {file("xxe.xml", xxe), "XXE"},
      {big, "a conference schedule is at most a few MB"},
      {dir.resolve("absent.xml"), "There is no file"},
    };
    for (Object[] c : cases) {
      Result r = refused("import", "schedule", c[0].toString());
      assertErr(r).contains((String) c[1]).doesNotContain("root:");
      assertThat(r.out()).as("%s", c[0]).isEmpty();
    }
    List<?> after = peek(nb -> nb.talks().list(nb.events().list().get(0).id()));
    assertThat(after).isEqualTo(before);
    assertThat(events()).hasSize(1);
  }
}
