package dev.talkbook.ui.common;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.repl.NoDelayExecutionProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.LongSupplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Shows failures once, where they are handled: a problem the user can act on as its message; an
 * unexpected one as a short message with the details (the stack trace) expandable, and logged.
 */
public final class Errors {
  private static final System.Logger LOG = System.getLogger(Errors.class.getName());

  private Errors() {}

  /** The one-line message for a status bar or an inline label. */
  public static String message(Throwable error) {
    if (error instanceof NotebookException) {
      return error.getMessage();
    }
    return "Something went wrong: " + error;
  }

  /**
   * What went wrong, for a place that already says which notebook and what was being done (the
   * status bar): a {@link NotebookException}'s reason, else the whole {@link #message}.
   */
  public static String reason(Throwable error) {
    return error instanceof NotebookException n ? n.reason() : message(error);
  }

  /**
   * Shows the error in a dialog (on the FX thread); unexpected errors are logged too. Keys typed on
   * from before it showed do not answer it ({@link TypingGuard}).
   */
  public static void show(Window owner, String what, Throwable error) {
    show(owner, what, error, System::nanoTime);
  }

  /**
   * Says what went wrong in a sentence for the status bar ("Could not open the talk: the disk is
   * full."), and logs an unexpected error with its stack trace.
   */
  public static String logged(String what, Throwable error) {
    if (!(error instanceof NotebookException)) {
      LOG.log(System.Logger.Level.ERROR, what, error);
    }
    return what + ": " + reason(error);
  }

  /** {@link #show(Window, String, Throwable)} with the guard's clock. */
  static void show(Window owner, String what, Throwable error, LongSupplier nanoTime) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(owner);
    Theme.dress(alert.getDialogPane(), owner);
    alert.setTitle("Talkbook");
    alert.setHeaderText(what);
    alert.setContentText(message(error));
    if (!(error instanceof NotebookException)) {
      LOG.log(System.Logger.Level.ERROR, what, error);
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      TextArea details = new TextArea(trace.toString());
      details.setEditable(false);
      details.setWrapText(false);
      details.setPrefRowCount(14);
      alert.getDialogPane().setExpandableContent(details);
    }
    alert.getDialogPane().setMinWidth(480);
    alert.setOnShown(
        e -> TypingGuard.install(alert.getDialogPane().getScene().getWindow(), nanoTime));
    alert.show();
  }

  /**
   * Catches what nothing else caught, on any thread: shows it and keeps the app running; only the
   * JDK's leftover of a REPL start that failed (which the REPL pane has said already) is just
   * logged.
   */
  public static void installUncaughtHandler(java.util.function.Supplier<Window> owner) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          if (NoDelayExecutionProvider.isLaunchLeftover(error)) {
            LOG.log(System.Logger.Level.DEBUG, "Left over from a REPL start that failed", error);
          } else if (javafx.application.Platform.isFxApplicationThread()) {
            show(owner.get(), "Unexpected error", error);
          } else {
            LOG.log(System.Logger.Level.ERROR, "Unexpected error on " + thread.getName(), error);
            javafx.application.Platform.runLater(
                () -> show(owner.get(), "Unexpected error", error));
          }
        });
  }
}
