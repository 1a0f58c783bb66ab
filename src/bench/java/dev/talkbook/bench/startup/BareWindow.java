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
 * <kB>}) once it is shown.
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
      stage.setScene(new Scene(new Label("Hello"), 1200, 760));
      stage.setOnShown(e -> Platform.runLater(Window::report));
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
      long cpu = processorMillis();
      System.out.println("talkbook-shown " + uptime + " " + cpu);
      System.out.println("talkbook-rss " + rss);
      System.out.flush();
      Platform.exit();
    }

    /**
     * The process's processor time, or -1 where the runtime has no {@code jdk.management} module
     * (the packaged app's jlinked runtime leaves it out: the check must not throw there, or the
     * report is never printed and the start looks hung).
     */
    private static long processorMillis() {
      if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
        return -1;
      }
      return ManagementFactory.getOperatingSystemMXBean()
              instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() / 1_000_000
          : -1;
    }
  }
}
