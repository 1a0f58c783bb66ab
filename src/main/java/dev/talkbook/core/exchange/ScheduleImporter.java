package dev.talkbook.core.exchange;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.exchange.Schedule.Conference;
import dev.talkbook.core.exchange.Schedule.Session;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TalkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Puts a {@link Schedule} into the notebook, in one transaction: the conference becomes an event
 * (or finds the one it went into before), each session a talk. On a re-import sessions are matched
 * by their GUID/UID: changes of time, room, title, speakers and the rest are applied and listed
 * ("moved: … Saal 1 → Saal 2"). Only what the programme changed since the last import is applied
 * (what it said then is kept per talk): a title, speakers, time or room the attendee edited stays
 * theirs; when the programme changed that field too, theirs is still kept and the report says both
 * ("room: yours "…", the programme's now "…""). The attendee's notes, star and own tags are never
 * touched, and a track tag they removed stays removed (only a track new in the programme adds its
 * tag); a session the programme no longer lists is marked as removed and kept — unless the attendee
 * never did anything with it (no notes, star, revision or file), in which case it is deleted, as it
 * holds nothing of theirs. Re-importing an unchanged programme writes nothing. A dry run does all
 * of it and rolls back, so its report is exactly what the import would do.
 */
public final class ScheduleImporter {
  /** What happened to one talk. */
  public enum Kind {
    ADDED,
    MOVED,
    CHANGED,
    REMOVED,
    /** A session the programme says is cancelled: not added, or its talk marked as removed. */
    CANCELLED
  }

  /**
   * One talk's change: what kind, its title, and what changed ("Saal 1 → Saal 2"). For a talk that
   * moved, the first {@code moves} details are its new time and room, the rest what else changed.
   */
  public record Change(Kind kind, String title, List<String> details, int moves) {
    public Change {
      details = List.copyOf(details);
    }

    public Change(Kind kind, String title, List<String> details) {
      this(kind, title, details, kind == Kind.MOVED ? details.size() : 0);
    }

    /** Whether this marked a talk as cancelled (a {@link Kind#CANCELLED} that changed a talk). */
    public boolean marked() {
      return kind == Kind.CANCELLED && details.equals(List.of(MARKED));
    }

    /** One line: "moved: Title: Saal 1 → Saal 2; 14:00 → 15:30". */
    public String line() {
      return String.join("\n", lines());
    }

    /**
     * The change as the report lists it: a talk that moved and changed otherwise too is two lines,
     * "moved: Title: 14:00 → 15:30; Saal 1 → Saal 2" and "changed: Title: tags …", so a change of
     * tags or title is not read as part of the move.
     */
    public List<String> lines() {
      if (kind == Kind.MOVED && moves > 0 && moves < details.size()) {
        return List.of(
            line(Kind.MOVED, details.subList(0, moves)),
            line(Kind.CHANGED, details.subList(moves, details.size())));
      }
      return List.of(line(kind, details));
    }

    private String line(Kind k, List<String> what) {
      return k.name().toLowerCase(Locale.ROOT)
          + ": "
          + title
          + (what.isEmpty() ? "" : ": " + String.join("; ", what));
    }
  }

