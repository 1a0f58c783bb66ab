package dev.talkbook.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the notebook lives when the user does not say: the platform's user data folder. An explicit
 * path ({@code --notebook}) wins over {@code TALKBOOK_NOTEBOOK}, which wins over the default.
 */
public final class NotebookLocation {
  public static final String ENV_VARIABLE = "TALKBOOK_NOTEBOOK";
  public static final String FILE_NAME = "notebook.talkbook";

  private NotebookLocation() {}

  /** Resolves with this process's environment and system properties. */
  public static Path resolve(Path explicit) {
    return resolve(
        explicit, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
  }

  public static Path resolve(Path explicit, Map<String, String> env, String osName, String home) {
    if (explicit != null) {
      return explicit.toAbsolutePath().normalize();
    }
    String fromEnv = env.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath().normalize();
    }
    return dataDirectory(env, osName, home).resolve(FILE_NAME);
  }

  /** The per-user data folder for Talkbook on this platform. */
  public static Path dataDirectory(Map<String, String> env, String osName, String home) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base =
          appData != null && !appData.isBlank()
              ? Path.of(appData)
              : Path.of(home, "AppData", "Roaming");
      return base.resolve("Talkbook");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Application Support", "Talkbook");
    }
    String xdg = env.get("XDG_DATA_HOME");
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "talkbook");
    }
    return Path.of(home, ".local", "share", "talkbook");
  }
}
