import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.css.Stylesheet;

/**
 * Puts AtlantaFX's Primer style sheets, light and dark, among the app's classes, each beside its
 * binary form ({@code .bss}, JavaFX's own format for parsed CSS). JavaFX loads a sheet's {@code .bss}
 * instead of parsing the {@code .css} when one lies beside it, and {@code ui.common.Theme} makes
 * these copies the user-agent sheet: the 170 KB sheet is no longer parsed on the FX thread while
 * the window starts (about 220 ms cold against 50 ms for the binary form, docs/benchmarks.md).
 *
 * <p>Run by Maven (exec-maven-plugin, {@code process-resources}) as a single-file program with the
 * project's class path, which has AtlantaFX's and JavaFX's jars: {@code java -cp CP
 * tools/BinaryStylesheets.java OUTPUT_DIR}.
 */
public final class BinaryStylesheets {
  private static final String FROM = "atlantafx/base/theme/";
  private static final String TO = "dev/talkbook/ui/common/";

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
  }
}