  /**
   * What an import did (or, in a dry run, would do). Added, moved, changed and unchanged talks
   * together are the programme's sessions; {@code removedBefore} counts the talks an earlier import
   * marked as removed that the programme still does not list (not among its sessions). {@code
   * eventNamedAfterSource}: the event was made here and named after the file or address, as the
   * programme gives no name (Sessionize's does not).
   */
  public record Report(
      ScheduleFormat format,
      long eventId,
      String eventTitle,
      boolean eventCreated,
      boolean eventNamedAfterSource,
      List<String> eventChanges,
      List<Change> changes,
      int unchanged,
      int removedBefore,
      List<String> leftOut,
      List<String> warnings,
      boolean dryRun) {
    /** How many of the entries left out {@link #details} names; the rest are counted. */
    public static final int LEFT_OUT_NAMED = 10;

    public Report {
      leftOut = List.copyOf(leftOut);
      eventChanges = List.copyOf(eventChanges);
      changes = List.copyOf(changes);
      warnings = List.copyOf(warnings);
    }

    public long count(Kind kind) {
      return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /**
     * How many of the moved talks changed otherwise too (a new title, speakers or tags): each is
     * counted once, as moved, and the summary says "(1 also changed)" so the count agrees with the
     * report's "changed:" line for it.
     */
    public long movedAndChanged() {
      return changes.stream().filter(c -> c.lines().size() > 1).count();
    }

    /**
     * True when nothing was (or would be) changed: a cancelled session not added, or whose talk was
     * marked before, changes nothing.
     */
    public boolean nothingChanged() {
      return changes.stream().allMatch(c -> c.kind() == Kind.CANCELLED && !c.marked())
          && eventChanges.isEmpty()
          && !eventCreated;
    }

    /** One sentence: what was (or would be) done. */
    public String summary() {
      String verb = dryRun ? "Would import" : "Imported";
      return verb
          + " the "
          + format.label()
          + " into \""
          + eventTitle
          + "\""
          + (eventNamedAfterSource
              ? " (a new event, named after the file or address it came from: the programme"
                  + " gives no event name)"
              : eventCreated ? " (a new event)" : "")
          + ": "
          + count(Kind.ADDED)
          + " added, "
          + count(Kind.MOVED)
          + " moved"
          + (movedAndChanged() > 0 ? " (" + movedAndChanged() + " also changed)" : "")
          + ", "
          + count(Kind.CHANGED)
          + " changed, "
          + count(Kind.REMOVED)
          + " removed, "
          + (count(Kind.CANCELLED) > 0 ? count(Kind.CANCELLED) + " cancelled, " : "")
          + unchanged
          + " unchanged"
          + (leftOut.isEmpty()
              ? ""
              : "; "
                  + Counts.of(leftOut.size(), "entry", "entries")
                  + (leftOut.size() > LEFT_OUT_NAMED
                      ? " left out, the first " + LEFT_OUT_NAMED + " said below"
                      : " left out, each said below"))
          + (removedBefore > 0
              ? "; " + Counts.of(removedBefore, "talk") + " already marked as removed"
              : "")
          + (dryRun ? " (dry run: nothing was changed)" : "")
          + ".";
    }

    /** The whole report as lines: the summary, then {@link #details}. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(summary());
      lines.addAll(details());
      return lines;
    }

    /**
     * The report under its summary: the event's changes, each talk's, warnings, then the entries
     * left out (the first {@link #LEFT_OUT_NAMED} named with why, the rest counted).
     */
    public List<String> details() {
      List<String> lines = new ArrayList<>();
      for (String e : eventChanges) {
        lines.add("event: " + e);
      }
      for (Change c : changes) {
        lines.addAll(c.lines());
      }
      for (String w : warnings) {
        lines.add("note: " + w);
      }
      for (String l : leftOut.subList(0, Math.min(LEFT_OUT_NAMED, leftOut.size()))) {
        lines.add("left out: " + l);
      }
      if (leftOut.size() > LEFT_OUT_NAMED) {
        lines.add("left out: and " + (leftOut.size() - LEFT_OUT_NAMED) + " more");
      }
      return lines;
    }
  }

  /** What the report says of a cancelled session's talk it marked as removed. */
  static final String MARKED = "kept and marked as cancelled (your notes, star and files stay)";

  /** Told of each session as it is stored. */
  public interface Progress {
    Progress NONE = (done, total, what) -> {};

    void update(int done, int total, String what);
  }

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final Clock clock;

  public ScheduleImporter(Clock clock) {
    this.clock = clock;
  }

  /** Thrown inside the transaction to roll a dry run back. */
  private static final class DryRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Report report;

    DryRun(Report report) {
      super(null, null, false, false);
      this.report = report;
    }
  }

  /**
   * Imports {@code schedule}. {@code eventRef} picks the event: an id or a title of one in the
   * notebook, or the title of a new one; null finds the event that holds this programme's sessions
   * already, else one with the conference's title, else creates it (titled {@code fallbackTitle}
   * when the programme has no title).
   */
  public Report importSchedule(
      Notebook notebook,
      Schedule schedule,
      String eventRef,
      String fallbackTitle,
      boolean dryRun,
      Progress progress) {
    try {
      return notebook.inTransaction(
          () -> {
            Report report = run(notebook, schedule, eventRef, fallbackTitle, dryRun, progress);
            if (dryRun) {
              throw new DryRun(report);
            }
            return report;
          });
    } catch (DryRun rolledBack) {
      return rolledBack.report;
    }
  }

