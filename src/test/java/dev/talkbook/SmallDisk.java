package dev.talkbook;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small disk for tests of a full disk: a tmpfs of a few MB mounted on a folder (Linux, as root).
 * Where that is not allowed, the test is skipped with a message saying so ({@link
 * org.junit.jupiter.api.Assumptions}). {@link #fill} leaves only so many bytes free; {@link #free}
 * gives the space back.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;
  private final Path filler;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve(".filler");
  }

  /** Mounts a tmpfs of {@code megabytes} MB on {@code folder} (created), or skips the test. */
  public static SmallDisk mount(Path folder, int megabytes) throws Exception {
    Files.createDirectories(folder);
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux"),
        "full-disk tests need Linux (a small tmpfs); skipped on " + System.getProperty("os.name"));
    String out =
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString());
    assumeTrue(
        out == null,
        "full-disk tests need to mount a small tmpfs (root, or a container that allows mount);"
            + " skipped: "
            + out);
    return new SmallDisk(folder);
  }

  /** Runs a command; null when it succeeded, else what it said. */
  private static String run(String... command) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output = new String(p.getInputStream().readAllBytes()).strip();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not end";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
  }

  public Path root() {
    return mountPoint;
  }

  /** Fills the disk so that at most {@code leaveBytes} stay free. */
  public void fill(long leaveBytes) throws IOException {
    free();
    long usable = Files.getFileStore(mountPoint).getUsableSpace();
    long toWrite = Math.max(0, usable - leaveBytes);
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (toWrite > 0) {
        int n = (int) Math.min(block.length, toWrite);
        out.write(block, 0, n);
        toWrite -= n;
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
  }

  /** Mounts the disk read-only (as read-only media are), or skips the test. */
  public void readOnly() throws IOException {
    String out = run("mount", "-o", "remount,ro", mountPoint.toString());
    assumeTrue(out == null, "could not remount the tmpfs read-only; skipped: " + out);
  }

  /** Deletes the filler: the space is back. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  public long usableBytes() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  @Override
  public void close() throws IOException {
    String out = run("umount", mountPoint.toString());
    if (out != null) {
      run("umount", "-l", mountPoint.toString());
    }
  }
}
