package dev.talkbook.core.store;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Writes bytes over one page of a closed notebook, as a failing disk may, as tests need. */
public final class PageDamage {
  private PageDamage() {}

  /** Overwrites the root page of table or index {@code name} in {@code notebook} with junk. */
  public static void damagePageOf(Path notebook, String name) throws Exception {
    long root;
    long pageSize;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notebook);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = '" + name + "'")) {
        root = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
        pageSize = rs.getLong(1);
      }
    }
    byte[] junk = new byte[(int) pageSize];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i % 4 == 0 ? 0xde : i % 4 == 1 ? 0xad : i % 4 == 2 ? 0xbe : 0xef);
    }
    try (RandomAccessFile f = new RandomAccessFile(notebook.toFile(), "rw")) {
      f.seek((root - 1) * pageSize);
      f.write(junk);
    }
  }
}
