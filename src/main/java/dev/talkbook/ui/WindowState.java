package dev.talkbook.ui;

import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.preview.PreviewView;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What the window looks like and remembers: the scene (in the stage's scene if it has one, so the
 * themed first frame the app showed stays), the theme as chosen, the size, position and splits, the
 * editor's line numbers, soft wrap and font size, the details' fold, all kept in {@link Settings}.
 * A first window (nothing remembered) is sized from the screen and centred.
 */
final class WindowState {
  private final Stage stage;
  private final Settings settings;

  WindowState(Stage stage, Settings settings) {
    this.stage = stage;
    this.settings = settings;
  }

  /** Puts {@code root} on the stage, themed, sized and placed as last time. */
  Scene show(Parent root, Theme theme, PreviewView preview, EditorView editor) {
    Scene scene = stage.getScene();
    if (scene == null) {
      boolean sized = settings.has(Settings.WIDTH) && settings.has(Settings.HEIGHT);
      Dimension2D start = startSize(Screen.getPrimary().getVisualBounds());
      scene =
          new Scene(
              root,
              sized ? settings.get(Settings.WIDTH) : start.getWidth(),
              sized ? settings.get(Settings.HEIGHT) : start.getHeight());
      stage.setScene(scene);
    } else {
      scene.setRoot(root);
    }
    Scene shown = scene;
    theme.apply(shown);
    preview.setDark(theme.isDark());
    theme
        .choiceProperty()
        .addListener(
            (obs, old, choice) -> {
              theme.apply(shown);
              preview.setDark(theme.isDark());
              settings.put(Settings.THEME, choice.name());
            });
    editor.lineNumbersProperty().set(settings.get(Settings.LINE_NUMBERS));
    editor.wrapProperty().set(settings.get(Settings.SOFT_WRAP));
    editor.fontSizeProperty().set(settings.get(Settings.FONT_SIZE));
    editor.lineNumbersProperty().addListener((obs, o, v) -> settings.put(Settings.LINE_NUMBERS, v));
    editor.wrapProperty().addListener((obs, o, v) -> settings.put(Settings.SOFT_WRAP, v));
    editor
        .fontSizeProperty()
        .addListener((obs, o, v) -> settings.put(Settings.FONT_SIZE, v.doubleValue()));
    // The columns' least widths side by side: navigator 150, notes 304, preview 180, dividers.
    stage.setMinWidth(660);
    stage.setMinHeight(420);
    double x = settings.get(Settings.X);
    double y = settings.get(Settings.Y);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      stage.setX(x);
      stage.setY(y);
    } else {
      stage.centerOnScreen();
    }
    stage.setMaximized(settings.get(Settings.MAXIMIZED));
    return shown;
  }

  /**
   * The size of a first window (nothing remembered yet) on a screen whose usable area is {@code
   * screen}: most of it, so notes, preview and details all have room, but not more than a notes
   * window needs, and never more than the screen.
   */
  static Dimension2D startSize(Rectangle2D screen) {
    double w = Math.min(screen.getWidth(), Math.max(960, Math.min(1680, screen.getWidth() * 0.86)));
    double h =
        Math.min(screen.getHeight(), Math.max(640, Math.min(1080, screen.getHeight() * 0.88)));
    return new Dimension2D(Math.floor(w), Math.floor(h));
  }

  /** The details stay folded or unfolded as the user left them. */
  void keepFold(TitledPane details) {
    details.setExpanded(settings.get(Settings.DETAILS_EXPANDED));
    details
        .expandedProperty()
        .addListener((obs, o, v) -> settings.put(Settings.DETAILS_EXPANDED, v));
  }

  /** Remembers the window's size, position and splits, and writes the settings. */
  void remember(SplitPane split) {
    settings.put(Settings.MAXIMIZED, stage.isMaximized());
    if (!stage.isMaximized() && stage.getScene() != null) {
      settings.put(Settings.X, stage.getX());
      settings.put(Settings.Y, stage.getY());
      settings.put(Settings.WIDTH, stage.getScene().getWidth());
      settings.put(Settings.HEIGHT, stage.getScene().getHeight());
    }
    double[] dividers = split.getDividerPositions();
    if (dividers.length > 0) {
      settings.put(Settings.NAVIGATOR_DIVIDER, dividers[0]);
    }
    if (dividers.length > 1) {
      settings.put(Settings.PREVIEW_DIVIDER, dividers[1]);
    }
    settings.flush();
  }
}
