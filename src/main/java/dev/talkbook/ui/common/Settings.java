package dev.talkbook.ui.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers per user (size, position, split positions, last talk, theme), in the
 * platform's preference store. Tests pass their own node.
 */
public final class Settings {
  private final Preferences node;

  public Settings(Preferences node) {
    this.node = node;
  }

  public static Settings forUser() {
    return new Settings(Preferences.userRoot().node("dev/talkbook/window"));
  }

  public double getDouble(String key, double fallback) {
    return node.getDouble(key, fallback);
  }

  public void putDouble(String key, double value) {
    node.putDouble(key, value);
  }

  public long getLong(String key, long fallback) {
    return node.getLong(key, fallback);
  }

  public void putLong(String key, long value) {
    node.putLong(key, value);
  }

  public String get(String key, String fallback) {
    return node.get(key, fallback);
  }

  public void put(String key, String value) {
    node.put(key, value);
  }

  public boolean getBoolean(String key, boolean fallback) {
    return node.getBoolean(key, fallback);
  }

  public void putBoolean(String key, boolean value) {
    node.putBoolean(key, value);
  }

  /** Writes the settings out; a failure here costs only remembered window state. */
  public void flush() {
    try {
      node.flush();
    } catch (BackingStoreException e) {
      System.getLogger(Settings.class.getName())
          .log(System.Logger.Level.WARNING, "could not save the window settings", e);
    }
  }
}
