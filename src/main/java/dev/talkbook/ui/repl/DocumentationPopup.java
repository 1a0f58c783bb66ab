package dev.talkbook.ui.repl;

import dev.talkbook.ui.common.Theme;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Popup;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The documentation of what is at the REPL input's caret (Ctrl+Shift+Space): a popup under the
 * caret, or over it when there is more room there, kept inside its window (and the window's
 * screen), its height capped to that room with a scroll bar for the rest. Dressed like the window
 * (the theme's border and background, light or dark): a popup's scene has none of the window's
 * sheets.
 */
final class DocumentationPopup {

  /** The style class of the popup's content (a scroll pane). */
  static final String STYLE_CLASS = "tb-repl-doc";

  /** The widest the popup gets, in px. */
  static final double MAX_WIDTH = 600;

  /** Between the caret and the popup, and between the popup and the window's edge, in px. */
  static final double GAP = 4;

  private DocumentationPopup() {}

  /**
   * Shows {@code text} at {@code caret} (in screen coordinates) over {@code window}; returns the
   * popup, which hides itself on a click elsewhere or Esc.
   */
  static Popup show(Window window, Bounds caret, String text, String stylesheet) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add(STYLE_CLASS + "-text");
    ScrollPane scroll = new ScrollPane(label);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.getStyleClass().add(STYLE_CLASS);
    scroll.getStylesheets().add(stylesheet);
    Theme.dress(scroll, window);
    Rectangle2D area = area(window);
    double width = Math.max(120, Math.min(MAX_WIDTH, area.getWidth() - 2 * GAP));
    scroll.setPrefWidth(width);
    scroll.setMinWidth(width);
    scroll.setMaxWidth(width);

    Popup popup = new Popup();
    popup.setAutoHide(true);
    popup.setHideOnEscape(true);
    popup.getContent().add(scroll);
    // Shown first where it may go, so that its CSS (font, padding, border) gives its real height.
    popup.show(window, area.getMinX(), area.getMinY());
    scroll.applyCss();
    label.applyCss();
    double chrome = scroll.snappedTopInset() + scroll.snappedBottomInset();
    double wanted =
        label.prefHeight(width - scroll.snappedLeftInset() - scroll.snappedRightInset()) + chrome;
    Rectangle2D where = place(area, caret, width, wanted);
    scroll.setPrefHeight(where.getHeight());
    scroll.setMinHeight(where.getHeight());
    scroll.setMaxHeight(where.getHeight());
    popup.setX(where.getMinX());
    popup.setY(where.getMinY());
    return popup;
  }

  /** The window's area on its screen: where the popup may go. */
  static Rectangle2D area(Window window) {
    Rectangle2D screen =
        Screen.getScreensForRectangle(
                window.getX(), window.getY(), window.getWidth(), window.getHeight())
            .stream()
            .findFirst()
            .orElse(Screen.getPrimary())
            .getVisualBounds();
    double minX = Math.max(screen.getMinX(), window.getX());
    double minY = Math.max(screen.getMinY(), window.getY());
    double maxX = Math.min(screen.getMaxX(), window.getX() + window.getWidth());
    double maxY = Math.min(screen.getMaxY(), window.getY() + window.getHeight());
    return new Rectangle2D(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
  }

  /**
   * Where a popup {@code width} wide that would be {@code wanted} high goes for {@code caret}
   * within {@code area}: under the caret if it fits there or there is more room under than over it,
   * else over it; as high as it wants or as the room there allows, whichever is less; moved left to
   * stay inside.
   */
  static Rectangle2D place(Rectangle2D area, Bounds caret, double width, double wanted) {
    double below = area.getMaxY() - GAP - (caret.getMaxY() + GAP);
    double above = (caret.getMinY() - GAP) - (area.getMinY() + GAP);
    boolean under = wanted <= below || below >= above;
    double height = Math.max(1, Math.min(wanted, under ? below : above));
    double y = under ? caret.getMaxY() + GAP : caret.getMinY() - GAP - height;
    double x = Math.max(area.getMinX(), Math.min(caret.getMinX(), area.getMaxX() - width));
    return new Rectangle2D(x, y, width, height);
  }
}