  private Report run(
      Notebook notebook,
      Schedule schedule,
      String eventRef,
      String fallbackTitle,
      boolean dryRun,
      Progress progress) {
    Conference conf = schedule.conference();
    List<String> eventChanges = new ArrayList<>();
    // [0]: the event was made here; [1]: and named after the source, the programme naming none
    boolean[] created = {false, false};
    Event event = event(notebook, schedule, eventRef, fallbackTitle, created);
    if (!created[0]) {
      event = fillIn(notebook, event, conf, eventChanges);
    }
    ZoneId zone = event.zone().orElse(null);
    if (zone == null) {
      zone = conf.zone() != null ? conf.zone() : firstZone(schedule);
      if (zone != null) {
        event = notebook.events().setTimeZone(event.id(), zone.getId());
        if (!created[0]) {
          eventChanges.add("time zone set to " + zone.getId());
        }
      }
    }

    List<Talk> existing = notebook.talks().list(event.id());
    // A UID names a session of one programme: a talk another programme imported into the same
    // event brought in ("1", "2" in two small pretalx files) is not this one's, neither updated nor
    // marked as cancelled by it. A talk kept without its source is taken as this programme's. A
    // talk of another source is taken only for a session of its UID and its title as the programme
    // said it last: the same programme under another name (a calendar renamed, a generator's
    // PRODID with a new version in it) must not add every talk again.
    Map<String, Talk> byUid = new LinkedHashMap<>();
    Map<String, Talk> otherSource = new LinkedHashMap<>();
    for (Talk t : existing) {
      String source = t.programme().source();
      if (t.programme().uid() != null) {
        (source == null || source.equals(schedule.source()) ? byUid : otherSource)
            .putIfAbsent(t.programme().uid(), t);
      }
    }
    // Where the event's talks are in order, to put a new session where it belongs.
    List<Placed> order = new ArrayList<>();
    for (Talk t : existing) {
      order.add(new Placed(t.id(), Slot.of(t.details())));
    }
    // Talks whose time changed go to their new place only when the event's talks were in time
    // order: an order the attendee made by dragging talks about is theirs to keep.
    boolean inTimeOrder = inTimeOrder(order);
    ZoneId z = zone;
    List<Session> sessions = new ArrayList<>(schedule.sessions());
    sessions.sort(
        Comparator.comparing(
                (Session s) -> s.start() == null ? null : s.start().in(z),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.room() == null ? "" : s.room())
            .thenComparing(Session::title));

    // What the programme said of each talk at the last import: a field it still says the same of is
    // left as the talk has it (the attendee may have edited it); none for talks imported before.
    Map<Long, TalkStore.ProgrammeSaid> said = notebook.talks().programmeSaid(event.id());
    Map<Long, TalkStore.ProgrammeSaid> nowSaid = new LinkedHashMap<>();
    List<Change> changes = new ArrayList<>();
    int unchanged = 0;
    int removedBefore = 0;
    int done = 0;
    List<Session> added = new ArrayList<>();
    Map<Long, Slot> retimed = new LinkedHashMap<>();
    for (Session s : sessions) {
      Talk old = ours(byUid, otherSource, said, s);
      if (old == null) {
        added.add(s);
        continue;
      }
      Talk.Details fromProgramme = details(s, zone, old);
      TalkStore.ProgrammeSaid now = TalkStore.ProgrammeSaid.of(fromProgramme);
      TalkStore.ProgrammeSaid before = said.get(old.id());
      if (!now.equals(before)) {
        nowSaid.put(old.id(), now);
      }
      List<String> bothChanged = new ArrayList<>();
      Talk.Details d =
          before == null
              ? fromProgramme
              : keepEdits(old.details(), before, fromProgramme, bothChanged);
      Programme p = programme(s, schedule);
      List<String> what = new ArrayList<>();
      int moves = describe(old, d, p, what);
      what.addAll(bothChanged);
      if (what.isEmpty()) {
        unchanged++;
      } else {
        notebook.talks().update(old.id(), d, p);
        changes.add(new Change(moves > 0 ? Kind.MOVED : Kind.CHANGED, d.title(), what, moves));
        if (!Objects.equals(old.details().startsAt(), d.startsAt())) {
          retimed.put(old.id(), Slot.of(d));
        }
      }
      progress.update(++done, sessions.size(), s.title());
    }
    // The places are worked out here, in order, and the event's talks renumbered once at the end:
    // a move per talk read and renumbered the whole event each time, which made a 9,034-session
    // programme take over ten minutes to check against an event that had timed talks.
    boolean reordered = false;
    if (inTimeOrder && !retimed.isEmpty()) {
      // Each taken out, then put where its new time belongs, as a new session is below.
      order.removeIf(p -> retimed.containsKey(p.id()));
      for (Map.Entry<Long, Slot> t : retimed.entrySet()) {
        place(t.getKey(), t.getValue(), order);
      }
      reordered = true;
    }
    // New sessions in one batch, in programme order, then each put where its time belongs.
    List<TalkStore.NewTalk> news = new ArrayList<>();
    for (Session s : added) {
      news.add(
          new TalkStore.NewTalk(event.id(), details(s, zone, null), "", programme(s, schedule)));
    }
    List<Long> ids = notebook.talks().createAll(news);
    boolean inPlace = order.stream().allMatch(o -> o.slot().at() == null);
    for (int i = 0; i < ids.size(); i++) {
      Talk.Details d = news.get(i).details();
      if (inPlace) {
        // Appended after the talks without a time, in the programme's order: those stay first.
        order.add(new Placed(ids.get(i), Slot.of(d)));
      } else {
        place(ids.get(i), Slot.of(d), order);
        reordered = true;
      }
      nowSaid.put(ids.get(i), TalkStore.ProgrammeSaid.of(d));
      changes.add(new Change(Kind.ADDED, d.title(), added(d)));
      progress.update(++done, sessions.size(), d.title());
    }
    notebook.talks().saveProgrammeSaid(nowSaid);
    if (reordered) {
      List<Long> inOrder = new ArrayList<>(order.size());
      for (Placed placed : order) {
        inOrder.add(placed.id());
      }
      notebook.talks().reorder(event.id(), inOrder);
    }
    // Cancelled sessions: never added; a talk an earlier import made of one is marked as removed
    // (shown as cancelled everywhere) and kept, whatever it holds, and the report names each.
    for (Session s : schedule.cancelled()) {
      Talk old = ours(byUid, otherSource, said, s);
      String title = old == null ? s.title() : old.title();
      if (old == null) {
        changes.add(new Change(Kind.CANCELLED, title, List.of("not added")));
      } else if (old.programme().removed()) {
        changes.add(new Change(Kind.CANCELLED, title, List.of("marked as cancelled before")));
      } else {
        notebook
            .talks()
            .update(old.id(), old.details(), old.programme().withRemovedAt(clock.instant()));
        changes.add(new Change(Kind.CANCELLED, title, List.of(MARKED)));
      }
    }
    for (Talk gone : byUid.values()) {
      if (!Objects.equals(gone.programme().source(), schedule.source())) {
        continue; // kept without its source: perhaps another programme's
      }
      if (gone.programme().removed()) {
        removedBefore++; // marked by an earlier import: not one of this programme's sessions
        continue;
      }
      if (notebook.talks().untouched(gone.id())) {
        notebook.talks().delete(gone.id());
        changes.add(
            new Change(
                Kind.REMOVED, gone.title(), List.of("deleted: it held no notes, star or files")));
      } else {
        notebook
            .talks()
            .update(gone.id(), gone.details(), gone.programme().withRemovedAt(clock.instant()));
        changes.add(
            new Change(
                Kind.REMOVED,
                gone.title(),
                List.of(
                    gone.body().isBlank()
                        ? "kept and marked as removed: it is starred or has files or history"
                        : "kept and marked as removed: it has your notes")));
      }
    }
    return new Report(
        schedule.format(),
        event.id(),
        event.title(),
        created[0],
        created[1],
        eventChanges,
        changes,
        unchanged,
        removedBefore,
        schedule.leftOut(),
        schedule.warnings(),
        dryRun);
  }

