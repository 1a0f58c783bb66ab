package dev.talkbook.core.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Talkbook's per-user folders on this platform: {@code %APPDATA%\Talkbook} on Windows, {@code
 * ~/Library/Application Support/Talkbook} on macOS, and on Linux the XDG base directories ({@code
 * $XDG_CONFIG_HOME/talkbook} for settings, {@code $XDG_DATA_HOME/talkbook} for the notebook, each
 * with its default under the home folder). Pure.
 */
public final class UserFolders {
  private UserFolders() {}

  /** Where settings go: {@code $XDG_CONFIG_HOME/talkbook}, else {@code ~/.config/talkbook}. */
  public static Path config(Map<String, String> env, String osName, String home) {
    return folder(env, osName, home, "XDG_CONFIG_HOME", ".config");
  }

  /** Where data goes: {@code $XDG_DATA_HOME/talkbook}, else {@code ~/.local/share/talkbook}. */
  public static Path data(Map<String, String> env, String osName, String home) {
    return folder(env, osName, home, "XDG_DATA_HOME", ".local/share");
  }

  /**
   * Where what can be made again goes: {@code $XDG_CACHE_HOME/talkbook}, else {@code
   * ~/.cache/talkbook}; {@code %LOCALAPPDATA%\Talkbook\Cache} on Windows, {@code
   * ~/Library/Caches/Talkbook} on macOS.
   */
  public static Path cache(Map<String, String> env, String osName, String home) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base =
          local != null && !local.isBlank() ? Path.of(local) : Path.of(home, "AppData", "Local");
      return base.resolve("Talkbook").resolve("Cache");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches", "Talkbook");
    }
    return folder(env, osName, home, "XDG_CACHE_HOME", ".cache");
  }

  private static Path folder(
      Map<String, String> env, String osName, String home, String xdgVariable, String xdgDefault) {
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
    String xdg = env.get(xdgVariable);
    // The XDG spec says a relative XDG_*_HOME is invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "talkbook");
    }
    return Path.of(home).resolve(xdgDefault).resolve("talkbook");
  }
}
