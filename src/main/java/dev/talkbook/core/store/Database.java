package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotebookException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The notebook's connections: one writer (every write goes through it, one transaction at a time)
 * and a small pool of readers, which in WAL mode read a consistent snapshot while a write is under
 * way. Every {@link SQLException} leaves here as a {@link NotebookException} whose message a user
 * can act on.
 */
final class Database implements AutoCloseable {
  static final int BUSY_TIMEOUT_MS = 5_000;

  /** Work against a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  /** Why there is no writer, for the message that refuses a change. */
  private final String readOnlyBecause;

  private Database(Path file, Connection writer, String readOnlyBecause) {
    this.file = file;
    this.writer = writer;
    this.readOnlyBecause = readOnlyBecause;
  }

  /** Opens the writer connection (WAL, foreign keys, busy timeout, immediate transactions). */
  static Database openWritable(Path file) throws SQLException {
    SQLiteConfig config = baseConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // 64 MB of page cache for the writer (SQLite's default is 2 MB): large saves and imports
    // otherwise spend their time re-reading index pages.
    config.setCacheSize(-64 * 1024);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    return new Database(file, config.createConnection(url(file)), null);
  }

  /**
   * A notebook opened only to read: there is no writer, and every write is refused.
   *
   * @param asked whether the user asked for read-only (otherwise the file could not be written)
   */
  static Database openReadOnly(Path file, boolean asked) {
    return new Database(
        file,
        null,
        asked
            ? "is open read-only."
            : "is read-only (the file or its folder cannot be written). Copy it to a writable"
                + " folder to change it.");
  }

  /** A connection that reads and never writes, used to look at a file before trusting it. */
  static Connection inspect(Path file) throws SQLException {
    SQLiteConfig config = baseConfig();
    config.setReadOnly(true);
    return config.createConnection(url(file));
  }

  private static SQLiteConfig baseConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config;
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file;
  }

  Path file() {
    return file;
  }

  boolean isReadOnly() {
    return writer == null;
  }

  /**
   * Runs {@code work} in a write transaction, committed when it returns and rolled back when it
   * throws. A write inside a write joins the outer transaction.
   */
  <T> T write(String doing, Work<T> work) {
    if (writer == null) {
      throw new NotebookException("Cannot " + doing + ": notebook " + file + " " + readOnlyBecause);
    }
    writeLock.lock();
    try {
      requireOpen();
      if (writeLock.getHoldCount() > 1) {
        return work.run(writer);
      }
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(e);
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(e, doing);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code work} as one consistent read. Inside a write on this thread it reads through the
   * writer, so it sees that write's own changes.
   */
  <T> T read(String doing, Work<T> work) {
    requireOpen();
    if (writeLock.isHeldByCurrentThread()) {
      try {
        return work.run(writer);
      } catch (SQLException e) {
        throw translate(e, doing);
      }
    }
    Connection reader = idleReaders.pollFirst();
    try {
      if (reader == null) {
        reader = openReader();
      }
      reader.setAutoCommit(false);
      try {
        return work.run(reader);
      } finally {
        reader.commit();
        reader.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(e, doing);
    } finally {
      if (reader != null) {
        idleReaders.offerFirst(reader);
      }
      if (closed) {
        closeReaders();
      }
    }
  }

  private Connection openReader() throws SQLException {
    SQLiteConfig config = baseConfig();
    if (writer == null) {
      config.setReadOnly(true);
    }
    Connection c = config.createConnection(url(file));
    try (var s = c.createStatement()) {
      s.execute("PRAGMA query_only = true");
    }
    return c;
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      writer.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new NotebookException("Notebook " + file + " is closed.");
    }
  }

  /** Turns a SQLite failure into a message that says what happened and what the user can do. */
  NotebookException translate(SQLException e, String doing) {
    SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
    String base = code == null ? "" : code.name();
    String what;
    if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
      what = "the notebook is busy: another program is writing to it. Try again in a moment.";
    } else if (base.equals("SQLITE_FULL")) {
      what = "the disk is full. Free some space and try again.";
    } else if (base.startsWith("SQLITE_READONLY")) {
      what = "the file cannot be written (read-only). Check its permissions.";
    } else if (base.startsWith("SQLITE_CORRUPT") || base.equals("SQLITE_NOTADB")) {
      what = "the notebook file is damaged. Restore it from a backup.";
    } else if (base.startsWith("SQLITE_IOERR") || base.startsWith("SQLITE_CANTOPEN")) {
      what = "the file could not be read or written (was it moved, or the disk removed?).";
    } else {
      what = e.getMessage();
    }
    return new NotebookException("Could not " + doing + " in notebook " + file + ": " + what, e);
  }

  /**
   * Closes every connection. The writer goes last and leaves the file in rollback-journal mode, so
   * a closed notebook is one self-contained file (no -wal, no -shm) that can be copied, and that
   * the next open can inspect read-only without creating anything beside it.
   */
  @Override
  public void close() {
    closed = true;
    writeLock.lock();
    try {
      closeReaders();
      if (writer != null && !writer.isClosed()) {
        try (var s = writer.createStatement()) {
          s.execute("PRAGMA optimize");
          leaveWal(s);
        }
        writer.close();
      }
    } catch (SQLException e) {
      throw translate(e, "close the notebook");
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Back to one self-contained file. A reader in another process (a read-only Talkbook, such as
   * {@code talkbook share} beside the window) keeps SQLite from leaving WAL mode: then the file
   * stays in WAL mode, which the next open handles, rather than the close failing.
   */
  private void leaveWal(java.sql.Statement s) throws SQLException {
    try {
      s.execute("PRAGMA journal_mode = DELETE");
    } catch (SQLException e) {
      SQLiteErrorCode code = e instanceof SQLiteException x ? x.getResultCode() : null;
      String name = code == null ? "" : code.name();
      if (!name.startsWith("SQLITE_BUSY") && !name.startsWith("SQLITE_LOCKED")) {
        throw e;
      }
      System.getLogger(Database.class.getName())
          .log(
              System.Logger.Level.INFO,
              "another process is reading " + file + "; it stays in WAL mode until that ends");
    }
  }

  private void closeReaders() {
    Connection c;
    while ((c = idleReaders.pollFirst()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // A reader that fails to close holds no changes; the writer's close decides the outcome.
        System.getLogger(Database.class.getName())
            .log(System.Logger.Level.DEBUG, "closing a reader of " + file, e);
      }
    }
  }
}
