package dev.talkbook.core.store;

import dev.talkbook.core.common.UserFolders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
    return named(explicit, env)
        .orElseGet(() -> dataDirectory(env, osName, home).resolve(FILE_NAME));
  }

  /** The notebook the user named: {@code explicit}, else {@code $TALKBOOK_NOTEBOOK}; else none. */
  public static Optional<Path> named(Path explicit) {
    return named(explicit, System.getenv());
  }

  public static Optional<Path> named(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return Optional.of(explicit.toAbsolutePath().normalize());
    }
    String fromEnv = env.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(Path.of(fromEnv).toAbsolutePath().normalize());
    }
    return Optional.empty();
  }

  /**
   * The notebook file for a name the user chose for a new one: {@code .talkbook} added unless the
   * name ends with it ("Devoxx 2026" and "Talks v2.0" get it), so the file shows in the Open
   * dialog's filter and opens Talkbook from a file manager.
   */
  public static Path withExtension(Path chosen) {
    String name = chosen.getFileName().toString();
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".talkbook")
        ? chosen
        : chosen.resolveSibling(name + ".talkbook");
  }

  /** The per-user data folder for Talkbook on this platform. */
  public static Path dataDirectory(Map<String, String> env, String osName, String home) {
    return UserFolders.data(env, osName, home);
  }
}
