package dev.talkbook.core.site;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.ProgrammeDays;
import dev.talkbook.core.notebook.TalkHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's content with every page's path: events (newest first, as the notebook lists them),
 * their talks (in the window's order, {@link ProgrammeDays#inOrder}), and tags. Slugs are handed
 * out in id order, so adding a talk never moves another talk's page. Pure: built from records, no
 * I/O. The records point at each other (an event holds its talks, a talk its event), so they are
 * never compared or hashed.
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
  final List<SiteTag> tags = new ArrayList<>();

  /** Builds the model from the events (in listing order) and each event's talks (in order). */
  SiteModel(List<Event> eventList, Map<Long, List<TalkHeader>> talksByEvent) {
    Slugs eventSlugs = new Slugs();
    Map<Long, String> eventSlug = new HashMap<>();
    eventList.stream()
        .sorted(Comparator.comparingLong(Event::id))
        .forEach(
            e ->
                eventSlug.put(
                    e.id(),
                    eventSlugs.unique(
                        e.start().map(d -> d + " ").orElse("") + e.title(), "event-" + e.id())));
    Map<String, List<SiteTalk>> byTag = new TreeMap<>();
    Map<String, String> tagSpelling = new HashMap<>();
    List<SiteTalk> all = new ArrayList<>();
    for (Event e : eventList) {
      List<SiteTalk> talks = new ArrayList<>();
      SiteEvent se = new SiteEvent(e, eventSlug.get(e.id()), talks);
      List<TalkHeader> list = talksByEvent.getOrDefault(e.id(), List.of());
      Slugs talkSlugs = new Slugs();
      talkSlugs.reserve("index");
      Map<Long, String> slugOf = new HashMap<>();
      list.stream()
          .sorted(Comparator.comparingLong(TalkHeader::id))
          .forEach(t -> slugOf.put(t.id(), talkSlugs.unique(t.title(), "talk-" + t.id())));
      // in the window's order: over several days, by day and time (ProgrammeDays)
      for (TalkHeader t : ProgrammeDays.inOrder(list, h -> h.details().startsAt())) {
        SiteTalk st = new SiteTalk(t, se, slugOf.get(t.id()), new ArrayList<>());
        talks.add(st);
        all.add(st);
        for (String tag : t.tags()) {
          String key = tag.toLowerCase(Locale.ROOT);
          tagSpelling.merge(key, tag, (a, b) -> a.compareTo(b) <= 0 ? a : b);
          byTag.computeIfAbsent(key, k -> new ArrayList<>()).add(st);
        }
      }
      events.add(se);
    }
    Slugs tagSlugs = new Slugs();
    tagSlugs.reserve("index");
    Map<String, SiteTag> tagByKey = new HashMap<>();
    byTag.forEach(
        (key, talks) -> {
          SiteTag tag = new SiteTag(tagSpelling.get(key), tagSlugs.unique(key, "tag"), talks);
          tags.add(tag);
          tagByKey.put(key, tag);
        });
    for (SiteTalk st : all) {
      for (String tag : st.talk().tags()) {
        // Tags.clean already dropped repeats that differ only in case.
        st.tags().add(tagByKey.get(tag.toLowerCase(Locale.ROOT)));
      }
    }
  }

  List<SiteTalk> talks() {
    List<SiteTalk> all = new ArrayList<>();
    events.forEach(e -> all.addAll(e.talks()));
    return all;
  }
}
