package dev.talkbook.core.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML front matter: the {@code ---} block at the top of a Markdown file. Read safely (plain data
 * only: no object construction, limited aliases and size); dates stay text, so a talk's local time
 * is never shifted through a time zone. Written in block style with keys in the given order, so the
 * same data gives the same text.
 */
public final class FrontMatter {
  /** The front matter's keys and values, and the Markdown after it. */
  public record Parsed(Map<String, Object> data, String body) {}

  private static final int MAX_CHARS = 256 * 1024;
  private static final int MAX_ALIASES = 20;

  private FrontMatter() {}

  /** Resolves YAML scalars like the standard does, except timestamps, which stay strings. */
  private static final class NoTimestamps extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
    }
  }

  /** Yaml objects are not thread-safe but costly to build: one per thread. */
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(FrontMatter::newYaml);

  private static Yaml yaml() {
    return YAML.get();
  }

  private static Yaml newYaml() {
    LoaderOptions load = new LoaderOptions();
    load.setAllowDuplicateKeys(false);
    load.setMaxAliasesForCollections(MAX_ALIASES);
    load.setCodePointLimit(MAX_CHARS);
    load.setAllowRecursiveKeys(false);
    DumperOptions dump = new DumperOptions();
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dump.setIndent(2);
    dump.setIndicatorIndent(0);
    dump.setWidth(1000);
    dump.setSplitLines(false);
    dump.setLineBreak(DumperOptions.LineBreak.UNIX);
    // Text with control characters in it (a note's own front matter may have any) is written as
    // an escaped string ("\e"), never as !!binary, which reads back as bytes, not text.
    dump.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
    return new Yaml(
        new SafeConstructor(load), new Representer(dump), dump, load, new NoTimestamps());
  }

  /**
   * Splits a file's text into its front matter and body: YAML between {@code ---} lines, or Hugo's
   * TOML between {@code +++} lines ({@link TomlFrontMatter}). Text without front matter gives an
   * empty map and the whole text. Throws {@link SiteException} when the block is not valid YAML
   * (TOML) or not a mapping.
   */
  public static Parsed parse(String text) {
    return parse(text, false);
  }

  /**
   * As {@link #parse(String)}; with {@code tomlToo} (a file being imported), a {@code +++} block is
   * read as TOML front matter too. Notes already in the notebook are read without: there a {@code
   * +++} line is text.
   */
  public static Parsed parse(String text, boolean tomlToo) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    boolean toml = tomlToo && (t.startsWith("+++\n") || t.startsWith("+++\r\n"));
    if (!toml && !t.startsWith("---\n") && !t.startsWith("---\r\n")) {
      return new Parsed(new LinkedHashMap<>(), t);
    }
    String fence = toml ? "+++" : "---";
    int start = t.indexOf('\n') + 1;
    int end = -1;
    int bodyStart = -1;
    int lineStart = start;
    while (lineStart <= t.length()) {
      int nl = t.indexOf('\n', lineStart);
      String line = (nl < 0 ? t.substring(lineStart) : t.substring(lineStart, nl)).stripTrailing();
      if (line.equals(fence) || (!toml && line.equals("..."))) {
        end = lineStart;
        bodyStart = nl < 0 ? t.length() : nl + 1;
        break;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    if (end < 0) {
      throw new SiteException(
          "the front matter starts with " + fence + " but has no closing " + fence + " line");
    }
    if (toml) {
      // Hugo's TOML front matter: the same plain data, the notes without it
      if (end - start > MAX_CHARS) {
        throw new SiteException(
            "invalid front matter: it is longer than " + MAX_CHARS / 1024 + " KB");
      }
      return new Parsed(TomlFrontMatter.parse(t.substring(start, end), 2), t.substring(bodyStart));
    }
    Object data;
    try {
      data = yaml().load(t.substring(start, end));
    } catch (MarkedYAMLException e) {
      throw new SiteException("invalid front matter: " + where(e), e);
    } catch (YAMLException e) {
      String message = e.getMessage() == null ? "not valid YAML" : e.getMessage().strip();
      if (message.startsWith("Number of aliases")) {
        // SnakeYAML's words for the limit that stops a "billion laughs" block
        throw new SiteException(
            "invalid front matter: it repeats lists or maps through aliases (*name) more than "
                + MAX_ALIASES
                + " times; write the values out",
            e);
      }
      throw new SiteException("invalid front matter: " + firstLines(message), e);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    if (data instanceof Map<?, ?> m) {
      m.forEach((k, v) -> map.put(String.valueOf(k), v));
    } else if (data != null) {
      throw new SiteException("invalid front matter: it must be a list of keys and values");
    }
    return new Parsed(map, t.substring(bodyStart));
  }

  /** Front matter and body as one text; no front matter when {@code data} is empty. */
  public static String write(Map<String, Object> data, String body) {
    if (data.isEmpty()) {
      return body;
    }
    return "---\n" + yaml().dump(data) + "---\n" + body;
  }

  /**
   * The parser's problem and where in the file it is ("line 2, column 8: expected ',' or ']', but
   * got <stream end>"), the file's line counted from the opening {@code ---}, without the parser's
   * echo of the text.
   */
  private static String where(MarkedYAMLException e) {
    String problem =
        e.getProblem() == null ? "not valid YAML" : e.getProblem().strip().replaceAll("\\s+", " ");
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    if (mark == null) {
      return problem;
    }
    // The YAML starts on the file's second line, after "---".
    return "line " + (mark.getLine() + 2) + ", column " + (mark.getColumn() + 1) + ": " + problem;
  }

  private static String firstLines(String message) {
    List<String> lines = message.lines().limit(3).toList();
    return String.join(" ", lines);
  }
}
