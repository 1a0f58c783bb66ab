package dev.talkbook.core.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: the libraries a piece of code names with JBang's convention: {@code //DEPS
 * group:artifact:version} lines (several coordinates on a line, separated by spaces, commas or
 * semicolons; {@code [:classifier][@type]} allowed; a {@code // comment} after them ignored), and
 * {@code //REPOS} lines naming more repositories ({@code id=url}, a URL, or {@code central}). Like
 * JBang, a directive is a line of its own that starts with {@code //DEPS} or {@code //REPOS}
 * (leading spaces allowed).
 */
public final class Libraries {

  private Libraries() {}

  /** A library: Maven coordinates. */
  public record Coordinate(
      String group, String artifact, String version, String classifier, String type) {

    /** As written: {@code group:artifact:version[:classifier][@type]}. */
    @Override
    public String toString() {
      return group
          + ":"
          + artifact
          + ":"
          + version
          + (classifier.isEmpty() ? "" : ":" + classifier)
          + (type.equals("jar") ? "" : "@" + type);
    }

    /** Parses {@code group:artifact:version[:classifier][@type]}; null when it is not that. */
    public static Coordinate parse(String text) {
      Matcher m = GAV.matcher(text);
      if (!m.matches() || m.group("version").isEmpty()) {
        return null;
      }
      return new Coordinate(
          m.group("group"),
          m.group("artifact"),
          m.group("version"),
          m.group("classifier") == null ? "" : m.group("classifier"),
          m.group("type") == null ? "jar" : m.group("type"));
    }
  }

  /** A repository to resolve from, besides the default ones. */
  public record Repository(String id, String url) {}

  /**
   * What some code names.
   *
   * @param coordinates the libraries, in order, each once
   * @param repositories the repositories named by {@code //REPOS}
   * @param problems a sentence for each token that is not a coordinate or repository
   */
  public record Directives(
      List<Coordinate> coordinates, List<Repository> repositories, List<String> problems) {
    public Directives {
      coordinates = List.copyOf(coordinates);
      repositories = List.copyOf(repositories);
      problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
      return coordinates.isEmpty() && repositories.isEmpty() && problems.isEmpty();
    }
  }

  /** JBang's full GAV: group:artifact:version[:classifier][@type]. */
  private static final Pattern GAV =
      Pattern.compile(
          "(?<group>[a-zA-Z0-9_.-]+):(?<artifact>[a-zA-Z0-9_.-]+):(?<version>[^:@\\s]*)"
              + "(:(?<classifier>[^@\\s]*))?(@(?<type>\\S+))?");

  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "^[ \\t]*//(?<key>DEPS|REPOS)(?:[ \\t]+(?<value>.*?))?[ \\t]*$", Pattern.MULTILINE);

  /** JBang's splitting: spaces, semicolons, commas, tabs; quoted parts kept whole. */
  private static final Pattern TOKEN = Pattern.compile("[^\\s;,\"']+|\"([^\"]*)\"|'([^']*)'");

  /** Maven Central's URL. */
  public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  /** The directives in {@code code}. */
  public static Directives parse(String code) {
    Set<Coordinate> coordinates = new LinkedHashSet<>();
    List<Repository> repositories = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Matcher line = DIRECTIVE.matcher(code);
    while (line.find()) {
      String value = line.group("value") == null ? "" : line.group("value");
      int comment = value.indexOf(" //");
      if (comment >= 0) {
        value = value.substring(0, comment);
      }
      boolean deps = line.group("key").equals("DEPS");
      List<String> tokens = tokens(value);
      if (tokens.isEmpty()) {
        problems.add(
            deps
                ? "//DEPS names no library: write //DEPS group:artifact:version."
                : "//REPOS names no repository: write //REPOS id=https://…");
      }
      if (deps && tokens.size() > 1 && tokens.stream().noneMatch(t -> t.contains(":"))) {
        // Words, not libraries ("//DEPS not a library yet"): one sentence, not one a word.
        problems.add(
            "//DEPS "
                + value.strip()
                + " names no library: write group:artifact:version (e.g. //DEPS"
                + " org.jsoup:jsoup:1.17.2).");
        continue;
      }
      for (String token : tokens) {
        if (deps) {
          Coordinate c = Coordinate.parse(token);
          if (c == null) {
            problems.add(
                "//DEPS "
                    + token
                    + " is not a library: write group:artifact:version (e.g. //DEPS"
                    + " org.jsoup:jsoup:1.17.2).");
          } else {
            coordinates.add(c);
          }
        } else {
          Repository r = repository(token);
          if (r == null) {
            problems.add(
                "//REPOS "
                    + token
                    + " is not a repository: write id=https://… or a URL, or central.");
          } else if (!repositories.contains(r)) {
            repositories.add(r);
          }
        }
      }
    }
    return new Directives(List.copyOf(coordinates), repositories, problems);
  }

  private static Repository repository(String token) {
    String lower = token.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("central") || lower.equals("mavencentral")) {
      return new Repository("central", CENTRAL);
    }
    int eq = token.indexOf('=');
    String id = eq > 0 ? token.substring(0, eq) : null;
    String url = eq > 0 ? token.substring(eq + 1) : token;
    if (!url.matches("(?i)(https?|file)://\\S+")) {
      return null;
    }
    if (id == null) {
      id = url.replaceAll("(?i)^[a-z]+://", "").replaceAll("[^A-Za-z0-9.-]+", "_");
    }
    return new Repository(id, url);
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group();
      if (!t.isBlank()) {
        out.add(t.strip());
      }
    }
    return out;
  }
}
