package dev.talkbook.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * Light and dark, from AtlantaFX's Primer themes plus the app's own sheet (colour variables {@code
 * -tb-*}). "System" follows the desktop's colour-scheme setting.
 */
public final class Theme {
  /** The user's choice. */
  public enum Choice {
    SYSTEM,
    LIGHT,
    DARK
  }

  public static final String DARK_CLASS = "tb-dark";

  /** On the root of a dialog or popup dressed with {@link #dress}: it gets the colour variables. */
  public static final String THEMED_CLASS = "tb-themed";

  private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.SYSTEM);
  private final boolean systemDark;

  public Theme(boolean systemDark) {
    this.systemDark = systemDark;
  }

  public ObjectProperty<Choice> choiceProperty() {
    return choice;
  }

  public boolean isDark() {
    return switch (choice.get()) {
      case DARK -> true;
      case LIGHT -> false;
      case SYSTEM -> systemDark;
    };
  }

  /**
   * Makes the current choice's Primer sheet the app's user-agent style sheet. Called before the
   * first control is made: the first control otherwise loads JavaFX's own Modena sheet (150 KB of
   * binary CSS), which the theme then replaces.
   */
  public void applyUserAgentStylesheet() {
    Application.setUserAgentStylesheet(userAgentStylesheet(isDark()));
  }

  /**
   * The Primer sheet, dark or light: the build's copy among the app's classes, beside which lies
   * its binary form, which JavaFX loads instead of parsing the 170 KB of CSS on the FX thread
   * ({@code tools/BinaryStylesheets.java}); AtlantaFX's own where the build made no copy (a class
   * path that skipped Maven's {@code process-resources}).
   */
  static String userAgentStylesheet(boolean dark) {
    URL copy = Theme.class.getResource(dark ? "primer-dark.css" : "primer-light.css");
    if (copy != null) {
      return copy.toExternalForm();
    }
    return dark
        ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet();
  }

  /** Applies the current choice to the app and to {@code scene} (the app sheet and dark class). */
  public void apply(Scene scene) {
    applyUserAgentStylesheet();
    // The window's colour from its first frame, before any CSS has been applied or laid out.
    scene.setFill(background());
    String sheet = stylesheet();
    if (!scene.getStylesheets().contains(sheet)) {
      scene.getStylesheets().add(sheet);
    }
    if (opaquePopups()) {
      String opaque = opaquePopupsSheet();
      if (!scene.getStylesheets().contains(opaque)) {
        scene.getStylesheets().add(opaque);
      }
    }
    if (isDark()) {
      if (!scene.getRoot().getStyleClass().contains(DARK_CLASS)) {
        scene.getRoot().getStyleClass().add(DARK_CLASS);
      }
    } else {
      scene.getRoot().getStyleClass().remove(DARK_CLASS);
    }
  }

  /** The window's background: Primer's {@code -color-bg-default}, dark or light. */
  public Color background() {
    return isDark() ? Color.web("#0d1117") : Color.WHITE;
  }

  /**
   * Dresses the root of a dialog or popup like its owner's window: the app's sheet (its {@code
   * -tb-*} colours and classes) and, when the owner is dark, the dark class; a dialog's buttons
   * show their words whole ({@link WholeButtons}).
   */
  public static void dress(javafx.scene.Parent root, javafx.stage.Window owner) {
    if (root instanceof javafx.scene.control.DialogPane pane) {
      WholeButtons.keep(pane);
    }
    String sheet = stylesheet();
    if (!root.getStylesheets().contains(sheet)) {
      root.getStylesheets().add(sheet);
    }
    if (opaquePopups() && !root.getStylesheets().contains(opaquePopupsSheet())) {
      root.getStylesheets().add(opaquePopupsSheet());
    }
    if (!root.getStyleClass().contains(THEMED_CLASS)) {
      root.getStyleClass().add(THEMED_CLASS);
    }
    boolean dark =
        owner != null
            && owner.getScene() != null
            && owner.getScene().getRoot().getStyleClass().contains(DARK_CLASS);
    root.getStyleClass().remove(DARK_CLASS);
    if (dark) {
      root.getStyleClass().add(DARK_CLASS);
    }
  }

  /** Whether popups go without their shadows: windows cannot be transparent here. */
  private static volatile Boolean opaquePopups;

  static boolean opaquePopups() {
    Boolean opaque = opaquePopups;
    if (opaque == null) {
      opaque = !Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW);
      opaquePopups = opaque;
    }
    return opaque;
  }

  /**
   * For tests: popups as on a desktop whose windows can (false) or cannot (true) be transparent.
   */
  static void opaquePopups(boolean opaque) {
    opaquePopups = opaque;
  }

  /** The sheet that takes popups' shadows away (see {@link #opaquePopups()}). */
  static String opaquePopupsSheet() {
    var url = Theme.class.getResource("/dev/talkbook/ui/opaque-popups.css");
    if (url == null) {
      throw new IllegalStateException("resource /dev/talkbook/ui/opaque-popups.css is missing");
    }
    return url.toExternalForm();
  }

  public static String stylesheet() {
    var url = Theme.class.getResource("/dev/talkbook/ui/talkbook.css");
    if (url == null) {
      throw new IllegalStateException("resource /dev/talkbook/ui/talkbook.css is missing");
    }
    return url.toExternalForm();
  }

  /**
   * Whether the desktop asks for dark: GNOME's colour-scheme (or a "-dark" GTK theme) on Linux, the
   * AppleInterfaceStyle default on macOS; light when it cannot tell.
   */
  public static boolean systemPrefersDark() {
    String gtk = System.getenv("GTK_THEME");
    if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
      return true;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return ask("defaults", "read", "-g", "AppleInterfaceStyle").contains("Dark");
    }
    if (os.startsWith("linux")) {
      return ask("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
          .contains("dark");
    }
    return false;
  }

  private static String ask(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // the tool is not installed: no preference known
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
