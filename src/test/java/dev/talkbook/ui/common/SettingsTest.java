package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's settings file, without a toolkit. */
class SettingsTest {
  @TempDir Path dir;

  @Test
  void onceAskedEachChangeIsWrittenOutWithoutAFlush() throws Exception {
    Path file = dir.resolve("talkbook").resolve("settings.properties");
    Settings settings = Settings.load(file);
    settings.put(Settings.THEME, "LIGHT");
    assertThat(file).doesNotExist(); // not asked yet: written at a flush only
    java.util.List<Runnable> asked = new java.util.ArrayList<>();
    settings.writeChangesOn(asked::add);
    settings.put(Settings.THEME, "DARK");
    settings.put(Settings.FONT_SIZE, 18.0);
    assertThat(asked).as("one write for a burst of changes").hasSize(1);
    asked.remove(0).run();
    assertThat(Settings.load(file).get(Settings.THEME)).isEqualTo("DARK");
    assertThat(Settings.load(file).get(Settings.FONT_SIZE)).isEqualTo(18.0);
    settings.put(Settings.THEME, "DARK");
    assertThat(asked).as("no write for a value it already had").isEmpty();
    settings.put(Settings.THEME, null);
    assertThat(asked).hasSize(1);
    asked.remove(0).run();
    assertThat(Settings.load(file).has(Settings.THEME)).isFalse();
    // A closed writer (the window closing) is no failure: the close writes them itself.
    settings.writeChangesOn(
        r -> {
          throw new java.util.concurrent.RejectedExecutionException("closed");
        });
    settings.put(Settings.THEME, "LIGHT");
    settings.writeChangesOn(asked::add);
    settings.put(Settings.THEME, "DARK");
    assertThat(asked).hasSize(1);
  }

  @Test
  void whileWritesAreHeldChangesStayInMemoryAndTheHoldsEndWritesThem() throws Exception {
    Path file = dir.resolve("settings.properties");
    Settings settings = Settings.load(file);
    java.util.List<Runnable> asked = new java.util.ArrayList<>();
    settings.writeChangesOn(asked::add);
    settings.put(Settings.FONT_SIZE, 16.0); // asked for before the hold, done during it
    Settings.Hold hold = settings.holdWrites();
    settings.put(Settings.FONT_SIZE, 22.0); // presenter mode's zoom
    settings.put(Settings.DETAILS_EXPANDED, false);
    assertThat(asked).hasSize(1);
    asked.remove(0).run();
    assertThat(file).as("nothing written while held").doesNotExist();
    assertThat(settings.get(Settings.FONT_SIZE)).isEqualTo(22.0);
    settings.put(Settings.FONT_SIZE, 16.0); // put back before the hold ends
    settings.put(Settings.DETAILS_EXPANDED, true);
    hold.close();
    assertThat(asked).as("the hold's end asks for one write").hasSize(1);
    asked.remove(0).run();
    assertThat(Settings.load(file).get(Settings.FONT_SIZE)).isEqualTo(16.0);
    hold.close(); // closing twice is harmless
    assertThat(asked).isEmpty();
    // A flush (the window closing) writes at once, held or not.
    try (Settings.Hold again = settings.holdWrites()) {
      settings.put(Settings.FONT_SIZE, 30.0);
      settings.flush();
      assertThat(Settings.load(file).get(Settings.FONT_SIZE)).isEqualTo(30.0);
    }
  }

  @Test
  void aSettingIsItsDefaultUntilPutAndIsReadBackAfterAFlush() {
    Path file = dir.resolve("sub/settings.properties");
    Settings settings = Settings.load(file);
    assertThat(settings.get(Settings.FONT_SIZE)).isEqualTo(14.0);
    assertThat(settings.get(Settings.SOFT_WRAP)).isTrue();
    assertThat(settings.get(Settings.X)).isNaN();
    settings.put(Settings.FONT_SIZE, 18.0);
    settings.put(Settings.SOFT_WRAP, false);
    settings.put(Settings.THEME, "DARK");
    settings.put(Settings.lastTalk(dir.resolve("a.talkbook")), 42L);
    settings.flush();

    Settings again = Settings.load(file);
    assertThat(again.get(Settings.FONT_SIZE)).isEqualTo(18.0);
    assertThat(again.get(Settings.SOFT_WRAP)).isFalse();
    assertThat(again.get(Settings.THEME)).isEqualTo("DARK");
    assertThat(again.get(Settings.lastTalk(dir.resolve("a.talkbook")))).isEqualTo(42L);
    assertThat(again.get(Settings.lastTalk(dir.resolve("b.talkbook")))).isEqualTo(-1L);
  }

