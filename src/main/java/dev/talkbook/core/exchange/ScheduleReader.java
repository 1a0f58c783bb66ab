package dev.talkbook.core.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a conference programme from bytes, whatever its form: the format is told from the content
 * (never the file name), the right reader makes a {@link Schedule}, and the sessions' ids are
 * checked. Anything else — not a schedule, a web page, a cut-off download, a file larger than any
 * programme ({@link #MAX_BYTES}), a document type declaration — is a {@link ScheduleException} with
 * a message that says what it is and what to do. Thread-safe; nothing here touches the notebook.
 */
public final class ScheduleReader {
  /** The formats read, as the import's messages and its window name them. */
  public static final String FORMATS =
      "frab/pentabarf XML, pretalx/frab JSON, iCalendar (.ics) and Sessionize JSON";

  /**
   * The largest schedule read: 20 MB. FOSDEM's programme, about 1,000 sessions, is some 3 MB of
   * XML; a file larger than this is refused before it is parsed, so it cannot exhaust memory.
   */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** A URL scheme other than a drive letter, followed by "//": ftp://, file://, webcal://. */
  private static final Pattern OTHER_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+)://");

  private final ObjectMapper json;

  public ScheduleReader() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES)
                    .maxNestingDepth(64)
                    .maxStringLength(4 * 1024 * 1024)
                    .maxNumberLength(100)
                    .build())
            .build();
    json = new ObjectMapper(factory);
  }

  /**
   * Reads the schedule in the file named {@code name}, as typed. An address of another kind than
   * http(s), such as {@code ftp://…}, is refused with a message saying what can be read: taken for
   * a file name, it would be reported missing under a mangled name ({@code ftp:/…}).
   */
  public Schedule readFile(String name) {
    Matcher scheme = OTHER_SCHEME.matcher(name.strip());
    if (scheme.lookingAt()) {
      String s = scheme.group(1).toLowerCase(Locale.ROOT);
      String hint =
          switch (s) {
            case "webcal", "webcals" -> " Try the same address with https:// instead.";
            case "file" -> " For a file on this computer, give its path.";
            default -> "";
          };
      throw new ScheduleException(
          "Talkbook cannot read \""
              + name.strip()
              + "\": it reads a schedule only from an http:// or https:// address or from a"
              + " file."
              + hint
              + " Nothing was imported.");
    }
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      throw new ScheduleException(
          "\"" + name + "\" is not a file name (" + e.getReason() + "). Nothing was imported.");
    }
    return read(file);
  }

  /** Reads the schedule in {@code file}. */
  public Schedule read(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ScheduleException("There is no file " + file + ".");
    } catch (IOException e) {
      throw new ScheduleException("Could not read " + file + " (" + e.getMessage() + ").", e);
    }
    if (Files.isDirectory(file)) {
      throw new ScheduleException(file + " is a folder; choose the schedule file in it.");
    }
    if (size > MAX_BYTES) {
      throw tooLarge(size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(readAtMost(in, MAX_BYTES), file.getFileName().toString());
    } catch (IOException e) {
      throw new ScheduleException("Could not read " + file + " (" + e.getMessage() + ").", e);
    }
  }

  /**
   * A title for an event made from a programme that names none (Sessionize): the file's name
   * without its extension, or "Schedule from" the web site.
   */
  public static String titleFrom(String origin) {
    if (origin == null || origin.isBlank()) {
      return "Imported schedule";
    }
    if (ScheduleFetcher.isUrl(origin)) {
      try {
        String host = java.net.URI.create(origin.strip()).getHost();
        return host == null ? "Imported schedule" : "Schedule from " + host;
      } catch (IllegalArgumentException e) {
        return "Imported schedule";
      }
    }
    String name = Path.of(origin).getFileName().toString();
    int dot = name.lastIndexOf('.');
    String title = (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
    return title.isEmpty() ? "Imported schedule" : title;
  }

  static ScheduleException tooLarge(long size) {
    return new ScheduleException(
        "The file is "
            + (size >= 0
                ? (size / (1024 * 1024)) + " MB"
                : "larger than " + MAX_BYTES / (1024 * 1024) + " MB")
            + "; a conference schedule is at most a few MB (Talkbook reads up to "
            + MAX_BYTES / (1024 * 1024)
            + " MB). Is it the right file? Nothing was imported.");
  }

  /**
   * Reads a stream up to {@code max} bytes; one byte more is refused as too large, whatever the
   * stream claimed its length to be.
   */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw tooLarge(-1);
    }
    return bytes;
  }

  /**
   * Reads a schedule from its bytes. {@code origin} (a file name or URL) names it in messages and
   * gives the event a title when the format has none.
   */
  public Schedule read(byte[] bytes, String origin) {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length);
    }
    int start = firstSignificant(bytes);
    if (start < 0) {
      throw new ScheduleException("The file is empty: it holds no schedule. Nothing was imported.");
    }
    byte first = bytes[start];
    Schedule schedule;
    if (first == '<') {
      if (isHtml(bytes)) {
        // Before the XML parser: it refuses an HTML page's <!DOCTYPE html> as it would an XXE
        // file, and stops at its first unclosed <meta>, both misleading for a saved web page.
        throw webPage();
      }
      schedule = xml(bytes, origin);
    } else if (first == '{' || first == '[') {
      schedule = json(bytes, origin);
    } else if (startsWithIgnoringCase(bytes, start, "BEGIN:VCALENDAR")) {
      schedule =
          ICalSchedule.read(
              new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), origin);
    } else {
      throw notASchedule(bytes, start);
    }
    Sessions.requireUniqueIds(schedule.sessions());
    return schedule;
  }

  private Schedule xml(byte[] bytes, String origin) {
    Document doc = SafeXml.parse(bytes, origin);
    Element root = doc.getDocumentElement();
    String name = root.getTagName().toLowerCase(Locale.ROOT);
    switch (name) {
      case "schedule":
        return FrabXml.read(root, origin);
      case "html":
        throw webPage();
      case "icalendar":
        throw new ScheduleException(
            "This is xCal (iCalendar as XML), which Talkbook does not read; use the same"
                + " programme's .ics export. Nothing was imported.");
      default:
        throw new ScheduleException(
            "This XML is a <"
                + root.getTagName()
                + ">, not a conference schedule (a frab/pentabarf <schedule>). Nothing was"
                + " imported.");
    }
  }

  /** A web page was given for a schedule (saved, or the address of the schedule's page). */
  static ScheduleException webPage() {
    return new ScheduleException(
        "This is a web page, not a schedule. On the conference's schedule page, look for the"
            + " export link (…/schedule.xml, …/schedule.json or …/schedule.ics) and use that."
            + " Nothing was imported.");
  }

  /** An HTML start: a doctype html, or an html, head or body element, in any case. */
  private static final Pattern HTML_START =
      Pattern.compile("<(?:!doctype\\s+html(?![\\w-])|(?:html|head|body)(?![\\w:.-]))");

  /**
   * True when the bytes are an HTML page: after a byte order mark, white space, comments and an XML
   * declaration, they start with {@code <!DOCTYPE html} or an {@code <html>}, {@code <head>} or
   * {@code <body>} tag, in any case. Only the first 8 kB are looked at.
   */
  static boolean isHtml(byte[] bytes) {
    String head = firstMarkup(bytes);
    return HTML_START.matcher(head).lookingAt();
  }

  /**
   * True when the bytes are markup whose first element is not a frab/pentabarf {@code <schedule>}:
   * what a server that says it sends a web page ({@code text/html}) sends when it is one.
   */
  static boolean isMarkupOtherThanSchedule(byte[] bytes) {
    String head = firstMarkup(bytes);
    return head.startsWith("<")
        && !Pattern.compile("<schedule(?![\\w:.-])").matcher(head).lookingAt();
  }

  /**
   * The first 8 kB as text from the first markup that is neither a comment nor a processing
   * instruction (the XML declaration), lower-cased; "" when a comment does not end there.
   */
  private static String firstMarkup(byte[] bytes) {
    int start = firstSignificant(bytes);
    if (start < 0) {
      return "";
    }
    String text =
        new String(
                bytes, start, Math.min(bytes.length - start, 8 * 1024), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    int i = 0;
    while (true) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        if (end < 0) {
          return "";
        }
        i = end + 3;
      } else if (text.startsWith("<?", i)) {
        int end = text.indexOf("?>", i + 2);
        if (end < 0) {
          return "";
        }
        i = end + 2;
      } else {
        return text.substring(i);
      }
    }
  }

  /**
   * A JSON file that stops before its end: said plainly, where it stops, not in the parser's words.
   */
  private static ScheduleException cutOff(JsonParseException e) {
    return new ScheduleException(
        "The file ends too early (was it cut off?): its JSON stops at line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ". Download it again. Nothing was imported.",
        e);
  }

  private Schedule json(byte[] bytes, String origin) {
    JsonNode root;
    try {
      root = json.readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw new ScheduleException(
          "The JSON goes beyond what a schedule holds ("
              + e.getOriginalMessage()
              + ")."
              + " Nothing was imported.",
          e);
    } catch (JsonEOFException e) {
      throw cutOff(e);
    } catch (JsonParseException e) {
      if (e.getOriginalMessage() != null
          && e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
        throw cutOff(e); // Jackson's words for a file that stops inside an object or a list
      }
      throw new ScheduleException(
          "The file is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage()
              + ". Nothing was imported.",
          e);
    } catch (JsonProcessingException e) {
      throw new ScheduleException(
          "The JSON cannot be read: " + e.getOriginalMessage() + ". Nothing was imported.", e);
    } catch (IOException e) {
      throw new ScheduleException("The JSON cannot be read: " + e.getMessage(), e);
    }
    if (root.isObject() && root.has("schedule")) {
      return FrabJson.read(root, origin);
    }
    if (root.isObject()
        && root.path("sessions").isArray()
        && (root.has("speakers") || root.has("rooms") || root.has("categories"))) {
      return SessionizeJson.read(root, origin);
    }
    if (root.isArray() && root.size() > 0 && root.get(0).has("groupName")) {
      throw new ScheduleException(
          "This is Sessionize's \"Sessions\" view, which leaves out the rooms and speakers;"
              + " use the same event's \"All data\" address (…/view/All). Nothing was imported.");
    }
    throw new ScheduleException(
        "This JSON is not a conference schedule: Talkbook reads frab/pretalx schedule JSON (with"
            + " \"schedule\") and Sessionize's \"All data\" (with \"sessions\", \"speakers\","
            + " \"rooms\"). Nothing was imported.");
  }

  private static ScheduleException notASchedule(byte[] bytes, int start) {
    for (int i = start; i < Math.min(bytes.length, start + 512); i++) {
      if (bytes[i] == 0) {
        return new ScheduleException(
            "This is a binary file, not a schedule. Talkbook reads "
                + FORMATS
                + ". Nothing was imported.");
      }
    }
    return new ScheduleException(
        "This is neither XML, JSON nor iCalendar, so it is not a schedule Talkbook can read"
            + " (it reads "
            + FORMATS
            + "). Nothing was imported.");
  }

  /** Where the content starts: after a UTF-8 byte order mark and white space; -1 for none. */
  private static int firstSignificant(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
      i++;
    }
    return i < bytes.length ? i : -1;
  }

  private static boolean startsWithIgnoringCase(byte[] bytes, int from, String prefix) {
    if (bytes.length - from < prefix.length()) {
      return false;
    }
    String head = new String(bytes, from, prefix.length(), StandardCharsets.US_ASCII);
    return head.equalsIgnoreCase(prefix);
  }
}
