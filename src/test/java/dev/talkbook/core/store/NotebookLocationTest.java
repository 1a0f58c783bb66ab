package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the notebook is: {@code --notebook}, else {@code TALKBOOK_NOTEBOOK}, else the platform's
 * user data folder. Paths are built with {@link Path#of} so the expectations hold on any OS.
 */
class NotebookLocationTest {
  private static final String LINUX = "Linux";
  private static final String FILE = NotebookLocation.FILE_NAME;

  @TempDir Path tmp;

  private String home() {
    return tmp.resolve("home").toString();
  }

  private Path resolve(Map<String, String> env, String os) {
    return NotebookLocation.resolve(null, env, os, home());
  }

  @Test
  void linuxWithoutXdgDataHomeUsesLocalShare() {
    assertThat(resolve(Map.of(), LINUX))
        .isEqualTo(Path.of(home(), ".local", "share", "talkbook", FILE));
  }

  @Test
  void linuxWithAnAbsoluteXdgDataHomeUsesIt() {
    String xdg = tmp.resolve("xdg-data").toString();

    assertThat(resolve(Map.of("XDG_DATA_HOME", xdg), LINUX))
        .isEqualTo(Path.of(xdg, "talkbook", FILE));
  }

  @ParameterizedTest(name = "XDG_DATA_HOME=\"{0}\"")
  @ValueSource(strings = {"relative/data", "data", "./data", "", "   "})
  void linuxIgnoresARelativeOrBlankXdgDataHome(String xdg) {
    assertThat(resolve(Map.of("XDG_DATA_HOME", xdg), LINUX))
        .isEqualTo(Path.of(home(), ".local", "share", "talkbook", FILE));
  }

  @ParameterizedTest(name = "os.name={0}")
  @ValueSource(strings = {"FreeBSD", "SunOS", "linux"})
  void otherUnixesFollowXdgLikeLinux(String os) {
    assertThat(resolve(Map.of(), os))
        .isEqualTo(Path.of(home(), ".local", "share", "talkbook", FILE));
  }

  @Test
  void anUnknownOsNameFollowsXdg() {
    assertThat(resolve(Map.of(), null))
        .isEqualTo(Path.of(home(), ".local", "share", "talkbook", FILE));
  }

  @ParameterizedTest(name = "os.name={0}")
  @ValueSource(strings = {"Mac OS X", "macOS"})
  void macOsUsesApplicationSupport(String os) {
    assertThat(resolve(Map.of(), os))
        .isEqualTo(Path.of(home(), "Library", "Application Support", "Talkbook", FILE));
  }

  @Test
  void macOsIgnoresXdgDataHome() {
    String xdg = tmp.resolve("xdg-data").toString();

    assertThat(resolve(Map.of("XDG_DATA_HOME", xdg), "Mac OS X"))
        .isEqualTo(Path.of(home(), "Library", "Application Support", "Talkbook", FILE));
  }

  @ParameterizedTest(name = "os.name={0}")
  @ValueSource(strings = {"Windows 11", "Windows 10", "Windows Server 2022"})
  void windowsWithAppDataUsesIt(String os) {
    String appData = tmp.resolve("AppData").resolve("Roaming").toString();

    assertThat(resolve(Map.of("APPDATA", appData), os))
        .isEqualTo(Path.of(appData, "Talkbook", FILE));
  }

  @ParameterizedTest(name = "APPDATA=\"{0}\"")
  @ValueSource(strings = {"", "  "})
  void windowsWithABlankAppDataFallsBackToTheHomeFolder(String appData) {
    assertThat(resolve(Map.of("APPDATA", appData), "Windows 11"))
        .isEqualTo(Path.of(home(), "AppData", "Roaming", "Talkbook", FILE));
  }

  @Test
  void windowsWithoutAppDataFallsBackToTheHomeFolder() {
    assertThat(resolve(Map.of(), "Windows 11"))
        .isEqualTo(Path.of(home(), "AppData", "Roaming", "Talkbook", FILE));
  }

  @Test
  void windowsIgnoresXdgDataHome() {
    String xdg = tmp.resolve("xdg-data").toString();

    assertThat(resolve(Map.of("XDG_DATA_HOME", xdg), "Windows 11"))
        .isEqualTo(Path.of(home(), "AppData", "Roaming", "Talkbook", FILE));
  }

  @ParameterizedTest(name = "os.name={0}")
  @ValueSource(strings = {LINUX, "Mac OS X", "Windows 11"})
  void theEnvironmentVariableBeatsTheDefault(String os) {
    Path fromEnv = tmp.resolve("env").resolve("mine.talkbook");
    Map<String, String> env =
        Map.of(
            NotebookLocation.ENV_VARIABLE,
            fromEnv.toString(),
            "XDG_DATA_HOME",
            tmp.resolve("xdg").toString(),
            "APPDATA",
            tmp.resolve("appdata").toString());

    assertThat(resolve(env, os)).isEqualTo(fromEnv);
  }

  @Test
  void aRelativeEnvironmentVariableIsMadeAbsoluteAndNormalized() {
    Map<String, String> env = Map.of(NotebookLocation.ENV_VARIABLE, "notes/../mine.talkbook");

    assertThat(resolve(env, LINUX)).isEqualTo(Path.of("mine.talkbook").toAbsolutePath());
  }

  @ParameterizedTest(name = "TALKBOOK_NOTEBOOK=\"{0}\"")
  @ValueSource(strings = {"", "   "})
  void aBlankEnvironmentVariableIsIgnored(String value) {
    assertThat(resolve(Map.of(NotebookLocation.ENV_VARIABLE, value), LINUX))
        .isEqualTo(Path.of(home(), ".local", "share", "talkbook", FILE));
  }

  @Test
  void anExplicitPathBeatsTheEnvironmentVariable() {
    Path explicit = tmp.resolve("explicit.talkbook");
    Map<String, String> env =
        Map.of(NotebookLocation.ENV_VARIABLE, tmp.resolve("env.talkbook").toString());

    assertThat(NotebookLocation.resolve(explicit, env, LINUX, home())).isEqualTo(explicit);
  }

  @Test
  void anExplicitPathBeatsTheDefault() {
    Path explicit = tmp.resolve("explicit.talkbook");

    assertThat(NotebookLocation.resolve(explicit, Map.of(), "Windows 11", home()))
        .isEqualTo(explicit);
  }

  @Test
  void aRelativeExplicitPathIsMadeAbsoluteAndNormalized() {
    Path resolved =
        NotebookLocation.resolve(Path.of("a", "..", "b.talkbook"), Map.of(), LINUX, home());

    assertThat(resolved).isAbsolute().isEqualTo(Path.of("b.talkbook").toAbsolutePath());
  }

  @Test
  void theProcessWideResolveUsesAnExplicitPathAsIs() {
    Path explicit = tmp.resolve("x.talkbook");

    assertThat(NotebookLocation.resolve(explicit)).isEqualTo(explicit);
  }

  @Test
  void theDataDirectoryIsTheNotebooksFolder() {
    assertThat(NotebookLocation.dataDirectory(Map.of(), LINUX, home()))
        .isEqualTo(resolve(Map.of(), LINUX).getParent());
  }

  @Test
  void aNewNotebooksNameGetsTheExtensionUnlessItEndsWithIt() {
    Path dir = Path.of("/home/ada/notes");
    assertThat(NotebookLocation.withExtension(dir.resolve("Devoxx 2026")))
        .isEqualTo(dir.resolve("Devoxx 2026.talkbook"));
    assertThat(NotebookLocation.withExtension(dir.resolve("work.talkbook")))
        .isEqualTo(dir.resolve("work.talkbook"));
    assertThat(NotebookLocation.withExtension(dir.resolve("Work.TALKBOOK")))
        .isEqualTo(dir.resolve("Work.TALKBOOK"));
    assertThat(NotebookLocation.withExtension(dir.resolve("Talks v2.0")))
        .isEqualTo(dir.resolve("Talks v2.0.talkbook"));
  }
}
