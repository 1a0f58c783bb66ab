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

  public static FontIcon of(Feather icon) {
    FontIcon font = new FontIcon(icon);
    font.getStyleClass().add("tb-icon");
    return font;
  }
}
