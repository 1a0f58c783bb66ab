package dev.talkbook.ui.common;

import java.util.List;
import javafx.scene.image.Image;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons (Feather, through Ikonli), so every view asks for them the same way. */
public final class Icons {
  private Icons() {}

  /**
   * Talkbook's own icon in the sizes window managers ask for (rendered from
   * packaging/icons/talkbook.svg by packaging/icons/render.sh), for a stage's title bar and task
   * switcher. Loaded in the background, so they never hold up the first frame.
   */
  public static List<Image> appIcons() {
    return List.of(16, 32, 64, 128, 256).stream()
        .map(
            size -> {
              var url = Icons.class.getResource("/dev/talkbook/ui/icons/talkbook-" + size + ".png");
              if (url == null) {
                throw new IllegalStateException("The app icon of " + size + " px is missing");
              }
              return new Image(url.toExternalForm(), true);
            })
        .toList();
  }

  /**
   * Starts, on a daemon thread, what the first icon would otherwise do on the FX thread: Ikonli
   * finds its icon packs (a service look-up) and loads each pack's font (tens of milliseconds on
   * the window's start). Call once the toolkit is up; an icon asked for meanwhile waits for that
   * work (Ikonli's resolver is made under a lock) instead of doing it again. Should it fail, the
   * first icon made on the FX thread does it as before.
   */
  public static void prepareAside() {
    Thread t =
        new Thread(
            () -> {
              try {
                of(Feather.SEARCH);
              } catch (RuntimeException | Error e) {
                // the FX thread's first icon does the same work and reports what fails there
              }
            },
            "talkbook-icons");
    t.setDaemon(true);
    t.start();
  }

  public static FontIcon of(Feather icon) {
    IconFonts.install(); // the fonts from the cache folder, not copied to the temporary folder
    FontIcon font = new FontIcon(icon);
    font.getStyleClass().add("tb-icon");
    return font;
  }
}