  @Test
  void aValueEditedIntoNonsenseReadsAsTheDefault() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "fontSize=large\nwidth=900\n");
    Settings settings = Settings.load(file);
    assertThat(settings.get(Settings.FONT_SIZE)).isEqualTo(14.0);
    assertThat(settings.get(Settings.WIDTH)).isEqualTo(900.0);
  }

  @Test
  void anUnreadableFileGivesTheDefaults() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.createDirectory(file); // a folder where the file should be
    Settings settings = Settings.load(file);
    assertThat(settings.get(Settings.HEIGHT)).isEqualTo(760.0);
    settings.flush(); // cannot write it either: logged, nothing thrown
  }

  @Test
  void aFileEditedInLatin1IsReadAsLatin1() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.write(
        file,
        "recentNotebooks=/home/ren\u00e9/notes.talkbook\nwidth=900\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Settings settings = Settings.load(file);
    assertThat(settings.get(Settings.WIDTH)).isEqualTo(900.0);
    assertThat(settings.get(Settings.RECENT_NOTEBOOKS)).contains("/home/ren\u00e9/notes.talkbook");
  }

  @Test
  void aFileThatCannotBeReadIsKeptAsideAndTheDefaultsAreUsed() throws Exception {
    Path file = dir.resolve("settings.properties");
    byte[] garbage = "width=900\nname=\\uZZZZ\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(file, garbage); // a broken unicode escape: Properties refuses the file
    Settings settings = Settings.load(file);
    assertThat(settings.get(Settings.WIDTH)).isNotEqualTo(900.0);
    assertThat(dir.resolve("settings.properties.unreadable")).hasBinaryContent(garbage);
    settings.put(Settings.WIDTH, 1000.0);
    settings.flush();
    assertThat(Settings.load(file).get(Settings.WIDTH)).isEqualTo(1000.0);
    assertThat(dir.resolve("settings.properties.unreadable")).hasBinaryContent(garbage);
  }

  @Test
  void theFolderIsTheXdgConfigFolderOrThePlatformsOwn() {
    assertThat(Settings.folder(Map.of("XDG_CONFIG_HOME", "/x/config"), "Linux", "/home/a"))
        .isEqualTo(Path.of("/x/config/talkbook"));
    assertThat(Settings.folder(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/a"))
        .isEqualTo(Path.of("/home/a/.config/talkbook"));
    assertThat(Settings.folder(Map.of(), "Linux", "/home/a"))
        .isEqualTo(Path.of("/home/a/.config/talkbook"));
    assertThat(Settings.folder(Map.of(), "Mac OS X", "/Users/a"))
        .isEqualTo(Path.of("/Users/a/Library/Application Support/Talkbook"));
    assertThat(Settings.folder(Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11", "x"))
        .isEqualTo(Path.of("C:/Users/a/AppData/Roaming/Talkbook"));
  }

  @Test
  void whatJavaPrefsKeptIsTakenOver() throws Exception {
    Preferences root = Preferences.userRoot().node("dev/talkbook/test-" + UUID.randomUUID());
    try {
      Preferences old = root.node("dev/talkbook/window");
      old.putDouble("fontSize", 20);
      old.putLong("lastTalk:1a2b", 7);
      Settings settings = Settings.load(dir.resolve("settings.properties"));
      assertThat(settings.takeOverPreferences(root)).isTrue();
      assertThat(settings.get(Settings.FONT_SIZE)).isEqualTo(20.0);
      assertThat(settings.get(new Settings.Key<>("lastTalk.1a2b", -1L, Long::valueOf)))
          .isEqualTo(7L);
    } finally {
      root.removeNode();
    }
  }

  @Test
  void aKeyWithoutAValueOfItsOwnIsNotSet() throws Exception {
    Settings settings = Settings.load(dir.resolve("settings.properties"));
    assertThat(settings.has(Settings.WIDTH)).isFalse();
    settings.put(Settings.WIDTH, 1000.0);
    assertThat(settings.has(Settings.WIDTH)).isTrue();
  }
}
