package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The notebook's connections: one writer (every write goes through it, one transaction at a time)
 * and a small pool of readers, which in WAL mode read a consistent snapshot while a write is under
 * way. Every {@link SQLException} leaves here as a {@link NotebookException} whose message a user
 * can act on.
 */
final class Database implements AutoCloseable {
  static final int BUSY_TIMEOUT_MS = 5_000;

  static {
    SqliteLibrary.prepare(); // before sqlite-jdbc loads its native library, on the first connection
  }

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

  /**
   * How long writes must have been quiet before the write-ahead log is folded into the file (see
   * {@link #foldLogWhenQuiet}).
   */
  static final java.time.Duration QUIET = java.time.Duration.ofSeconds(2);

  /** After this many folds in a row that could not finish, the next write tries again. */
  static final int FOLD_TRIES = 30;

  /** One daemon thread for every notebook's folds: a fold takes milliseconds, and is rare. */
  private static final java.util.concurrent.ScheduledExecutorService FOLDING =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "talkbook-fold-log");
            t.setDaemon(true);
            return t;
          });

  private volatile long quietNanos = QUIET.toNanos();
  private volatile long lastWriteNanos;
  private final java.util.concurrent.atomic.AtomicBoolean foldPending =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final Object foldLock = new Object();
  private int failedFolds; // guarded by foldLock
  private Connection folder; // guarded by foldLock; opened with the writer, kept until close
  private volatile long folds; // folds that finished, for tests and measurements

  /** Why there is no writer, for the message that refuses a change. */
  private final String readOnlyBecause;

  /** Read as SQLite's immutable file (see {@link #readImmutably}): no lock, no -shm. */
  private final boolean immutable;

  /**
   * The file's identity when it was opened (device and inode; null where the file system has none):
   * a new reader is opened by the name, which after another file was renamed over it would open
   * that file with this one's -wal and -shm, and, closing last, fold them into it and delete them
   * (the saves not yet folded were lost).
   */
  private final Object fileKey;

  private Database(Path file, Connection writer, String readOnlyBecause) {
    this(file, writer, readOnlyBecause, false);
  }

  private Database(Path file, Connection writer, String readOnlyBecause, boolean immutable) {
    this.file = file;
    this.writer = writer;
    this.readOnlyBecause = readOnlyBecause;
    this.immutable = immutable;
    this.fileKey = fileKey(file);
    this.logKeys =
        writer == null || readOnlyBecause != null
            ? null
            : new Object[] {
              fileKey(NotebookFile.sibling(file, "-wal")),
              fileKey(NotebookFile.sibling(file, "-shm"))
            };
  }

  /**
   * The identities of the writer's {@code -wal} and {@code -shm} as it opened them (its log is
   * opened with it, see {@link #openLog}); null for a read-only one. What proves a log left by the
   * old name after a move is this notebook's own ({@link #removeOwnEmptyLog}).
   */
  private final Object[] logKeys;

  /** The identity of the file now at {@code file}; null when none is there or none is known. */
  static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Whether a notebook must be read as SQLite's immutable file: it is in write-ahead-log mode (a
   * close that could not leave that mode: another program was reading it, or it had been moved),
   * its folder cannot be written (read-only media, a read-only mount), and nothing lies beside it.
   * SQLite reads a file in that mode only by creating its {@code -shm} index beside it, which such
   * a folder refuses; it was refused as "not closed properly". With no {@code -wal} beside it the
   * file alone is the whole notebook, and with no {@code -shm} no writer has it open (a writer
   * keeps both), nor can one start in that folder; so reading it without locks is safe.
   */
  static boolean readImmutably(boolean walMode, boolean folderWritable, boolean anythingBeside) {
    return walMode && !folderWritable && !anythingBeside;
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
    Connection writer = connect(config, url(file));
    try {
      // The writer's log opened now, while the file is surely at its name: a notebook closed
      // before is in rollback-journal mode, and the switch to WAL mode above does not open the
      // log; the first statement after it does. Left to the first save, that save failed for
      // good once the file was deleted (SQLITE_IOERR_FSTAT: see openLog).
      openLog(writer);
    } catch (SQLException e) {
      try {
        writer.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    Database db = new Database(file, writer, null);
    synchronized (db.foldLock) {
      // Opened now, while the file is surely at its name: kept open, it folds into the file
      // wherever it is moved (one opened by the old name later would find nothing there).
      db.folder = db.connectFolder();
    }
    return db;
  }

  /**
   * One read on {@code c}, which opens its write-ahead log and shared-memory index by their names
   * ({@code NAME-wal}, {@code NAME-shm}); a connection keeps them open until it closes. SQLite can
   * open a log only while the notebook file is at its name: its unix VFS gives a new {@code -wal}
   * (or {@code -journal}) the permissions and owner of the database file, read by {@code stat()} of
   * the database's name ({@code unixOpen}, {@code findCreateFileMode}), and fails with {@code
   * SQLITE_IOERR_FSTAT} when nothing is there (moved or deleted while open). So every connection
   * that must go on after such a move opens its log at once.
   */
  private static void openLog(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
      rs.next();
    }
  }

  private Connection connectFolder() throws SQLException {
    try {
      Connection c = connect(existingOnly(baseConfig()), url(file));
      // Its log opened now, by the name (see openLog): after a move it could not be.
      try {
        openLog(c);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c;
    } catch (SQLException e) {
      try {
        writer.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * A notebook opened only to read: there is no writer, and every write is refused.
   *
   * @param asked whether the user asked for read-only (otherwise the file could not be written)
   */
  static Database openReadOnly(Path file, boolean asked, boolean immutable) {
    return new Database(
        file,
        null,
        asked
            ? "is open read-only."
            : "is read-only (the file or its folder cannot be written). Copy it to a writable"
                + " folder to change it.",
        immutable);
  }

  /**
   * Opens and closes a plain read-write connection, on which SQLite finishes whatever a killed
   * writer left: it rolls back a hot journal or folds a write-ahead log into the file (and, being
   * the last connection, deletes it). With another connection open (another Talkbook) it changes
   * nothing. Neither sets a journal mode nor writes anything of its own.
   */
  static void finishPendingWrites(Path file) throws SQLException {
    try (Connection c = connect(baseConfig(), url(file));
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
      rs.next();
    }
  }

  /**
   * Writes a consistent snapshot of {@code source} to the new file {@code target} (SQLite's {@code
   * VACUUM INTO}). The source is only read, through a read-only attachment of it, so this works on
   * a file that may not be written and beside a writer in another process; {@code immutable} as
   * {@link #readImmutably} decided (read-only media: a read-only attachment needs a -shm there). A
   * failure says which it was: "could not read it" or "could not write the copy".
   */
  static void copy(Path source, Path target, boolean immutable) throws SQLException {
    try (Connection c = connect(baseConfig(), "jdbc:sqlite::memory:")) {
      try (var attach = c.prepareStatement("ATTACH DATABASE ? AS source")) {
        attach.setString(1, source.toUri() + (immutable ? "?immutable=1" : "?mode=ro"));
        attach.execute();
      } catch (SQLException e) {
        throw failedTo(READ_IT, e);
      }
      try (var vacuum = c.prepareStatement("VACUUM source INTO ?")) {
        vacuum.setString(1, target.toString());
        vacuum.execute();
      } catch (SQLException e) {
        throw failedTo(WRITE_THE_COPY, e);
      }
    }
  }

  /** A copy's step that failed: reading the notebook ({@link #copy}). */
  static final String READ_IT = "read it";

  /** A copy's step that failed: writing the copy ({@link #copy}, {@link #leaveLogMode}). */
  static final String WRITE_THE_COPY = "write the copy";

  /**
   * {@code e} wrapped with the step that failed, "SQLite could not write the copy (…)", its state
   * and error code kept (a full disk is still told by them).
   */
  static SQLException failedTo(String step, SQLException e) {
    return new SQLException(
        "SQLite could not " + step + " (" + e.getMessage() + ")",
        e.getSQLState(),
        e.getErrorCode(),
        e);
  }

  /** Whether the notebook is read as SQLite's immutable file ({@link #readImmutably}). */
  boolean immutable() {
    return immutable;
  }

  /** Puts the new file {@code file} in rollback-journal mode: one file, nothing beside it. */
  static void leaveLogMode(Path file) throws SQLException {
    try (Connection c = connect(existingOnly(baseConfig()), url(file));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
    }
  }

  /** A connection that reads and never writes, used to look at a file before trusting it. */
  static Connection inspect(Path file) throws SQLException {
    return inspect(file, false);
  }

  /** The same; {@code immutable} as {@link #readImmutably} decided. */
  static Connection inspect(Path file, boolean immutable) throws SQLException {
    SQLiteConfig config = baseConfig();
    config.setReadOnly(true);
    return connect(config, immutable ? immutableUrl(file) : url(file));
  }

  /** SQLite's URI for a file that nothing changes while it is read: no locks, no -shm. */
  private static String immutableUrl(Path file) {
    return "jdbc:sqlite:" + file.toUri() + "?immutable=1";
  }

  /**
   * Every connection Talkbook opens to a notebook: with {@link ShownText}'s SQL function, which the
   * search index's triggers call, {@link HasTag}'s, which a search for a whole tag calls, and
   * {@link NameCount}'s, which a search for a name typed with its punctuation ({@code c#}) calls.
   */
  private static Connection connect(SQLiteConfig config, String url) throws SQLException {
    Connection c = config.createConnection(url);
    try {
      ShownText.register(c);
      HasTag.register(c);
      NameCount.register(c);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return c;
  }

  /**
   * What the first connection of a JVM pays once, whatever its file, done on the calling thread:
   * SQLite's native library loaded ({@link SqliteLibrary} first, in this class's initializer) and
   * sqlite-jdbc's date format made, whose calendar sets up the JDK's locale data (10–30 ms of a
   * cold start). Quiet: a failure here is met again, and reported, by the connection.
   */
  static void warmUp() {
    try {
      // synchronized: a connection meanwhile waits for it, then finds the library loaded
      SQLiteJDBCLoader.initialize();
      new SQLiteConfig();
    } catch (Exception | LinkageError e) {
      // the notebook's open tries again and says what is wrong
    }
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
      try {
        T result = transaction(work);
        foldLogWhenQuiet();
        return result;
      } catch (SQLException | RuntimeException e) {
        if (!SearchIndex.isDamage(e)
            && !(SearchIndex.mayBeDamage(e) && SearchIndex.isDamaged(writer))) {
          throw e;
        }
        // The search index is made from the notes and holds nothing else: a write that the
        // damaged index refused rebuilds it and runs again, so a save is never lost to it.
        System.getLogger(Database.class.getName())
            .log(System.Logger.Level.DEBUG, "search index of " + file + " rebuilt", e);
        transaction(
            c -> {
              SearchIndex.rebuild(c);
              return null;
            });
        T result = transaction(work);
        foldLogWhenQuiet();
        return result;
      }
    } catch (SQLException e) {
      throw translate(e, doing);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs a schema change in one write transaction with foreign keys off, as SQLite's way of
   * remaking a table asks: dropping the old table then takes no child row with it. Before it
   * commits, {@code PRAGMA foreign_key_check} must find nothing, or it rolls back. Foreign keys are
   * on again afterwards, whatever happened.
   */
  <T> T writeSchema(String doing, Work<T> work) {
    if (writer == null) {
      throw new NotebookException("Cannot " + doing + ": notebook " + file + " " + readOnlyBecause);
    }
    writeLock.lock();
    try {
      requireOpen();
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA foreign_keys = OFF"); // no effect inside a transaction: set before
      }
      try {
        T written =
            transaction(
                c -> {
                  T result = work.run(c);
                  try (Statement s = c.createStatement();
                      ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                    if (rs.next()) {
                      throw new SQLException(
                          "a row of "
                              + rs.getString(1)
                              + " refers to a missing row of "
                              + rs.getString(3)
                              + " after the change");
                    }
                  }
                  return result;
                });
        foldLogWhenQuiet();
        return written;
      } finally {
        try (Statement s = writer.createStatement()) {
          s.execute("PRAGMA foreign_keys = ON");
        }
      }
    } catch (SQLException e) {
      throw translate(e, doing);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Folds the write-ahead log into the notebook file once writes have been quiet for {@link #QUIET}
   * (called after each write commits). Until a fold, SQLite keeps the session's changes in the
   * {@code -wal} file beside the notebook (its own fold waits for 1,000 pages, about 4 MB), so a
   * copy of the notebook file alone, made while it is open (a backup, a sync service, a USB stick),
   * missed them; after a quiet fold the file alone holds everything saved.
   *
   * <p>The fold is SQLite's PASSIVE checkpoint, on a connection of its own and on a daemon thread:
   * it takes no lock of Talkbook's and waits for nothing, so a save is never held up by it, and a
   * save made during a fold goes on in the log as usual. A fold that cannot finish (a reader still
   * looks at an older state, or another fold runs) is tried again a quiet period later, up to
   * {@link #FOLD_TRIES} times in a row, and never reported: nothing is lost, the log still has it.
   */
  private void foldLogWhenQuiet() {
    lastWriteNanos = System.nanoTime();
    if (foldPending.compareAndSet(false, true)) {
      scheduleFold(quietNanos);
    }
  }

  private void scheduleFold(long delayNanos) {
    try {
      FOLDING.schedule(this::foldIfQuiet, delayNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      foldPending.set(false); // the JVM is shutting down: closing folds the log
    }
  }

  private void foldIfQuiet() {
    if (closed) {
      foldPending.set(false);
      return;
    }
    long since = System.nanoTime() - lastWriteNanos;
    if (since < quietNanos) {
      scheduleFold(quietNanos - since);
      return;
    }
    foldPending.set(false); // a write from here on schedules the next fold
    boolean again;
    synchronized (foldLock) {
      again = !foldLog() && ++failedFolds < FOLD_TRIES;
      if (!again) {
        failedFolds = 0;
      }
    }
    if (again && foldPending.compareAndSet(false, true)) {
      scheduleFold(quietNanos);
    }
  }

  /**
   * One PASSIVE checkpoint; true when the whole log is now in the file. The caller holds {@code
   * foldLock}, which closing takes too, so no fold runs once the notebook closes.
   */
  private boolean foldLog() {
    if (closed || writer == null) {
      return true;
    }
    try {
      if (folder == null) {
        return true; // closed
      }
      try (Statement s = folder.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
        rs.next();
        boolean whole = rs.getInt(1) == 0 && rs.getInt(2) == rs.getInt(3);
        if (whole) {
          folds++;
        }
        return whole;
      }
    } catch (SQLException e) {
      System.getLogger(Database.class.getName())
          .log(System.Logger.Level.DEBUG, "folding the log of " + file + " (tried again later)", e);
      return false;
    }
  }

  /**
   * A connection that never creates the file: after the notebook was moved or deleted, one opened
   * by its old name would otherwise make an empty database there.
   */
  private static SQLiteConfig existingOnly(SQLiteConfig config) {
    config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
    return config;
  }

  /** For tests and measurements: a shorter quiet period. */
  void foldAfter(java.time.Duration quiet) {
    quietNanos = quiet.toNanos();
  }

  /** For tests and measurements: how many folds have finished. */
  long folds() {
    return folds;
  }

  /** One transaction on the writer, which the caller holds. */
  private <T> T transaction(Work<T> work) throws SQLException {
    writer.setAutoCommit(false);
    T result;
    try {
      result = work.run(writer);
      writer.commit();
    } catch (SQLException | RuntimeException | Error e) {
      // SQLite may have rolled back already (a full disk at commit does): then both of these
      // fail with "no transaction is active", which must not hide why the write failed.
      rollbackQuietly(e);
      restoreAutoCommitQuietly(e);
      throw e;
    }
    writer.setAutoCommit(true);
    return result;
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
        try {
          reader = openReader();
        } catch (SQLException e) {
          if (writer == null) {
            throw e;
          }
          return readThroughWriter(doing, work, e);
        }
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

  /**
   * {@link #read}, on a reader opened for this read alone and closed after it. For SQLite's check
   * of the file: a reader that had read the search index before keeps FTS5's view of it from then,
   * and its check then reports "fts5: checksum mismatch" for an index the writer has changed since
   * (sqlite-jdbc 3.54.1), though the index is sound.
   */
  <T> T readAlone(String doing, Work<T> work) {
    requireOpen();
    if (writeLock.isHeldByCurrentThread()) {
      return read(doing, work);
    }
    Connection opened;
    try {
      opened = openReader();
    } catch (SQLException e) {
      if (writer == null) {
        throw translate(e, doing);
      }
      return readThroughWriter(doing, work, e);
    }
    try (Connection reader = opened) {
      reader.setAutoCommit(false);
      try {
        return work.run(reader);
      } finally {
        reader.commit();
      }
    } catch (SQLException e) {
      throw translate(e, doing);
    }
  }

  /**
   * A read no new reader could be opened for: the file was moved or deleted while open (a new
   * connection finds nothing at its name), which the writer, holding the file open, does not mind.
   * Runs in one transaction on the writer, under the write lock, so it sees one state.
   */
  private <T> T readThroughWriter(String doing, Work<T> work, SQLException noReader) {
    System.getLogger(Database.class.getName())
        .log(
            System.Logger.Level.DEBUG,
            "no new reader for " + file + ": read by the writer",
            noReader);
    writeLock.lock();
    try {
      requireOpen();
      return transaction(work);
    } catch (SQLException e) {
      e.addSuppressed(noReader);
      throw translate(e, doing);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Writes what is saved to the new file {@code target} through the open writer ({@code VACUUM
   * INTO}), in rollback-journal mode: for a notebook whose file was deleted while open, which no
   * new connection can read any more.
   */
  void copyOpenTo(Path target) throws SQLException {
    writeLock.lock();
    try {
      requireOpen();
      try (var vacuum = writer.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, target.toString());
        vacuum.execute();
      } catch (SQLException e) {
        throw failedTo(WRITE_THE_COPY, e);
      }
    } finally {
      writeLock.unlock();
    }
    leaveLogMode(target);
  }

  private Connection openReader() throws SQLException {
    if (fileKey != null && !fileKey.equals(fileKey(file))) {
      if (writer == null) {
        throw new NotebookException(
            "Cannot read notebook "
                + file
                + ": the file was moved, deleted or replaced while it is open, and this read-only"
                + " window cannot read it any more. Open it again from where it is now (File →"
                + " Open notebook…).");
      }
      throw new SQLException("the file at " + file + " is no longer the one opened");
    }
    SQLiteConfig config = existingOnly(baseConfig());
    if (writer == null) {
      config.setReadOnly(true);
    }
    Connection c = connect(config, immutable ? immutableUrl(file) : url(file));
    try (var s = c.createStatement()) {
      s.execute("PRAGMA query_only = true");
    }
    return c;
  }

  /** The identity of the file {@link #writtenBackTo} names; null for none. */
  private volatile Object writtenBack;

  /**
   * The notebook, its file deleted while open, was just written back to its path by {@link
   * #copyOpenTo} (in rollback-journal mode): the log at the path's name is this writer's, which
   * closing may fold and delete as usual.
   */
  void writtenBackTo(Path target) {
    writtenBack = fileKey(target);
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      writer.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private void restoreAutoCommitQuietly(Throwable cause) {
    try {
      writer.setAutoCommit(true); // sqlite-jdbc sets its flag first, then ends the transaction
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new NotebookException("Notebook " + file + " is closed.");
    }
  }

  private static final String FULL =
      "the disk is full. Nothing of this change was saved, and everything saved before is"
          + " intact. Free some space on the disk, then try again.";

  /** Less than this free beside the notebook, and an I/O error is taken for a full disk. */
  static final long NEARLY_FULL_BYTES = 1024 * 1024;

  /** Whether the disk holding {@code file} has (almost) no space left. */
  static boolean nearlyFull(Path file) {
    try {
      return java.nio.file.Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace()
          < NEARLY_FULL_BYTES;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
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
      what = FULL;
    } else if (base.equals("SQLITE_READONLY_ROLLBACK") || base.equals("SQLITE_READONLY_RECOVERY")) {
      // Only a connection that may not write meets these: one opened read-only finds what a
      // killed writer left (a hot journal, a log to recover) and may not finish it itself.
      what =
          "a program stopped while writing to it (it was killed, or the computer lost power)."
              + " Talkbook finishes that write the next time it opens the notebook to change it;"
              + " nothing saved is lost.";
    } else if (base.startsWith("SQLITE_READONLY")) {
      what = "the file cannot be written (read-only). Check its permissions.";
    } else if (SearchIndex.isDamage(e)) {
      return SearchIndex.damaged(
          "Could not " + doing + " in notebook " + file + ": " + SearchIndex.WHAT_TO_DO, e);
    } else if (base.startsWith("SQLITE_CORRUPT") || base.equals("SQLITE_NOTADB")) {
      what = "the notebook file is damaged. Restore it from a backup.";
    } else if ((base.startsWith("SQLITE_IOERR") || base.startsWith("SQLITE_CANTOPEN"))
        && nearlyFull(file)) {
      // Out of space, SQLite does not always say FULL: growing its shared-memory index or the
      // log can fail as an I/O error instead.
      what = FULL;
    } else if (base.startsWith("SQLITE_IOERR") || base.startsWith("SQLITE_CANTOPEN")) {
      what = "the file could not be read or written (was it moved, or the disk removed?).";
    } else {
      what = e.getMessage();
    }
    return new NotebookException(
        "Could not " + doing + " in notebook " + file + ": " + what, what, e);
  }

  /**
   * Closes every connection. The writer goes last: it folds the write-ahead log into the file
   * ({@code wal_checkpoint(TRUNCATE)}), then leaves the file in rollback-journal mode, so a closed
   * notebook is one self-contained file (no -wal, no -shm) that can be copied, and that the next
   * open can inspect read-only without creating anything beside it.
   *
   * <p>Every step of that is crash-safe: killed while folding, the log is still whole beside the
   * file; killed while switching the mode, a one-page journal is; the next open lets SQLite finish
   * either ({@link Notebook#open}). Everything committed is in the file or the log before closing
   * starts, so a step that fails (a full disk, another program reading) loses nothing: the writer
   * is closed all the same, and only a full disk is reported, since the log then stays beside the
   * file until there is space.
   *
   * <p>Leaving WAL mode needs the file to itself: a reader that looks now and then from another
   * process ({@code talkbook share}, which holds nothing open between looks) may be mid-look, so a
   * busy switch is tried again for up to {@link #MODE_SWITCH_TRIES} × {@link #MODE_SWITCH_PAUSE_MS}
   * ms. A reader that keeps the file open (another Talkbook opened read-only) keeps the log beside
   * the file until a later close; nothing is lost either way.
   */
  @Override
  public void close() {
    closed = true;
    synchronized (foldLock) { // waits for a fold under way; none starts after this (closed)
      foldPending.set(false);
      if (folder != null) {
        try {
          folder.close(); // before the writer leaves WAL mode, which needs the file to itself
        } catch (SQLException e) {
          System.getLogger(Database.class.getName())
              .log(System.Logger.Level.DEBUG, "closing the fold connection of " + file, e);
        }
        folder = null;
      }
    }
    writeLock.lock();
    try {
      closeReaders();
      if (writer == null || writer.isClosed()) {
        return;
      }
      SQLException full = null;
      // Leaving WAL mode folds and deletes the log by its name, and writes a -journal there: with
      // another file at the notebook's name now (it was deleted or moved while open, and a
      // program put one there), that would be the other file's log, its saves not yet folded in.
      // (The notebook written back there as it was deleted, writtenBackTo, has no log of its own.)
      Object there = fileKey(file);
      boolean anotherFileThere =
          fileKey != null && there != null && !fileKey.equals(there) && !there.equals(writtenBack);
      try {
        for (String pragma :
            anotherFileThere
                ? new String[] {"PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)"}
                : new String[] {
                  "PRAGMA optimize",
                  "PRAGMA wal_checkpoint(TRUNCATE)",
                  "PRAGMA journal_mode = DELETE"
                }) {
          try {
            executeOnClose(pragma);
          } catch (SQLException e) {
            if (isFull(e)) {
              full = e;
              break;
            }
            System.getLogger(Database.class.getName())
                .log(System.Logger.Level.DEBUG, pragma + " on closing " + file, e);
          }
        }
      } finally {
        writer.close();
      }
      if (anotherFileThere && full == null) {
        removeOwnEmptyLog();
      }
      if (full != null && !NotebookFile.notEmpty(NotebookFile.sibling(file, "-wal"))) {
        // SQLite folded the log in as the writer closed (only the close's extra steps failed):
        // the notebook is whole, and no -wal waits beside it, whatever the disk says.
        System.getLogger(Database.class.getName())
            .log(
                System.Logger.Level.INFO,
                "the disk is full, but notebook " + file + " was closed whole: no log is left",
                full);
        full = null;
      }
      if (full != null) {
        throw new NotebookException(
            "Closed notebook "
                + file
                + ", but the disk is full: the last changes are saved in "
                + NotebookFile.sibling(file, "-wal").getFileName()
                + " beside it, and Talkbook folds them into the notebook the next time it opens"
                + " it. Free some space on the disk; nothing is lost.",
            full);
      }
    } catch (SQLException e) {
      throw translate(e, "close the notebook");
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * After a close that left WAL mode alone because another file is at the notebook's name now (it
   * was moved while open): the {@code -wal} (folded in and truncated to nothing) and {@code -shm}
   * this notebook used stayed by the old name beside that other file. They go, only when provably
   * this notebook's and empty: the same files it opened (their identities as it opened them), the
   * log holding nothing, no connection of this process holding either open any more ({@code
   * /proc/self/fd}), and no other process's SQLite using the index (its lock byte, which every
   * connection holds shared while it has the index open, taken exclusively). Anything else, or any
   * doubt (no {@code /proc}: not Linux), leaves them as they are: harmless, an empty log.
   */
  private void removeOwnEmptyLog() {
    Path wal = NotebookFile.sibling(file, "-wal");
    Path shm = NotebookFile.sibling(file, "-shm");
    Path fds = Path.of("/proc/self/fd");
    if (logKeys == null
        || logKeys[0] == null
        || logKeys[1] == null
        || !Files.isDirectory(fds)
        || !logKeys[0].equals(fileKey(wal))
        || !logKeys[1].equals(fileKey(shm))) {
      return;
    }
    try {
      if (openHere(fds)) {
        return;
      }
      try (java.nio.channels.FileChannel index =
              java.nio.channels.FileChannel.open(
                  shm,
                  java.nio.file.StandardOpenOption.READ,
                  java.nio.file.StandardOpenOption.WRITE);
          java.nio.channels.FileLock alone = index.tryLock(SHM_DEAD_MAN_SWITCH, 1, false)) {
        if (alone == null
            || !logKeys[0].equals(fileKey(wal))
            || Files.size(wal) != 0
            || !logKeys[1].equals(fileKey(shm))) {
          return; // in use by another process, or no longer the same empty log
        }
        Files.delete(wal);
        Files.delete(shm);
      }
    } catch (IOException | RuntimeException e) {
      System.getLogger(Database.class.getName())
          .log(System.Logger.Level.DEBUG, "removing the emptied log left at " + file, e);
    }
  }

  /**
   * The byte of the {@code -shm} every SQLite connection holds a shared lock on while it has the
   * index open (the unix VFS's {@code UNIX_SHM_DMS}: 120 + 8 locks).
   */
  static final long SHM_DEAD_MAN_SWITCH = 128;

  /**
   * Whether a file descriptor of this process still names the log or the index ({@link #logKeys}).
   */
  private boolean openHere(Path fds) throws IOException {
    try (java.util.stream.Stream<Path> open = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) open::iterator) {
        Object key = fileKey(fd);
        if (key != null && (key.equals(logKeys[0]) || key.equals(logKeys[1]))) {
          return true;
        }
      }
    }
    return false;
  }

  /** How often a busy switch out of WAL mode is tried on closing, and the pause between tries. */
  static final int MODE_SWITCH_TRIES = 25;

  static final int MODE_SWITCH_PAUSE_MS = 20;

  /** One of close's pragmas; the switch out of WAL mode tried again while another reader looks. */
  private void executeOnClose(String pragma) throws SQLException {
    for (int tried = 1; ; tried++) {
      try (var s = writer.createStatement()) {
        s.execute(pragma);
        return;
      } catch (SQLException e) {
        if (!pragma.contains("journal_mode") || !isBusy(e) || tried >= MODE_SWITCH_TRIES) {
          throw e;
        }
      }
      try {
        Thread.sleep(MODE_SWITCH_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // closing goes on; the log stays beside the file until a later close
      }
    }
  }

  private static boolean isBusy(SQLException e) {
    return e instanceof SQLiteException s && s.getResultCode().name().startsWith("SQLITE_BUSY")
        || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }

  private static boolean isFull(SQLException e) {
    return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL
        || String.valueOf(e.getMessage()).contains("SQLITE_FULL");
  }

  /** Closes the idle readers (see {@link Notebook#releaseReaders}). */
  void releaseReaders() {
    closeReaders();
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
