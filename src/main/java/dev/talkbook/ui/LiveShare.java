package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.common.Once;
import dev.talkbook.ui.common.Tips;
import dev.talkbook.ui.palette.MenuActions;
import dev.talkbook.ui.share.OpenTalkSource;
import dev.talkbook.ui.share.ShareModel;
import dev.talkbook.ui.share.SharePanel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/**
 * Live share in the window: binds {@code ui.share} to the open talk ({@link
 * dev.talkbook.ui.talk.OpenTalk}: the talk and its text as typed) and the editor's caret, and gives
 * the window the Share menu (which the command palette lists too).
 */
final class LiveShare {
  private final ShareModel model;
  private final WindowParts parts;

  /** The panel and its window, made when the Share menu first needs them (null before). */
  private SharePanel panel;

  LiveShare(WindowParts parts) {
    this.parts = parts;
    OpenTalkSource source =
        new OpenTalkSource() {
          @Override
          public ReadOnlyObjectProperty<Talk> talkProperty() {
            return parts.talk().talkProperty();
          }

          @Override
          public ObservableValue<String> textProperty() {
            return parts.talk().textProperty();
          }

          @Override
          public ObservableValue<Integer> caretLineProperty() {
            return parts.editor().area().currentParagraphProperty();
          }
        };
    // A renderer of its own, made on the notebook thread when sharing starts (commonmark's set-up
    // costs ~0.3 s; the window's preview keeps its own on the render thread).
    model =
        new ShareModel(
            source,
            parts.notebook(),
            parts.executors().io(),
            Platform::runLater,
            MarkdownRenderer::new,
            parts.settings());
    // The status bar's sign is made as sharing first starts, not with the window (hidden until
    // then, it was a button, a tooltip and their bindings for the first frame to style and lay
    // out).
    Once.when(
        model.stateProperty(),
        state -> state == ShareModel.State.RUNNING,
        running -> parts.status().addIndicator(liveIndicator()));
  }

  /** The Share menu, with words the command palette finds its items by. */
  Menu menu() {
    Menu menu = SharePanel.menu(model, this::panel, parts.talk().talkProperty().isNull());
    for (MenuItem item : menu.getItems()) {
      if (item.getText() != null) {
        MenuActions.words(item, "share live audience browser viewers url qr code");
      }
    }
    return menu;
  }

  /** The REPL's code goes to viewers too (when the panel says so). */
  void followRepl(ReplSession session) {
    model.followRepl(session);
  }

  /**
   * The status bar's sign that the open talk is shared (it was only in the Share menu): "Live · 3
   * viewers" while sharing runs; a click opens the panel, its tooltip says what is shared.
   */
  private Button liveIndicator() {
    Button live = new Button();
    live.setId("live-indicator");
    live.getStyleClass().addAll("small", "flat", "tb-live");
    live.setFocusTraversable(false);
    Circle dot = new Circle(4);
    dot.getStyleClass().add("tb-live-dot");
    live.setGraphic(dot);
    live.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "Live · " + Counts.of(model.viewersProperty().get(), "viewer"),
                model.viewersProperty()));
    Tooltip tip = Tips.tooltip();
    tip.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "Sharing “" + model.sharedTitleProperty().get() + "”: the live share panel",
                model.sharedTitleProperty()));
    live.setTooltip(tip);
    BooleanBinding on = model.stateProperty().isEqualTo(ShareModel.State.RUNNING);
    live.visibleProperty().bind(on);
    live.managedProperty().bind(on);
    live.setOnAction(e -> panel().show());
    return live;
  }

  /** Stops sharing (on the notebook thread) as the window closes. */
  void close() {
    model.stop();
  }

  ShareModel model() {
    return model;
  }

  /** The panel (made now if it was not yet: its controls and bindings are not needed to start). */
  SharePanel panel() {
    if (panel == null) {
      panel = new SharePanel(model, parts.stage(), parts.host()::openLink);
    }
    return panel;
  }

  /** Whether the panel has been made (for tests). */
  boolean panelMade() {
    return panel != null;
  }
}
