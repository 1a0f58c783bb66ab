import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
 * <p>Run by Maven (exec-maven-plugin, {@code process-resources}) as a single-file program with the
 * project's class path, which has AtlantaFX's and JavaFX's jars: {@code java -cp CP
 * tools/BinaryStylesheets.java OUTPUT_DIR [DONE_FILE]}. With {@code DONE_FILE}, that file is written
 * last, once every sheet is: Maven runs the tool again only when an input is newer than it.
 */
public final class BinaryStylesheets {
  private static final String FROM = "atlantafx/base/theme/";
  private static final String TO = "dev/talkbook/ui/common/";
  private static final String UI = "dev/talkbook/ui/";

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).resolve(TO);
    Files.createDirectories(out);
    for (String name : new String[] {"primer-light", "primer-dark"}) {
      Path css = out.resolve(name + ".css");
      try (InputStream in =
          BinaryStylesheets.class.getClassLoader().getResourceAsStream(FROM + name + ".css")) {
        if (in == null) {
          throw new IOException(FROM + name + ".css is not on the class path (AtlantaFX's jar)");
        }
        Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
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
}
