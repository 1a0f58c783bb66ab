package dev.talkbook.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons (Feather, through Ikonli), so every view asks for them the same way. */
public final class Icons {
  private Icons() {}

  public static FontIcon of(Feather icon) {
    FontIcon font = new FontIcon(icon);
    font.getStyleClass().add("tb-icon");
    return font;
  }
}
