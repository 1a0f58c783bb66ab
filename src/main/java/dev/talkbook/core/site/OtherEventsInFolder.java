package dev.talkbook.core.site;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An export of some events into a folder whose earlier export holds other events' pages: those
 * pages would be removed (an export owns its whole folder), so the export is refused before it
 * writes anything, naming the events whose pages would go. The command line exits with 2 for it.
 */
public final class OtherEventsInFolder extends NotebookException {
  private static final long serialVersionUID = 1L;

  private OtherEventsInFolder(String message) {
    super(message);
  }

  /**
   * Throws when the last export ({@code old}) has the page of an event of the notebook ({@code
   * all}) that the chosen events ({@code chosen}) do not make again. The pages of events the
   * notebook no longer has under that path (deleted, renamed, dated anew) are not refused: a full
   * export removes them too, and refusing them locked an event renamed since out of its own folder.
   */
  static void refuse(Path folder, Manifest old, SiteModel chosen, List<Event> all) {
    Set<String> kept = new HashSet<>();
    chosen.events.forEach(e -> kept.add(e.path()));
    Map<String, String> titles = new HashMap<>();
    new SiteModel(all, Map.of(), old).events.forEach(e -> titles.put(e.path(), e.event().title()));
    Set<String> gone = new TreeSet<>();
    for (String path : old.entries().keySet()) {
      if (isEventPage(path) && !kept.contains(path) && titles.containsKey(path)) {
        gone.add(path);
      }
    }
    if (gone.isEmpty()) {
      return;
    }
    String names =
        gone.stream().map(p -> "\"" + titles.get(p) + "\"").collect(Collectors.joining(", "));
    throw new OtherEventsInFolder(
        folder.toAbsolutePath().normalize()
            + " holds an earlier export with other events: exporting only "
            + (chosen.events.size() == 1 ? "this event" : "these events")
            + " there would remove the pages of "
            + names
            + ". Nothing was written. Export every event into it, export those events"
            + " too, or export into another folder.");
  }

  /** {@code events/<slug>/index.html}: an event's own page. */
  private static boolean isEventPage(String path) {
    return path.startsWith("events/")
        && path.endsWith("/index.html")
        && path.indexOf('/', "events/".length()) == path.length() - "/index.html".length();
  }
}
