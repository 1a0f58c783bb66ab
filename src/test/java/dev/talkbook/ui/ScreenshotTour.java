package dev.talkbook.ui;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Not a test: a tour of the window for looking at it. Under a real display (Xvfb, see STACK.md) it
 * opens the main window on a sample notebook, shows each named screen in the light and the dark
 * theme and saves the whole display as {@code OUT/<screen>-<theme>.png} with ImageMagick's {@code
 * import}. Run with the test class path and no headless flags:
 *
 * <pre>
 * DISPLAY=:107 java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.talkbook.ui.ScreenshotTour /tmp/shots main history search
 * </pre>
 */
public final class ScreenshotTour {
  private ScreenshotTour() {}

  /** A plain main (JavaFX on the class path will not launch an Application's own main). */
  public static void main(String[] args) {
    Application.launch(Tour.class, args);
  }

  /** The application that makes the tour. */
  public static final class Tour extends Application {
    private Stage stage;
    private MainWindow window;
    private Notebook notebook;
    private final Theme theme = new Theme(false);
    private final UiExecutors executors = new UiExecutors();
    private dev.talkbook.core.repl.ReplSession repl;
    private String presenting;
    private final java.nio.file.Path settingsFile =
        java.nio.file.Path.of(
            System.getProperty("java.io.tmpdir"),
            "talkbook-tour-" + UUID.randomUUID() + ".properties");

    /** The screens: what to do (on the FX thread) before the picture is taken. */
    private Map<String, Consumer<Tour>> screens() {
      Map<String, Consumer<Tour>> all = new LinkedHashMap<>();
      all.put(
          "main",
          t -> {
            t.details().setExpanded(true);
            t.open("Virtual threads in practice");
          });
      all.put(
          "history",
          t -> {
            t.open("Outlines that think");
            t.later(() -> t.menu("History of this talk…"));
          });
      all.put("new-event", t -> t.later(() -> t.menu("New event…")));
      all.put("new-talk", t -> t.later(() -> t.menu("New talk…")));
      all.put("export", t -> t.menu("Export site…"));
      all.put(
          "folded",
          t -> {
            t.open("Virtual threads in practice");
            t.details().setExpanded(false);
          });
      all.put(
          "repl",
          t -> {
            t.details().setExpanded(true);
            t.open("Live coding without fear");
            t.later(
                () -> {
                  t.menu("Show or hide the REPL");
                  t.replShown = true;
                });
          });
      all.put(
          "palette",
          t -> {
            t.menu("Command palette…");
            t.later(() -> typeInto("#picker-filter", "theme"));
          });
      all.put(
          "switcher",
          t -> {
            t.menu("Go to talk…");
            t.later(() -> typeInto("#picker-filter", ""));
          });
      all.put(
          "share",
          t -> {
            t.open("Live coding without fear");
            t.later(
                () -> {
                  t.window.share().panel().startAndShow(); // a no-op start once it runs
                  t.window.share().panel().stage().setX(t.stage.getX() + t.stage.getWidth() - 480);
                  t.window.share().panel().stage().setY(t.stage.getY() + 60);
                });
          });
      all.put(
          "share-card",
          t -> {
            t.open("Live coding without fear");
            t.later(
                () -> {
                  if (t.window.share().model().getState()
                      != dev.talkbook.ui.share.ShareModel.State.RUNNING) {
                    t.window.share().model().start();
                  }
                  javafx.animation.PauseTransition wait =
                      new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
                  wait.setOnFinished(e -> t.window.share().panel().showAudienceCard());
                  wait.play();
                });
          });
      all.put(
          "tasks",
          t -> {
            t.open("SQLite everywhere");
            t.later(
                () -> {
                  var editor = (org.fxmisc.richtext.CodeArea) t.stage.getScene().lookup("#editor");
                  editor.moveTo(70, 0);
                  editor.showParagraphAtTop(70);
                });
          });
      all.put(
          "presenter",
          t -> {
            t.open("Virtual threads in practice");
            t.presenting("Presenter mode");
          });
      all.put(
          "presenter-view",
          t -> {
            t.open("Virtual threads in practice");
            t.presenting("Presenter view (a window for the speaker)");
          });
      all.put(
          "search",
          t -> {
            var field = (javafx.scene.control.TextField) t.stage.getScene().lookup("#search-field");
            field.setText("journal");
            field.requestFocus();
          });
      all.put("about", t -> t.later(() -> t.menu("About Talkbook")));
      all.put("shortcuts", t -> t.menu("Keyboard shortcuts"));
      all.put("now-and-next", t -> t.menu("Now and next…"));
      all.put("import-schedule", t -> t.menu("Import schedule…"));
      all.put("export-markdown", t -> t.later(() -> t.menu("Export Markdown…")));
      all.put("import-markdown", t -> t.later(() -> t.menu("Import Markdown…")));
      all.put(
          "find",
          t -> {
            t.open("Virtual threads in practice");
            t.later(() -> t.menu("Replace…"));
          });
      all.put(
          "rehearse",
          t -> {
            t.open("Virtual threads in practice");
            t.later(() -> t.menu("Rehearse…"));
          });
      all.put("empty-talk", t -> t.open("A talk with no notes yet"));
      all.put(
          "empty-event",
          t -> {
            @SuppressWarnings("unchecked")
            var tree =
                (javafx.scene.control.TreeView<Object>) t.stage.getScene().lookup("#navigator");
            var root = tree.getRoot();
            var last = root.getChildren().get(root.getChildren().size() - 1);
            tree.getSelectionModel().select(last);
          });
      all.put("delete", t -> t.later(() -> t.menu("Delete…")));
      return all;
    }

