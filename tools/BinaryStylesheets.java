import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.css.Stylesheet;

/**
 * Puts AtlantaFX's Primer style sheets, light and dark, among the app's classes, each beside its
 * binary form ({@code .bss}, JavaFX's own format for parsed CSS). JavaFX loads a sheet's {@code .bss}
 * instead of parsing the {@code .css} when one lies beside it, and {@code ui.common.Theme} makes
 * these copies the user-agent sheet: the 170 KB sheet is no longer parsed on the FX thread while
 * the window starts (about 220 ms cold against 50 ms for the binary form, docs/benchmarks.md).
 * The app's own JavaFX sheets ({@code dev/talkbook/ui/**}{@code /*.css}, already among the classes)
 * get their binary form beside them too: the window's sheet and the editor's were parsed in the
 * first CSS pass. The preview's {@code preview.css} is a web page's, read by WebKit, and is left
 * alone.
 *
 * <p>The copies leave out Primer's rules for controls the app never makes ({@value #LEFT_OUT}: a
 * selector that names one of its style classes is dropped, a rule with no selector left goes): half
 * of Primer's rules, which JavaFX would otherwise read and sort on the FX thread before the window's
 * first control. ThemeStylesheetTest checks the copy against AtlantaFX's sheet, ArchitectureTest
 * that the app makes none of those controls.
 *
 * <p>Run by Maven (exec-maven-plugin, {@code process-resources}) as a single-file program with the
 * project's class path, which has AtlantaFX's and JavaFX's jars: {@code java -cp CP
 * tools/BinaryStylesheets.java OUTPUT_DIR [DONE_FILE]}. With {@code DONE_FILE}, that file is written
 * last, once every sheet is: Maven runs the tool again only when an input is newer than it.
 */
public final class BinaryStylesheets {
  private static final String FROM = "atlantafx/base/theme/";
  private static final String TO = "dev/talkbook/ui/common/";
  private static final String UI = "dev/talkbook/ui/";

  /** The style classes whose rules are left out of the copies, beside this file. */
  static final String LEFT_OUT = "primer-left-out.txt";

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).resolve(TO);
    Files.createDirectories(out);
    List<String> leftOut = leftOutClasses(Path.of("tools", LEFT_OUT));
    for (String name : new String[] {"primer-light", "primer-dark"}) {
      Path css = out.resolve(name + ".css");
      try (InputStream in =
          BinaryStylesheets.class.getClassLoader().getResourceAsStream(FROM + name + ".css")) {
        if (in == null) {
          throw new IOException(FROM + name + ".css is not on the class path (AtlantaFX's jar)");
        }
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(css, without(all, leftOut));
      }
      Stylesheet.convertToBinary(css.toFile(), out.resolve(name + ".bss").toFile());
    }
    Path ui = Path.of(args[0]).resolve(UI);
    List<Path> sheets;
    try (Stream<Path> files = Files.walk(ui)) {
      sheets =
          files
              .filter(f -> f.getFileName().toString().endsWith(".css"))
              .filter(f -> !f.startsWith(ui.resolve("preview")) && !f.startsWith(out))
              .toList();
    }
    if (sheets.isEmpty()) {
      throw new IOException("no style sheets under " + ui + ": run after the resources are copied");
    }
    for (Path css : sheets) {
      String name = css.getFileName().toString();
      Path bss = css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
      Stylesheet.convertToBinary(css.toFile(), bss.toFile());
    }
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), "binary style sheets made\n");
    }
  }

  /**
   * The style classes of {@code list} (the first word of each line that is not blank or a {@code #}
   * comment); one ending in {@code *} stands for every class that begins so.
   */
  static List<String> leftOutClasses(Path list) throws IOException {
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(list)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        classes.add(l.split("\\s+")[0]);
      }
    }
    if (classes.isEmpty()) {
      throw new IOException(list + " names no style class");
    }
    return classes;
  }

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
  private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z_][\\w-]*)");

  /**
   * {@code css} (a sheet of plain rules, as AtlantaFX's are: no {@code @} rules, no nesting)
   * without its comments and without the selectors that name a style class of {@code leftOut}; a
   * rule with no selector left goes. Anything else in the sheet is refused: a newer AtlantaFX
   * written otherwise fails the build, not the look.
   */
  static String without(String css, List<String> leftOut) throws IOException {
    String plain = COMMENT.matcher(css).replaceAll("");
    StringBuilder kept = new StringBuilder();
    Matcher rule = RULE.matcher(plain);
    int end = 0;
    while (rule.find()) {
      end = rule.end();
      List<String> selectors = new ArrayList<>();
      for (String selector : rule.group(1).split(",")) {
        if (!namesAny(selector, leftOut)) {
          selectors.add(selector.strip());
        }
      }
      if (selectors.size() > 0) {
        kept.append(String.join(",\n", selectors)).append(" {").append(rule.group(2)).append("}\n");
      }
    }
    if (!plain.substring(end).isBlank() || plain.contains("@")) {
      throw new IOException("not a sheet of plain rules: " + plain.substring(end).strip());
    }
    return kept.toString();
  }

  /** Whether {@code selector} names a style class of {@code classes} (see {@link #leftOutClasses}). */
  static boolean namesAny(String selector, List<String> classes) {
    Matcher named = STYLE_CLASS.matcher(selector);
    while (named.find()) {
      for (String c : classes) {
        if (c.endsWith("*")
            ? named.group(1).startsWith(c.substring(0, c.length() - 1))
            : named.group(1).equals(c)) {
          return true;
        }
      }
    }
    return false;
  }
}
