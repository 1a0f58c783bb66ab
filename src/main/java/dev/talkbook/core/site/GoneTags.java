package dev.talkbook.core.site;

import dev.talkbook.core.markdown.InlineLinks;
import dev.talkbook.core.site.SiteModel.SiteTag;
import dev.talkbook.core.site.SiteModel.SiteTalk;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the page of a tag no talk has any more leads: the tag its talks' tag was renamed to, when
 * that can be told, else the tags' index. So an address the site once had is never a 404.
 *
 * <p>The tag it was renamed to is read off the old page: the talks it listed (its links, through
 * the last export's {@code talk} lines) now all share exactly one tag that no page of the last
 * export was of ({@code gc} on talks 3 and 7, now {@code GC & memory} on both, and no other new tag
 * on both). Otherwise (the tag was dropped, merged into one that existed, split, or the old page
 * cannot be read) the index.
 */
final class GoneTags {
  /** The tags' index, where a tag page goes when its tag's new name cannot be told. */
  static final String INDEX = "tags/index.html";

  private static final Pattern TALK_LINK = Pattern.compile("<h2><a href=\"\\.\\./([^\"]+)\">");

  private GoneTags() {}

  /**
   * For each page of the last export of a tag that no talk has now ({@code model.oldTags}), the tag
   * it leads to ({@code null}: the tags' index), by path.
   */
  static Map<String, SiteTag> targets(OutputFolder out, Manifest old, SiteModel model) {
    Map<String, SiteTag> now = new HashMap<>();
    for (SiteTag t : model.tags) {
      now.put(SiteModel.tagKey(t.name()), t);
    }
    Set<String> hadPages = new HashSet<>(model.oldTags.values());
    Map<Long, SiteTalk> talks = new HashMap<>();
    // the gone tags' pages and redirects (a redirect lists no talks: its tag's page does), by tag
    Map<String, List<String>> gone = new HashMap<>();
    model.oldTags.forEach(
        (path, key) -> {
          if (!now.containsKey(key)) { // else SiteExporter leads to the tag's page
            gone.computeIfAbsent(key, k -> new ArrayList<>()).add(path);
          }
        });
    Map<String, SiteTag> targets = new HashMap<>();
    if (gone.isEmpty()) {
      return targets;
    }
    for (SiteTalk t : model.talks()) {
      talks.put(t.talk().id(), t);
    }
    gone.forEach(
        (key, paths) -> {
          SiteTag to = renamedTo(out, old, paths, talks, hadPages);
          for (String path : paths) {
            targets.put(path, to);
          }
        });
    return targets;
  }

  /** The one new tag all the talks the old pages list now share, else null. */
  private static SiteTag renamedTo(
      OutputFolder out,
      Manifest old,
      List<String> paths,
      Map<Long, SiteTalk> talks,
      Set<String> hadPages) {
    Set<String> links = new LinkedHashSet<>();
    for (String path : paths) {
      try (BufferedReader in = Files.newBufferedReader(out.resolve(path), StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          Matcher m = TALK_LINK.matcher(line);
          while (m.find()) {
            links.add(InlineLinks.decodedPath(m.group(1)));
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        // this page tells nothing; another of the tag's may
      }
    }
    Map<String, SiteTag> shared = null;
    for (String link : links) {
      Long id = old.talks().get(link);
      SiteTalk talk = id == null ? null : talks.get(id);
      if (talk == null) {
        continue; // a talk deleted since says nothing of the new name
      }
      Map<String, SiteTag> fresh = new HashMap<>();
      for (SiteTag t : talk.tags()) {
        String key = SiteModel.tagKey(t.name());
        if (!hadPages.contains(key)) {
          fresh.put(key, t);
        }
      }
      if (shared == null) {
        shared = fresh;
      } else {
        shared.keySet().retainAll(fresh.keySet());
      }
    }
    return shared != null && shared.size() == 1 ? shared.values().iterator().next() : null;
  }
}
