package dev.talkbook.ui.repl;

import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.OverOwner;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Java → Prepare for offline: resolves every library the talk's code names (//DEPS) into the local
 * Maven repository, with its sources, showing which one it is at (Cancel stops before the next) and
 * then, for each, whether it is ready or why not. Nothing is added to the REPL's class path.
 */
public final class OfflinePreparation {

  static final String STATUS_ID = "offline-status";
  static final String RESULTS_ID = "offline-results";

  private final Stage stage = new Stage();
  private final ProgressBar bar = new ProgressBar(0);
  private final Label status = new Label("Looking at the talk's libraries…");
  private final ListView<String> results = new ListView<>();
  private final Button cancel = new Button("Cancel");
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private CompletableFuture<List<ReplSession.Prepared>> done;

  public OfflinePreparation(Window owner) {
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Prepare for offline");
    bar.setMaxWidth(Double.MAX_VALUE);
    status.setId(STATUS_ID);
    status.setWrapText(true);
    results.setId(RESULTS_ID);
    results.setPrefHeight(180);
    results.setPlaceholder(new Label("The libraries appear here as they are ready."));
    results.setCellFactory(
        list ->
            new javafx.scene.control.ListCell<>() {
              {
                setWrapText(true);
                setPrefWidth(0);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
              }
            });
    cancel.setOnAction(e -> cancelled.set(true));
    Button close = new Button("Close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    stage.setOnHidden(e -> cancelled.set(true));
    Label about =
        new Label(
            "Fetches the libraries named by //DEPS in this talk's code, and their sources, into the"
                + " local Maven repository, so the talk needs no network on stage.");
    about.setWrapText(true);
    VBox.setVgrow(results, Priority.ALWAYS);
    VBox root = new VBox(10, about, bar, status, results, DialogButtons.bar(cancel, close));
    root.setPadding(new Insets(16));
    root.setPrefWidth(560);
    stage.setScene(new Scene(root));
  }

  /** Starts preparing what {@code code} names; completes with each library's result. */
  public CompletableFuture<List<ReplSession.Prepared>> start(ReplSession session, String code) {
    stage.show();
    done =
        session.prepareLibraries(
            code,
            (index, total, library) -> {
              Platform.runLater(
                  () -> {
                    bar.setProgress(total == 0 ? 1 : (double) index / total);
                    status.setText(
                        index < total
                            ? "Preparing " + (index + 1) + " of " + total + ": " + library + " …"
                            : "");
                  });
              return !cancelled.get();
            });
    done.whenComplete(
        (list, error) ->
            Platform.runLater(
                () -> {
                  cancel.setDisable(true);
                  if (error != null) {
                    Throwable cause =
                        error instanceof CompletionException && error.getCause() != null
                            ? error.getCause()
                            : error;
                    status.setText(
                        cause instanceof CancellationException
                            ? "Cancelled: the libraries done so far are ready."
                            : "Preparing failed: " + cause.getMessage());
                    return;
                  }
                  bar.setProgress(1);
                  long ready = list.stream().filter(ReplSession.Prepared::ready).count();
                  status.setText(
                      ready == list.size()
                          ? "Ready for offline: "
                              + ready
                              + (ready == 1 ? " library is" : " libraries are")
                              + " in the local Maven repository."
                          : (list.size() - ready)
                              + " of "
                              + list.size()
                              + " could not be prepared; see below.");
                  for (ReplSession.Prepared p : list) {
                    results
                        .getItems()
                        .add(
                            (p.ready() ? "✓ " : "✗ ")
                                + (p.library().isEmpty() ? "" : p.library() + ": ")
                                + p.message());
                  }
                }));
    return done;
  }

  /** The window, for tests. */
  Stage stage() {
    return stage;
  }
}
