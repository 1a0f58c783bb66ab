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

  /** The remembered place and size fitted to today's screens; x and y NaN when none is known. */
  private Rectangle2D fitted;

  WindowState(Stage stage, Settings settings) {
    this.stage = stage;
    this.settings = settings;
    // Called as the window is told to go full screen, before it is resized.
    stage
        .fullScreenProperty()
        .addListener(
            (obs, was, full) -> {
              if (full && !was) {
                windowed = windowed();
              }
            });
  }

  /** The window's place and size as a window (not full screen). */
  private record Windowed(boolean maximized, double x, double y, double width, double height) {}

  /** The window as it was before it last went full screen (null before it has). */
  private Windowed windowed;

  /** The window as it is now; null before it has a scene. */
  private Windowed windowed() {
    Scene scene = stage.getScene();
    return scene == null
        ? null
        : new Windowed(
            stage.isMaximized(), stage.getX(), stage.getY(), scene.getWidth(), scene.getHeight());
  }

  /** Puts {@code root} on the stage, themed, sized and placed as last time. */
  Scene show(Parent root, Theme theme, PreviewView preview, EditorView editor) {
    Scene scene = stage.getScene();
    if (scene == null) {
      boolean sized = settings.has(Settings.WIDTH) && settings.has(Settings.HEIGHT);
      Dimension2D start = startSize(Screen.getPrimary().getVisualBounds());
      Rectangle2D place =
          fit(
              settings.get(Settings.X),
              settings.get(Settings.Y),
              sized ? settings.get(Settings.WIDTH) : start.getWidth(),
              sized ? settings.get(Settings.HEIGHT) : start.getHeight(),
              Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
      scene = new Scene(root, place.getWidth(), place.getHeight());
      stage.setScene(scene);
      fitted = place;
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
    if (fitted != null && !Double.isNaN(fitted.getMinX())) {
      stage.setX(fitted.getMinX());
      stage.setY(fitted.getMinY());
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

  /**
   * The remembered place ({@code x}, {@code y}: NaN when none) and size fitted to the screens there
   * are now ({@code screens}: their usable areas, the primary first): a window left at 1100 × 704
   * on a 1280 × 800 screen and started on a 1024 × 600 one had its right side and status bar off
   * the screen. The size is cut to the usable area of the screen the window is mostly on (the
   * primary when it is on none of them); the place is moved so the whole window is on that screen.
   * Minimum window sizes are the stage's business, not this one's. The returned rectangle's x and y
   * stay NaN when none was remembered (the window is then centred).
   */
  static Rectangle2D fit(
      double x, double y, double width, double height, java.util.List<Rectangle2D> screens) {
    boolean placed = !Double.isNaN(x) && !Double.isNaN(y);
    Rectangle2D screen = screens.isEmpty() ? null : screens.get(0);
    if (placed) {
      double most = 0;
      for (Rectangle2D s : screens) {
        double w = Math.min(x + width, s.getMaxX()) - Math.max(x, s.getMinX());
        double h = Math.min(y + height, s.getMaxY()) - Math.max(y, s.getMinY());
        double area = w > 0 && h > 0 ? w * h : 0;
        if (area > most) {
          most = area;
          screen = s;
        }
      }
    }
    if (screen == null) {
      return new Rectangle2D(placed ? x : Double.NaN, placed ? y : Double.NaN, width, height);
    }
    double w = Math.floor(Math.min(width, screen.getWidth()));
    double h = Math.floor(Math.min(height, screen.getHeight()));
    if (!placed) {
      return new Rectangle2D(Double.NaN, Double.NaN, w, h);
    }
    double fx = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
    double fy = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
    return new Rectangle2D(fx, fy, w, h);
  }

  /** The details stay folded or unfolded as the user left them. */
  void keepFold(TitledPane details) {
    details.setExpanded(settings.get(Settings.DETAILS_EXPANDED));
    details
        .expandedProperty()
        .addListener((obs, o, v) -> settings.put(Settings.DETAILS_EXPANDED, v));
  }

  /**
   * Remembers the window's size, position and splits, and writes the settings. Full screen, the
   * window's place and size from before it went full screen are remembered (the screen's size
   * opened the next window over the whole screen, and not full screen).
   */
  void remember(SplitPane split) {
    Windowed shown = stage.isFullScreen() ? windowed : windowed();
    if (shown != null) {
      settings.put(Settings.MAXIMIZED, shown.maximized());
      if (!shown.maximized()) {
        settings.put(Settings.X, shown.x());
        settings.put(Settings.Y, shown.y());
        settings.put(Settings.WIDTH, shown.width());
        settings.put(Settings.HEIGHT, shown.height());
      }
    }
    double[] dividers = split.getDividerPositions();
    if (dividers.length > 0) {
      settings.put(Settings.NAVIGATOR_DIVIDER, dividers[0]);
      if (split.getWidth() > 0) {
        settings.put(Settings.NAVIGATOR_WIDTH, dividers[0] * split.getWidth());
      }
    }
    WindowLayout.rememberNotesShare(settings, dividers);
    settings.flush();
  }
}
