package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input is refused with a message that says what it is. */
class BadScheduleTest {
  @TempDir Path dir;
  private final ScheduleReader reader = new ScheduleReader();

  private Throwable refused(String content) {
    return org.assertj.core.api.Assertions.catchThrowable(
        () -> reader.read(content.getBytes(StandardCharsets.UTF_8), "bad"));
  }

  @Test
  void notXmlNorJson() {
    assertThat(refused("Talk at 10:00 in room 1"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("neither XML, JSON nor iCalendar")
        // the formats in the words of the import window's hint
        .hasMessageContaining(
            "frab/pentabarf XML, pretalx/frab JSON, iCalendar (.ics) and Sessionize JSON");
    assertThat(refused(""))
        .hasMessage("The file is empty: it holds no schedule. Nothing was imported.");
    assertThat(refused("\0\1\2PK")).hasMessageContaining("binary");
  }

  @Test
  void aWrongRoot() {
    assertThat(refused("<rss><channel/></rss>"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("<rss>")
        .hasMessageContaining("not a conference schedule");
    assertThat(refused("<!-- x --><html><body>Schedule</body></html>"))
        .hasMessageContaining("web page");
    assertThat(refused("{\"talks\": []}")).hasMessageContaining("not a conference schedule");
    assertThat(refused("[{\"groupId\": 1, \"groupName\": \"Day 1\", \"sessions\": []}]"))
        .hasMessageContaining("view/All");
    assertThat(refused("<schedule><version>1</version></schedule>"))
        .hasMessageContaining("no <conference>");
  }

  @Test
  void everyKindOfWebPageIsSaidToBeOneNotAnXxeFileOrBadXml() {
    String[] pages = {
      "<!DOCTYPE html>\n<html><head><title>Programme</title></head><body></body></html>",
      "<!doctype html>\n<html lang=\"de\"><meta charset=\"utf-8\"><title>Programm</title>",
      "<html>\n<head><meta charset=\"utf-8\"><title>Schedule</title></head><body><br></body>",
      "\uFEFF \n<!-- saved from url=(0040)https://example.org/ -->\n<HTML><BODY><P>x",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\""
          + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html/>",
      "<head><meta charset=utf-8></head>",
      "\t<Body onload=\"x()\">Schedule",
      "<!DOCTYPE\tHTML>",
    };
    for (String page : pages) {
      assertThat(refused(page))
          .as(page)
          .isInstanceOf(ScheduleException.class)
          .hasMessageStartingWith("This is a web page, not a schedule.")
          .hasMessageNotContaining("XXE")
          .hasMessageNotContaining("well-formed");
    }
    // Real XML keeps its refusals: a document type that is not html, an element that only starts
    // like one.
    assertThat(refused("<!DOCTYPE schedule [<!ENTITY x \"y\">]><schedule>&x;</schedule>"))
        .hasMessageContaining("XXE");
    assertThat(refused("<!DOCTYPE htmlish><schedule/>")).hasMessageContaining("XXE");
    assertThat(refused("<header/>")).hasMessageContaining("<header>");
    assertThat(refused("<html-export/>")).hasMessageContaining("<html-export>");
  }

  @Test
  void aTruncatedFile() {
    String xml = Fixtures.text("frab-schedule.xml");
    assertThat(refused(xml.substring(0, xml.length() / 2)))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("cut off");
    String json = Fixtures.text("pretalx-schedule.json");
    assertThat(refused(json.substring(0, json.length() / 2)))
        .hasMessageStartingWith(
            "The file ends too early (was it cut off?): its JSON stops at line ")
        .hasMessageContaining(", column ")
        .hasMessageEndingWith("Nothing was imported.")
        .hasMessageNotContaining("end-of-input");
    // cut between an object's entries: Jackson's own words were shown here
    assertThat(refused("{\"schedule\": {\"conference\": {\"title\": \"x\",\n  "))
        .hasMessage(
            "The file ends too early (was it cut off?): its JSON stops at line 2, column 3."
                + " Download it again. Nothing was imported.");
    String ics = Fixtures.text("schedule.ics");
    assertThat(refused(ics.substring(0, ics.length() / 2))).hasMessageContaining("cut off");
  }

  @Test
  void aSessionizeAllFileHoldingTheSessionsViewsGroupsSaysWhichViewToExport() {
    String grouped =
        """
        {"sessions": [{"groupId": 1, "groupName": "Day 1",
          "sessions": [{"id": "7", "title": "A talk", "startsAt": "2026-05-01T09:00:00"}]}],
         "speakers": [], "rooms": []}
        """;
    assertThat(refused(grouped))
        .hasMessageContaining("is a group (\"Day 1\") of sessions")
        .hasMessageContaining("\"All data\" view (…/view/All)")
        .hasMessageNotContaining("has no title");
  }

  @Test
  void notWellFormed() {
    assertThat(refused("<schedule><conference></schedule>"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("line 1");
    assertThat(refused("{\"schedule\": {\"conference\": {,}}}"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void duplicatedGuids() {
    String xml =
        Fixtures.text("frab-schedule.xml")
            .replace(
                "6a1b0c8e-1b2c-4d5e-8f90-000000000004", "6a1b0c8e-1b2c-4d5e-8f90-000000000001");
    assertThat(refused(xml))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("same GUID/UID")
        .hasMessageContaining("\"Soldering for the faint of heart\" and \"Privacy by design\"");
    String json =
        Fixtures.text("sessionize.json").replace("\"id\": \"612347\"", "\"id\": \"612345\"");
    assertThat(refused(json)).hasMessageContaining("same GUID/UID");
  }

  @Test
  void missingFields() {
    String noTitle =
        Fixtures.text("frab-schedule.xml").replace("<title>Privacy by design</title>", "");
    assertThat(refused(noTitle))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("has no title")
        .hasMessageContaining("Saal 2");
    String noId = Fixtures.text("pentabarf-legacy.xml").replace("<event id=\"9001\">", "<event>");
    assertThat(refused(noId)).hasMessageContaining("neither a guid nor an id");
    String noUid = Fixtures.text("schedule.ics").replace("UID:floating-1@example.org\n", "");
    assertThat(refused(noUid)).hasMessageContaining("has no UID");
    String noDays = "{\"schedule\": {\"conference\": {\"title\": \"X\"}}}";
    assertThat(refused(noDays)).hasMessageContaining("no \"days\"");
  }

  @Test
  void aScheduleWithoutDaysIsRefusedInXmlAsInJson() {
    assertThat(refused("<schedule><conference><title>X</title></conference></schedule>"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("no <day>")
        .hasMessageContaining("holds no sessions")
        .hasMessageContaining("Nothing was imported");
    assertThat(refused("{\"schedule\": {\"conference\": {\"title\": \"X\"}}}"))
        .hasMessageContaining("no \"days\"")
        .hasMessageContaining("Nothing was imported");
  }

  @Test
  void daysRoomsOrSessionsOfTheWrongKindAreSaidToBeSo() {
    assertThat(refused("{\"schedule\": {\"conference\": {\"title\": \"X\", \"days\": {}}}}"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("\"days\" in the JSON is an object, not a list of days")
        .hasMessageNotContaining("no \"days\"")
        .hasMessageContaining("Nothing was imported");
    assertThat(refused("{\"schedule\": {\"conference\": {\"days\": \"2026-08-21\"}}}"))
        .hasMessageContaining("is a text, not a list of days");
    assertThat(
            refused(
                "{\"schedule\": {\"conference\": {\"days\": [{\"index\": 1, \"rooms\":"
                    + " [\"Saal 1\"]}]}}}"))
        .hasMessageContaining("\"rooms\" of the day 1 in the JSON is a list, not an object");
    assertThat(
            refused(
                "{\"schedule\": {\"conference\": {\"days\": [{\"index\": 1, \"rooms\":"
                    + " {\"Saal 1\": {\"title\": \"Talk\"}}}]}}}"))
        .hasMessageContaining(
            "The room \"Saal 1\" on day 1 in the JSON is an object, not a list of sessions");
  }

  @Test
  @Timeout(30)
  void billionLaughs() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [\n");
    dtd.append("<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
    }
    dtd.append("]>\n<schedule><conference><title>&lol9;</title></conference></schedule>");
    assertThat(refused(dtd.toString()))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("billion laughs")
        .hasMessageContaining("Nothing was imported");
  }

  @Test
  @Timeout(30)
  void externalEntitiesAreNeitherReadNorFetched() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "<!ENTITY x 'fetched'>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      String fileXxe =
          "<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY xxe SYSTEM \""
              + secret.toUri()
              + "\">]><schedule><conference><title>&xxe;</title></conference></schedule>";
      String remoteDtd =
          "<?xml version=\"1.0\"?><!DOCTYPE schedule SYSTEM \""
              + url
              + "\"><schedule><conference><title>x</title></conference></schedule>";
      String parameterEntity =
          "<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY % p SYSTEM \""
              + url
              + "\"> %p;]><schedule/>";
      for (String xml : new String[] {fileXxe, remoteDtd, parameterEntity}) {
        Throwable t = refused(xml);
        assertThat(t).isInstanceOf(ScheduleException.class).hasMessageContaining("XXE");
        assertThat(t.getMessage()).doesNotContain("TOP-SECRET");
      }
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  @Timeout(30)
  void fiftyMegabytesAreRefusedBeforeTheyAreRead() throws IOException {
    Path big = dir.resolve("big.xml");
    byte[] chunk =
        "<!-- padding padding padding padding padding padding -->\n"
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("<schedule>".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 50L * 1024 * 1024; written += chunk.length) {
        out.write(chunk);
      }
      out.write("</schedule>".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> reader.read(big))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("50 MB")
        .hasMessageContaining("up to 20 MB");
    // A stream that does not say its length is cut off at the limit too.
    assertThatThrownBy(
            () -> ScheduleReader.readAtMost(Files.newInputStream(big), ScheduleReader.MAX_BYTES))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("larger than 20 MB");
  }

  @Test
  void aMissingFileOrAFolder() {
    assertThatThrownBy(() -> reader.read(dir.resolve("nope.xml")))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("no file");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("folder");
  }
}
