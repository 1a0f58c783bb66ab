package dev.talkbook.core.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an export wrote into its folder: each file's site path, size, content hash ({@link
 * Entry#hash}) and the fingerprint of what it was made from (so an unchanged talk is not even
 * rendered again), and the files it links to that an unchanged page still needs (a talk page's
 * attachments). Stored as {@value #NAME} in the folder, one tab-separated line a file (the links,
 * space-separated, as a fifth field when there are any), sorted, so it is deterministic too. Only
 * files listed here are ever replaced or deleted by a later export.
 *
 * <p>After the header, a line {@code site-id <id>} keeps the site's own id ({@link #siteId}): the
 * Atom feed's id without a base URL, made once for the folder and kept by every later export into
 * it, so renaming the site does not make every entry new to a feed reader.
 *
 * <p>Lines without a tab that are a lower-case name, a space and a value are settings ({@code
 * site-id} is one). A setting this Talkbook does not know was written by a newer one and is
 * skipped, with what it knows kept; anything else that is not a file's line is damage.
 *
 * <p>Lines {@code title <title, URL-encoded>} and {@code base-url <url>} keep the site's title and
 * base URL ({@link #title}, {@link #baseUrl}), so a later export that is not given them keeps them;
 * a line {@code locale <language tag>} the locale its pages name dates in ({@link #locale}), so
 * that an export from a machine in another region does not rewrite every page.
 *
 * <p>A line {@code talk <id> <path>} says which talk a file is the page of, or the redirect of
 * ({@link #talks}): a page whose path changed since (the talk was renamed) leaves a redirect to its
 * new path. A manifest written before there were such lines has none, and makes none. A line {@code
 * event <id> <path>} says the same of an event's page ({@link #events}); a manifest written before
 * there were such lines has none. A line {@code tag <name> <path>} says which tag (its name,
 * URL-encoded) a tag page or redirect is of ({@link #tags}); a manifest written before there were
 * such lines has none.
 *
 * <p>A line {@code missing-image <path> <name>} names an image a talk page shows as missing (the
 * notebook does not hold it; the name URL-encoded), one line each ({@link Entry#missing}): an
 * export that keeps the page still tells the publisher of it. A line {@code talk-link <path> <id>
 * <page>} says that a talk page links to talk {@code id}, whose page was {@code page} then ({@code
 * -}: none, the link was its text; {@link Entry#links}): the page is made again when that changes
 * (the talk was renamed, moved or deleted), and an export that keeps it still names a link to no
 * page.
 *
 * <p>The site's settings ({@code site-id}, {@code title}, {@code base-url}, {@code locale}) are
 * written first, right after the header, before any {@code event}, {@code tag}, {@code talk},
 * {@code missing-image} or file line: {@link #readSettings} reads only them, not the whole file
 * (10,000s of lines).
 */
final class Manifest {
  static final String NAME = ".talkbook-site";
  private static final String HEADER = "talkbook-site-manifest 1";
  private static final String SITE_ID = "site-id ";
  private static final String TALK = "talk ";
  private static final String EVENT = "event ";
  private static final String TAG = "tag ";
  private static final String TITLE = "title ";
  private static final String BASE_URL = "base-url ";
  private static final String LOCALE = "locale ";
  private static final String MISSING = "missing-image ";
  private static final String TALK_LINK = "talk-link ";

  /**
   * A setting's line: a lower-case name, a space and its value, no tab. A file's line always has
   * tabs, so one cut short before its first tab, or anything else, is damage, never a setting.
   */
  private static final Pattern SETTING = Pattern.compile("[a-z][a-z0-9-]* \\S.*");

  /**
   * One written file; {@code uses}: the files it links to that must stay with it. {@code hash}: the
   * file's {@link SiteExporter#checksum}, or the SHA-256 (64 hex digits) an older Talkbook wrote.
   * {@code missing}: the names of the images a talk page shows as missing. {@code links}: the talks
   * a talk page links to, each "id page" (page {@code -}: none).
   */
  record Entry(
      long size,
      String hash,
      String fingerprint,
      List<String> uses,
      List<String> missing,
      List<String> links) {
    /** A file an export planned but may not have written yet: made again next time. */
    static final Entry NOT_WRITTEN = new Entry(-1, "-", "-");

    Entry {
      uses = List.copyOf(uses);
      missing = List.copyOf(missing);
      links = List.copyOf(links);
    }

    Entry(long size, String hash, String fingerprint, List<String> uses, List<String> missing) {
      this(size, hash, fingerprint, uses, missing, List.of());
    }

    Entry(long size, String hash, String fingerprint, List<String> uses) {
      this(size, hash, fingerprint, uses, List.of());
    }

    Entry(long size, String hash, String fingerprint) {
      this(size, hash, fingerprint, List.of());
    }
  }

  /** By path; hashed (a re-export looks up every file), sorted only when written. */
  private final Map<String, Entry> entries;

  private final String siteId;

  /** The talk each talk page and redirect belongs to, by path. */
  private final Map<String, Long> talks;

  /** The event each event page and redirect belongs to, by path. */
  private final Map<String, Long> events;

  /** The tag (its name) of each tag page and redirect, by path. */
  private final Map<String, String> tags;

  /** The site's title and base URL, null when not kept. */
  private final String title;

  private final String baseUrl;

  /** {@code siteId}: null for none (a manifest written before there were site ids). */
  Manifest(Map<String, Entry> entries, String siteId) {
    this(entries, siteId, Map.of());
  }

  /** {@code talks}: the talk id of each talk page and redirect, by path. */
  Manifest(Map<String, Entry> entries, String siteId, Map<String, Long> talks) {
    this(entries, siteId, talks, Map.of());
  }

  /** {@code events}: the event id of each event page and redirect, by path. */
  Manifest(
      Map<String, Entry> entries,
      String siteId,
      Map<String, Long> talks,
      Map<String, Long> events) {
    this(entries, siteId, talks, events, null, null);
  }

  /** {@code title}, {@code baseUrl}: the site's, null for none. */
  Manifest(
      Map<String, Entry> entries,
      String siteId,
      Map<String, Long> talks,
      Map<String, Long> events,
      String title,
      String baseUrl) {
    this(entries, siteId, talks, events, Map.of(), title, baseUrl);
  }

  /** {@code tags}: the tag (its name) of each tag page and redirect, by path. */
  Manifest(
      Map<String, Entry> entries,
      String siteId,
      Map<String, Long> talks,
      Map<String, Long> events,
      Map<String, String> tags,
      String title,
      String baseUrl) {
    this(entries, siteId, talks, events, tags, title, baseUrl, null);
  }

  /** {@code locale}: the language tag of the locale the pages name dates in, null for none kept. */
  Manifest(
      Map<String, Entry> entries,
      String siteId,
      Map<String, Long> talks,
      Map<String, Long> events,
      Map<String, String> tags,
      String title,
      String baseUrl,
      String locale) {
    this.locale = locale;
    this.tags = new HashMap<>(tags);
    this.entries = new HashMap<>(entries);
    this.siteId = siteId;
    this.talks = new HashMap<>(talks);
    this.events = new HashMap<>(events);
    this.title = title;
    this.baseUrl = baseUrl;
  }

  /** The locale (a language tag) of the site's dates, or null (none kept: an older manifest). */
  String locale() {
    return locale;
  }

  private final String locale;

  /** The site's title the last export kept, or null (none kept: an older Talkbook's manifest). */
  String title() {
    return title;
  }

  /** The site's base URL the last export kept, or null (none, or none kept). */
  String baseUrl() {
    return baseUrl;
  }

  static Manifest empty() {
    return new Manifest(Map.of(), null);
  }

  /** The talk id of each talk page and redirect the last export wrote, by path. */
  Map<String, Long> talks() {
    return talks;
  }

  /** The event id of each event page and redirect the last export wrote, by path. */
  Map<String, Long> events() {
    return events;
  }

  /** The tag (its name) of each tag page and redirect the last export wrote, by path. */
  Map<String, String> tags() {
    return tags;
  }

  /** This manifest with {@code more} tag lines too (the tags of pages it has none for). */
  Manifest withTags(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(more);
    all.putAll(tags);
    return new Manifest(entries, siteId, talks, events, all, title, baseUrl);
  }

  /**
   * The site's id kept in the folder, or null when the last export kept none (or there was none).
   */
  String siteId() {
    return siteId;
  }

  Map<String, Entry> entries() {
    return entries;
  }

  Entry get(String path) {
    return entries.get(path);
  }

  /** The manifest in a folder, empty when there is none; a damaged one is an error. */
  static Manifest read(Path folder) {
    Path file = folder.resolve(NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new SiteException("Could not read " + file + " (" + e.getMessage() + ").", e);
    }
    String[] lines = text.split("\n");
    Map<String, Entry> entries = new HashMap<>(lines.length * 2);
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      throw notManifest(file);
    }
    Settings settings = new Settings();
    Map<String, Long> talks = new HashMap<>();
    Map<String, Long> events = new HashMap<>();
    Map<String, String> tags = new HashMap<>();
    Map<String, List<String>> missing = new HashMap<>();
    Map<String, List<String>> links = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf('\t') < 0 && SETTING.matcher(line).matches()) {
        if (line.startsWith(TALK) || line.startsWith(EVENT)) {
          String[] f = line.split(" ", 3);
          try {
            if (f.length != 3 || f[2].isBlank()) {
              throw damaged(file, i, null);
            }
            (line.startsWith(TALK) ? talks : events).put(f[2], Long.parseLong(f[1]));
          } catch (NumberFormatException e) {
            throw damaged(file, i, e);
          }
        } else if (line.startsWith(TAG)) {
          String[] f = line.split(" ", 3);
          if (f.length != 3 || f[2].isBlank()) {
            throw damaged(file, i, null);
          }
          try {
            tags.put(f[2], URLDecoder.decode(f[1], StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw damaged(file, i, e);
          }
        } else if (line.startsWith(TALK_LINK)) {
          String[] f = line.split(" ", 4);
          try {
            if (f.length != 4 || f[3].isBlank() || Long.parseLong(f[2]) <= 0) {
              throw damaged(file, i, null);
            }
          } catch (NumberFormatException e) {
            throw damaged(file, i, e);
          }
          links.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2] + " " + f[3]);
        } else if (line.startsWith(MISSING)) {
          String[] f = line.split(" ", 3);
          if (f.length != 3 || f[2].isBlank()) {
            throw damaged(file, i, null);
          }
          try {
            missing
                .computeIfAbsent(f[1], k -> new ArrayList<>())
                .add(URLDecoder.decode(f[2], StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw damaged(file, i, e);
          }
        } else {
          settings.take(line, file, i);
        }
        continue; // a setting a newer Talkbook wrote: what it says is not this one's to keep
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4 && f.length != 5) {
        throw damaged(file, i, null);
      }
      try {
        List<String> uses = f.length == 5 ? List.of(f[4].split(" ")) : List.of();
        entries.put(f[0], new Entry(Long.parseLong(f[1]), f[2], f[3], uses));
      } catch (NumberFormatException e) {
        throw damaged(file, i, e);
      }
    }
    missing.forEach(
        (path, names) ->
            entries.computeIfPresent(
                path, (p, e) -> new Entry(e.size(), e.hash(), e.fingerprint(), e.uses(), names)));
    links.forEach(
        (path, talkLinks) ->
            entries.computeIfPresent(
                path,
                (p, e) ->
                    new Entry(
                        e.size(), e.hash(), e.fingerprint(), e.uses(), e.missing(), talkLinks)));
    return new Manifest(
        entries,
        settings.siteId,
        talks,
        events,
        tags,
        settings.title,
        settings.baseUrl,
        settings.locale);
  }

  /**
   * The site's settings only (its id, title and base URL; no files), read from the top of the
   * folder's manifest up to the first line that is not one of them: what an export keeps of the
   * last one before it reads the whole manifest. Empty when there is none; a file that is not a
   * manifest, or a damaged setting, is an error.
   */
  static Manifest readSettings(Path folder) {
    Path file = folder.resolve(NAME);
    Settings settings = new Settings();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!HEADER.equals(in.readLine())) {
        throw notManifest(file);
      }
      int i = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        i++;
        if (line.indexOf('\t') >= 0
            || !SETTING.matcher(line).matches()
            || line.startsWith(TALK)
            || line.startsWith(EVENT)
            || line.startsWith(TAG)
            || line.startsWith(MISSING)
            || line.startsWith(TALK_LINK)) {
          break; // the settings come first: the rest is the files
        }
        settings.take(line, file, i);
      }
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new SiteException("Could not read " + file + " (" + e.getMessage() + ").", e);
    }
    return new Manifest(
        Map.of(),
        settings.siteId,
        Map.of(),
        Map.of(),
        Map.of(),
        settings.title,
        settings.baseUrl,
        settings.locale);
  }

  /**
   * The site's settings as a manifest's lines give them, for {@link #read} and {@link
   * #readSettings}.
   */
  private static final class Settings {
    String siteId;
    String title;
    String baseUrl;
    String locale;

    /** Takes line {@code i + 1} of {@code file} if it is a title, base URL or site id. */
    void take(String line, Path file, int i) {
      if (line.startsWith(TITLE)) {
        try {
          title = URLDecoder.decode(line.substring(TITLE.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw damaged(file, i, e);
        }
      } else if (line.startsWith(BASE_URL)) {
        baseUrl = line.substring(BASE_URL.length()).strip();
      } else if (line.startsWith(LOCALE)) {
        locale = line.substring(LOCALE.length()).strip();
      } else if (line.startsWith(SITE_ID)) {
        siteId = line.substring(SITE_ID.length()).strip();
        if (siteId.isEmpty()) {
          throw damaged(file, i, null);
        }
      }
    }
  }

  private static SiteException notManifest(Path file) {
    return new SiteException(
        file + " is not a Talkbook site manifest. Choose another folder or remove that file.");
  }

  private static SiteException damaged(Path file, int index, Exception cause) {
    return new SiteException(
        file + " is damaged at line " + (index + 1) + "; remove it to export afresh.", cause);
  }

  byte[] bytes() {
    return bytes(entries, siteId, talks, events, tags, title, baseUrl, locale);
  }

  /**
   * The bytes of a manifest of these (as {@link #bytes} of one made from them), without copying the
   * maps first (an export writes 10,000s of entries once, at its end).
   */
  static byte[] bytes(
      Map<String, Entry> entries,
      String siteId,
      Map<String, Long> talks,
      Map<String, Long> events,
      Map<String, String> tags,
      String title,
      String baseUrl,
      String locale) {
    // Sorted as an array, not a TreeMap: 10,000s of paths in a command's cold JVM.
    String[] paths = entries.keySet().toArray(new String[0]);
    Arrays.sort(paths);
    StringBuilder b = new StringBuilder(128 + paths.length * 128).append(HEADER).append('\n');
    if (siteId != null) {
      b.append(SITE_ID).append(siteId).append('\n');
    }
    if (title != null) {
      b.append(TITLE).append(URLEncoder.encode(title, StandardCharsets.UTF_8)).append('\n');
    }
    if (baseUrl != null) {
      b.append(BASE_URL).append(baseUrl).append('\n');
    }
    if (locale != null) {
      b.append(LOCALE).append(locale).append('\n');
    }
    String[] eventPaths = events.keySet().toArray(new String[0]);
    Arrays.sort(eventPaths);
    for (String path : eventPaths) {
      b.append(EVENT).append(events.get(path)).append(' ').append(path).append('\n');
    }
    String[] tagPaths = tags.keySet().toArray(new String[0]);
    Arrays.sort(tagPaths);
    for (String path : tagPaths) {
      b.append(TAG)
          .append(URLEncoder.encode(tags.get(path), StandardCharsets.UTF_8))
          .append(' ')
          .append(path)
          .append('\n');
    }
    for (String path : talkPaths(paths, talks)) {
      b.append(TALK).append(talks.get(path)).append(' ').append(path).append('\n');
    }
    for (String path : paths) {
      for (String name : entries.get(path).missing()) {
        b.append(MISSING)
            .append(path)
            .append(' ')
            .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
            .append('\n');
      }
    }
    for (String path : paths) {
      for (String link : entries.get(path).links()) {
        b.append(TALK_LINK).append(path).append(' ').append(link).append('\n');
      }
    }
    for (String path : paths) {
      Entry e = entries.get(path);
      b.append(path)
          .append('\t')
          .append(e.size())
          .append('\t')
          .append(e.hash())
          .append('\t')
          .append(e.fingerprint());
      if (!e.uses().isEmpty()) {
        b.append('\t').append(String.join(" ", e.uses()));
      }
      b.append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The talk paths in order: picked from the files' sorted {@code paths} when every one is a file
   * here (a talk's page or redirect is, but for a manifest kept before the files were written),
   * else sorted on their own.
   */
  private static String[] talkPaths(String[] paths, Map<String, Long> talks) {
    String[] talkPaths = new String[talks.size()];
    int n = 0;
    for (String path : paths) {
      if (n < talkPaths.length && talks.containsKey(path)) {
        talkPaths[n++] = path;
      }
    }
    if (n < talkPaths.length) {
      talkPaths = talks.keySet().toArray(new String[0]);
      Arrays.sort(talkPaths);
    }
    return talkPaths;
  }
}
