package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** Keys are written as the menus write them, Enter spelled out off macOS. */
class KeysTest {
  @Test
  void aKeyIsWrittenAsTheMenusWriteIt() {
    for (String key : new String[] {"Shortcut+N", "Shortcut+Shift+F", "Shortcut+Period"}) {
      assertThat(Keys.shown(key)).isEqualTo(KeyCombination.valueOf(key).getDisplayText());
    }
    if (!System.getProperty("os.name", "").startsWith("Mac")) {
      assertThat(Keys.shown("Shortcut+N")).isEqualTo("Ctrl+N");
      assertThat(Keys.shown("Shortcut+Enter")).isEqualTo("Ctrl+Enter");
      assertThat(Keys.shown("Shortcut+Slash")).isEqualTo("Ctrl+/");
    }
  }
}
