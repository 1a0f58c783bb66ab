package dev.talkbook.core.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by tests: takes a notebook's lock, says "locked"; on the line "closing" marks
 * it as closing (as a quitting Talkbook's close does) and says "closing"; lets go when stdin ends.
 * With a second argument "whole", locks the whole lock file as older Talkbooks did, or says
 * "refused" when another process holds the lock.
 */
public final class HoldLock {
  private HoldLock() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[1].equals("whole")) {
      try (var channel =
              java.nio.channels.FileChannel.open(
                  NotebookLock.lockFileOf(Path.of(args[0])),
                  java.nio.file.StandardOpenOption.CREATE,
                  java.nio.file.StandardOpenOption.WRITE,
                  java.nio.file.StandardOpenOption.READ);
          var lock = channel.tryLock()) {
        if (lock == null) {
          System.out.println("refused");
          System.out.flush();
          return;
        }
        channel.write(
            java.nio.ByteBuffer.wrap(
                (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
            0);
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
          // held until stdin ends
        }
      }
      return;
    }
    try (NotebookLock lock = NotebookLock.acquire(Path.of(args[0]))) {
      System.out.println("locked");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("closing")) {
          lock.markClosing();
          System.out.println("closing");
          System.out.flush();
        }
      }
    }
  }
}