    @Override
    public void start(Stage primary) throws Exception {
      stage = primary;
      List<String> args = new ArrayList<>(getParameters().getUnnamed());
      Path out = Path.of(args.remove(0));
      Files.createDirectories(out);
      Path dir = Files.createTempDirectory("talkbook-tour");
      notebook = Notebook.open(dir.resolve("tour.talkbook"));
      SampleMeetup.addTo(notebook);
      Talk outlines = notebook.talks().findByTitle("Outlines that think").get(0);
      String body = outlines.body();
      notebook
          .talks()
          .saveBody(
              outlines.id(),
              body.replace("outline", "tree").lines().limit(30).reduce("", (a, b) -> a + b + "\n"));
      notebook.talks().leave(outlines.id());
      notebook.talks().saveBody(outlines.id(), body);
      var meetup = notebook.events().list().get(0);
      notebook
          .talks()
          .create(
              meetup.id(),
              new Talk.Details(
                  "A talk with no notes yet", List.of(), null, null, null, null, List.of()),
              "");
      notebook
          .events()
          .create(
              new dev.talkbook.core.notebook.Event.Details(
                  "An event with no talks", null, null, null, null));
      markdownIn = Files.createTempDirectory("talkbook-tour-md-in");
      for (String f : List.of("01-virtual-threads.md", "02-sqlite-everywhere.md")) {
        try (var in = dev.talkbook.core.sample.SampleMeetup.class.getResourceAsStream(f)) {
          Files.copy(in, markdownIn.resolve(f));
        }
      }
      Settings settings = Settings.load(settingsFile);
      // The import's dialog offers the sample notes' folder, as the last one imported from, and
      // checks it at once.
      settings.put(Settings.markdownImportFolder(notebook.file()), markdownIn.toString());
      window = new MainWindow(stage, notebook, executors, settings, theme, new Host());
      // As the app does: the REPL is attached before the window shows.
      repl =
          dev.talkbook.core.repl.ReplSession.start(dev.talkbook.core.repl.ReplOptions.defaults());
      window.attachRepl(repl);
      stage.show();
      window.start();
      List<String> wanted = args.isEmpty() ? List.copyOf(screens().keySet()) : args;
      Thread director =
          new Thread(
              () -> {
                try {
                  tour(out, wanted);
                } catch (Exception e) {
                  e.printStackTrace();
                } finally {
                  Platform.runLater(this::finish);
                }
              },
              "tour");
      director.setDaemon(true);
      director.start();
    }

    private void tour(Path out, List<String> wanted) throws Exception {
      fx(() -> open("Live coding without fear"));
      Thread.sleep(8000); // the first talk, the preview's WebKit and the outline take a while
      for (Theme.Choice choice : List.of(Theme.Choice.LIGHT, Theme.Choice.DARK)) {
        fx(() -> theme.choiceProperty().set(choice));
        for (String name : wanted) {
          Consumer<Tour> screen = screens().get(name);
          if (screen == null) {
            System.err.println("no screen " + name + "; known: " + screens().keySet());
            continue;
          }
          fx(() -> screen.accept(this));
          Thread.sleep(4500);
          fx(
              () ->
                  Window.getWindows()
                      .forEach(
                          w ->
                              System.err.println(
                                  w
                                      + " "
                                      + w.getWidth()
                                      + "x"
                                      + w.getHeight()
                                      + " "
                                      + (w.getScene() == null
                                          ? ""
                                          : w.getScene().getRoot().prefWidth(-1)))));
          Path png = out.resolve(name + "-" + choice.name().toLowerCase() + ".png");
          new ProcessBuilder("import", "-window", "root", png.toString())
              .inheritIO()
              .start()
              .waitFor(30, TimeUnit.SECONDS);
          System.out.println(png);
          fx(this::closeOthers);
          Thread.sleep(400);
        }
      }
    }

