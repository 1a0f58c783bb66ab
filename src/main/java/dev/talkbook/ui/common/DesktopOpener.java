package dev.talkbook.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a file in the desktop's file manager (its folder on Linux, the file selected on macOS and
 * Windows), or opens a web address in the browser on Linux, and says whether that worked: JavaFX's
 * {@code HostServices.showDocument} reports nothing, so with no application registered the user saw
 * nothing happen. Runs the desktop's opener ({@code xdg-open}, {@code open -R}, {@code explorer
 * /select,}) on a thread of its own and completes with a {@link Failed} that says why when it
 * cannot be started or says it failed.
 */
public final class DesktopOpener {
  /** An opener still running after this long has found something to open with. */
  static final long WAIT_SECONDS = 5;

  /** Why the folder could not be shown, in words for the user. */
  public static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failed(String message) {
      super(message);
    }
  }

  private DesktopOpener() {}

  /** Shows {@code file}'s folder; completes (on the opener's thread) when shown or failed. */
  public static CompletableFuture<Void> show(Path file) {
    return run(command(file, System.getProperty("os.name", "")), "show folders");
  }

  /**
   * Whether {@link #open} is the way to open web addresses here: on Linux, where JavaFX's own way
   * tries a list of browsers and says nothing when none is there. macOS and Windows always have an
   * opener, which JavaFX uses.
   */
  public static boolean opensLinks() {
    return linkCommand("x", System.getProperty("os.name", "")) != null;
  }

  /** Opens {@code url} in the desktop's browser (Linux); completes when opened or failed. */
  public static CompletableFuture<Void> open(String url) {
    return run(linkCommand(url, System.getProperty("os.name", "")), "open web pages");
  }

  /** The command that opens {@code url} on the system named {@code os}; null but on Linux. */
  static List<String> linkCommand(String url, String os) {
    String name = os.toLowerCase(Locale.ROOT);
    return name.startsWith("mac") || name.startsWith("windows") ? null : List.of("xdg-open", url);
  }

  /** The desktop's command that shows {@code file} on the system named {@code os}. */
  static List<String> command(Path file, String os) {
    String name = os.toLowerCase(Locale.ROOT);
    Path absolute = file.toAbsolutePath();
    if (name.startsWith("mac")) {
      return List.of("open", "-R", absolute.toString());
    }
    if (name.startsWith("windows")) {
      return List.of("explorer", "/select," + absolute);
    }
    Path folder = absolute.getParent();
    return List.of("xdg-open", (folder == null ? absolute : folder).toString());
  }

  /**
   * Runs {@code command}: done once it ends well (or is still running after a while); {@code what}
   * it is for ("show folders") goes into the failure's words.
   */
  static CompletableFuture<Void> run(List<String> command, String what) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
              return; // a file manager (or a browser, for lack of one) is up
            }
            // Windows' explorer answers 1 even when it showed the folder.
            if (p.exitValue() != 0 && !command.get(0).equals("explorer")) {
              // Only what is there: a program it started may hold the pipe open.
              var in = p.getInputStream();
              String output = new String(in.readNBytes(in.available()), StandardCharsets.UTF_8);
              throw new Failed(
                  "the desktop has no application to "
                      + what
                      + " with ("
                      + command.get(0)
                      + " answered "
                      + lastLine(output, "exit code " + p.exitValue())
                      + ").");
            }
          } catch (IOException e) {
            throw new Failed(
                "the desktop's opener " + command.get(0) + " could not be started (" + e + ").");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("it was interrupted.");
          }
        },
        r -> {
          Thread t = new Thread(r, "talkbook-show-folder");
          t.setDaemon(true);
          t.start();
        });
  }

  /** The last line of {@code output} that says something, else {@code otherwise}. */
  static String lastLine(String output, String otherwise) {
    List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.isEmpty() ? otherwise : "“" + lines.get(lines.size() - 1) + "”";
  }
}
