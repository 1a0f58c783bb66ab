package dev.talkbook.core.common;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

/** The app's version, as the build wrote it into {@code version.properties}. */
public final class AppVersion {
  private AppVersion() {}

  /** Like "0.1.0"; "unknown" when the build left no version (a run from an IDE's own classes). */
  public static String version() {
    Properties p = new Properties();
    try {
      p.load(
          new StringReader(
              Resources.find(AppVersion.class, "/dev/talkbook/version.properties").orElse("")));
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("version", "");
    return v.isBlank() || v.contains("${") ? "unknown" : v;
  }

  /** "Java 25.0.3 (Eclipse Adoptium)": the runtime the app runs on. */
  public static String java() {
    return "Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + ")";
  }
}
