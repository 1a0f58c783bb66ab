package dev.talkbook.core.site;

import static dev.talkbook.core.site.Html.json;

import dev.talkbook.core.site.SiteModel.SiteEvent;
import dev.talkbook.core.site.SiteModel.SiteTalk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The site's search index, in parts: {@code search-index.js} lists the part files, and each {@code
 * search/<event>-<n>.js} holds the entries (see {@code assets/search.js}) of up to {@value
 * SiteExporter#SEARCH_PART_TALKS} talks of one event, a line each. A part is made again only when
 * one of its talks changed, and then its unchanged talks' lines are taken from the last export's
 * part (each line carries its talk's fingerprint, {@code "k"}, so a stale line is never taken), so
 * only the changed talks' notes are read.
 */
final class SearchParts {
  static final String INDEX = "search-index.js";
  private static final String HEADER =
      "/* Talkbook search index part, " + SearchText.VERSION + " */";
  private static final int KEY_LENGTH = 16;

  /** One part file: its path, fingerprint (its talks') and talks. */
  record Part(String path, String fingerprint, SiteEvent event, List<SiteTalk> talks) {}

  private final List<Part> parts = new ArrayList<>();
  private final Map<SiteTalk, String> fingerprints;
  private final OutputFolder out;
  private final Manifest old;
  private final Map<String, Map<String, String>> oldLines = new ConcurrentHashMap<>();

  SearchParts(SiteModel model, Map<SiteTalk, String> fingerprints, OutputFolder out, Manifest old) {
    this.fingerprints = fingerprints;
    this.out = out;
    this.old = old;
    for (SiteEvent e : model.events) {
      List<SiteTalk> talks = e.talks();
      for (int from = 0, n = 1; from < talks.size(); from += SiteExporter.SEARCH_PART_TALKS, n++) {
        List<SiteTalk> chunk =
            talks.subList(from, Math.min(talks.size(), from + SiteExporter.SEARCH_PART_TALKS));
        String path = "search/" + e.slug() + "-" + n + ".js";
        StringBuilder inputs = new StringBuilder(HEADER).append('\0').append(path);
        for (SiteTalk t : chunk) {
          inputs.append('\0').append(fingerprints.get(t));
        }
        parts.add(
            new Part(
                path,
                SiteExporter.fingerprint(inputs.toString().getBytes(StandardCharsets.UTF_8)),
                e,
                List.copyOf(chunk)));
      }
    }
  }

  List<Part> parts() {
    return parts;
  }

  /** {@code search-index.js}: the part files, in the order of the talks. */
  String index() {
    StringBuilder b = new StringBuilder("window.TALKBOOK_SEARCH_INDEX = [");
    for (int i = 0; i < parts.size(); i++) {
      b.append(i == 0 ? "\n" : ",\n").append(json(Html.urlPath(parts.get(i).path())));
    }
    return b.append("\n];\n").toString();
  }

  /**
   * A part's text. Each talk's line is {@code fresh}'s (made with its page), else the last export's
   * when made from the same fingerprint, else made now by {@code make} (which reads the notes).
   */
  String text(Part part, Map<String, String> fresh, Function<SiteTalk, String> make) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    b.append("(window.TALKBOOK_SEARCH_PARTS = window.TALKBOOK_SEARCH_PARTS || {})[")
        .append(json(Html.urlPath(part.path())))
        .append("] = [\n");
    List<SiteTalk> talks = part.talks();
    for (int i = 0; i < talks.size(); i++) {
      SiteTalk t = talks.get(i);
      String key = key(t);
      String entry = fresh.get(t.path());
      String line = entry != null ? keyed(entry, key) : oldLine(part.event(), t.path(), key);
      if (line == null) {
        line = keyed(make.apply(t), key);
      }
      b.append(line).append(i + 1 < talks.size() ? ",\n" : "\n");
    }
    return b.append("];\n").toString();
  }

  private String key(SiteTalk t) {
    return fingerprints.get(t).substring(0, KEY_LENGTH);
  }

  /** The entry with its talk's key after the path: {@code {"u":…,"k":…,…}}. */
  private static String keyed(String entry, String key) {
    int comma = entry.indexOf(",\"t\":");
    return entry.substring(0, comma) + ",\"k\":\"" + key + "\"" + entry.substring(comma);
  }

  /** The last export's line for the talk at {@code path}, if it was made from the same inputs. */
  private String oldLine(SiteEvent event, String path, String key) {
    String line =
        oldLines.computeIfAbsent(event.slug(), slug -> readOldParts(slug)).get(Html.urlPath(path));
    return line != null && line.contains(",\"k\":\"" + key + "\",") ? line : null;
  }

  /** Every line of the last export's parts of the event with this slug, by talk URL path. */
  private Map<String, String> readOldParts(String eventSlug) {
    Map<String, String> lines = new HashMap<>();
    String prefix = "search/" + eventSlug + "-";
    old.entries()
        .forEach(
            (path, entry) -> {
              if (!path.startsWith(prefix) || !path.endsWith(".js") || !out.exists(path)) {
                return;
              }
              byte[] bytes;
              try {
                bytes = Files.readAllBytes(out.resolve(path));
              } catch (IOException e) {
                return; // made again from the notes
              }
              // Only what this exporter wrote, untouched since, is taken over.
              if (!SiteExporter.sameContent(bytes, SiteExporter.checksum(bytes), entry.hash())) {
                return;
              }
              String text = new String(bytes, StandardCharsets.UTF_8);
              if (!text.startsWith(HEADER + "\n")) {
                return;
              }
              for (String line : text.split("\n")) {
                if (line.startsWith("{\"u\":\"")) {
                  String entryLine =
                      line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
                  int end = entryLine.indexOf('"', 6);
                  lines.put(entryLine.substring(6, end), entryLine);
                }
              }
            });
    return lines;
  }
}