  private static ZoneId firstZone(Schedule schedule) {
    for (Session s : schedule.sessions()) {
      if (s.start() != null && s.start().zone() != null) {
        return s.start().zone();
      }
    }
    return null;
  }

  /**
   * The event to import into; {@code created[0]} tells whether it was made here, {@code created[1]}
   * whether it was then named {@code fallbackTitle}.
   */
  private static Event event(
      Notebook notebook,
      Schedule schedule,
      String eventRef,
      String fallbackTitle,
      boolean[] created) {
    Conference conf = schedule.conference();
    List<Event> events = notebook.events().list();
    if (eventRef != null && !eventRef.isBlank()) {
      String ref = eventRef.strip();
      if (ref.chars().allMatch(Character::isDigit)) {
        long id = Long.parseLong(ref);
        for (Event e : events) {
          if (e.id() == id) {
            return e;
          }
        }
      }
      for (Event e : events) {
        if (e.title().equalsIgnoreCase(ref)) {
          return e;
        }
      }
      created[0] = true;
      return create(notebook, conf, ref);
    }
    Map<Long, Set<String>> held = notebook.talks().programmeUidsByEvent();
    long best = -1;
    int bestCount = 0;
    for (Map.Entry<Long, Set<String>> e : held.entrySet()) {
      int count = 0;
      for (Session s : schedule.sessions()) {
        if (e.getValue().contains(s.uid())) {
          count++;
        }
      }
      if (count > bestCount) {
        best = e.getKey();
        bestCount = count;
      }
    }
    String title = conf.title() != null ? conf.title() : fallbackTitle;
    for (Event e : events) {
      if (e.id() == best) {
        return e;
      }
    }
    for (Event e : events) {
      if (title != null && e.title().equalsIgnoreCase(title.strip())) {
        return e;
      }
    }
    created[0] = true;
    created[1] = conf.title() == null && fallbackTitle != null;
    return create(notebook, conf, title == null ? "Imported schedule" : title);
  }

