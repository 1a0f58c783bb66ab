package dev.talkbook.bench.startup;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline: a bare JavaFX window with one label, on the same class path, reporting
 * like Talkbook's probe ({@code talkbook-shown <uptime ms> <processor ms>}, {@code talkbook-rss
 * <kB>}) once it is shown: after the first pulse that laid it out, as Talkbook reports after the
 * pulse that laid out the notes.
 */
public final class BareWindow {
  private BareWindow() {}

  public static void main(String[] args) {
    Application.launch(Window.class, args);
  }

  /** The window itself. */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      Scene scene = new Scene(new Label("Hello"), 1200, 760);
      stage.setScene(scene);
      // As Talkbook's probe: after the first pulse that lays out what is shown.
      Runnable[] listener = new Runnable[1];
      listener[0] =
          () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(Window::report);
          };
      scene.addPostLayoutPulseListener(listener[0]);
      stage.show();
    }

    private static void report() {
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
      String rss = "?";
      try {
        rss =
            Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.replaceAll("[^0-9]", ""))
                .findFirst()
                .orElse("?");
      } catch (java.io.IOException e) {
        // not Linux: uptime only
      }
      // From java.base, as Talkbook's probe: the packaged runtime has no jdk.management (its
      // OperatingSystemMXBean threw here, and the start never reported).
      long cpu =
          ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
      System.out.println("talkbook-shown " + uptime + " " + cpu);
      System.out.println("talkbook-rss " + rss);
      System.out.flush();
      Platform.exit();
    }
  }
}
