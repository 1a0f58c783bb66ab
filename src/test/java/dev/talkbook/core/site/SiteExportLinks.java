package dev.talkbook.core.site;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A link checker for an exported site's folder, for tests. */
public final class SiteExportLinks {
  private SiteExportLinks() {}

  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final Pattern QUOTED = Pattern.compile("\"(search/[^\"]+)\"");
  private static final Pattern SEARCHED = Pattern.compile("\\{\"u\":\"([^\"]+)\"");

  /**
   * Each local link or picture of a page (fragments and queries left out) that names no file, as
   * "page → link"; and each part of the search index, and each page a part names, that is not
   * there.
   */
  public static List<String> broken(Path site) throws IOException {
    List<String> broken = new ArrayList<>();
    for (String path : htmlFiles(site)) {
      Matcher m = LINK.matcher(Files.readString(site.resolve(path), StandardCharsets.UTF_8));
      while (m.find()) {
        String link = m.group(1);
        if (link.isEmpty()
            || link.startsWith("#")
            || link.matches("^[a-z]+:.*")
            || link.startsWith("//")) {
          continue;
        }
        String target = URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8);
        target = target.replaceAll("[#?].*$", "");
        Path to =
            target.startsWith("/")
                ? site.resolve(target.substring(1))
                : site.resolve(path).getParent().resolve(target);
        if (!Files.isRegularFile(to.normalize())) {
          broken.add(path + " → " + link);
        }
      }
    }
    Path index = site.resolve("search-index.js");
    if (Files.exists(index)) {
      Matcher parts = QUOTED.matcher(Files.readString(index));
      while (parts.find()) {
        Path part = site.resolve(parts.group(1));
        if (!Files.isRegularFile(part)) {
          broken.add("search-index.js → " + parts.group(1));
          continue;
        }
        Matcher pages = SEARCHED.matcher(Files.readString(part));
        while (pages.find()) {
          String page = URLDecoder.decode(pages.group(1), StandardCharsets.UTF_8);
          if (!Files.isRegularFile(site.resolve(page))) {
            broken.add(parts.group(1) + " → " + page);
          }
        }
      }
    }
    return broken;
  }

  private static List<String> htmlFiles(Path site) throws IOException {
    try (Stream<Path> s = Files.walk(site)) {
      return s.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".html") && !p.startsWith(OutputFolder.STAGING + "/"))
          .sorted()
          .toList();
    }
  }
}