  private static Event create(Notebook notebook, Conference conf, String title) {
    String t = title.strip();
    if (t.length() > 500) {
      t = t.substring(0, 500).strip();
    }
    boolean datesAgree =
        conf.start() == null || conf.end() == null || !conf.end().isBefore(conf.start());
    return notebook
        .events()
        .create(
            new Event.Details(
                t, conf.start(), datesAgree ? conf.end() : null, conf.location(), conf.url()));
  }

  /** Fills the event's empty fields from the conference; never overwrites what is there. */
  private static Event fillIn(
      Notebook notebook, Event event, Conference conf, List<String> changes) {
    Event.Details d = event.details();
    java.time.LocalDate start = d.startDate() != null ? d.startDate() : conf.start();
    java.time.LocalDate end = d.endDate() != null ? d.endDate() : conf.end();
    if (start != null && end != null && end.isBefore(start)) {
      end = d.endDate();
      start = d.startDate();
    }
    String location = d.location() != null ? d.location() : conf.location();
    String url = d.url() != null ? d.url() : conf.url();
    Event.Details filled = new Event.Details(d.title(), start, end, location, url);
    if (filled.equals(d)) {
      return event;
    }
    if (!Objects.equals(start, d.startDate()) || !Objects.equals(end, d.endDate())) {
      changes.add("dates set to " + start + (end == null ? "" : " – " + end));
    }
    if (!Objects.equals(location, d.location())) {
      changes.add("location set to " + location);
    }
    if (!Objects.equals(url, d.url())) {
      changes.add("web page set to " + url);
    }
    return notebook.events().update(event.id(), filled);
  }

  /** The talk's details from the session (and, on a re-import, what the attendee added). */
  private static Talk.Details details(Session s, ZoneId zone, Talk old) {
    LocalDateTime at = s.start() == null ? null : s.start().in(zone);
    String title = s.title().length() > 500 ? s.title().substring(0, 500).strip() : s.title();
    List<String> tags = new ArrayList<>(s.tags());
    String slides = s.slidesUrl();
    String video = s.videoUrl();
    if (old != null) {
      List<String> before = programmeTags(old.programme());
      // A track tag the programme had before and the attendee removed stays removed: only a track
      // new in the programme adds its tag (it came back on every re-import).
      tags.removeIf(t -> containsIgnoringCase(before, t) && !containsIgnoringCase(old.tags(), t));
      for (String t : old.tags()) {
        if (!containsIgnoringCase(before, t) && !containsIgnoringCase(tags, t)) {
          tags.add(t); // the attendee's own tag
        }
      }
      slides = slides != null ? slides : old.details().slidesUrl();
      video = video != null ? video : old.details().videoUrl();
    }
    return new Talk.Details(title, s.speakers(), at, s.room(), slides, video, tags);
  }

