package dev.talkbook.cli;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the talk or event a user named on the command line: by id, or by (part of) its title. */
final class Refs {
  private Refs() {}

  static Talk talk(Notebook notebook, String ref) {
    String r = ref.strip();
    if (r.matches("\\d{1,18}")) {
      long id = Long.parseLong(r);
      // A number is an id; only a talk titled exactly that number (a talk called "1984") is found
      // by title instead, never one that merely contains it: "talk delete 5 --yes" run twice must
      // not delete some other talk the second time.
      return notebook
          .talks()
          .find(id)
          .or(() -> exactTitle(notebook, r))
          .orElseGet(() -> notebook.talks().get(id));
    }
    if (r.isEmpty()) {
      // Every title contains the empty string: "matches 12 talks" would be no answer.
      throw new NotebookException(
          "Name the talk by its id or a part of its title; an empty one names none (see them"
              + " with: talkbook talks).");
    }
    List<Talk> found = notebook.talks().findByTitle(r);
    if (found.isEmpty()) {
      throw new NotFoundException("No talk has \"" + r + "\" in its title.");
    }
    if (found.size() > 1) {
      throw ambiguous(r, "talks", found.stream().map(t -> idAndTitle(t.id(), t.title())));
    }
    return found.get(0);
  }

  /**
   * The event named by {@code ref}: its id, else its title or a part of it (ignoring case), as
   * talks are named. A number is an id; an event titled exactly that number is found by it only
   * when no event has that id.
   */
  static Event event(Notebook notebook, String ref) {
    String r = ref.strip();
    List<Event> events = notebook.events().list();
    if (r.matches("\\d{1,18}")) {
      long id = Long.parseLong(r);
      for (Event e : events) {
        if (e.id() == id) {
          return e;
        }
      }
      List<Event> exact = events.stream().filter(e -> e.title().equalsIgnoreCase(r)).toList();
      return exact.size() == 1 ? exact.get(0) : notebook.events().get(id);
    }
    if (r.isEmpty()) {
      throw new NotebookException("Name the event by its id or a part of its title.");
    }
    String needle = r.toLowerCase(Locale.ROOT);
    List<Event> exact =
        events.stream().filter(e -> e.title().toLowerCase(Locale.ROOT).equals(needle)).toList();
    List<Event> found =
        exact.isEmpty()
            ? events.stream()
                .filter(e -> e.title().toLowerCase(Locale.ROOT).contains(needle))
                .toList()
            : exact;
    if (found.isEmpty()) {
      throw new NotFoundException(
          "No event has \"" + r + "\" in its title (see them with: talkbook events).");
    }
    if (found.size() > 1) {
      throw ambiguous(r, "events", found.stream().map(e -> idAndTitle(e.id(), e.title())));
    }
    return found.get(0);
  }

  /** "… matches 3 talks; name one by id:" and the first ten, each as {@link #idAndTitle}. */
  private static NotebookException ambiguous(
      String ref, String what, java.util.stream.Stream<String> matches) {
    List<String> all = matches.toList();
    return new NotebookException(
        "\""
            + ref
            + "\" matches "
            + all.size()
            + " "
            + what
            + "; name one by id:\n"
            + all.stream().limit(10).collect(Collectors.joining("\n")));
  }

  private static String idAndTitle(long id, String title) {
    return String.format("  %5d  %s", id, title);
  }

  /** The ids of the events named by {@code refs}, in their order, each once. */
  static Set<Long> eventIds(Notebook notebook, List<String> refs) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String ref : refs) {
      ids.add(event(notebook, ref).id());
    }
    return ids;
  }

  private static Optional<Talk> exactTitle(Notebook notebook, String title) {
    List<Talk> exact =
        notebook.talks().findByTitle(title).stream()
            .filter(t -> t.title().equalsIgnoreCase(title))
            .toList();
    return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
  }
}
