package dev.talkbook.core.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by tests, as an export that is writing would be: holds the site folder {@code
 * args[0]} ({@link OutputFolder#hold}, its staging folder made), says "held", and keeps it until
 * its standard input closes (or it is killed).
 */
public final class HoldSiteFolder {
  private HoldSiteFolder() {}

  /**
   * What an export into {@code folder} says while another holds it (the folder as the file system
   * names it, links resolved).
   */
  public static String busy(Path folder) throws java.io.IOException {
    return "Another export is writing into "
        + folder.toRealPath()
        + " right now (from a Talkbook window or the command line). Try again when it has"
        + " finished.";
  }

  /** The command that starts this in a child JVM with the test class path. */
  public static List<String> command(Path folder) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HoldSiteFolder.class.getName());
    cmd.add(folder.toString());
    return cmd;
  }

  /** Starts it and waits until it holds the folder. */
  public static Process start(Path folder) throws java.io.IOException {
    Process p =
        new ProcessBuilder(command(folder)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line =
        new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
            .readLine();
    if (!"held".equals(line)) {
      p.destroyForcibly();
      throw new IllegalStateException("the child did not hold " + folder + ": " + line);
    }
    return p;
  }

  public static void main(String[] args) throws Exception {
    OutputFolder out = new OutputFolder(Path.of(args[0]));
    out.hold();
    try {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold it until the parent closes our standard input
      }
    } finally {
      out.release();
    }
  }
}