  /**
   * The talk's details on a re-import when the last import's values are known: a field the
   * programme says the same of as then keeps the talk's value (the attendee's edit, if they made
   * one); a field the programme changed takes its new value, unless the attendee changed it too (to
   * something else): then theirs is kept, and {@code bothChanged} says both ("room: yours "Salle
   * Éole, mine", the programme's now "Salle Jean Bart"") so they can take the programme's.
   */
  private static Talk.Details keepEdits(
      Talk.Details mine,
      TalkStore.ProgrammeSaid before,
      Talk.Details now,
      List<String> bothChanged) {
    String title = pick(mine.title(), before.title(), now.title(), "title", t -> t, bothChanged);
    List<String> speakers =
        pick(
            mine.speakers(),
            before.speakers(),
            now.speakers(),
            "speakers",
            l -> or(String.join(", ", l), "none"),
            bothChanged);
    LocalDateTime at =
        pick(
            mine.startsAt(),
            before.startsAt(),
            now.startsAt(),
            "time",
            t -> t == null ? "no time" : DAY_TIME.format(t),
            bothChanged);
    String room =
        pick(mine.room(), before.room(), now.room(), "room", r -> or(r, "no room"), bothChanged);
    return new Talk.Details(title, speakers, at, room, now.slidesUrl(), now.videoUrl(), now.tags());
  }

  /** One field of {@link #keepEdits}. */
  private static <T> T pick(
      T mine,
      T before,
      T now,
      String field,
      java.util.function.Function<T, String> text,
      List<String> bothChanged) {
    if (Objects.equals(now, before)) {
      return mine; // the programme did not change it: the talk's value, edited or not
    }
    if (Objects.equals(mine, before) || Objects.equals(mine, now)) {
      return now; // only the programme changed it (or both to the same)
    }
    bothChanged.add(
        field
            + ": yours \""
            + text.apply(mine)
            + "\", the programme's now \""
            + text.apply(now)
            + "\"");
    return mine;
  }

  private static boolean containsIgnoringCase(List<String> list, String s) {
    return list.stream().anyMatch(t -> t.equalsIgnoreCase(s));
  }

