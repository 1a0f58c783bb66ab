package dev.talkbook.core.site;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.common.NaturalOrder;
import dev.talkbook.core.common.PathProblems;
import dev.talkbook.core.markdown.InlineLinks;
import dev.talkbook.core.markdown.ObsidianComments;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkLink;
import dev.talkbook.core.store.AttachmentStore;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TalkStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder of Markdown files into the notebook: Talkbook's own export, or files with Hugo,
 * Jekyll or Obsidian style front matter. Each {@code .md} file is a talk; its event comes, as
 * Hugo's sections do, from its {@code event} key, else from the nearest {@code _index.md} in its
 * folder or a folder above it (below the root), else from the name of the top-level folder it is in
 * (for a file at the root: the root's {@code _index.md}, else "Imported notes"). A talk with the
 * same title in the same event is updated, anything else created. Images and links with a relative
 * path to a file inside the folder become attachments; a relative link to another note imported in
 * the same run ({@code [next](02-loom.md)}) becomes a link to its talk ({@link TalkLink}), and one
 * to a note that no imported file is stays as written and is named in the file's line. Front matter
 * keys Talkbook has no field for are kept, as front matter at the top of the notes.
 *
 * <p>A file that cannot be read, is not UTF-8, is too large or has invalid front matter is reported
 * with the reason and skipped; the rest is imported in one transaction, so a failure of the
 * notebook itself leaves nothing half-written. A dry run does all of it and then rolls back.
 */
public final class MarkdownImporter {
  /**
   * Room in a file for its front matter beside the notes: the abstract ({@link
   * dev.talkbook.core.notebook.Programme#MAX_ABSTRACT} characters) and the other fields, quoted.
   */
  static final long FRONT_MATTER_BYTES = 4L * 1024 * 1024;

  /**
   * The largest Markdown file imported: the largest notes a talk holds ({@link
   * TalkStore#MAX_BODY_CHARS} characters, at most 3 bytes each in UTF-8) and its front matter, so
   * that whatever the notebook took, and the export wrote, is imported again.
   */
  public static final long MAX_FILE_BYTES = 3L * TalkStore.MAX_BODY_CHARS + FRONT_MATTER_BYTES;

  /**
   * What happened to one file. {@code EVENT}: an event file ({@code _index.md}) read, its event
   * made or found. {@code SKIPPED}: a symbolic link named {@code .md}; links are not followed, and
   * each is named with where it leads, so none is left out without a word.
   */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    EVENT,
    FAILED,
    SKIPPED
  }

  /** One file's result: its path inside the folder, the outcome, and what or why. */
  public record FileResult(String path, Outcome outcome, String detail) {}

  /**
   * The whole import: every file's result, how many events it created, and the events its talks
   * went into ({@code events}: their ids, each once, in the order of the files; a window shows the
   * first once the import is done).
   */
  public record Report(
      List<FileResult> files,
      int eventsCreated,
      int attachments,
      boolean dryRun,
      List<Long> events) {
    public Report {
      files = List.copyOf(files);
      events = List.copyOf(events);
    }

    public long count(Outcome outcome) {
      return files.stream().filter(f -> f.outcome() == outcome).count();
    }

    public List<FileResult> failures() {
      return files.stream().filter(f -> f.outcome() == Outcome.FAILED).toList();
    }

    /** Whether any file is (or would be) imported: not only failed or skipped ones. */
    public boolean importsAny() {
      return files.stream()
          .anyMatch(f -> f.outcome() != Outcome.FAILED && f.outcome() != Outcome.SKIPPED);
    }

    /**
     * One line: what was (or would be) done. Every file found is counted once, in one of the
     * outcomes, so the parts add up to the files ("Imported 3 of 7 files: 2 new talks, 0 updated, 0
     * unchanged, 1 event file; 1 skipped, 3 failed; …"), and a dry run counts as the import.
     */
    public String summary() {
      String verb = dryRun ? "Would import" : "Imported";
      long skipped = count(Outcome.SKIPPED);
      long failed = count(Outcome.FAILED);
      long imported = files.size() - skipped - failed;
      long eventFiles = count(Outcome.EVENT);
      return verb
          + " "
          + (imported == files.size()
              ? Counts.of(files.size(), "file")
              : imported + " of " + Counts.of(files.size(), "file"))
          + ": "
          + Counts.of(count(Outcome.CREATED), "new talk")
          + ", "
          + count(Outcome.UPDATED)
          + " updated, "
          + count(Outcome.UNCHANGED)
          + " unchanged"
          + (eventFiles > 0 ? ", " + Counts.of(eventFiles, "event file") : "")
          + "; "
          + (skipped > 0 ? skipped + " skipped, " : "")
          + failed
          + " failed; "
          + Counts.of(eventsCreated, "new event")
          + ", "
          + Counts.of(attachments, "attachment")
          + (dryRun ? " (dry run: nothing was changed)" : "")
          + ".";
    }
  }

  private static final Set<String> TALK_KEYS =
      Set.of(
          "title",
          "speakers",
          "speaker",
          "author",
          "authors",
          "date",
          "starts_at",
          "time",
          "room",
          "slides",
          "slides_url",
          "video",
          "video_url",
          "tags",
          "categories",
          "keywords",
          "event",
          "attachments",
          MarkdownExporter.STARRED,
          MarkdownExporter.ABSTRACT,
          MarkdownExporter.SUBTITLE,
          MarkdownExporter.DURATION_MINUTES,
          MarkdownExporter.LANGUAGE,
          MarkdownExporter.TRACK,
          MarkdownExporter.PROGRAMME_UID,
          MarkdownExporter.PROGRAMME_SOURCE,
          MarkdownExporter.REMOVED_FROM_PROGRAMME,
          MarkdownExporter.PROGRAMME_TITLE,
          MarkdownExporter.PROGRAMME_SPEAKERS,
          MarkdownExporter.PROGRAMME_DATE,
          MarkdownExporter.PROGRAMME_ROOM,
          MarkdownExporter.TALKBOOK_ID);

  /**
   * The talk an exported file is ({@link MarkdownExporter#TALKBOOK_ID}): its id and when it was
   * made (milliseconds), which tell this notebook's talk from another notebook's of the same id.
   */
  record Identity(long talkId, long createdMillis) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,18})-(\\d{1,19})");

    /** The identity a file names, or null when it names none; a value not so written is refused. */
    static Identity of(Map<String, Object> data) {
      Optional<String> v = string(data, MarkdownExporter.TALKBOOK_ID);
      if (v.isEmpty()) {
        return null;
      }
      Matcher m = FORM.matcher(v.get());
      try {
        if (m.matches()) {
          return new Identity(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new SiteException(
          "invalid front matter: \""
              + MarkdownExporter.TALKBOOK_ID
              + "\" must be as the export wrote it (like 6-1764000000000), not \""
              + v.get()
              + "\"; remove that line to match the file to a talk by its title");
    }

    /** Whether {@code talk} is the one named (the same id and the same time it was made). */
    boolean is(Talk talk) {
      return talk.id() == talkId && talk.createdAt().toEpochMilli() == createdMillis;
    }
  }

  /**
   * A parsed, validated file, ready to store: {@code body} is its notes (with the front matter kept
   * at their top), {@code links} the links in them, found once ({@link InlineLinks}).
   */
  private record Parsed(
      String path,
      Path file,
      String eventTitle,
      Event.Details eventDetails,
      Talk.Details details,
      String body,
      List<String> attachmentPaths,
      Programme programme,
      TalkStore.ProgrammeSaid said,
      Boolean starred,
      List<String> missing,
      Map<String, NoteTarget> noteLinks,
      List<InlineLinks.Link> links,
      Identity identity,
      List<WikiTarget> wikiLinks,
      List<String> embeds,
      ObsidianComments.Stripped comments,
      int commentsKept,
      String eventTitleBefore,
      String titleBefore) {
    /**
     * Whether {@code talk} has this file's title, or the one an import before this version gave a
     * file named in words with hyphens ({@link #titleBefore}), so it is that talk again.
     */
    boolean titled(Talk talk) {
      String k = key(talk.title());
      return k.equals(key(details.title())) || (titleBefore != null && k.equals(key(titleBefore)));
    }

    /** Whether its notes link to other notes: by a relative path or as Obsidian does. */
    boolean linksNotes() {
      return !noteLinks.isEmpty() || !wikiLinks.isEmpty();
    }

    /**
     * {@code detail}, the linked files that are not in the folder, and the Obsidian embeds kept as
     * written (their files not imported), if any.
     */
    String saying(String detail) {
      String said = detail;
      if (!missing.isEmpty()) {
        said +=
            "; "
                + (missing.size() == 1 ? "a linked file is" : missing.size() + " linked files are")
                + " not in the folder: "
                + firstQuoted(missing);
      }
      if (!embeds.isEmpty()) {
        said +=
            "; "
                + (embeds.size() == 1
                    ? "an Obsidian embed is kept as written, the file it shows not imported"
                    : embeds.size()
                        + " Obsidian embeds are kept as written, the files they show not imported")
                + " (write a picture as ![](path) to import it): "
                + firstQuoted(embeds);
      }
      if (comments.comments() > 0) {
        said +=
            "; "
                + (comments.comments() == 1
                    ? "an Obsidian comment (%% … %%) was left out"
                    : comments.comments() + " Obsidian comments (%% … %%) were left out")
                + ", as Obsidian hides them"
                + (comments.unclosed()
                    ? " (a %% without its closing %% hid the rest of the note in Obsidian: left out"
                        + " to the end too)"
                    : "");
      }
      if (commentsKept > 0) {
        said +=
            "; "
                + (commentsKept == 1
                    ? "a %% … %% (an Obsidian comment in a vault) is"
                    : commentsKept + " %% … %% (Obsidian comments in a vault) are")
                + (identity != null
                    ? " kept as text: the file is Talkbook's export (its "
                        + MarkdownExporter.TALKBOOK_ID
                        + "), whose %% are its talk's own text"
                    : " kept as text: the folder is in no Obsidian vault (none with .obsidian)");
      }
      return said;
    }
  }

  /**
   * A link in a note to another note ({@code 02-loom.md}, {@code ../day2/keynote.md#demo}): the
   * file it resolves to, the heading after its {@code #} (or null) and the path as written,
   * decoded.
   */
  record NoteTarget(Path file, String fragment, String written) {}

  /**
   * An Obsidian link in a note ({@code [[02-loom]]}, {@code [[Loom|the talk]]}), where it stands in
   * the notes, and the note it names ({@code target.file()} null when the folder has none of that
   * name).
   */
  record WikiTarget(InlineLinks.WikiLink link, NoteTarget target) {}

  /**
   * The notes of an import by the names an Obsidian link gives them: each file's name without
   * {@code .md}, and its path inside the folder so (lower case, as Obsidian matches them), the
   * files of one name in the order of the import.
   */
  private static Map<String, List<Path>> notesByName(Path root, List<Path> files) {
    Map<String, List<Path>> byName = new java.util.HashMap<>();
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      String path = rel.substring(0, rel.length() - 3).toLowerCase(Locale.ROOT);
      String name = path.substring(path.lastIndexOf('/') + 1);
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
      if (!path.equals(name)) {
        byName.computeIfAbsent(path, k -> new ArrayList<>()).add(f);
      }
    }
    return byName;
  }

  /**
   * The note an Obsidian link names ({@code Note name}, {@code folder/Note name}, with or without
   * {@code .md}), as Obsidian finds it: the file of that name, the one in the linking note's {@code
   * folder} when several are; or null.
   */
  private static Path wikiTarget(Map<String, List<Path>> byName, String note, Path folder) {
    String name = note.toLowerCase(Locale.ROOT).replace('\\', '/');
    if (name.endsWith(".md")) {
      name = name.substring(0, name.length() - 3);
    }
    while (name.startsWith("/")) {
      name = name.substring(1);
    }
    List<Path> found = byName.get(name);
    if (found == null) {
      return null;
    }
    for (Path f : found) {
      if (f.getParent().equals(folder)) {
        return f;
      }
    }
    return found.get(0);
  }

  /**
   * The new talks not stored yet ({@link TalkStore#createAll}, in order, with the files they come
   * from), and the talk each imported file became, by its path: where a link to that file leads.
   */
  private static final class Batch {
    final List<TalkStore.NewTalk> pending = new ArrayList<>();
    final List<Path> pendingFiles = new ArrayList<>();
    final Map<Path, Long> talkOfFile = new java.util.HashMap<>();
    final Map<Path, TalkStore.ProgrammeSaid> saidOfFile = new java.util.HashMap<>();

    void add(Path file, TalkStore.NewTalk talk, TalkStore.ProgrammeSaid said) {
      pending.add(talk);
      pendingFiles.add(file);
      if (said != null) {
        saidOfFile.put(file, said);
      }
    }

    void flush(Notebook notebook) {
      if (pending.isEmpty()) {
        return;
      }
      List<Long> ids = notebook.talks().createAll(pending);
      Map<Long, TalkStore.ProgrammeSaid> said = new java.util.HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        talkOfFile.put(pendingFiles.get(i), ids.get(i));
        TalkStore.ProgrammeSaid s = saidOfFile.get(pendingFiles.get(i));
        if (s != null) {
          said.put(ids.get(i), s);
        }
      }
      notebook.talks().saveProgrammeSaid(said);
      pending.clear();
      pendingFiles.clear();
      saidOfFile.clear();
    }

    void clear() {
      pending.clear();
      pendingFiles.clear();
      saidOfFile.clear();
      talkOfFile.clear();
    }
  }

  /**
   * A file whose notes link to other notes: its talk is stored, its notes once every file's talk is
   * known (a link may lead to a file after it), with each link to an imported note as a {@link
   * TalkLink} and each to a file stored as an attachment as its {@code attachments} URL.
   */
  private record Deferred(
      Parsed parsed,
      Talk talk,
      Talk existing,
      Event event,
      Map<String, String> attachments,
      boolean created,
      String copyOf) {}

  /** Thrown inside the transaction to roll a dry run back. */
  private static final class DryRun extends RuntimeException {
    DryRun() {
      super(null, null, false, false);
    }
  }

  /**
   * Refuses, before anything is opened or created, a {@code folder} that is not a folder or holds
   * no {@code .md} file (outside hidden folders) to import: a wrong folder, said as such, rather
   * than a report of nothing.
   */
  public static void requireMarkdown(Path folder) {
    Path root = existingFolder(folder);
    boolean any;
    try {
      Path realRoot = root.toRealPath();
      try (Stream<Path> s = Files.walk(realRoot)) {
        any = s.anyMatch(p -> isMarkdownEntry(realRoot, p));
      }
    } catch (IOException e) {
      throw unreadable(root, e);
    }
    if (!any) {
      throw noMarkdown(root);
    }
  }

  private static Path existingFolder(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new SiteException(root + " is not a folder. Choose the folder holding the .md files.");
    }
    return root;
  }

  private static SiteException noMarkdown(Path root) {
    return new SiteException(
        "No .md files found in "
            + root
            + " (nor in its folders; hidden ones such as .obsidian are skipped). Nothing was"
            + " imported. Choose the folder holding the .md files.");
  }

  private static SiteException unreadable(Path root, IOException e) {
    return new SiteException(
        "Could not read the folder " + root + " (" + PathProblems.why(e) + ").", e);
  }

  /** A file or a link named {@code .md}, not in a hidden folder: a note to import, or to name. */
  private static boolean isMarkdownEntry(Path realRoot, Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")
        && !hidden(realRoot.relativize(p))
        && (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p));
  }

  /**
   * Why a link named {@code .md} is skipped: where it leads, and whether that is there. Links are
   * not followed (one could lead out of the folder, or in a circle).
   */
  static String skippedLink(Path link) {
    String target;
    Path at = link;
    try {
      target = "a link to \"" + Files.readSymbolicLink(link) + "\"";
      Set<Path> seen = new java.util.HashSet<>();
      while (Files.isSymbolicLink(at)) {
        if (!seen.add(at) || seen.size() > MAX_LINKS) {
          return target + ", which leads round a circle of links";
        }
        at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
      }
    } catch (IOException e) {
      return "a link that cannot be followed (" + PathProblems.why(e) + ")";
    } catch (UnsupportedOperationException e) {
      return "a link that cannot be followed (" + e.getMessage() + ")";
    }
    if (!Files.exists(at)) {
      return target + ", which is not there";
    }
    return target + "; links are not followed: copy the file here to import it";
  }

  /** Links followed one after the other before a chain is taken for a circle (Linux's limit). */
  private static final int MAX_LINKS = 40;

  /** Imports {@code folder} into the notebook (or only reports what it would do). */
  public Report importFolder(
      Notebook notebook, Path folder, boolean dryRun, SiteExporter.Progress progress) {
    Path root = existingFolder(folder);
    Path realRoot;
    List<Path> files;
    List<Path> sectionFiles;
    List<Path> links;
    try {
      realRoot = root.toRealPath();
      try (Stream<Path> s = Files.walk(realRoot)) {
        Map<Boolean, List<Path>> byLink =
            s.filter(p -> isMarkdownEntry(realRoot, p))
                .sorted(NaturalOrder.PATHS) // k2.md before k10.md, as a file manager lists them
                .collect(java.util.stream.Collectors.partitioningBy(Files::isSymbolicLink));
        links = byLink.get(true);
        List<Path> markdown = byLink.get(false);
        files = markdown.stream().filter(p -> !isSection(p)).toList();
        sectionFiles = markdown.stream().filter(MarkdownImporter::isSection).toList();
      }
    } catch (IOException e) {
      throw unreadable(root, e);
    }
    if (files.isEmpty() && sectionFiles.isEmpty() && links.isEmpty()) {
      throw noMarkdown(root);
    }
    List<FileResult> results = new ArrayList<>();
    for (Path link : links) {
      results.add(
          new FileResult(
              realRoot.relativize(link).toString().replace('\\', '/'),
              Outcome.SKIPPED,
              skippedLink(link)));
    }
    Map<Path, Event.Details> sections = new LinkedHashMap<>();
    // The events' time zones, by title (as key() has it), from their event files.
    Map<String, String> zones = new java.util.HashMap<>();
    // Every event file, also of a folder without talks: an event with no talks is still an event.
    // By its path inside the folder, which its line in the report names.
    Map<String, Event.Details> events = new LinkedHashMap<>();
    // What the report says of an event file's text below its front matter: an event has no notes.
    Map<String, String> eventTextLeft = new java.util.HashMap<>();
    // Each event file's text below its front matter, by folder, as section() read it.
    Map<Path, String> sectionTexts = new java.util.HashMap<>();
    for (Path index : sectionFiles) {
      try {
        Event.Details details = section(realRoot, index.getParent(), sections, zones, sectionTexts);
        if (details != null) {
          String rel = realRoot.relativize(index).toString().replace('\\', '/');
          events.put(rel, details);
          String text = sectionTexts.getOrDefault(index.getParent(), "");
          if (!text.isEmpty()) {
            eventTextLeft.put(
                rel,
                "; its text, "
                    + Counts.of(text.lines().count(), "line")
                    + ", is not kept: an event has no notes");
          }
        }
      } catch (NotebookException e) {
        results.add(
            new FileResult(
                realRoot.relativize(index).toString().replace('\\', '/'),
                Outcome.FAILED,
                e.getMessage()));
      }
    }
    // Each folder's event file, and those of the folders above it, is read first, once.
    for (Path file : files) {
      for (Path dir : sectionFolders(realRoot, file.getParent())) {
        try {
          section(realRoot, dir, sections, zones, null);
        } catch (NotebookException e) {
          // said for each file below that folder, below
        }
      }
    }
    Map<Path, Event.Details> known = java.util.Collections.unmodifiableMap(sections);
    Map<String, List<Path>> byName = notesByName(realRoot, files);
    // The files are read and checked on every core (reading, YAML and validation are most of an
    // import's work besides storing); this thread then stores them, in file order.
    java.util.concurrent.ExecutorService readers =
        java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            task -> {
              Thread t = new Thread(task, "markdown-import-reader");
              t.setDaemon(true);
              return t;
            });
    List<java.util.concurrent.Future<Object>> outcomes = new ArrayList<>(files.size());
    for (Path file : files) {
      outcomes.add(
          readers.submit(
              () -> {
                String rel = realRoot.relativize(file).toString().replace('\\', '/');
                try {
                  return (Object) parse(realRoot, file, rel, known, byName);
                } catch (NotebookException e) {
                  return new FileResult(rel, Outcome.FAILED, e.getMessage());
                }
              }));
    }
    int[] eventsCreated = {0};
    int[] attachments = {0};
    // What the transaction did; it starts them afresh, as the notebook may run it a second time
    // (after rebuilding a damaged search index), and each file is counted once.
    List<FileResult> stored = new ArrayList<>();
    List<FileResult> failedToRead = new ArrayList<>();
    Set<Long> into = new java.util.LinkedHashSet<>();
    try {
      notebook.inBulk(
          () -> {
            eventsCreated[0] = 0;
            attachments[0] = 0;
            stored.clear();
            failedToRead.clear();
            into.clear();
            Map<String, Event> byTitle = new LinkedHashMap<>();
            long lastEventBefore = 0;
            for (Event e : notebook.events().list()) {
              byTitle.putIfAbsent(key(e.title()), e);
              lastEventBefore = Math.max(lastEventBefore, e.id());
            }
            for (Map.Entry<String, Event.Details> index : events.entrySet()) {
              int before = eventsCreated[0];
              Event event =
                  eventFor(
                      notebook,
                      byTitle,
                      index.getValue().title(),
                      null,
                      index.getValue(),
                      zones,
                      eventsCreated);
              stored.add(
                  new FileResult(
                      index.getKey(),
                      Outcome.EVENT,
                      (eventsCreated[0] > before ? "new event \"" : "event \"")
                          + event.title()
                          + "\""
                          + eventTextLeft.getOrDefault(index.getKey(), "")));
            }
            int n = 0;
            // Each talk a file is, with that file's path.
            Map<Long, String> claimed = new java.util.HashMap<>();
            // The talks this notebook had before the import: the last id then (ids only grow).
            long lastBefore = notebook.talks().lastId();
            // Each talk of those named by a talkbook_id here, with the file that takes it: null
            // until a file's talk can depend on it (below), as each file is stored while the files
            // after it are still being read.
            Map<Long, String> named = null;
            Map<Long, List<Talk>> talksOf = new java.util.HashMap<>();
            // New talks without attachments are added together, in file order (a talk with
            // attachments, or an update, first adds those before it), a batch at a time while
            // the next files are read.
            Batch batch = new Batch();
            List<Deferred> deferred = new ArrayList<>();
            for (java.util.concurrent.Future<Object> outcome : outcomes) {
              Object o = Tasks.done(outcome);
              if (o instanceof Parsed p) {
                Event event =
                    eventFor(
                        notebook,
                        byTitle,
                        p.eventTitle(),
                        p.eventTitleBefore(),
                        p.eventDetails(),
                        zones,
                        eventsCreated);
                into.add(event.id());
                // Which talk a file takes by its title, or by its talkbook_id when other files
                // name the same talk, depends on every file's talkbook_id, wherever it sorts: once
                // a file names a talk this notebook has, or has the title of one in its event,
                // every file is read before it is stored.
                if (named == null
                    && (namedTalk(notebook, p, lastBefore) != null
                        || talksOf
                            .computeIfAbsent(event.id(), id -> notebook.talks().list(id))
                            .stream()
                            .anyMatch(p::titled))) {
                  named = namedTalks(notebook, readAll(outcomes, progress), lastBefore);
                }
                FileResult result =
                    store(
                        notebook,
                        realRoot,
                        event,
                        p,
                        attachments,
                        claimed,
                        named == null ? Map.of() : named,
                        talksOf,
                        batch,
                        deferred);
                if (result != null) {
                  stored.add(result);
                }
                if (batch.pending.size() >= STORE_BATCH) {
                  batch.flush(notebook);
                }
                progress.update(++n, files.size(), p.path());
              } else {
                FileResult failed = (FileResult) o;
                failedToRead.add(failed);
                progress.update(++n, files.size(), failed.path());
              }
            }
            batch.flush(notebook);
            // The notes that link to other notes, now that every imported file's talk is known.
            for (Deferred d : deferred) {
              stored.add(finish(notebook, d, batch.talkOfFile));
            }
            datesFromTalks(notebook, into, lastEventBefore, events.values());
            if (dryRun) {
              throw new DryRun();
            }
            return null;
          });
    } catch (DryRun rolledBack) {
      // A dry run: everything above was done and undone; the report says what it would be.
    } finally {
      readers.shutdownNow();
    }
    results.addAll(failedToRead);
    results.addAll(stored);
    results.sort(java.util.Comparator.comparing(FileResult::path, NaturalOrder.SLASHED_PATHS));
    return new Report(results, eventsCreated[0], attachments[0], dryRun, List.copyOf(into));
  }

  /** An export's talk file name: its number in its event, a dash, its title's slug. */
  private static final Pattern EXPORTED_NAME = Pattern.compile("\\d+-(.+)\\.md");

  /**
   * Each talk this notebook had before the import ({@link #namedTalk}) that a file read names by
   * its {@code talkbook_id}, with the file that takes it. When several name one talk (a copy), the
   * same file takes it whatever the order they sort in: the one in the talk's event, then the one
   * named as the export names that talk's file ({@code NN-slug.md}), then the first.
   */
  private static Map<Long, String> namedTalks(
      Notebook notebook, List<Object> read, long lastBefore) {
    Map<Long, Parsed> best = new java.util.HashMap<>();
    Map<Long, Integer> bestScore = new java.util.HashMap<>();
    Map<Long, String> eventTitles = new java.util.HashMap<>();
    for (Object o : read) {
      if (!(o instanceof Parsed p)) {
        continue;
      }
      Talk talk = namedTalk(notebook, p, lastBefore);
      if (talk == null) {
        continue;
      }
      String eventTitle =
          eventTitles.computeIfAbsent(talk.eventId(), id -> key(notebook.events().get(id).title()));
      Matcher name = EXPORTED_NAME.matcher(p.file().getFileName().toString());
      int score =
          (key(p.eventTitle()).equals(eventTitle) ? 2 : 0)
              + (name.matches() && Slugs.fits(name.group(1), talk.title(), "untitled") ? 1 : 0);
      if (score > bestScore.getOrDefault(talk.id(), -1)) {
        best.put(talk.id(), p);
        bestScore.put(talk.id(), score);
      }
    }
    Map<Long, String> named = new java.util.HashMap<>();
    best.forEach((id, p) -> named.put(id, p.path()));
    return named;
  }

  /**
   * The talk {@code p}'s talkbook_id names, if this notebook had it before the import ({@code
   * lastBefore}: its last talk id then; not one this import made since), or null.
   */
  private static Talk namedTalk(Notebook notebook, Parsed p, long lastBefore) {
    return p.identity() == null || p.identity().talkId() > lastBefore
        ? null
        : notebook.talks().find(p.identity().talkId()).filter(p.identity()::is).orElse(null);
  }

  /** Every file's outcome, read or failed, in file order, once all are read. */
  private static List<Object> readAll(
      List<java.util.concurrent.Future<Object>> outcomes, SiteExporter.Progress progress) {
    List<Object> read = new ArrayList<>(outcomes.size());
    for (java.util.concurrent.Future<Object> outcome : outcomes) {
      Object o = Tasks.done(outcome);
      read.add(o);
      progress.update(
          read.size(),
          outcomes.size(),
          "reading " + (o instanceof Parsed p ? p.path() : ((FileResult) o).path()));
    }
    return read;
  }

  /** New talks stored together, this many at a time. */
  private static final int STORE_BATCH = 500;

  /**
   * The event called {@code title}: the notebook's (its details updated to {@code details} when
   * those say more than its title), or a new one; with the time zone its event file names.
   */
  private static Event eventFor(
      Notebook notebook,
      Map<String, Event> byTitle,
      String title,
      String titleBefore,
      Event.Details details,
      Map<String, String> zones,
      int[] eventsCreated) {
    Event event = byTitle.get(key(title));
    if (event == null && titleBefore != null) {
      // the event an import before this version made of the same folder ("Q&A   part 2")
      event = byTitle.get(key(titleBefore));
    }
    if (event == null) {
      event = notebook.events().create(details);
      byTitle.put(key(event.title()), event);
      eventsCreated[0]++;
    } else if (details != null && !details.equals(event.details()) && hasDetails(details)) {
      event = notebook.events().update(event.id(), details);
      byTitle.put(key(event.title()), event);
    }
    String zone = zones.get(key(title));
    if (zone != null && !zone.equals(event.timeZone())) {
      event = notebook.events().setTimeZone(event.id(), zone);
      byTitle.put(key(event.title()), event);
    }
    return event;
  }

  /**
   * Gives each event this import made ({@code id > lastEventBefore}) without dates the first and
   * last day of its talks: an event named by its folder (no {@code _index.md}) otherwise has no
   * dates though its talks have, so the lists show it without any and sort it after every dated
   * event. An event the notebook had keeps its dates, or lack of them, as its user set them; so
   * does one an {@code _index.md} describes (an export writes one for every event, dated or not).
   */
  private static void datesFromTalks(
      Notebook notebook,
      Set<Long> into,
      long lastEventBefore,
      java.util.Collection<Event.Details> eventFiles) {
    Set<String> described = new java.util.HashSet<>();
    for (Event.Details d : eventFiles) {
      described.add(key(d.title()));
    }
    for (long id : into) {
      if (id <= lastEventBefore) {
        continue;
      }
      Event event = notebook.events().get(id);
      if (described.contains(key(event.title()))) {
        continue; // its _index.md says its dates, or that it has none (an export's event)
      }
      Event.Details details = event.details();
      if (details.startDate() != null || details.endDate() != null) {
        continue;
      }
      java.time.LocalDate first = null;
      java.time.LocalDate last = null;
      for (Talk t : notebook.talks().list(id)) {
        LocalDateTime at = t.details().startsAt();
        if (at != null) {
          java.time.LocalDate day = at.toLocalDate();
          first = first == null || day.isBefore(first) ? day : first;
          last = last == null || day.isAfter(last) ? day : last;
        }
      }
      if (first != null) {
        notebook
            .events()
            .update(
                id,
                new Event.Details(details.title(), first, last, details.location(), details.url()));
      }
    }
  }

  /** An event file: Hugo's section file, {@code _index.md}. */
  private static boolean isSection(Path file) {
    return file.getFileName().toString().equals("_index.md");
  }

  /** Files and folders whose name starts with a dot (.obsidian, .git, .trash) are not notes. */
  static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDetails(Event.Details d) {
    return d.startDate() != null || d.location() != null || d.url() != null;
  }

  private static String key(String title) {
    return title.strip().toLowerCase(Locale.ROOT);
  }

  private FileResult store(
      Notebook notebook,
      Path root,
      Event event,
      Parsed p,
      int[] attachmentCount,
      Map<Long, String> claimed,
      Map<Long, String> named,
      Map<Long, List<Talk>> talksOf,
      Batch batch,
      List<Deferred> deferred) {
    // A file an export wrote is its talk, whatever was changed in it (its title, its event). A
    // second file naming the same talk (a copy) is matched as a file without that name is, by its
    // title: a new talk the first time, its line saying why, and that talk on the next import.
    Talk existing = null;
    String copyOf = "";
    Long namedId = p.identity() == null ? null : p.identity().talkId();
    if (namedId != null && p.path().equals(named.get(namedId))) {
      existing = notebook.talks().get(namedId);
    } else {
      if (namedId != null && named.containsKey(namedId)) {
        copyOf =
            ": "
                + named.get(namedId)
                + " is talk "
                + namedId
                + " already (this file's "
                + MarkdownExporter.TALKBOOK_ID
                + " names it too: a copy?)";
      }
      // Each existing talk matches one file at most, so two talks of one title stay two, and a
      // talk a file here names by its talkbook_id is that file's. An event's talks are read once;
      // new ones are claimed as they are made.
      existing =
          talksOf.computeIfAbsent(event.id(), id -> notebook.talks().list(id)).stream()
              .filter(t -> !claimed.containsKey(t.id()) && !named.containsKey(t.id()))
              .filter(p::titled)
              .findFirst()
              .orElse(null);
    }
    if (existing != null) {
      claimed.put(existing.id(), p.path());
    }
    boolean created = existing == null;
    boolean linksNotes = p.linksNotes();
    if (created && p.attachmentPaths().isEmpty() && !linksNotes) {
      batch.add(
          p.file(),
          new TalkStore.NewTalk(
              event.id(), p.details(), p.body(), p.programme(), Boolean.TRUE.equals(p.starred())),
          p.said());
      return new FileResult(
          p.path(), Outcome.CREATED, p.saying("new talk in \"" + event.title() + "\"" + copyOf));
    }
    batch.flush(notebook);
    Talk talk;
    if (created) {
      talk =
          notebook
              .talks()
              .create(
                  event.id(),
                  p.details(),
                  p.attachmentPaths().isEmpty() && !linksNotes ? p.body() : "",
                  p.programme() == null ? Programme.NONE : p.programme());
      claimed.put(talk.id(), p.path());
      if (Boolean.TRUE.equals(p.starred())) {
        talk = notebook.talks().star(talk.id(), true);
      }
    } else {
      talk = existing;
      // What the file does not say of the programme or the star is left as the notebook has it;
      // a tag the file spells otherwise keeps the notebook's spelling (an import, not an edit).
      if (p.programme() != null && !p.programme().equals(talk.programme())) {
        talk = notebook.talks().update(talk.id(), p.details(), p.programme());
      } else if (!talk.details().equals(p.details())) {
        talk = notebook.talks().update(talk.id(), p.details(), talk.programme());
      }
      if (p.starred() != null && p.starred() != talk.starred()) {
        talk = notebook.talks().star(talk.id(), p.starred());
      }
      if (talk.eventId() != event.id()) {
        // its file went into another event (its event key, or its folder): the talk goes too
        talk = notebook.talks().move(talk.id(), event.id(), Integer.MAX_VALUE);
      }
    }
    if (p.said() != null) {
      notebook.talks().saveProgrammeSaid(Map.of(talk.id(), p.said()));
    }
    Map<String, String> urls = new LinkedHashMap<>();
    if (!p.attachmentPaths().isEmpty()) {
      for (String relPath : p.attachmentPaths()) {
        Path file = attachmentFile(root, p.file(), relPath);
        byte[] bytes = readAttachment(root, file, relPath);
        AttachmentRef ref =
            notebook.attachments().add(talk.id(), file.getFileName().toString(), null, bytes);
        urls.put(relPath, ref.url());
        attachmentCount[0]++;
      }
    }
    batch.talkOfFile.put(p.file(), talk.id());
    if (linksNotes) {
      deferred.add(new Deferred(p, talk, existing, event, urls, created, copyOf));
      return null;
    }
    String body = relinkToAttachments(p.body(), p.links(), urls);
    return outcome(notebook, p, talk, existing, event, body, created, copyOf, List.of());
  }

  /**
   * Stores the notes of a file that links to other notes: each link to a file this import made a
   * talk of becomes a {@link TalkLink} to it (with its heading); the others are kept as written and
   * named in the file's line. Its links to attachments are made in the same pass.
   */
  private static FileResult finish(Notebook notebook, Deferred d, Map<Path, Long> talkOfFile) {
    List<String> leadNowhere = new ArrayList<>();
    Map<String, String> urls = new LinkedHashMap<>();
    d.parsed()
        .noteLinks()
        .forEach(
            (written, target) -> {
              Long id = talkOfFile.get(target.file());
              if (id == null) {
                if (!leadNowhere.contains(target.written())) {
                  leadNowhere.add(target.written());
                }
              } else {
                urls.put(written, new TalkLink(id, target.fragment()).url());
              }
            });
    Parsed p = d.parsed();
    // Obsidian's links first, from the last: the links after each move by what it changed.
    String[] made = new String[p.wikiLinks().size()];
    for (int i = 0; i < made.length; i++) {
      NoteTarget target = p.wikiLinks().get(i).target();
      Long id = target.file() == null ? null : talkOfFile.get(target.file());
      if (id != null) {
        made[i] = new TalkLink(id, target.fragment()).markdown(p.wikiLinks().get(i).link().text());
      } else if (!leadNowhere.contains(target.written())) {
        leadNowhere.add(target.written());
      }
    }
    StringBuilder notes = new StringBuilder(p.body());
    List<int[]> changes = new ArrayList<>(); // {where it ended, change of length}
    for (int i = made.length - 1; i >= 0; i--) {
      if (made[i] != null) {
        InlineLinks.WikiLink w = p.wikiLinks().get(i).link();
        notes.replace(w.start(), w.end(), made[i]);
        changes.add(new int[] {w.end(), made[i].length() - (w.end() - w.start())});
      }
    }
    List<InlineLinks.Link> links =
        changes.isEmpty()
            ? p.links()
            : p.links().stream()
                .map(
                    l -> {
                      int by = 0;
                      for (int[] c : changes) {
                        by += c[0] <= l.start() ? c[1] : 0;
                      }
                      return l.shifted(by);
                    })
                .toList();
    String body =
        relink(
            notes.toString(),
            links,
            bare -> {
              String attachment = d.attachments().get(InlineLinks.decodedPath(bare));
              return attachment != null ? attachment : urls.get(bare);
            });
    return outcome(
        notebook,
        d.parsed(),
        d.talk(),
        d.existing(),
        d.event(),
        body,
        d.created(),
        d.copyOf(),
        leadNowhere);
  }

  /**
   * Saves {@code body} as the talk's notes when it was not stored with the talk, and says what
   * happened to the file: a new talk ({@code copyOf}: why a file naming a talk is a new one), or a
   * talk updated, renamed ({@code renamed: "Old" → "New"}) or moved to another event; {@code
   * leadNowhere}: its links to notes that no imported file is.
   */
  private static FileResult outcome(
      Notebook notebook,
      Parsed p,
      Talk talk,
      Talk existing,
      Event event,
      String body,
      boolean created,
      String copyOf,
      List<String> leadNowhere) {
    boolean bodyChanged =
        !created || !p.attachmentPaths().isEmpty() || p.linksNotes()
            ? notebook.talks().saveBody(talk.id(), body)
            : false;
    String unlinked = unlinkedNotes(leadNowhere);
    if (created) {
      return new FileResult(
          p.path(),
          Outcome.CREATED,
          p.saying("new talk in \"" + event.title() + "\"" + copyOf) + unlinked);
    }
    boolean moved = existing.eventId() != event.id();
    boolean detailsChanged =
        !existing.details().equals(p.details())
            || !existing.programme().equals(talk.programme())
            || existing.starred() != talk.starred()
            || moved;
    String renamed =
        existing.title().equals(talk.title())
            ? ""
            : "renamed: \"" + existing.title() + "\" → \"" + talk.title() + "\", ";
    String from =
        moved ? ", moved from \"" + notebook.events().get(existing.eventId()).title() + "\"" : "";
    return bodyChanged || detailsChanged
        ? new FileResult(
            p.path(),
            Outcome.UPDATED,
            p.saying(renamed + "talk " + talk.id() + " in \"" + event.title() + "\"" + from)
                + unlinked)
        : new FileResult(p.path(), Outcome.UNCHANGED, p.saying("talk " + talk.id()) + unlinked);
  }

  /** What a file's line says of its links to notes that no imported file is ("" for none). */
  private static String unlinkedNotes(List<String> leadNowhere) {
    if (leadNowhere.isEmpty()) {
      return "";
    }
    return "; "
        + (leadNowhere.size() == 1
            ? "a link to a note leads to no imported talk"
            : leadNowhere.size() + " links to notes lead to no imported talk")
        + " (kept as written): "
        + firstQuoted(leadNowhere);
  }

  /** The first three of {@code names}, quoted, then ", …" when there are more. */
  static String firstQuoted(List<String> names) {
    List<String> some = names.stream().limit(3).map(m -> "\"" + m + "\"").toList();
    return String.join(", ", some) + (names.size() > some.size() ? ", …" : "");
  }

  /**
   * Refuses, before anything is stored, an attachment outside the folder, too large or unreadable.
   */
  private static void checkAttachment(Path root, Path file, String relPath) {
    try {
      checked(root, file, relPath);
    } catch (IOException e) {
      throw new SiteException(
          "attachment \"" + relPath + "\" cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] readAttachment(Path root, Path file, String relPath) {
    try {
      return Files.readAllBytes(checked(root, file, relPath));
    } catch (IOException e) {
      throw new SiteException(
          "attachment \"" + relPath + "\" cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** The attachment's real path, once it is known to be inside the folder, small and readable. */
  private static Path checked(Path root, Path file, String relPath) throws IOException {
    Path real = file.toRealPath();
    if (!real.startsWith(root)) {
      throw new SiteException("attachment \"" + relPath + "\" is outside the imported folder");
    }
    long size = Files.size(real);
    if (size > AttachmentStore.MAX_BYTES) {
      throw new SiteException(
          "attachment \""
              + relPath
              + "\" is "
              + size / (1024 * 1024)
              + " MB; attachments can be at most "
              + AttachmentStore.MAX_BYTES / (1024 * 1024)
              + " MB");
    }
    if (!Files.isReadable(real)) {
      throw new SiteException("attachment \"" + relPath + "\" cannot be read");
    }
    return real;
  }

  /** Reads and validates one file; nothing is stored yet. */
  private Parsed parse(
      Path root,
      Path file,
      String rel,
      Map<Path, Event.Details> sections,
      Map<String, List<Path>> notesByName) {
    String text = readText(file);
    FrontMatter.Parsed fm = FrontMatter.parse(text, true);
    Map<String, Object> data = fm.data();
    // Obsidian's %% comments are private remarks it never shows when reading or publishing: in a
    // vault they are not imported, so no preview, site, feed or search index shows them. Elsewhere
    // (Talkbook's own export, Hugo, Jekyll) %% is text: "5%% to 10%%" or a printf format outside
    // backticks lost what followed, and an import back into the notebook cut the talk's notes.
    // A note of Obsidian's out of its vault keeps them, and its line says so (not for a file of
    // Talkbook's own export, whose %% are the talk's own text).
    // In a vault too, a file of Talkbook's own export (its talkbook_id) keeps them: exported into
    // a vault to read in Obsidian and imported back, "5%% off" cut the talk's notes (an unclosed
    // %% to their end). Its line says so, in case a remark was added there in Obsidian.
    boolean vault = inObsidianVault(root);
    boolean exported = Identity.of(data) != null;
    ObsidianComments.Stripped comments =
        vault && !exported
            ? ObsidianComments.strip(fm.body())
            : new ObsidianComments.Stripped(fm.body(), 0, false);
    int commentsKept =
        (vault && !exported) || comments.text().indexOf("%%") < 0 || (exported && !vault)
            ? 0
            : ObsidianComments.strip(fm.body()).comments();
    String body = comments.text();
    Event.Details section = null;
    for (Path dir : sectionFolders(root, file.getParent())) {
      section = section(root, dir, sections, null, null);
      if (section != null) {
        break;
      }
    }
    Path dir = file.getParent();
    // Hugo's section: the top-level folder under the root (under a Hugo site's content folder);
    // for a file at the root, the root's
    Path top = dir;
    while (!top.equals(root) && !top.getParent().equals(root)) {
      Path parent = top.getParent();
      if (parent.getParent().equals(root) && parent.getFileName().toString().equals("content")) {
        break;
      }
      top = parent;
    }
    String eventTitle =
        string(data, "event").orElse(section != null ? section.title() : folderTitle(root, top));
    Event.Details eventDetails =
        section != null && key(section.title()).equals(key(eventTitle))
            ? section
            : Event.Details.titled(eventTitle);
    // Obsidian names a note by its file, whatever its first heading: so does the import of a vault
    // (and [[Talk B]] finds the talk "Talk B"); other notes by their first heading, else the file.
    String title =
        string(data, "title")
            .orElseGet(
                () -> vault ? noteName(file) : firstHeading(body).orElseGet(() -> fileTitle(file)));
    List<String> speakers = list(data, "speakers", "speaker", "authors", "author");
    List<String> tags = list(data, "tags", "categories", "keywords");
    LocalDateTime startsAt =
        firstString(data, "date", "starts_at", "time")
            .map(v -> dateTime(v, "date"))
            .orElseGet(() -> fileDate(file));
    Talk.Details details =
        new Talk.Details(
            title,
            speakers,
            startsAt,
            string(data, "room").orElse(null),
            firstString(data, "slides", "slides_url").orElse(null),
            firstString(data, "video", "video_url").orElse(null),
            tags);
    Map<String, Object> unknown = new LinkedHashMap<>();
    data.forEach(
        (k, v) -> {
          if (!TALK_KEYS.contains(k.toLowerCase(Locale.ROOT))) {
            unknown.put(k, v);
          }
        });
    String notes = FrontMatter.write(unknown, body);
    if (notes.length() > TalkStore.MAX_BODY_CHARS) {
      throw new SiteException(
          String.format(
              Locale.ROOT,
              "the notes are %,d characters long, and a talk holds at most %,d: split the file"
                  + " into several .md files (a talk each) and import again",
              notes.length(),
              TalkStore.MAX_BODY_CHARS));
    }
    List<String> attachmentPaths = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String listed : list(data, "attachments")) {
      addAttachmentPath(root, file, listed, attachmentPaths);
    }
    // The notes' links, found once: for the files and notes they lead to, and to relink them.
    List<InlineLinks.Link> links = linksAndPictures(body);
    relativeLinks(links, file.getParent(), root, attachmentPaths, missing, null);
    siteRootLinks(links, root, attachmentPaths, missing);
    for (String relPath : attachmentPaths) {
      checkAttachment(root, attachmentFile(root, file, relPath), relPath);
    }
    return new Parsed(
        rel,
        file,
        eventTitle,
        eventDetails,
        details,
        notes,
        attachmentPaths,
        programme(data),
        said(data),
        bool(data, MarkdownExporter.STARRED),
        List.copyOf(missing),
        noteLinks(links, file.getParent()),
        shifted(links, notes.length() - body.length()),
        Identity.of(data),
        wikiLinks(body, links, notesByName, file.getParent(), notes.length() - body.length()),
        InlineLinks.embeds(body, links),
        comments,
        commentsKept,
        string(data, "event").isEmpty() && section == null
            ? before(folderTitle(root, top), folderTitle(root, top, false))
            : null,
        string(data, "title").isEmpty() && !vault && firstHeading(body).isEmpty()
            ? before(fileTitle(file), fileTitle(file, false))
            : null);
  }

  /** {@code before} when it is another title than {@code now}, else null. */
  private static String before(String now, String before) {
    return before.equals(now) ? null : before;
  }

  /**
   * The Obsidian links of a note's {@code body} (outside code and its {@code links}), where they
   * stand in its notes ({@code by} characters on), each with the note it names.
   */
  private static List<WikiTarget> wikiLinks(
      String body,
      List<InlineLinks.Link> links,
      Map<String, List<Path>> notesByName,
      Path folder,
      int by) {
    List<WikiTarget> found = new ArrayList<>();
    for (InlineLinks.WikiLink w : InlineLinks.wikiLinks(body, links)) {
      found.add(
          new WikiTarget(
              w.shifted(by),
              new NoteTarget(
                  wikiTarget(notesByName, w.note(), folder),
                  w.fragment(),
                  body.substring(w.start(), w.end()))));
    }
    return found;
  }

  /**
   * {@code links} as they stand in the notes, {@code by} characters on: after the front matter
   * {@link FrontMatter#write} puts before the body.
   */
  private static List<InlineLinks.Link> shifted(List<InlineLinks.Link> links, int by) {
    return by == 0 ? links : links.stream().map(l -> l.shifted(by)).toList();
  }

  /**
   * The links of a note ({@code found}) to other notes by a relative path ({@code 02-loom.md},
   * {@code ./a%20b.md}, {@code ../day2/x.md#demo}), by the target as written (without angle
   * brackets): the file each resolves to from {@code folder}, and its heading.
   */
  static Map<String, NoteTarget> noteLinks(List<InlineLinks.Link> found, Path folder) {
    Map<String, NoteTarget> links = new LinkedHashMap<>();
    for (InlineLinks.Link link : found) {
      String bare = link.target();
      if (links.containsKey(bare) || !isRelativeFile(bare)) {
        continue;
      }
      int hash = bare.indexOf('#');
      String path = hash < 0 ? bare : bare.substring(0, hash);
      String fragment = hash < 0 ? null : bare.substring(hash + 1);
      int query = path.indexOf('?');
      if (query >= 0) {
        path = path.substring(0, query);
      }
      String decoded = InlineLinks.decodedPath(path);
      if (decoded.toLowerCase(Locale.ROOT).endsWith(".md")) {
        links.put(bare, new NoteTarget(folder.resolve(decoded).normalize(), fragment, decoded));
      }
    }
    return links;
  }

  /**
   * The files that the {@code links} of notes in {@code folder} lead to by a relative path (other
   * notes, {@code .md}, aside): those inside {@code root} go to {@code found} (as the link names
   * them, decoded), those not there to {@code missing} (the link is kept as it is; the report says
   * it leads nowhere), and files outside {@code root} to {@code outside} when it is not null.
   */
  private static void relativeLinks(
      List<InlineLinks.Link> links,
      Path folder,
      Path root,
      List<String> found,
      List<String> missing,
      List<String> outside) {
    for (InlineLinks.Link link : links) {
      String target = link.target();
      if (isRelativeFile(target)) {
        String decoded = InlineLinks.decodedPath(target);
        Path f = folder.resolve(decoded).normalize();
        int hash = decoded.indexOf('#');
        boolean note =
            decoded.toLowerCase(Locale.ROOT).endsWith(".md")
                || (hash > 0
                    && decoded.substring(0, hash).toLowerCase(Locale.ROOT).endsWith(".md"));
        if (f.startsWith(root) && Files.isRegularFile(f) && !note) {
          if (!found.contains(decoded)) {
            found.add(decoded);
          }
        } else if (!note && !Files.exists(f) && !missing.contains(decoded)) {
          missing.add(decoded);
        } else if (!note && outside != null && !f.startsWith(root) && !outside.contains(decoded)) {
          outside.add(decoded);
        }
      }
    }
  }

  /**
   * The file an attachment path of a note ({@code noteFile}) names: relative to the note's folder,
   * or for a site-root path ({@code /img/a.png}, Hugo's) in the site's {@code static} folder.
   */
  private static Path attachmentFile(Path root, Path noteFile, String relPath) {
    return relPath.startsWith("/")
        ? root.resolve("static").resolve(relPath.substring(1)).normalize()
        : noteFile.getParent().resolve(relPath).normalize();
  }

  /** The names of the files that make a folder a Hugo site (with its {@code content} folder). */
  private static final List<String> HUGO_CONFIGS =
      List.of(
          "hugo.toml",
          "hugo.yaml",
          "hugo.yml",
          "hugo.json",
          "config.toml",
          "config.yaml",
          "config.yml",
          "config.json");

  /** Whether {@code root} is a Hugo site: a {@code content} folder and a configuration file. */
  static boolean isHugoSite(Path root) {
    return Files.isDirectory(root.resolve("content"))
        && HUGO_CONFIGS.stream().anyMatch(c -> Files.isRegularFile(root.resolve(c)));
  }

  /**
   * The site-root links of notes ({@code ![pic](/img/a.png)}): in a Hugo site ({@link #isHugoSite})
   * a file in its {@code static} folder, which Hugo publishes at the site's root, goes to {@code
   * found} as the link names it, to be imported; a picture not found there (or in a folder that is
   * no Hugo site) goes to {@code missing}, named in the file's line as other missing pictures are.
   * Other site-root links ({@code [about](/about/)}, a page of the site) stay as they are, unnamed.
   */
  private static void siteRootLinks(
      List<InlineLinks.Link> links, Path root, List<String> found, List<String> missing) {
    Boolean hugo = null;
    for (InlineLinks.Link link : links) {
      String target = link.target();
      if (!target.startsWith("/") || target.startsWith("//")) {
        continue;
      }
      String decoded = InlineLinks.decodedPath(target);
      if (hugo == null) {
        hugo = isHugoSite(root);
      }
      Path f = root.resolve("static").resolve(decoded.substring(1)).normalize();
      if (hugo && f.startsWith(root.resolve("static")) && Files.isRegularFile(f)) {
        if (!found.contains(decoded)) {
          found.add(decoded);
        }
      } else if (link.image() && !missing.contains(decoded)) {
        missing.add(decoded);
      }
    }
  }

  /**
   * The files that notes read from a file ({@code talkbook talk add|edit --notes-file}) link to by
   * a relative path, read and checked as the import reads a note's: stored as the talk's
   * attachments by {@link #store}, which turns those links into attachment links. Files outside the
   * notes file's folder are not stored ({@link #outside}), as the import stores none from outside
   * its folder; links to files that are not there are kept as they are ({@link #missing}).
   */
  public static final class LinkedFiles {
    private final String notes;
    private final List<InlineLinks.Link> links;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> outside = new ArrayList<>();

    /** Reads the files {@code notes} link to; nothing is stored yet. */
    public LinkedFiles(String notes, Path notesFile) {
      Path folder;
      try {
        folder = notesFile.toAbsolutePath().normalize().getParent().toRealPath();
      } catch (IOException e) {
        throw new SiteException(
            "Could not read the folder of " + notesFile + " (" + PathProblems.why(e) + ").", e);
      }
      this.notes = notes;
      this.links = linksAndPictures(notes);
      List<String> found = new ArrayList<>();
      relativeLinks(links, folder, folder, found, missing, outside);
      for (String relPath : found) {
        try {
          files.put(relPath, readAttachment(folder, folder.resolve(relPath).normalize(), relPath));
        } catch (SiteException e) {
          throw new SiteException(
              "The notes in " + notesFile + ": " + e.getMessage() + ". Nothing was changed.", e);
        }
      }
    }

    /** The linked files to store, by the path the notes name them with. */
    public Set<String> files() {
      return files.keySet();
    }

    /** The linked files that are not there. */
    public List<String> missing() {
      return List.copyOf(missing);
    }

    /** The linked files outside the notes file's folder, not stored. */
    public List<String> outside() {
      return List.copyOf(outside);
    }

    /** Stores the files as the talk's attachments and returns {@code notes} linking to them. */
    public String store(Notebook notebook, long talkId, String notes) {
      Map<String, String> urls = new LinkedHashMap<>();
      files.forEach(
          (relPath, bytes) ->
              urls.put(
                  relPath,
                  notebook
                      .attachments()
                      .add(talkId, Path.of(relPath).getFileName().toString(), null, bytes)
                      .url()));
      return relinkToAttachments(
          notes, notes.equals(this.notes) ? links : linksAndPictures(notes), urls);
    }
  }

  private static void addAttachmentPath(Path root, Path file, String listed, List<String> paths) {
    Path f = file.getParent().resolve(listed).normalize();
    if (!f.startsWith(root)) {
      throw new SiteException("attachment \"" + listed + "\" is outside the imported folder");
    }
    if (!Files.isRegularFile(f)) {
      throw new SiteException("attachment \"" + listed + "\" does not exist");
    }
    if (!paths.contains(listed)) {
      paths.add(listed);
    }
  }

  /**
   * The links of {@code notes} ({@link InlineLinks#in}) and the pictures of their raw HTML ({@code
   * <img src="diagram.png">}, {@link InlineLinks#rawImages}), in the order they start: the files
   * both name are stored alike.
   */
  static List<InlineLinks.Link> linksAndPictures(String notes) {
    List<InlineLinks.Link> pictures = InlineLinks.rawImages(notes);
    if (pictures.isEmpty()) {
      return InlineLinks.in(notes);
    }
    List<InlineLinks.Link> all = new ArrayList<>(InlineLinks.in(notes));
    all.addAll(pictures);
    all.sort(java.util.Comparator.comparingInt(InlineLinks.Link::start));
    return all;
  }

  private static boolean isRelativeFile(String target) {
    if (target.isEmpty()
        || target.startsWith("#")
        || target.startsWith("/")
        || target.startsWith("\\")) {
      return false;
    }
    int colon = target.indexOf(':');
    int slash = target.indexOf('/');
    return colon < 0 || (slash >= 0 && slash < colon);
  }

  /**
   * Replaces the relative links (of {@code links}, those in {@code body}) that became attachments
   * by their {@code attachment:} URL.
   */
  private static String relinkToAttachments(
      String body, List<InlineLinks.Link> links, Map<String, String> urls) {
    return urls.isEmpty()
        ? body
        : relink(body, links, bare -> urls.get(InlineLinks.decodedPath(bare)));
  }

  /**
   * Replaces each of {@code links} (those in {@code body}) whose target (without its angle
   * brackets) {@code urls} gives a URL for by that URL; the others are kept.
   */
  private static String relink(
      String body, List<InlineLinks.Link> links, java.util.function.Function<String, String> urls) {
    return InlineLinks.replace(
        body,
        links,
        (text, link) -> {
          String url = urls.apply(link.target());
          return url == null ? null : link.withTarget(text, url);
        });
  }

  private static String readText(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new SiteException("cannot be read (" + e.getMessage() + ")", e);
    }
    if (size > MAX_FILE_BYTES) {
      throw new SiteException(
          "is too large ("
              + size / (1024 * 1024)
              + " MB; at most "
              + MAX_FILE_BYTES / (1024 * 1024)
              + " MB): split it into several .md files (a talk each) and import again");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SiteException("cannot be read (" + e.getMessage() + ")", e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString()
          .replace("\r\n", "\n")
          .replace("\0", "");
    } catch (CharacterCodingException e) {
      throw new SiteException("is not UTF-8 text; save it as UTF-8 and import again", e);
    }
  }

  /**
   * The folders whose {@code _index.md} can name the event of a file in {@code dir}, nearest first:
   * {@code dir} and the folders above it below the root; for a file at the root, the root.
   */
  private static List<Path> sectionFolders(Path root, Path dir) {
    if (dir.equals(root)) {
      return List.of(root);
    }
    List<Path> dirs = new ArrayList<>();
    for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
      dirs.add(d);
    }
    return dirs;
  }

  /**
   * The event details in {@code _index.md} of a folder (read once), or null; its text below the
   * front matter, stripped, goes into {@code texts} (when given) as it is read.
   */
  private Event.Details section(
      Path root,
      Path dir,
      Map<Path, Event.Details> sections,
      Map<String, String> zones,
      Map<Path, String> texts) {
    if (sections.containsKey(dir)) {
      return sections.get(dir);
    }
    Path index = dir.resolve("_index.md");
    Event.Details details = null;
    if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
      try {
        FrontMatter.Parsed parsed = FrontMatter.parse(readText(index), true);
        if (texts != null) {
          texts.put(dir, parsed.body().strip());
        }
        Map<String, Object> data = parsed.data();
        details =
            new Event.Details(
                string(data, "title").orElse(folderTitle(root, dir)),
                string(data, "date").map(v -> date(v, "date")).orElse(null),
                firstString(data, "end_date", "enddate", "end")
                    .map(v -> date(v, "end_date"))
                    .orElse(null),
                firstString(data, "location", "place", "venue").orElse(null),
                firstString(data, "website", "url", "link").orElse(null));
        Optional<String> zone = firstString(data, MarkdownExporter.TIME_ZONE, "time_zone");
        if (zone.isPresent() && zones != null) {
          try {
            zones.put(key(details.title()), Event.timeZone(zone.get()));
          } catch (NotebookException e) {
            throw new SiteException(
                "its event file "
                    + root.relativize(index)
                    + " names a time zone that is not known (\""
                    + zone.get()
                    + "\"); use a name like Europe/Berlin or an offset like +02:00");
          }
        }
      } catch (NotebookException e) {
        throw new SiteException(
            "its event file "
                + root.relativize(index)
                + " "
                + (e.getMessage().startsWith("is ") ? "" : "has ")
                + e.getMessage());
      }
    }
    sections.put(dir, details);
    return details;
  }

  private static String folderTitle(Path root, Path dir) {
    return folderTitle(root, dir, true);
  }

  /**
   * {@code dir}'s name as an event's title; {@code spacedKept} false: as imports before this
   * version made it, every hyphen and underscore a space ("Q&A - part_2": "Q&A part 2").
   */
  private static String folderTitle(Path root, Path dir, boolean spacedKept) {
    if (dir.equals(root)) {
      return "Imported notes";
    }
    String name = dir.getFileName().toString().replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", "");
    String words = spacedKept ? words(name) : slugWords(name);
    return words.isEmpty()
        ? "Imported notes"
        : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A Jekyll post's name: its date, then its title ({@code 2026-05-02-plain-post.md}). */
  private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.*)");

  /**
   * Whether {@code root} is an Obsidian vault or a folder in one: it or a folder above it holds
   * Obsidian's {@code .obsidian} settings folder.
   */
  static boolean inObsidianVault(Path root) {
    for (Path d = root; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve(".obsidian"))) {
        return true;
      }
    }
    return false;
  }

  /** A note's name as Obsidian shows it: its file's name without {@code .md}. */
  private static String noteName(Path file) {
    String name = file.getFileName().toString().replaceFirst("(?i)\\.md$", "").strip();
    return name.isEmpty() ? fileTitle(file) : name;
  }

  private static String fileTitle(Path file) {
    return fileTitle(file, true);
  }

  /** {@code file}'s name as a talk's title; {@code spacedKept} as for {@link #folderTitle}. */
  private static String fileTitle(Path file, boolean spacedKept) {
    String name = file.getFileName().toString().replaceFirst("(?i)\\.md$", "");
    Matcher dated = DATED_NAME.matcher(name);
    name = dated.matches() ? dated.group(2) : name.replaceFirst("^\\d+-", "");
    name = spacedKept ? words(name) : slugWords(name);
    return name.isEmpty() ? "Untitled" : name;
  }

  /**
   * A folder's or file's name as words: a slug's hyphens and underscores become spaces ({@code
   * jvm-days_2026}: "jvm days 2026"), while a name that has spaces already is a title as the user
   * wrote it and keeps them ({@code Devoxx-ish week}, {@code Q&A - part 2}): it then names the
   * event of that title in the notebook, not a new one beside it.
   */
  private static String words(String name) {
    String n = name.strip();
    return n.chars().anyMatch(Character::isWhitespace) ? n : slugWords(n);
  }

  /** A slug's words: its hyphens and underscores as spaces. */
  private static String slugWords(String name) {
    return name.replace('-', ' ').replace('_', ' ').strip();
  }

  /**
   * The day a file's name starts with, as Jekyll's posts are named ({@code 2026-05-02-title.md}),
   * for a file whose front matter gives no date; null for other names.
   */
  private static LocalDateTime fileDate(Path file) {
    Matcher dated = DATED_NAME.matcher(file.getFileName().toString());
    if (!dated.matches()) {
      return null;
    }
    try {
      return LocalDate.parse(dated.group(1)).atStartOfDay();
    } catch (java.time.DateTimeException e) {
      return null; // 2026-13-45-x.md: a number, not a day
    }
  }

  private static Optional<String> firstHeading(String body) {
    return body.lines()
        .filter(l -> l.startsWith("# "))
        .map(l -> l.substring(2).strip())
        .filter(s -> !s.isEmpty())
        .findFirst();
  }

  private static Optional<String> string(Map<String, Object> data, String key) {
    Object v = data.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
      throw new SiteException(
          "invalid front matter: \"" + key + "\" must be text, not a list or map");
    }
    String s = text(v).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * A scalar as text. YAML's {@code !!binary} (how an older Talkbook wrote text holding control
   * characters) is read as the UTF-8 text it encodes, never as {@code [B@…}; the fields then say
   * what is wrong with it.
   */
  private static String text(Object v) {
    return v instanceof byte[] bytes
        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(v);
  }

  /**
   * What the file says of the talk's programme (as {@link MarkdownExporter} writes it), or null
   * when it says nothing of it.
   */
  private static Programme programme(Map<String, Object> data) {
    Optional<String> abstractText = string(data, MarkdownExporter.ABSTRACT);
    Optional<String> subtitle = string(data, MarkdownExporter.SUBTITLE);
    Optional<String> minutes = string(data, MarkdownExporter.DURATION_MINUTES);
    Optional<String> language = string(data, MarkdownExporter.LANGUAGE);
    Optional<String> track = string(data, MarkdownExporter.TRACK);
    Optional<String> uid = string(data, MarkdownExporter.PROGRAMME_UID);
    Optional<String> source = string(data, MarkdownExporter.PROGRAMME_SOURCE);
    Optional<String> removed = string(data, MarkdownExporter.REMOVED_FROM_PROGRAMME);
    if (Stream.of(abstractText, subtitle, minutes, language, track, uid, source, removed)
        .allMatch(Optional::isEmpty)) {
      return null;
    }
    java.time.Duration duration = null;
    if (minutes.isPresent()) {
      try {
        long m = Long.parseLong(minutes.get());
        if (m <= 0 || m > 60 * 24 * 31) {
          throw new NumberFormatException();
        }
        duration = java.time.Duration.ofMinutes(m);
      } catch (NumberFormatException e) {
        throw new SiteException(
            "invalid front matter: \""
                + MarkdownExporter.DURATION_MINUTES
                + "\" must be a whole number of minutes, not \""
                + minutes.get()
                + "\"");
      }
    }
    java.time.Instant removedAt = null;
    if (removed.isPresent()) {
      try {
        removedAt = java.time.Instant.parse(removed.get());
      } catch (java.time.format.DateTimeParseException e) {
        throw new SiteException(
            "invalid front matter: \""
                + MarkdownExporter.REMOVED_FROM_PROGRAMME
                + "\" must be a time like 2026-05-01T09:30:00Z, not \""
                + removed.get()
                + "\"");
      }
    }
    return new Programme(
        abstractText.orElse(""),
        subtitle.orElse(null),
        duration,
        language.orElse(null),
        track.orElse(null),
        uid.orElse(null),
        source.orElse(null),
        removedAt);
  }

  /**
   * What the file says the programme said of the talk at its last import (as {@link
   * MarkdownExporter} writes it), or null when it does not say (a talk typed in, or imported before
   * format 10).
   */
  private static TalkStore.ProgrammeSaid said(Map<String, Object> data) {
    Optional<String> title = string(data, MarkdownExporter.PROGRAMME_TITLE);
    if (title.isEmpty()) {
      return null;
    }
    Talk.Details d =
        new Talk.Details(
            title.get(),
            list(data, MarkdownExporter.PROGRAMME_SPEAKERS),
            string(data, MarkdownExporter.PROGRAMME_DATE)
                .map(v -> dateTime(v, MarkdownExporter.PROGRAMME_DATE))
                .orElse(null),
            string(data, MarkdownExporter.PROGRAMME_ROOM).orElse(null),
            null,
            null,
            List.of());
    return TalkStore.ProgrammeSaid.of(d);
  }

  /** A yes or no ({@code true}/{@code false}, YAML's booleans), or null when the key is absent. */
  private static Boolean bool(Map<String, Object> data, String key) {
    Optional<String> v = string(data, key);
    if (v.isEmpty()) {
      return null;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default ->
          throw new SiteException(
              "invalid front matter: \""
                  + key
                  + "\" must be true or false, not \""
                  + v.get()
                  + "\"");
    };
  }

  private static Optional<String> firstString(Map<String, Object> data, String... keys) {
    for (String k : keys) {
      Optional<String> v = string(data, k);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** A list from a YAML list or a comma-separated string, from the first key present. */
  private static List<String> list(Map<String, Object> data, String... keys) {
    for (String k : keys) {
      Object v = data.get(k);
      if (v == null) {
        continue;
      }
      List<String> out = new ArrayList<>();
      if (v instanceof Collection<?> c) {
        for (Object o : c) {
          if (o instanceof Map<?, ?> || o instanceof Collection<?>) {
            throw new SiteException("invalid front matter: \"" + k + "\" must be a list of text");
          }
          if (o != null) {
            out.add(text(o).strip());
          }
        }
      } else if (v instanceof Map<?, ?>) {
        throw new SiteException("invalid front matter: \"" + k + "\" must be a list of text");
      } else {
        for (String s : text(v).split(",")) {
          out.add(s.strip());
        }
      }
      out.removeIf(String::isEmpty);
      return out;
    }
    return List.of();
  }

  static LocalDate date(String value, String key) {
    try {
      return dateTime(value, key).toLocalDate();
    } catch (SiteException e) {
      throw new SiteException("invalid front matter: \"" + key + "\" is not a date: " + value);
    }
  }

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "([+-]?\\d{4,9}-\\d{2}-\\d{2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?"
              + "\\s*(?:Z|[+-]\\d{2}:?\\d{2})?");

  /**
   * A date, or date and time: every form Talkbook's export writes (ISO-8601, from year -999,999,999
   * to +999,999,999, seconds and fractions kept), and the forms Hugo, Jekyll and Obsidian write
   * ({@code 2024-05-01}, {@code 2024-05-01T10:30:00+02:00}, {@code 2024-05-02 09:00:00 +0000}); the
   * time as written, without its offset (a talk's time is local to where it was given).
   */
  static LocalDateTime dateTime(String value, String key) {
    String v = value.strip();
    try {
      return LocalDateTime.parse(v);
    } catch (java.time.DateTimeException e) {
      // not our own form; try the others
    }
    Matcher m = DATE_TIME.matcher(v);
    try {
      if (m.matches()) {
        LocalDate day = LocalDate.parse(m.group(1));
        if (m.group(2) == null) {
          return day.atStartOfDay();
        }
        return day.atTime(
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
      }
    } catch (java.time.DateTimeException e) {
      // reported below
    }
    throw new SiteException(
        "invalid front matter: \""
            + key
            + "\" is not a date and time (like 2026-03-12T18:30): "
            + value);
  }
}
