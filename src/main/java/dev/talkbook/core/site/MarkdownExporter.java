package dev.talkbook.core.site;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.markdown.InlineLinks;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkLink;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TalkStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes a notebook as plain Markdown: one folder per event with an {@code _index.md} holding the
 * event's details and time zone (Hugo's section file), one {@code NN-slug.md} per talk with YAML
 * front matter (title, speakers, date, room, slides, video, tags, event, attachments, the star and
 * what a conference's programme says: abstract, subtitle, length, language, track, its session id,
 * what it said of the talk's title, speakers, time and room at its last import, and which talk it
 * is: {@link #TALKBOOK_ID}), and each talk's attachments in a folder named like the talk, linked
 * relatively. Keys the talk's notes carry in their own front matter are written too. {@link
 * MarkdownImporter} reads all of it back.
 */
public final class MarkdownExporter {
  // What a talk's programme says, its star and the event's time zone, as front matter keys (a
  // schedule's import survives an export and an import into another notebook).
  static final String TIME_ZONE = "timezone";
  static final String STARRED = "starred";
  static final String ABSTRACT = "abstract";
  static final String SUBTITLE = "subtitle";
  static final String DURATION_MINUTES = "duration_minutes";
  static final String LANGUAGE = "language";
  static final String TRACK = "track";
  static final String PROGRAMME_UID = "programme_uid";
  static final String PROGRAMME_SOURCE = "programme_source";
  static final String REMOVED_FROM_PROGRAMME = "removed_from_programme";

  // What the programme said of the talk at its last import (TalkStore.ProgrammeSaid), so that a
  // schedule re-import into the notebook made from the export still keeps the attendee's edits.
  static final String PROGRAMME_TITLE = "programme_title";
  static final String PROGRAMME_SPEAKERS = "programme_speakers";
  static final String PROGRAMME_DATE = "programme_date";
  static final String PROGRAMME_ROOM = "programme_room";

  /**
   * Which talk a file is ({@code 6-1764000000000}: the talk's id and when it was made, in
   * milliseconds), so that an import matches the file to its talk whatever was changed in it (its
   * title, its event). The time tells this notebook's talk 6 from another notebook's.
   */
  static final String TALKBOOK_ID = "talkbook_id";

  /**
   * What an export wrote; {@code unlinked}: the links to talks it did not write (not chosen, or
   * deleted), each written as its text.
   */
  public record Result(int events, int talks, int attachments, Path folder, int unlinked) {
    public Result(int events, int talks, int attachments, Path folder) {
      this(events, talks, attachments, folder, 0);
    }

    /**
     * "Exported 1 event, 5 talks and 0 attachments to FOLDER", and the links to talks not exported
     * when there are any.
     */
    public String summary() {
      return "Exported "
          + Counts.of(events, "event")
          + ", "
          + Counts.of(talks, "talk")
          + " and "
          + Counts.of(attachments, "attachment")
          + " to "
          + folder
          + (unlinked == 0
              ? ""
              : " ("
                  + (unlinked == 1
                      ? "a link to a talk that is not exported is"
                      : unlinked + " links to talks that are not exported are")
                  + " written as text)");
    }
  }

  /**
   * Exports every event (or only {@code eventIds}, when not empty) into {@code folder}, which must
   * be empty or not exist yet: nothing is ever overwritten. One export at a time writes into a
   * folder: while another one does (a Markdown or a site export, of this process or another), this
   * one is refused at once with a {@link SiteException} that says so.
   */
  public Result export(
      Notebook notebook,
      Path folder,
      Set<Long> eventIds,
      SiteExporter.Progress progress,
      BooleanSupplier cancelled) {
    OutputFolder out = new OutputFolder(folder);
    // One export at a time writes into a folder, a site's or this (refused at once, before the
    // folder is looked at: another export writing into it is said as such, not as files in it)
    return out.whileHeld(() -> exportHeld(notebook, out, eventIds, progress, cancelled));
  }

  /**
   * Whether a Markdown export may go into {@code folder}: it is not there yet, or it is an empty
   * folder. What an export leaves there while it writes (and a killed export left behind) counts as
   * nothing, as {@link #export} counts it. Reads the folder; makes nothing.
   */
  public static boolean takesFolder(Path folder) {
    if (!java.nio.file.Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return java.nio.file.Files.isDirectory(folder) && OutputFolder.isEmptyButForStaging(folder);
    } catch (IOException | RuntimeException notReadable) {
      return false; // a folder that cannot be read: not one to offer
    }
  }

  private Result exportHeld(
      Notebook notebook,
      OutputFolder out,
      Set<Long> eventIds,
      SiteExporter.Progress progress,
      BooleanSupplier cancelled) {
    try {
      // What the hold keeps in the folder while it writes (and a killed export left) is no file
      if (!out.isEmptyButForStaging()) {
        throw new SiteException(
            out.root() + " is not empty. Export Markdown into a new or empty folder.");
      }
    } catch (IOException e) {
      throw new SiteException("Could not read " + out.root() + " (" + e.getMessage() + ").", e);
    }
    List<Event> events =
        notebook.events().list().stream()
            .filter(e -> eventIds.isEmpty() || eventIds.contains(e.id()))
            .sorted(Comparator.comparingLong(Event::id))
            .toList();
    Map<Long, List<Talk>> talks = new HashMap<>();
    int total = 0;
    for (Event e : events) {
      List<Talk> list = notebook.talks().list(e.id());
      talks.put(e.id(), list);
      total += list.size();
    }
    try {
      return write(notebook, out, events, talks, total, progress, cancelled);
    } catch (SiteException e) {
      // The folder was empty: take back what was written, so exporting again (after freeing
      // space, say) starts from an empty folder as it must.
      out.removeCreated(e);
      throw new SiteException(e.getMessage() + " What was written so far has been removed.", e);
    }
  }

  private Result write(
      Notebook notebook,
      OutputFolder out,
      List<Event> events,
      Map<Long, List<Talk>> talks,
      int total,
      SiteExporter.Progress progress,
      BooleanSupplier cancelled) {
    Slugs eventSlugs = new Slugs();
    int done = 0;
    int attachments = 0;
    int[] unlinked = {0};
    // Every talk's file first (event folder, "NN-slug"): a talk's notes may link to a talk after
    // it.
    Map<Long, String> folderOf = new HashMap<>();
    Map<Long, String> nameOf = new HashMap<>();
    for (Event e : events) {
      String dir = eventSlugs.unique(e.start().map(d -> d + " ").orElse("") + e.title());
      folderOf.put(e.id(), dir);
      List<Talk> list = talks.get(e.id());
      int width = Math.max(2, String.valueOf(list.size()).length());
      Slugs talkSlugs = new Slugs();
      talkSlugs.reserve("index");
      for (int i = 0; i < list.size(); i++) {
        Talk t = list.get(i);
        nameOf.put(
            t.id(), String.format("%0" + width + "d", i + 1) + "-" + talkSlugs.unique(t.title()));
      }
    }
    Map<Long, Talk> byId = new HashMap<>();
    talks.values().forEach(list -> list.forEach(t -> byId.put(t.id(), t)));
    for (Event e : events) {
      String dir = folderOf.get(e.id());
      out.write(dir + "/_index.md", utf8(FrontMatter.write(eventData(e), "")));
      List<Talk> list = talks.get(e.id());
      Map<Long, TalkStore.ProgrammeSaid> said = notebook.talks().programmeSaid(e.id());
      for (int i = 0; i < list.size(); i++) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("The export was cancelled.");
        }
        Talk t = list.get(i);
        String file = nameOf.get(t.id());
        int dash = file.indexOf('-');
        String number = file.substring(0, dash);
        String slug = file.substring(dash + 1);
        // Attachments: every one the talk holds, under its own name in a folder named like the
        // talk; the same bytes linked by the notes under another name ("my diagram (1).png" and
        // "図表.png": stored once, by their hash) also under that name, so each link keeps its
        // file's name.
        Map<String, String> fileOf = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        List<AttachmentRef> held = new ArrayList<>(notebook.attachments().of(t.id()));
        for (AttachmentRef ref : namedIn(t.body())) {
          if (!held.contains(ref) && notebook.attachments().find(ref.sha256()).isPresent()) {
            held.add(ref);
          }
        }
        List<String> listed = new ArrayList<>();
        for (AttachmentRef ref : held) {
          if (fileOf.containsKey(named(ref))) {
            continue;
          }
          String name = safeFileName(ref.fileName());
          String unique = name;
          for (int n = 2; !names.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
            int dot = name.lastIndexOf('.');
            unique =
                dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
          }
          String path = number + "-" + slug + "/" + unique;
          out.write(dir + "/" + path, notebook.attachments().bytes(ref.sha256()));
          fileOf.put(named(ref), path);
          fileOf.putIfAbsent(ref.sha256(), path);
          listed.add(path);
          attachments++;
        }
        FrontMatter.Parsed own = FrontMatter.parse(t.body());
        Map<String, Object> data = talkData(t, e);
        putSaid(data, said.get(t.id()));
        if (!listed.isEmpty()) {
          data.put("attachments", listed);
        }
        own.data().forEach(data::putIfAbsent);
        String body =
            relinkTalks(
                relink(own.body(), fileOf),
                id -> {
                  Talk other = byId.get(id);
                  return other == null
                      ? null
                      : SiteExporter.relative(
                          dir + "/" + file + ".md",
                          folderOf.get(other.eventId()) + "/" + nameOf.get(id) + ".md");
                },
                unlinked);
        out.write(dir + "/" + number + "-" + slug + ".md", utf8(FrontMatter.write(data, body)));
        progress.update(++done, total, t.title());
      }
    }
    return new Result(events.size(), total, attachments, out.root(), unlinked[0]);
  }

  static Map<String, Object> eventData(Event e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", e.title());
    if (e.startDate() != null) {
      data.put("date", e.startDate().toString());
    }
    if (e.endDate() != null) {
      data.put("end_date", e.endDate().toString());
    }
    if (e.location() != null) {
      data.put("location", e.location());
    }
    if (e.url() != null) {
      data.put("website", e.url()); // Hugo reserves "url" for the page's own address
    }
    if (e.timeZone() != null) {
      data.put(TIME_ZONE, e.timeZone());
    }
    return data;
  }

  static Map<String, Object> talkData(Talk t, Event e) {
    Talk.Details d = t.details();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", d.title());
    if (!d.speakers().isEmpty()) {
      data.put("speakers", d.speakers());
    }
    if (d.startsAt() != null) {
      data.put("date", d.startsAt().toString());
    }
    if (d.room() != null) {
      data.put("room", d.room());
    }
    if (d.slidesUrl() != null) {
      data.put("slides", d.slidesUrl());
    }
    if (d.videoUrl() != null) {
      data.put("video", d.videoUrl());
    }
    if (!d.tags().isEmpty()) {
      data.put("tags", d.tags());
    }
    data.put("event", e.title());
    if (t.starred()) {
      data.put(STARRED, true);
    }
    Programme p = t.programme();
    if (!p.abstractText().isEmpty()) {
      data.put(ABSTRACT, p.abstractText());
    }
    putIfSet(data, SUBTITLE, p.subtitle());
    if (p.duration() != null) {
      data.put(DURATION_MINUTES, p.duration().toMinutes());
    }
    putIfSet(data, LANGUAGE, p.language());
    putIfSet(data, TRACK, p.track());
    putIfSet(data, PROGRAMME_UID, p.uid());
    putIfSet(data, PROGRAMME_SOURCE, p.source());
    if (p.removedAt() != null) {
      data.put(REMOVED_FROM_PROGRAMME, p.removedAt().toString());
    }
    data.put(TALKBOOK_ID, t.id() + "-" + t.createdAt().toEpochMilli());
    return data;
  }

  /** What the programme said at the last import, when it is known (an imported talk). */
  private static void putSaid(Map<String, Object> data, TalkStore.ProgrammeSaid said) {
    if (said == null) {
      return;
    }
    data.put(PROGRAMME_TITLE, said.title());
    if (!said.speakers().isEmpty()) {
      data.put(PROGRAMME_SPEAKERS, said.speakers());
    }
    if (said.startsAt() != null) {
      data.put(PROGRAMME_DATE, said.startsAt().toString());
    }
    putIfSet(data, PROGRAMME_ROOM, said.room());
  }

  private static void putIfSet(Map<String, Object> data, String key, String value) {
    if (value != null) {
      data.put(key, value);
    }
  }

  /** Replaces {@code attachment:} references by the relative path of the exported file. */
  /** The key of an attachment under one name: its hash and the name. */
  private static String named(AttachmentRef ref) {
    return ref.sha256() + "/" + ref.fileName();
  }

  /**
   * The attachments {@code body} links to, each under every name it is linked by ({@link
   * SiteExporter#attachmentsIn} gives each hash once), in the order the links come.
   */
  private static List<AttachmentRef> namedIn(String body) {
    List<AttachmentRef> refs = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("attachment:[0-9a-f]{64}(?:/[^\\s)\"'<>]*)?").matcher(body);
    while (m.find()) {
      AttachmentRef.parse(m.group()).filter(r -> !refs.contains(r)).ifPresent(refs::add);
    }
    return refs;
  }

  private static String relink(String body, Map<String, String> fileOf) {
    if (fileOf.isEmpty()) {
      return body;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("attachment:([0-9a-f]{64})(?:/[^\\s)\"'<>]*)?")
            .matcher(body);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String path = AttachmentRef.parse(m.group()).map(r -> fileOf.get(named(r))).orElse(null);
      if (path == null) {
        path = fileOf.get(m.group(1));
      }
      m.appendReplacement(
          b,
          java.util.regex.Matcher.quoteReplacement(
              path == null ? m.group() : InlineLinks.encodedPath(path)));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * Replaces each link to a talk ({@link TalkLink}) by the path {@code pathOf} gives the talk's
   * file (relative, with the link's heading); a link to a talk not written (null) becomes its text
   * (an image its alt text), counted in {@code unlinked}. The links are found as the import finds a
   * note's links ({@link InlineLinks}: not in code, a link text may hold brackets), so what one
   * writes the other reads.
   */
  private static String relinkTalks(
      String body, java.util.function.LongFunction<String> pathOf, int[] unlinked) {
    if (!hasTalkLink(body)) {
      return body;
    }
    return InlineLinks.replace(
        body,
        (text, link) -> {
          java.util.Optional<TalkLink> talk = TalkLink.parse(link.target());
          if (talk.isEmpty()) {
            return null;
          }
          String path = pathOf.apply(talk.get().talkId());
          if (path == null && link.definition(text)) {
            return null; // a definition is no text to show: kept as written
          }
          if (path == null) {
            unlinked[0]++;
            return link.text(text);
          }
          return link.withTarget(text, InlineLinks.encodedPath(path) + talk.get().suffix());
        });
  }

  private static boolean hasTalkLink(String body) {
    return body.toLowerCase(java.util.Locale.ROOT).contains(TalkLink.SCHEME);
  }

  /** An attachment's name made safe for any file system, keeping its extension. */
  static String safeFileName(String name) {
    String n = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    while (n.startsWith(".")) {
      n = n.substring(1);
    }
    if (n.length() > 100) {
      int dot = n.lastIndexOf('.');
      String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
      n = n.substring(0, 100 - ext.length()) + ext;
    }
    if (Slugs.isReserved(n)) {
      n = "file-" + n;
    }
    return n.isEmpty() ? "file" : n;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