  private static List<String> programmeTags(Programme p) {
    if (p.track() == null) {
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    for (String t : p.track().split(",")) {
      if (!t.isBlank()) {
        tags.add(t.strip());
      }
    }
    return tags;
  }

  private static Programme programme(Session s, Schedule schedule) {
    String track = s.tags().isEmpty() ? null : String.join(", ", s.tags());
    return new Programme(
        s.abstractText(),
        s.subtitle(),
        s.duration(),
        s.language(),
        track,
        s.uid(),
        schedule.source(),
        null);
  }

  /**
   * Lists what differs between the talk and its new details and programme in {@code what}, its time
   * and room first; returns how many of those are a move (time, room).
   */
  private static int describe(Talk old, Talk.Details d, Programme p, List<String> what) {
    Talk.Details o = old.details();
    Programme op = old.programme();
    int moved = 0;
    if (!Objects.equals(o.startsAt(), d.startsAt())) {
      what.add(when(o.startsAt(), d.startsAt()));
      moved++;
    }
    if (!Objects.equals(o.room(), d.room())) {
      what.add(or(o.room(), "no room") + " → " + or(d.room(), "no room"));
      moved++;
    }
    if (!o.title().equals(d.title())) {
      what.add("title was \"" + o.title() + "\"");
    }
    if (!o.speakers().equals(d.speakers())) {
      what.add(
          "speakers "
              + or(String.join(", ", o.speakers()), "none")
              + " → "
              + or(String.join(", ", d.speakers()), "none"));
    }
    if (!sameIgnoringCase(o.tags(), d.tags())) {
      what.add(
          "tags "
              + or(String.join(", ", o.tags()), "none")
              + " → "
              + or(String.join(", ", d.tags()), "none"));
    }
    if (!Objects.equals(o.slidesUrl(), d.slidesUrl())) {
      what.add("slides " + (o.slidesUrl() == null ? "added" : "link changed"));
    }
    if (!Objects.equals(o.videoUrl(), d.videoUrl())) {
      what.add("recording " + (o.videoUrl() == null ? "added" : "link changed"));
    }
    if (!Objects.equals(op.duration(), p.duration())) {
      what.add("length " + minutes(op.duration()) + " → " + minutes(p.duration()));
    }
    if (!op.abstractText().equals(p.abstractText())) {
      what.add("abstract updated");
    }
    if (!Objects.equals(op.subtitle(), p.subtitle())) {
      what.add("subtitle " + (p.subtitle() == null ? "removed" : "\"" + p.subtitle() + "\""));
    }
    if (!Objects.equals(op.language(), p.language())) {
      what.add("language " + or(op.language(), "none") + " → " + or(p.language(), "none"));
    }
    if (op.removed()) {
      what.add("back in the programme");
    }
    if (what.isEmpty()
        && (!Objects.equals(op.source(), p.source()) || !Objects.equals(op.track(), p.track()))) {
      what.add("programme details updated");
    }
    return moved;
  }

  private static boolean sameIgnoringCase(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String when(LocalDateTime from, LocalDateTime to) {
    if (from == null || to == null) {
      return (from == null ? "no time" : DAY_TIME.format(from))
          + " → "
          + (to == null ? "no time" : DAY_TIME.format(to));
    }
    return DAY_TIME.format(from)
        + " → "
        + (from.toLocalDate().equals(to.toLocalDate())
            ? DateTimeText.CLOCK.format(to)
            : DAY_TIME.format(to));
  }

  private static String minutes(Duration d) {
    return d == null ? "unknown" : d.toMinutes() + " min";
  }

  private static String or(String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }

  private static List<String> added(Talk.Details d) {
    List<String> what = new ArrayList<>();
    if (d.startsAt() != null) {
      what.add(DAY_TIME.format(d.startsAt()));
    }
    if (d.room() != null) {
      what.add(d.room());
    }
    return what;
  }

  /**
   * Where a talk goes in programme order: by time, then room, then title (as the sessions of a
   * first import are put in); a talk without a time has no place and stays where it is.
   */
  private record Slot(LocalDateTime at, String room, String title) {
    static Slot of(Talk.Details d) {
      return new Slot(d.startsAt(), d.room() == null ? "" : d.room(), d.title());
    }

    /** True when this one comes after {@code other} (which has a time) in programme order. */
    boolean after(Slot other) {
      int c = at.compareTo(other.at);
      if (c == 0) {
        c = room.compareTo(other.room);
      }
      return c == 0 ? title.compareTo(other.title) > 0 : c > 0;
    }
  }

  /** A talk of the event and its place in programme order. */
  private record Placed(long id, Slot slot) {}

  /**
   * The talk {@code s} is of: the one of its UID this programme brought in (taken out of {@code
   * byUid}), or else one another source brought in under that UID whose title the programme said as
   * {@code s} says it now (taken out of {@code otherSource}); null for a new session.
   */
  private static Talk ours(
      Map<String, Talk> byUid,
      Map<String, Talk> otherSource,
      Map<Long, TalkStore.ProgrammeSaid> said,
      Session s) {
    if (s.uid() == null) {
      return null;
    }
    Talk old = byUid.remove(s.uid());
    if (old != null) {
      return old;
    }
    Talk other = otherSource.get(s.uid());
    if (other == null) {
      return null;
    }
    TalkStore.ProgrammeSaid before = said.get(other.id());
    String title = before == null ? other.title() : before.title();
    return title != null && title.strip().equalsIgnoreCase(s.title().strip())
        ? otherSource.remove(s.uid())
        : null;
  }

  /** True when the talks' start times (those with one) never go back in time. */
  private static boolean inTimeOrder(List<Placed> order) {
    LocalDateTime last = null;
    for (Placed placed : order) {
      LocalDateTime at = placed.slot().at();
      if (at != null) {
        if (last != null && at.isBefore(last)) {
          return false;
        }
        last = at;
      }
    }
    return true;
  }

  /**
   * Puts a talk (new, or taken out as its time changed) before the first talk of the event that
   * comes later in programme order (starts later; at the same time, in a later room), so the event
   * stays in programme order; a talk without a time goes to the end. {@code order} holds the
   * event's other talks in their order; the talk is added to it (the notebook is renumbered from it
   * once, after all are placed).
   */
  private static void place(long talkId, Slot at, List<Placed> order) {
    int position = order.size();
    if (at.at() != null) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Slot other = order.get(i).slot();
        if (other.at() == null || other.after(at)) {
          position = i;
        } else {
          break;
        }
      }
    }
    order.add(position, new Placed(talkId, at));
  }
}
