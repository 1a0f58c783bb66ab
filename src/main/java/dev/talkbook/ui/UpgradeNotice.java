package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Icons;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * An open of a notebook from an older Talkbook upgrades it, which takes seconds for a large one
 * (3,000 talks of 19 KB notes: 12 s and more): while it runs a small window says so, instead of no
 * window at all. An open that waits for another Talkbook closing the notebook (quit a moment ago)
 * says so in the same window. The open runs off the FX thread; the FX thread waits in a nested
 * event loop, so the notice paints and the caller still gets the notebook (or the open's exception)
 * back in turn.
 */
final class UpgradeNotice {
  private UpgradeNotice() {}

  /** Told by an open when its upgrade begins: completes {@code begun} with the line to show. */
  static Notebook.Upgrading telling(CompletableFuture<String> begun) {
    return new Notebook.Upgrading() {
      @Override
      public void starting(Path file, int fromFormat, int toFormat) {
        begun.complete(Notebook.Upgrading.startingLine(file, fromFormat, toFormat));
      }

      @Override
      public void done(Path file, Duration took) {
        System.getLogger(UpgradeNotice.class.getName())
            .log(System.Logger.Level.INFO, Notebook.Upgrading.doneLine(file, took));
      }

      @Override
      public void waitingForClose(Path file) {
        // The same small window: "Waiting for the other Talkbook to close notebook X…"
        begun.complete(Notebook.Upgrading.waitingLine(file));
      }
    };
  }

  /** {@link Notebook#open} on a thread of its own, with the notice while it upgrades. FX thread. */
  static Notebook open(Path file, Notebook.Options options) {
    CompletableFuture<String> begun = new CompletableFuture<>();
    CompletableFuture<Notebook> opened = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                opened.complete(Notebook.open(file, options.withUpgrading(telling(begun))));
              } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
              }
            },
            "talkbook-open");
    t.setDaemon(true);
    t.start();
    return await(opened, begun);
  }

  /**
   * The notebook {@code opened} gives; when {@code begun} completes first (an upgrade began), shows
   * its line in a small window until the open is done. FX thread.
   */
  static Notebook await(CompletableFuture<Notebook> opened, CompletableFuture<String> begun) {
    CompletableFuture.anyOf(opened, begun).exceptionally(e -> null).join();
    if (!opened.isDone()) {
      Stage notice = stage(begun.join());
      notice.show();
      Object key = new Object();
      opened.whenComplete(
          (n, e) -> Platform.runLater(() -> Platform.exitNestedEventLoop(key, null)));
      Platform.enterNestedEventLoop(key);
      notice.close();
    }
    try {
      return opened.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static Stage stage(String line) {
    Label text = new Label(line);
    text.setId("upgrade-notice");
    text.setWrapText(true);
    text.setMaxWidth(420);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(28, 28);
    HBox box = new HBox(14, spinner, text);
    box.setPadding(new Insets(20));
    Stage stage = new Stage();
    stage.setTitle("Talkbook");
    stage.setScene(new Scene(box));
    stage.getIcons().setAll(Icons.appIcons());
    stage.setResizable(false);
    return stage;
  }
}
