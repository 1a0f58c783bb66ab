package dev.talkbook.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code talkbook} as a user does: {@code dev.talkbook.Launcher} in a JVM of its own, with the
 * test class path, so whatever the real process does before it exits (flushing or not) happens.
 */
public final class ChildTalkbook {
  private ChildTalkbook() {}

  /** What one run printed, as bytes. */
  public record Output(int exitCode, byte[] out, byte[] err) {
    public String outText() {
      return new String(out, StandardCharsets.UTF_8);
    }

    public String errText() {
      return new String(err, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ", " + out.length + " bytes out, err: " + errText();
    }
  }

  /** The command that starts {@code talkbook args…} in a child JVM. */
  public static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.talkbook.Launcher");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs {@code talkbook args…} to its end, with {@code stdin} as its input. */
  public static Output run(byte[] stdin, String... args) {
    return runUnder(List.of(), stdin, args);
  }

  /**
   * Runs {@code talkbook args…} under {@code wrapper}, a command that starts the JVM's command line
   * (such as {@code unshare -rn}: a network namespace where the loopback interface is down).
   */
  public static Output runUnder(List<String> wrapper, byte[] stdin, String... args) {
    try {
      List<String> cmd = new ArrayList<>(wrapper);
      cmd.addAll(command(args));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().remove("TALKBOOK_NOTEBOOK");
      Process p = pb.start();
      CompletableFuture<byte[]> out = drain(p.getInputStream());
      CompletableFuture<byte[]> err = drain(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        in.write(stdin);
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("talkbook " + String.join(" ", args) + " did not end in 120 s");
      }
      return new Output(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static Output run(String... args) {
    return run(new byte[0], args);
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    // A thread of its own for each stream: the common pool may have one thread on a 2-core
    // machine, and a child blocked on a full stderr pipe would never end.
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                bytes.complete(all.toByteArray());
              } catch (IOException | RuntimeException e) {
                bytes.completeExceptionally(e);
              }
            },
            "child-talkbook-drain");
    t.setDaemon(true);
    t.start();
    return bytes;
  }
}