    /** Runs {@code r} on the FX thread and waits for it (not for dialogs it opens and waits on). */
    private static void fx(Runnable r) throws Exception {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            try {
              r.run();
            } finally {
              done.complete(null);
            }
          });
      done.get(30, TimeUnit.SECONDS);
    }

    /**
     * For actions that open a dialog and wait on it, or need what was just started to be shown: run
     * them a second later, after the current one returned.
     */
    private void later(Runnable r) {
      javafx.animation.PauseTransition pause =
          new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
      pause.setOnFinished(e -> Platform.runLater(r)); // showAndWait is refused in an animation
      pause.play();
    }

    /** Types {@code text} into the field {@code selector} of whichever window shows it. */
    private static void typeInto(String selector, String text) {
      for (Window w : Window.getWindows()) {
        if (w.getScene() != null
            && w.getScene().lookup(selector) instanceof javafx.scene.control.TextField f) {
          f.setText(text);
        }
      }
    }

    private void open(String title) {
      window.open(notebook.talks().findByTitle(title).get(0).id(), null);
    }

    private void menu(String text) {
      var bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
      for (javafx.scene.control.Menu m : bar.getMenus()) {
        for (MenuItem item : m.getItems()) {
          if (text.equals(dev.talkbook.ui.palette.MenuActions.label(item))) {
            item.fire();
            return;
          }
        }
      }
      throw new IllegalArgumentException("no menu item " + text);
    }

    /**
     * Presenter mode (or view) from the Java menu, its script stepped three times with Page Down
     * (the first snippet typed in and run, the next pasted in), left again by {@link #closeOthers}.
     */
    private void presenting(String item) {
      menu(item);
      presenting = item;
      later(
          () -> {
            pageDown();
            later(
                () -> {
                  pageDown();
                  later(this::pageDown);
                });
          });
    }

    private void pageDown() {
      javafx.scene.Node target = stage.getScene().getFocusOwner();
      javafx.event.Event.fireEvent(
          target == null ? stage.getScene().getRoot() : target,
          new javafx.scene.input.KeyEvent(
              javafx.scene.input.KeyEvent.KEY_PRESSED,
              "",
              "",
              javafx.scene.input.KeyCode.PAGE_DOWN,
              false,
              false,
              false,
              false));
    }

    private void closeOthers() {
      if (presenting != null) {
        menu(presenting); // leaves presenter mode
        presenting = null;
      }
      if (replShown) {
        menu("Show or hide the REPL");
        replShown = false;
      }
      for (Window w : new ArrayList<>(Window.getWindows())) {
        if (w != stage) {
          w.hide();
        }
      }
      ((javafx.scene.control.TextField) stage.getScene().lookup("#search-field")).clear();
    }

    /** Where the Markdown import reads (a copy of two sample notes). */
    private Path markdownIn;

    /** Whether the "repl" screen docked the REPL (the next screen hides it again). */
    private boolean replShown;

    /** The details pane over the notes. */
    private javafx.scene.control.TitledPane details() {
      return (javafx.scene.control.TitledPane) stage.getScene().lookup("#talk-details");
    }

    private void finish() {
      window.close();
      repl.close();
      stage.hide();
      notebook.close();
      executors.close();
      repl.close();
      try {
        java.nio.file.Files.deleteIfExists(settingsFile);
      } catch (java.io.IOException e) {
        System.err.println("could not remove " + settingsFile + ": " + e);
      }
      Platform.exit();
    }

    private final class Host implements WindowHost {
      @Override
      public void openLink(String url) {}

      @Override
      public void openAnotherNotebook() {}

      @Override
      public java.nio.file.Path chooseNewNotebook() {
        return null; // the tour makes no notebook
      }

      @Override
      public void openNotebook(java.nio.file.Path file, boolean create) {}

      @Override
      public void quit() {}

      @Override
      public java.nio.file.Path chooseFileToSave(String title, String name) {
        return null; // the tour never saves a file
      }
    }
  }
}
