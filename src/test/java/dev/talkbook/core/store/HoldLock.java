package dev.talkbook.core.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by tests: takes a notebook's lock, says "locked"; on the line "closing" marks
 * it as closing (as a quitting Talkbook's close does) and says "closing"; lets go when stdin ends.
 */
public final class HoldLock {
  private HoldLock() {}

  public static void main(String[] args) throws Exception {
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
