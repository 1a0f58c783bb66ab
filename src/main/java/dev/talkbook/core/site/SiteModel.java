package dev.talkbook.core.site;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.ProgrammeDays;
import dev.talkbook.core.notebook.Tags;
import dev.talkbook.core.notebook.TalkHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The site's content with every page's path: events (newest first, as the notebook lists them),
 * their talks (in the window's order, {@link ProgrammeDays#inOrder}), and tags. Slugs are handed
 * out in id order, so adding a talk never moves another talk's page, and a talk or event keeps the
 * page name the last export gave it while its title still gives that name. Pure: built from
 * records, no I/O. The records point at each other (an event holds its talks, a talk its event), so
 * they are never compared or hashed.
 */
final class SiteModel {
  record SiteEvent(Event event, String slug, List<SiteTalk> talks) {
    String path() {
      return "events/" + slug + "/index.html";
    }
  }

  /**
   * {@code path}: the page's, {@code events/<event slug>/<slug>.html} (made once: looked up often).
   */
  record SiteTalk(TalkHeader talk, SiteEvent event, String slug, List<SiteTag> tags, String path) {
    SiteTalk(TalkHeader talk, SiteEvent event, String slug, List<SiteTag> tags) {
      this(talk, event, slug, tags, "events/" + event.slug() + "/" + slug + ".html");
    }
  }

  record SiteTag(String name, String slug, List<SiteTalk> talks) {
    String path() {
      return "tags/" + slug + ".html";
    }
  }

  final List<SiteEvent> events = new ArrayList<>();

  /**
   * The event of each event page and redirect the last export wrote, by path: its manifest's {@code
   * event} lines, or for a manifest written before there were any, each event page whose folder's
   * talk pages ({@code talk} lines) are all of talks one event now holds.
   */
  final Map<String, Long> oldEvents = new HashMap<>();

  final List<SiteTag> tags = new ArrayList<>();

  /**
   * The tag (its key, {@link #tagKey}) of each tag page and redirect the last export wrote, by
   * path: its manifest's {@code tag} lines (and what the exporter read off older tag pages).
   */
  final Map<String, String> oldTags = new HashMap<>();

  /** Builds the model from the events (in listing order) and each event's talks (in order). */
  SiteModel(List<Event> eventList, Map<Long, List<TalkHeader>> talksByEvent) {
    this(eventList, talksByEvent, Manifest.empty());
  }

  /**
   * As above, where {@code old} is the last export's manifest: an event or talk keeps the page name
   * it had there ({@code event} and {@code talk} lines) while its title still gives that name, and
   * a new or renamed one never takes a name another one holds there (its page or redirect): so
   * renaming one of the talks "Café crème" and "CAFÉ CRÈME" never moves the other.
   */
  SiteModel(List<Event> eventList, Map<Long, List<TalkHeader>> talksByEvent, Manifest old) {
    Slugs eventSlugs = new Slugs();
    Map<Long, List<String>> oldEventSlugs = new HashMap<>();
    oldEvents.putAll(old.events().isEmpty() ? eventsOfTalks(old, talksByEvent) : old.events());
    oldEvents.forEach(
        (path, id) -> {
          String slug = eventSlug(path);
          if (slug != null) {
            oldEventSlugs.computeIfAbsent(id, k -> new ArrayList<>()).add(slug);
          }
        });
    // Comparators written as this class's own lambdas, here and below, not with
    // Comparator.comparingLong/comparingInt/thenComparing: JDK 25's AOT cache keeps no lambda made
    // inside java.util.Comparator, so each of those was spun anew at every export of the packaged
    // app; this class's own are kept in the cache (docs/benchmarks.md).
    List<Event> eventsById =
        eventList.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    Map<Long, String> eventSlug =
        slugs(
            eventsById,
            Event::id,
            e -> e.start().map(d -> d + " ").orElse("") + e.title(),
            e -> "event-" + e.id(),
            oldEventSlugs,
            eventSlugs);
    // the folders each event's talks had: its folder now and the ones it had before
    Map<Long, Set<String>> folders = new HashMap<>();
    for (Event e : eventList) {
      Set<String> f = new HashSet<>();
      f.add(eventSlug.get(e.id()));
      f.addAll(oldEventSlugs.getOrDefault(e.id(), List.of()));
      folders.put(e.id(), f);
    }
    Map<String, List<SiteTalk>> byTag = new TreeMap<>();
    Map<String, String> tagSpelling = new HashMap<>();
    List<SiteTalk> all = new ArrayList<>();
    // The old manifest's talk pages by their event folder, read once, not once an event (with
    // 10,000 talks in 100 events that was a million paths taken apart at each re-export).
    Map<String, List<Map.Entry<Long, String>>> oldTalksByFolder = new HashMap<>();
    old.talks()
        .forEach(
            (path, id) -> {
              String[] f = talkPath(path);
              if (f != null) {
                oldTalksByFolder
                    .computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(Map.entry(id, f[1]));
              }
            });
    for (Event e : eventList) {
      List<SiteTalk> talks = new ArrayList<>();
      SiteEvent se = new SiteEvent(e, eventSlug.get(e.id()), talks);
      List<TalkHeader> list = talksByEvent.getOrDefault(e.id(), List.of());
      Slugs talkSlugs = new Slugs();
      talkSlugs.reserve("index");
      Map<Long, List<String>> oldTalkSlugs = new HashMap<>();
      for (String folder : folders.get(e.id())) {
        for (Map.Entry<Long, String> page : oldTalksByFolder.getOrDefault(folder, List.of())) {
          oldTalkSlugs.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(page.getValue());
        }
      }
      Map<Long, String> slugOf =
          slugs(
              list.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList(),
              TalkHeader::id,
              TalkHeader::title,
              t -> "talk-" + t.id(),
              oldTalkSlugs,
              talkSlugs);
      // in the window's order: over several days, by day and time (ProgrammeDays)
      for (TalkHeader t : ProgrammeDays.inOrder(list, h -> h.details().startsAt())) {
        SiteTalk st = new SiteTalk(t, se, slugOf.get(t.id()), new ArrayList<>());
        talks.add(st);
        all.add(st);
        for (String tag : t.tags()) {
          String key = tagKey(tag);
          tagSpelling.merge(key, tag, Tags::spelling);
          byTag.computeIfAbsent(key, k -> new ArrayList<>()).add(st);
        }
      }
      events.add(se);
    }
    Slugs tagSlugs = new Slugs();
    tagSlugs.reserve("index");
    Map<String, List<String>> oldTagSlugs = new HashMap<>();
    old.tags()
        .forEach(
            (path, name) -> {
              String key = tagKey(name);
              oldTags.put(path, key);
              String slug = tagSlug(path);
              if (slug != null) {
                oldTagSlugs.computeIfAbsent(key, k -> new ArrayList<>()).add(slug);
              }
            });
    // a tag keeps its page's name while its name still gives it, as talks do
    Map<String, String> tagSlugOf =
        slugs(
            List.copyOf(byTag.keySet()),
            key -> key,
            key -> key,
            key -> "tag",
            oldTagSlugs,
            tagSlugs);
    Map<String, SiteTag> tagByKey = new HashMap<>();
    byTag.forEach(
        (key, talks) -> {
          SiteTag tag = new SiteTag(tagSpelling.get(key), tagSlugOf.get(key), talks);
          tags.add(tag);
          tagByKey.put(key, tag);
        });
    for (SiteTalk st : all) {
      for (String tag : st.talk().tags()) {
        // Tags.clean already dropped repeats that differ only in case (Tags.key).
        st.tags().add(tagByKey.get(tagKey(tag)));
      }
    }
  }

  /**
   * Slugs for {@code items} (in id order) from {@code slugs}: first each keeps one of its old slugs
   * ({@code oldSlugs}, by id) that still fits its text, then every other old slug of these items is
   * held, then the rest get new ones.
   */
  private static <T, K> Map<K, String> slugs(
      List<T> items,
      Function<T, K> id,
      Function<T, String> text,
      Function<T, String> fallback,
      Map<K, List<String>> oldSlugs,
      Slugs slugs) {
    Map<K, String> slugOf = new HashMap<>();
    // each item's first slug, made once for keeping and handing out (its fallback only when needed)
    String[] bases = new String[items.size()];
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      List<String> had = oldSlugs.get(id.apply(item));
      if (had == null) {
        continue;
      }
      bases[i] = base(item, text, fallback);
      if (had.size() > 1) {
        had = new ArrayList<>(had);
        had.sort(SHORTEST_FIRST);
      }
      for (String slug : had) {
        if (slugs.keepFrom(slug, bases[i])) {
          slugOf.put(id.apply(item), slug);
          break;
        }
      }
    }
    for (T item : items) {
      oldSlugs.getOrDefault(id.apply(item), List.of()).forEach(slugs::reserve);
    }
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      K key = id.apply(item);
      if (!slugOf.containsKey(key)) {
        String base = bases[i];
        slugOf.put(key, slugs.uniqueFrom(base != null ? base : base(item, text, fallback)));
      }
    }
    return slugOf;
  }

  private static final Comparator<String> SHORTEST_FIRST =
      (a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);

  /** {@link Slugs#base} of an item's text, its fallback made only when the text gives none. */
  private static <T> String base(T item, Function<T, String> text, Function<T, String> fallback) {
    String base = Slugs.base(text.apply(item), null);
    return base != null ? base : Slugs.base("", fallback.apply(item));
  }

  /** What tags that are one tag share ({@link Tags#key}, as in the notebook). */
  static String tagKey(String name) {
    return Tags.key(name);
  }

  /** The slug of a tag page's path ({@code tags/<slug>.html}, not the index), else null. */
  static String tagSlug(String path) {
    if (!path.startsWith("tags/") || !path.endsWith(".html") || path.indexOf('/', 5) >= 0) {
      return null;
    }
    String slug = path.substring("tags/".length(), path.length() - ".html".length());
    return slug.isEmpty() || slug.equals("index") ? null : slug;
  }

  /** See {@link #oldEvents}: the event pages of a manifest without {@code event} lines. */
  private static Map<String, Long> eventsOfTalks(
      Manifest old, Map<Long, List<TalkHeader>> talksByEvent) {
    Map<Long, Long> eventOfTalk = new HashMap<>();
    talksByEvent.forEach((event, list) -> list.forEach(t -> eventOfTalk.put(t.id(), event)));
    Map<String, Long> byFolder = new HashMap<>();
    Set<String> mixed = new HashSet<>();
    old.talks()
        .forEach(
            (path, talk) -> {
              String[] f = talkPath(path);
              Long event = eventOfTalk.get(talk);
              if (f != null && event != null) {
                Long had = byFolder.putIfAbsent(f[0], event);
                if (had != null && !had.equals(event)) {
                  mixed.add(f[0]);
                }
              }
            });
    Map<String, Long> pages = new HashMap<>();
    byFolder.forEach(
        (folder, event) -> {
          String page = "events/" + folder + "/index.html";
          if (!mixed.contains(folder) && old.get(page) != null) {
            pages.put(page, event);
          }
        });
    return pages;
  }

  /** The slug of an event page's path ({@code events/<slug>/index.html}), else null. */
  private static String eventSlug(String path) {
    String[] f = talkPath(path);
    return f != null && f[1].equals("index") ? f[0] : null;
  }

  /** The event slug and page slug of {@code events/<event>/<page>.html}, else null. */
  private static String[] talkPath(String path) {
    if (!path.startsWith("events/") || !path.endsWith(".html")) {
      return null;
    }
    String rest = path.substring("events/".length(), path.length() - ".html".length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash != rest.lastIndexOf('/') || slash == rest.length() - 1) {
      return null;
    }
    return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
  }

  List<SiteTalk> talks() {
    List<SiteTalk> all = new ArrayList<>();
    events.forEach(e -> all.addAll(e.talks()));
    return all;
  }
}
