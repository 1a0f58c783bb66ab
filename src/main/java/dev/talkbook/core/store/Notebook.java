package dev.talkbook.core.store;

import dev.talkbook.core.common.PathProblems;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.RevisionPolicy;
import dev.talkbook.core.store.NotebookOpenException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * One open notebook: a single SQLite file holding events, talks, notes, tags, revisions and
 * attachments. Open it with {@link #open(Path)}, use its parts ({@link #events()}, {@link
 * #talks()}, {@link #revisions()}, {@link #attachments()}, {@link #search()}) from any thread, and
 * close it when done; closing keeps a revision of every talk changed since its last one.
 *
 * <p>Opening never damages a file: a file that is not a notebook, is cut off or damaged, was
 * written by a newer Talkbook or is held by another Talkbook is refused with a {@link
 * NotebookOpenException} before anything writes to it, and no empty notebook is ever created in
 * place of one that failed to open.
 */
public final class Notebook implements AutoCloseable {

  /**
   * How to open a notebook.
   *
   * @param create create a new notebook when the file does not exist
   * @param readOnly open without writing even when the file could be written
   */
  /**
   * @param lockWait how long to wait for another Talkbook to let go of the notebook before the open
   *     is refused (a command beside another command; the window does not wait)
   */
  public record Options(
      boolean create,
      boolean readOnly,
      Clock clock,
      RevisionPolicy policy,
      java.time.Duration lockWait,
      Upgrading upgrading) {
    public static Options defaults() {
      return new Options(
          true,
          false,
          Clock.systemUTC(),
          RevisionPolicy.standard(),
          java.time.Duration.ZERO,
          Upgrading.SILENT);
    }

    public Options withCreate(boolean newCreate) {
      return new Options(newCreate, readOnly, clock, policy, lockWait, upgrading);
    }

    public Options withReadOnly(boolean newReadOnly) {
      return new Options(create, newReadOnly, clock, policy, lockWait, upgrading);
    }

    public Options withClock(Clock newClock) {
      return new Options(create, readOnly, newClock, policy, lockWait, upgrading);
    }

    public Options withPolicy(RevisionPolicy newPolicy) {
      return new Options(create, readOnly, clock, newPolicy, lockWait, upgrading);
    }

    public Options withLockWait(java.time.Duration wait) {
      return new Options(create, readOnly, clock, policy, wait, upgrading);
    }

    /** Told before and after an upgrade of the notebook's format (which may take seconds). */
    public Options withUpgrading(Upgrading newUpgrading) {
      return new Options(create, readOnly, clock, policy, lockWait, newUpgrading);
    }
  }

  /**
   * Told of an open that upgrades a notebook from an older Talkbook: its re-index can take seconds
   * for a large notebook (3,000 talks of 19 KB notes: ~12 s), so a command or a window says so
   * instead of nothing. Called on the opening thread.
   */
  public interface Upgrading {
    Upgrading SILENT =
        new Upgrading() {
          @Override
          public void starting(Path file, int fromFormat, int toFormat) {}

          @Override
          public void done(Path file, java.time.Duration took) {}
        };

    /** The upgrade of {@code file} from {@code fromFormat} to {@code toFormat} begins. */
    void starting(Path file, int fromFormat, int toFormat);

    /** The upgrade is done (not called when it failed: the open's exception says why). */
    void done(Path file, java.time.Duration took);

    /**
     * Not an upgrade, but told the same way, as the other slow start of an open a user should see:
     * another Talkbook is closing {@code file} (it quit a moment ago and folds its log), and the
     * open waits for it to let go ({@link #waitingLine}) rather than refusing.
     */
    default void waitingForClose(Path file) {}

    /** The line said while an open waits for another Talkbook to close the notebook. */
    static String waitingLine(Path file) {
      return "Waiting for the other Talkbook to close notebook " + file.getFileName() + "…";
    }

    /**
     * The line a command prints before the upgrade, saying what takes its time: the whole search
     * index is made again only from a format before 3 (V003 makes it anew); from 3 on, V006 and
     * V007 index again the notes that hold raw HTML, links or character references (their words as
     * the page shows them) and leave the rest.
     */
    static String startingLine(Path file, int fromFormat, int toFormat) {
      return "Upgrading notebook "
          + file.getFileName()
          + " to format "
          + toFormat
          + (fromFormat < 3
              ? " (once; its search index is made again)…"
              : fromFormat < 6
                  ? " (once; notes that hold HTML or links are indexed again)…"
                  : " (once; notes that hold links are indexed again)…");
    }

    /** The line a command prints after it. */
    static String doneLine(Path file, java.time.Duration took) {
      return String.format(
          java.util.Locale.ROOT,
          "Upgraded notebook %s in %.1f s.",
          file.getFileName(),
          took.toMillis() / 1000.0);
    }
  }

  private final Path file;
  private final Database db;
  private final NotebookLock lock;
  private final EventStore events;
  private final TalkStore talks;
  private final RevisionStore revisions;
  private final AttachmentStore attachments;
  private final SearchStore search;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final Options options;

  /** The file's identity as opened (inode and device on Linux and macOS; null where none). */
  private final Object fileKey;

  /**
   * Where the file went, once {@link #whereabouts()} found it moved (it is not looked for again).
   */
  private volatile Moved moved;

  /** For a {@link #scratchCopy()}: its temporary folder, removed when it is closed; else null. */
  private volatile Path scratchFolder;

  private Notebook(Path file, Database db, NotebookLock lock, Options options) {
    this.file = file;
    this.db = db;
    this.lock = lock;
    this.options = options;
    this.attachments = new AttachmentStore(db, options.clock());
    this.revisions = new RevisionStore(db, options.clock(), options.policy());
    this.talks = new TalkStore(db, options.clock(), revisions, attachments);
    this.events = new EventStore(db, options.clock(), attachments, talks);
    this.search = new SearchStore(db);
    this.fileKey = fileKey(file);
  }

  private static Object fileKey(Path file) {
    return Database.fileKey(file);
  }

  /**
   * The notebook file was moved, renamed or deleted while it was open ({@link #whereabouts()}).
   * Talkbook keeps its connections to the file it opened, so what is saved goes on going into that
   * file, wherever it now is; but SQLite keeps its {@code -wal} under the old name, so until the
   * window closes (which folds it in) a crash would leave the recent saves there.
   *
   * @param now where the file is now, when that could be found (Linux); null otherwise
   * @param deleted the file is deleted: closing the notebook loses it
   * @param readOnly the notebook is open read-only: nothing is saved, and a read that needs a new
   *     connection to the file can no longer be made
   */
  public record Moved(Path from, Path now, boolean deleted, boolean readOnly) {
    /** Of a notebook open for writing. */
    public Moved(Path from, Path now, boolean deleted) {
      this(from, now, deleted, false);
    }

    /** For the window: what happened and what to do, in a sentence or three. */
    public String message() {
      if (readOnly) {
        return "The notebook file "
            + from
            + (deleted
                ? " was deleted"
                : " was moved" + (now == null ? " or renamed" : " to " + now))
            + " while it is open. This read-only window may not be able to read it any more:"
            + (deleted
                ? " close it."
                : " close it, then open the notebook from "
                    + (now == null ? "where it is now" : "there")
                    + " (File → Open notebook…).");
      }
      if (deleted) {
        return "The notebook file "
            + from
            + " was deleted while it is open. What you type is still saved into it, and Talkbook"
            + " tries to write it back there when it closes it (beside it, as "
            + writtenBackName(from, 1)
            + ", if another file is there by then); to be safe, export your notes (File → Export)"
            + " or copy what you need before quitting.";
      }
      return "The notebook file was moved"
          + (now == null ? " or renamed" : " to " + now)
          + " while it is open"
          + (now == null ? " (no file is at " + from + " now)" : "")
          + ". What you type is still saved into it"
          + (now == null ? "" : " at its new place")
          + " until you quit; then open it from "
          + (now == null ? "where it is now" : "there")
          + " (File → Open notebook…).";
    }
  }

  /**
   * Whether the notebook file is still where it was opened: empty when it is, else where it went
   * ({@link Moved}). A file put in its place (another file renamed to its name) counts as moved
   * too, since saves go on into the file that was opened. Cheap (one {@code stat}) while the file
   * is in place; run it off the FX thread.
   */
  public java.util.Optional<Moved> whereabouts() {
    if (moved != null) {
      return java.util.Optional.of(moved);
    }
    Object now = fileKey(file);
    if (now != null && (fileKey == null || fileKey.equals(now))) {
      return java.util.Optional.empty();
    }
    if (now == null && fileKey == null && Files.exists(file)) {
      return java.util.Optional.empty();
    }
    moved = findMoved();
    return java.util.Optional.of(moved);
  }

  /**
   * Where the opened file is now: on Linux, the process's open files ({@code /proc/self/fd}) name
   * it, since SQLite holds it open; elsewhere it cannot be told.
   */
  private Moved findMoved() {
    Path fds = Path.of("/proc/self/fd");
    if (fileKey != null && Files.isDirectory(fds)) {
      try (java.util.stream.Stream<Path> open = Files.list(fds)) {
        for (Path fd : (Iterable<Path>) open::iterator) {
          if (fileKey.equals(fileKey(fd))) {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.endsWith(" (deleted)")) {
              return new Moved(file, null, true, isReadOnly());
            }
            return new Moved(file, Path.of(target), false, isReadOnly());
          }
        }
      } catch (IOException | RuntimeException e) {
        System.getLogger(Notebook.class.getName())
            .log(System.Logger.Level.DEBUG, "looking where " + file + " went", e);
      }
    }
    return new Moved(file, null, false, isReadOnly());
  }

  /**
   * Does now, on the calling thread, the part of the first {@link #open} of a JVM that does not
   * depend on the file (SQLite's native library, the driver's set-up), so that a thread of its own
   * can do it while the caller works out which notebook to open: the command line, while picocli
   * reads the arguments. Never throws; safe beside an open under way.
   */
  public static void warmUp() {
    Database.warmUp();
  }

  /** Opens the notebook at {@code file}, creating it (and its folder) if it does not exist. */
  public static Notebook open(Path file) {
    return open(file, Options.defaults());
  }

  public static Notebook open(Path file, Options options) {
    Path path = file.toAbsolutePath().normalize();
    boolean exists = Files.exists(path);
    if (!exists && (!options.create() || options.readOnly())) {
      throw new NotebookOpenException(
          path,
          Problem.NOT_FOUND,
          "there is no such file.",
          "Check the path or create a notebook.");
    }
    if (exists) {
      NotebookFile.Header header = NotebookFile.checkHeader(path, false);
      if (!header.isTalkbooks()
          && !(header.applicationId() == 0 && NotebookFile.hasPendingWrites(path))) {
        // Not ours (Talkbook writes its id into every notebook it makes, see create): refused on
        // the header alone, before SQLite could so much as put a -wal or -shm beside it.
        throw foreign(path);
      }
      if (NotebookFile.hasPendingWrites(path) && header.isTalkbooks() && canWrite(path)) {
        finishPendingWrites(path);
      }
      NotebookFile.checkHeader(path);
    } else {
      createFolder(path);
    }
    boolean readOnly = options.readOnly() || (exists && !canWrite(path));
    boolean immutable =
        readOnly
            && exists
            && Database.readImmutably(
                NotebookFile.checkHeader(path, false).walMode(),
                Files.isWritable(path.getParent()),
                NotebookFile.anythingBeside(path));
    int version = exists ? inspect(path, readOnly, immutable) : Migrations.LATEST;
    NotebookLock lock =
        readOnly
            ? null
            : acquireLock(
                path, options.lockWait(), version, () -> options.upgrading().waitingForClose(path));
    try {
      if (!exists) {
        create(path);
      }
      Database db =
          readOnly
              ? Database.openReadOnly(path, options.readOnly(), immutable)
              : openAndMigrate(path, version, options.upgrading());
      return new Notebook(path, db, lock, options);
    } catch (RuntimeException e) {
      // A lock file made by this open for a notebook that could not be made goes again: a full
      // disk must not leave an empty lock file behind (nothing else can hold a lock file that
      // this process created a moment ago for a file that does not exist).
      releaseQuietly(lock, e, !Files.exists(path));
      throw e;
    }
  }

  /**
   * Makes a new notebook at {@code path}: built and closed under a temporary name beside it, then
   * linked into place. So a notebook file is always whole: a crash or a full disk while creating
   * leaves no half-made file (the temporary one is removed, or replaced by the next creation), and
   * a SQLite file without Talkbook's application id is never one of ours. The caller holds the
   * notebook's lock.
   */
  private static void create(Path path) {
    Path temp = path.resolveSibling(path.getFileName() + ".creating");
    deleteWithSidecars(temp);
    try {
      Database db;
      try {
        db = Database.openWritable(temp);
      } catch (SQLException e) {
        throw cannotOpen(path, e);
      }
      try {
        db.writeSchema(
            "create the notebook",
            c -> {
              Migrations.apply(c, 0, Migrations.LATEST);
              return null;
            });
      } finally {
        db.close();
      }
      setAsideLeftovers(path);
      NoReplaceMove.move(temp, path); // fails if something appeared at path meanwhile
    } catch (IOException e) {
      throw new NotebookOpenException(
          path,
          isDiskFull(e) ? Problem.DISK_FULL : Problem.UNREADABLE,
          isDiskFull(e)
              ? "the disk is full."
              : "the new notebook could not be put in place (" + e.getMessage() + ").",
          isDiskFull(e) ? "Free some space on the disk and try again." : null,
          e);
    } finally {
      deleteWithSidecars(temp);
    }
  }

  /**
   * The {@code -wal} and {@code -journal} that a notebook no longer at {@code path} left there (its
   * process killed, then the file deleted or moved away without them) are renamed {@code
   * <name>-wal.left-<time>} before a new notebook takes the path: SQLite would read them as the new
   * notebook's own and write their pages into it, damaging it ("SQLite cannot read it") and using
   * up the last changes they hold, which are kept instead. A {@code -shm} holds nothing and goes.
   * The caller holds the notebook's lock, so no Talkbook is using them.
   */
  static java.util.List<Path> setAsideLeftovers(Path path) throws IOException {
    java.util.List<Path> kept = new java.util.ArrayList<>();
    String time =
        java.time.LocalDateTime.now()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    for (String suffix : new String[] {"-wal", "-journal"}) {
      Path left = NotebookFile.sibling(path, suffix);
      if (Files.isRegularFile(left, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && Files.size(left) > 0) {
        Path aside = left.resolveSibling(left.getFileName() + ".left-" + time);
        Files.move(left, aside);
        kept.add(aside);
        System.getLogger(Notebook.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "a new notebook is made at "
                    + path
                    + "; what an earlier notebook there left unfinished is kept in "
                    + aside);
      } else {
        Files.deleteIfExists(left);
      }
    }
    Files.deleteIfExists(NotebookFile.sibling(path, "-shm"));
    return kept;
  }

  static void deleteWithSidecars(Path file) {
    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(NotebookFile.sibling(file, suffix));
      } catch (IOException e) {
        System.getLogger(Notebook.class.getName())
            .log(System.Logger.Level.DEBUG, "removing " + file + suffix, e);
      }
    }
  }

  /** Whether an I/O failure is the disk (or the user's quota) being full. */
  static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device")
          || m.contains("Disk quota exceeded")
          || m.contains("SQLITE_FULL")
          || m.contains("There is not enough space on the disk")) {
        return true;
      }
    }
    return false;
  }

  private static NotebookOpenException cannotOpen(Path path, SQLException e) {
    if (isDiskFull(e) || Database.nearlyFull(path)) {
      return new NotebookOpenException(
          path,
          Problem.DISK_FULL,
          "the disk is full, and SQLite needs a little space beside the notebook to open it for"
              + " writing. Nothing in it has changed.",
          "Free some space on the disk and try again, or open it read-only.",
          e);
    }
    return new NotebookOpenException(
        path, Problem.UNREADABLE, "SQLite cannot open it (" + e.getMessage() + ").", null, e);
  }

  /**
   * A journal or write-ahead log lies beside the notebook: another Talkbook has it open, or one was
   * killed (or ran out of disk space) while writing or closing. SQLite finishes that on the first
   * read-write connection: it rolls back a half-done write from the journal, or folds the log's
   * committed changes into the file; if another Talkbook has it open, this changes nothing. The
   * read-only inspection that follows cannot do it, and the size check would judge the file before
   * its last pages are in.
   */
  private static void finishPendingWrites(Path path) {
    try {
      Database.finishPendingWrites(path);
    } catch (SQLException e) {
      String code = e.getMessage() == null ? "" : e.getMessage();
      if (code.contains("SQLITE_FULL")) {
        throw new NotebookOpenException(
            path,
            Problem.DISK_FULL,
            "the disk is full, and SQLite needs a little space to finish the last write (it was"
                + " interrupted; what was saved before is intact).",
            "Free some space on the disk, then open it again.",
            e);
      }
      // Anything else (busy, for one) is for the inspection to report.
      System.getLogger(Notebook.class.getName())
          .log(System.Logger.Level.DEBUG, "finishing the pending writes of " + path, e);
    }
  }

  private static NotebookOpenException foreign(Path path) {
    return new NotebookOpenException(
        path,
        Problem.FOREIGN,
        "it is a SQLite database that Talkbook did not make (another program's, or an empty one),"
            + " not a Talkbook notebook.",
        "Choose a notebook file (*.talkbook), or create a new notebook; Talkbook has left this"
            + " file as it is.");
  }

  private static void createFolder(Path path) {
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new NotebookOpenException(
          path,
          Problem.UNREADABLE,
          PathProblems.fileInTheWayOfFolder(path.getParent())
              .map(p -> "its folder cannot be created: " + p + ".")
              .orElseGet(
                  () -> "its folder cannot be created (" + PathProblems.whyNotWritten(e) + ")."),
          "Choose a folder you can write to.",
          e);
    }
  }

  private static boolean canWrite(Path path) {
    return Files.isWritable(path) && Files.isWritable(path.getParent());
  }

  /**
   * The lock of a notebook of format {@code version}. One from an older Talkbook that another
   * Talkbook holds is refused as {@link Problem#LOCKED_NEEDS_UPGRADE}: opening it read-only is no
   * way on (it must be upgraded first, which needs the lock), so the message says to close the
   * other Talkbook.
   */
  static NotebookLock acquireLock(
      Path path, java.time.Duration wait, int version, Runnable waitingForClose) {
    try {
      return acquireLock(path, wait, waitingForClose);
    } catch (NotebookOpenException e) {
      if (e.problem() != Problem.LOCKED || version >= Migrations.READ_AS_IT_IS) {
        throw e;
      }
      String held =
          e.whatIsWrong().endsWith(".")
              ? e.whatIsWrong().substring(0, e.whatIsWrong().length() - 1)
              : e.whatIsWrong();
      throw new NotebookOpenException(
          path,
          Problem.LOCKED_NEEDS_UPGRADE,
          held
              + ", and it was written by an older Talkbook (notebook format "
              + version
              + "): it must be upgraded once, which needs it to itself.",
          "Close the other Talkbook first, then open it again: it is upgraded once (an older"
              + " Talkbook cannot open it after that).",
          e);
    }
  }

  static NotebookLock acquireLock(Path path, java.time.Duration wait) {
    return acquireLock(path, wait, () -> {});
  }

  /**
   * The same, {@code waitingForClose} told when the holder is closing the notebook and the open
   * waits for it ({@link NotebookLock#CLOSING_WAIT}).
   */
  static NotebookLock acquireLock(Path path, java.time.Duration wait, Runnable waitingForClose) {
    try {
      return NotebookLock.acquire(path, wait, NotebookLock.CLOSING_WAIT, waitingForClose);
    } catch (IOException e) {
      if (isDiskFull(e)) {
        throw new NotebookOpenException(
            path,
            Problem.DISK_FULL,
            "the disk is full, so its lock file cannot be written. Nothing in it has changed.",
            "Free some space on the disk and try again, or open it read-only.",
            e);
      }
      throw new NotebookOpenException(
          path,
          Problem.READ_ONLY,
          "its lock file cannot be written (" + e.getMessage() + ").",
          "Open it read-only or choose a folder you can write to.",
          e);
    }
  }

  /**
   * Reads the schema version through a read-only connection and refuses foreign, too-new and
   * damaged files. Returns the file's schema version.
   */
  private static int inspect(Path path, boolean readOnly, boolean immutable) {
    try (Connection c = Database.inspect(path, immutable);
        Statement s = c.createStatement()) {
      int appId = intPragma(s, "application_id");
      int version = intPragma(s, "user_version");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
        rs.getInt(1); // reads the schema: a file SQLite cannot read fails here
      }
      probe(path, s);
      // Talkbook makes a notebook whole under a temporary name (see create), so a file without
      // its application id is never one of its own, even an empty one: leave it alone.
      if (appId != Migrations.APPLICATION_ID) {
        throw foreign(path);
      }
      if (version > Migrations.LATEST) {
        throw new NotebookOpenException(
            path,
            Problem.TOO_NEW,
            "it was written by a newer Talkbook (notebook format "
                + version
                + "; this Talkbook knows up to "
                + Migrations.LATEST
                + ").",
            "Update Talkbook to open it; the file has not been changed.");
      }
      if (readOnly && version < Migrations.READ_AS_IT_IS) {
        throw new NotebookOpenException(
            path,
            Problem.NEEDS_UPGRADE,
            canWrite(path)
                ? "it was written by an older Talkbook (notebook format "
                    + version
                    + ") and must be upgraded once, which a read-only open cannot do."
                : "it is read-only and was written by an older Talkbook (notebook format "
                    + version
                    + "), so it cannot be upgraded.",
            canWrite(path)
                ? "Open it once without --read-only."
                : "Copy it to a folder you can write to, then open the copy.");
      }
      return version;
    } catch (SQLException e) {
      String code = e.getMessage() == null ? "" : e.getMessage();
      if (code.contains("SQLITE_CORRUPT") || code.contains("SQLITE_NOTADB")) {
        throw NotebookFile.corrupt(path, "SQLite cannot read it.");
      }
      if (code.contains("SQLITE_READONLY_ROLLBACK")
          || code.contains("SQLITE_READONLY_RECOVERY")
          || code.contains("SQLITE_READONLY_CANTINIT")
          || code.contains("SQLITE_CANTOPEN")) {
        throw cannotReadHere(path, e);
      }
      if (code.contains("SQLITE_BUSY")) {
        throw new NotebookOpenException(
            path,
            Problem.LOCKED,
            "another program is holding it locked.",
            "Close that program and try again.",
            e);
      }
      throw new NotebookOpenException(
          path, Problem.UNREADABLE, "SQLite cannot read it (" + code + ").", null, e);
    }
  }

  /**
   * SQLite could not read {@code path} where it is without writing beside it: said as it is. A
   * write left unfinished (a journal or log with something in it lies beside the file) names the
   * file(s) to copy with it; a file in write-ahead-log mode with nothing pending says so (it was
   * refused as "not closed properly", naming a -journal and a -wal that were not there).
   */
  static NotebookOpenException cannotReadHere(Path path, SQLException e) {
    java.util.List<String> pending = new java.util.ArrayList<>();
    java.util.List<String> beside = new java.util.ArrayList<>();
    for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
      Path sidecar = NotebookFile.sibling(path, suffix);
      if (Files.exists(sidecar, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        beside.add(sidecar.getFileName().toString());
        long size;
        try {
          size = Files.size(sidecar);
        } catch (IOException unreadable) {
          size = 1;
        }
        if (!suffix.equals("-shm") && size > 0) {
          pending.add(sidecar.getFileName().toString());
        }
      }
    }
    if (!pending.isEmpty()) {
      return new NotebookOpenException(
          path,
          Problem.READ_ONLY,
          "it was not closed properly (Talkbook was stopped, or the disk was full, while it"
              + " wrote), and SQLite must finish that write before it can be read, which needs"
              + " write access to the file and its folder. Nothing in it is lost.",
          "Open it once where it can be written, or copy it together with "
              + String.join(" and ", pending)
              + " beside it to a folder you can write to.",
          e);
    }
    boolean walMode;
    try {
      walMode = NotebookFile.checkHeader(path, false).walMode();
    } catch (NotebookOpenException unreadable) {
      walMode = false;
    }
    String there =
        beside.isEmpty()
            ? ""
            : " (" + String.join(" and ", beside) + " beside it hold no unsaved changes)";
    if (walMode) {
      return new NotebookOpenException(
          path,
          Problem.READ_ONLY,
          "it is in SQLite's write-ahead-log mode"
              + there
              + ", and SQLite can read such a file only where it may write its index beside it,"
              + " which this folder does not allow. Nothing in it is lost.",
          "Copy "
              + path.getFileName()
              + " alone to a folder you can write to and open the copy, or open it once where it"
              + " can be written (Talkbook leaves it as one plain file when it closes).",
          e);
    }
    return new NotebookOpenException(
        path,
        Problem.READ_ONLY,
        "SQLite cannot open it here" + there + " (" + e.getMessage() + ").",
        "Copy " + path.getFileName() + " to a folder you can write to and open the copy.",
        e);
  }

  /**
   * Rebuilds a notebook whose indexes are damaged from its data, under its lock (see {@link
   * NotebookRebuild}); the notebook must not be open. Returns where the damaged file was kept.
   */
  public static Path rebuildFromData(Path file, Options options) {
    return rebuildFromData(file, options, (done, total, table) -> {});
  }

  /** The same, telling {@code progress} as each table's rows are copied. */
  public static Path rebuildFromData(Path file, Options options, RebuildProgress progress) {
    return NotebookRebuild.rebuild(file, options.lockWait(), progress);
  }

  /**
   * Saves the notes of a notebook whose start is damaged ({@link
   * NotebookOpenException.Problem#DAMAGED_START}) into a new notebook beside it, leaving the
   * damaged file as it is (see {@link NotebookSalvage}). Returns the new notebook and how many
   * talks it holds.
   */
  public static SavedNotes saveNotesOf(Path file, RebuildProgress progress) {
    return NotebookSalvage.salvage(file, progress);
  }

  /**
   * The new notebook {@link #saveNotesOf} made, how many talks it saved, and how many frames of the
   * damaged notebook's write-ahead log could not be read (its header damaged too), so that the
   * newest edits they held are not in the new notebook; {@code logProblem} is why the log could not
   * be read at all (empty when it could: then {@code unreadLogFrames} are those of a damaged
   * header; else about as many as its size holds).
   */
  public record SavedNotes(Path file, int talks, long unreadLogFrames, String logProblem) {
    public SavedNotes(Path file, int talks, long unreadLogFrames) {
      this(file, talks, unreadLogFrames, "");
    }

    /** What the user is told of the log's edits that could not be read; empty if none. */
    public String unreadNote(Path damaged) {
      if (!logProblem.isEmpty()) {
        return "The newest edits, in its write-ahead log "
            + damaged.getFileName()
            + "-wal, could not be read ("
            + logProblem
            + ") and are not in the new notebook; the log is left as it was.";
      }
      if (unreadLogFrames == 0) {
        return "";
      }
      return "The newest edits, in its write-ahead log "
          + damaged.getFileName()
          + "-wal, could not be read (damaged too: "
          + dev.talkbook.core.common.Counts.of(unreadLogFrames, "changed page")
          + " ignored) and are not in the new notebook; the log is left as it was.";
    }
  }

  /** What a rebuild from data has done so far: {@code done} of {@code total} tables copied. */
  @FunctionalInterface
  public interface RebuildProgress {
    void copied(int done, int total, String table);
  }

  /**
   * The file is damaged where SQLite's check says: in plain words what (an index, or which table's
   * data), what to do (an index alone: {@code talkbook check --repair}, which rebuilds the notebook
   * from its data; data: a backup), and SQLite's own lines on a detail line. A damaged index is not
   * read around: Talkbook's reads go through the indexes, and one that is damaged can miss or mix
   * up rows, so the notebook is read again only once it is rebuilt.
   */
  static NotebookOpenException damaged(Path path, Damage damage) {
    if (damage.indexesOnly()) {
      return new NotebookOpenException(
          path,
          Problem.INDEX_DAMAGED,
          damage.inWords()
              + " is damaged. An index is made from the notebook's data, which reads fine: talks,"
              + " notes and history are all there, but Talkbook reads them through its indexes,"
              + " so it does not open the notebook, even to read, until the index is made again.",
          "Repair it with talkbook check --repair (in the window: Repair): it rebuilds the"
              + " notebook from its data and keeps the damaged file beside it.\n"
              + damage.detail());
    }
    return new NotebookOpenException(
        path,
        Problem.CORRUPT,
        damage.inWords() + " is damaged.",
        "Restore it from a backup; Talkbook has left the file as it is.\n" + damage.detail());
  }

  /** Files up to this size get SQLite's whole-file check on open (about 20 ms a MB here). */
  static final long FULL_CHECK_MAX_BYTES = 4L * 1024 * 1024;

  /**
   * Looks for damage before trusting a file: small files get SQLite's {@code quick_check} of every
   * page; large ones (where that takes seconds) a read of each table's first row, which walks its
   * root page down to a leaf. Damage deeper in a large file is reported when it is read, with the
   * same message, and {@link #check()} looks at every page on request.
   */
  private static void probe(Path path, Statement s) throws SQLException {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      size = Long.MAX_VALUE;
    }
    if (size <= FULL_CHECK_MAX_BYTES) {
      // Damage to the search index alone does not keep the notebook from opening: the notes are
      // fine, and searching says how to rebuild the index from them.
      java.util.List<String> problems = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery("PRAGMA quick_check(20)")) {
        while (rs.next()) {
          String result = rs.getString(1);
          if (!"ok".equals(result) && !SearchIndex.isProblem(result)) {
            problems.add(result);
          }
        }
      }
      if (!problems.isEmpty()) {
        throw damaged(path, Damage.of(s.getConnection(), problems));
      }
      return;
    }
    java.util.List<String> tables = new java.util.ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    for (String table : tables) {
      try (ResultSet rs =
          s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" LIMIT 1")) {
        rs.next();
      }
    }
  }

  /**
   * SQLite's check of every page of the notebook: the problems it finds, or an empty list when the
   * file is sound. Reads the whole file (about 20 ms a MB), so run it off the UI thread. Runs on a
   * connection of its own ({@link Database#readAlone}), so it sees the file as it is now.
   */
  public java.util.List<String> check() {
    return db.readAlone(
        "check the notebook",
        c -> {
          java.util.List<String> problems = new java.util.ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA quick_check(20)")) {
            while (rs.next()) {
              if (!"ok".equals(rs.getString(1))) {
                problems.add(rs.getString(1));
              }
            }
          }
          return problems;
        });
  }

  /**
   * What SQLite's check of every page found, split into damage to the notebook (restore a backup)
   * and damage to the search index alone (the notes are fine; {@link SearchStore#rebuildIndex()}).
   */
  public record Health(java.util.List<String> damage, java.util.List<String> searchIndexDamage) {
    public boolean isSound() {
      return damage.isEmpty() && searchIndexDamage.isEmpty();
    }
  }

  /** {@link #check()}, with each problem sorted into the notebook's or the search index's. */
  public Health health() {
    java.util.List<String> damage = new java.util.ArrayList<>();
    java.util.List<String> index = new java.util.ArrayList<>();
    for (String problem : check()) {
      (SearchIndex.isProblem(problem) ? index : damage).add(problem);
    }
    return new Health(java.util.List.copyOf(damage), java.util.List.copyOf(index));
  }

  private static int intPragma(Statement s, String pragma) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      return rs.getInt(1);
    }
  }

  private static Database openAndMigrate(Path path, int version, Upgrading upgrading) {
    Database db;
    try {
      db = Database.openWritable(path);
    } catch (SQLException e) {
      throw cannotOpen(path, e);
    }
    if (version < Migrations.LATEST) {
      long begun = System.nanoTime();
      upgrading.starting(path, version, Migrations.LATEST);
      try {
        try {
          db.writeSchema(
              "upgrade the notebook format",
              c -> {
                Migrations.apply(c, version, Migrations.LATEST);
                return null;
              });
        } catch (RuntimeException e) {
          if (version < 3 || !SearchIndex.mayBeDamage(e)) {
            throw e;
          }
          // A damaged search index fails V006's re-index of the notes (FTS5 refuses the change),
          // and so the whole upgrade, which left no way to open the notebook; a write meeting it
          // has the index made again (Database.write), and so does the upgrade: the index first,
          // then the migrations, in one transaction. (V003 makes the index of format 3 on.)
          db.writeSchema(
              "upgrade the notebook format",
              c -> {
                SearchIndex.rebuild(c);
                Migrations.apply(c, version, Migrations.LATEST);
                return null;
              });
        }
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
      upgrading.done(path, java.time.Duration.ofNanos(System.nanoTime() - begun));
    }
    return db;
  }

  private static void releaseQuietly(NotebookLock lock, Throwable cause, boolean removeIfNew) {
    if (lock == null) {
      return;
    }
    try {
      if (removeIfNew) {
        lock.closeAndRemoveIfNew();
      } else {
        lock.close();
      }
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * A private copy of this notebook to try changes on (a dry run), opened for writing in a new
   * temporary folder that closing the copy removes. The copy is a consistent snapshot read through
   * a read-only connection, so it can be made while another Talkbook holds this notebook and from a
   * notebook opened read-only; this notebook is never written.
   */
  public Notebook scratchCopy() {
    Path folder;
    try {
      folder = Files.createTempDirectory("talkbook-dry-run");
    } catch (IOException e) {
      throw cannotCopy(e, null);
    }
    try {
      Path copy = folder.resolve("dry-run.talkbook");
      try {
        Database.copy(file, copy, db.immutable());
      } catch (SQLException e) {
        throw cannotCopy(e, folder);
      }
      Notebook scratch =
          open(
              copy,
              options.withCreate(false).withReadOnly(false).withLockWait(java.time.Duration.ZERO));
      scratch.scratchFolder = folder;
      return scratch;
    } catch (RuntimeException e) {
      deleteTree(folder);
      throw e;
    }
  }

  /**
   * Writes a copy of this notebook to the new file {@code target}: a consistent snapshot of what is
   * saved (SQLite's {@code VACUUM INTO}, read through a read-only connection), so it works while
   * another Talkbook (the window) has the notebook open, and on a notebook opened read-only. The
   * copy is one plain file (rollback mode, nothing beside it), written as {@code <target>.part} and
   * moved into place whole, so a backup killed half way leaves no file at {@code target}. Refuses a
   * target that exists; a copy that fails leaves nothing behind.
   */
  public void backupTo(Path target) {
    Path to = target.toAbsolutePath().normalize();
    if (Files.isDirectory(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new NotebookException(
          "Could not back up notebook "
              + file
              + " to "
              + to
              + ": that is a folder. Give the new file's name, such as "
              + to.resolve(backupName(file))
              + "; nothing was written.");
    }
    if (Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new NotebookException(
          "Could not back up notebook "
              + file
              + " to "
              + to
              + ": a file is there already. Choose a new name; nothing was written.");
    }
    // Written under a name of its own and moved into place whole: a backup killed half way (a
    // shutdown) left a file at the backup's name that was no backup, "empty" once opened.
    Path part = to.resolveSibling(to.getFileName() + ".part");
    try {
      Files.createDirectories(to.getParent());
      deleteWithSidecars(part); // one a killed backup left
      Database.copy(file, part, db.immutable());
      try {
        Database.leaveLogMode(part);
      } catch (SQLException e) {
        throw Database.failedTo(Database.WRITE_THE_COPY, e);
      }
      NoReplaceMove.move(part, to); // refuses a file that appeared at the name meanwhile
    } catch (SQLException | IOException e) {
      deleteWithSidecars(part);
      throw new NotebookException(
          "Could not back up notebook "
              + file
              + " to "
              + to
              + ": "
              + (isDiskFull(e)
                  ? "the disk is full. Free some space there and try again."
                  : e instanceof IOException io
                      ? PathProblems.whyNotWritten(io) + "."
                      : e.getMessage() + ".")
              + " The notebook is unchanged.",
          e);
    }
  }

  /**
   * The notebook file deleted while open (code run in the REPL, a file manager, a script): SQLite
   * may still save into it, but closing it would lose it all. Writes what is saved back to its path
   * first (as {@link #backupTo} writes, whole or not at all; beside it when another file is there
   * now, {@link #placeWrittenBack}). Should SQLite fail to copy it (its writer opens its log as the
   * notebook opens, so it does not refuse for the delete alone, see {@code Database.openLog}),
   * returns the deleted file opened once more through {@code /proc/self/fd} (Linux), whose bytes
   * {@link #putBackBytes} writes back once the writer has closed; null otherwise.
   */
  private java.nio.channels.FileChannel putBackIfDeleted() {
    if (db.isReadOnly()) {
      return null;
    }
    Moved gone = whereabouts().orElse(null);
    if (gone == null || !gone.deleted()) {
      return null;
    }
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try {
      Files.createDirectories(file.getParent());
      deleteWithSidecars(part);
      db.copyOpenTo(part);
      if (placeWrittenBack(part).equals(file)) {
        db.writtenBackTo(file);
      }
      return null;
    } catch (SQLException | IOException e) {
      deleteWithSidecars(part);
      java.nio.channels.FileChannel opened = openDeleted();
      if (opened != null) {
        System.getLogger(Notebook.class.getName())
            .log(System.Logger.Level.DEBUG, "copying deleted " + file + " by its bytes", e);
        return opened;
      }
      throw new NotebookException(
          "The notebook file "
              + file
              + " was deleted while it was open, and could not be written back there when it"
              + " closed: "
              + (e instanceof IOException io ? PathProblems.whyNotWritten(io) : e.getMessage())
              + ".",
          e);
    }
  }

  /** Where {@link #placeWrittenBack} put the notebook beside its own name; null until then. */
  private volatile Path writtenBeside;

  /**
   * Where this notebook, deleted while open, was written back as it closed when another file was at
   * its name by then ({@code NAME-written-back.talkbook} beside it): the notes are there now, not
   * at {@link #file()}, which the user should be told. Empty while open, and when the notebook went
   * back to its own name or was never deleted.
   */
  public java.util.Optional<Path> writtenBesideAs() {
    return java.util.Optional.ofNullable(writtenBeside);
  }

  /** For tests: run with each name {@link #placeWrittenBack} is about to try, before it does. */
  private volatile java.util.function.Consumer<Path> beforePlacing = to -> {};

  /** For tests: {@code hook} runs with each name a written-back notebook is about to take. */
  void beforePlacingWrittenBack(java.util.function.Consumer<Path> hook) {
    beforePlacing = hook;
  }

  /** How many names beside the notebook {@link #placeWrittenBack} tries, after its own. */
  static final int WRITTEN_BACK_NAMES = 100;

  /**
   * Moves {@code part}, the deleted notebook written back, to the notebook's path; when another
   * file is there now (a sync service or a program put one there), beside it as {@code
   * NAME-written-back.talkbook} (or {@code -2}, {@code -3}, …), which never replaces a file: the
   * file put there is left as it is, and nothing saved is lost. Returns where it went.
   */
  private Path placeWrittenBack(Path part) throws IOException {
    for (int n = 0; ; n++) {
      Path to = n == 0 ? file : file.resolveSibling(writtenBackName(file, n));
      beforePlacing.accept(to);
      try {
        // Refuses a file at that name, one that appeared meanwhile too: atomically, as a check
        // before a rename could not (a file put there between the two was overwritten).
        NoReplaceMove.move(part, to);
        if (n > 0) {
          writtenBeside = to;
          System.getLogger(Notebook.class.getName())
              .log(
                  System.Logger.Level.WARNING,
                  "notebook "
                      + file
                      + " was deleted while open and another file is at its name now: it is"
                      + " written back as "
                      + to);
        }
        return to;
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        if (n >= WRITTEN_BACK_NAMES) {
          throw taken;
        }
      }
    }
  }

  /**
   * The name a deleted notebook is written back under beside another file at its name: {@code
   * talks.talkbook} → {@code talks-written-back.talkbook}, then {@code
   * talks-written-back-2.talkbook}.
   */
  static String writtenBackName(Path notebook, int n) {
    String name = notebook.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : ".talkbook";
    return stem + "-written-back" + (n > 1 ? "-" + n : "") + extension;
  }

  /** The deleted notebook file opened once more by its entry in /proc/self/fd; null if none. */
  private java.nio.channels.FileChannel openDeleted() {
    Path fds = Path.of("/proc/self/fd");
    if (fileKey == null || !Files.isDirectory(fds)) {
      return null;
    }
    try (java.util.stream.Stream<Path> open = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) open::iterator) {
        if (fileKey.equals(fileKey(fd))) {
          return java.nio.channels.FileChannel.open(fd, java.nio.file.StandardOpenOption.READ);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.getLogger(Notebook.class.getName())
          .log(System.Logger.Level.DEBUG, "opening deleted " + file + " again", e);
    }
    return null;
  }

  /**
   * Writes the bytes of the deleted notebook file, its writer closed, back to its path (its log,
   * still beside it by name, is read with it at the next open). Closes {@code deleted}.
   */
  private void putBackBytes(java.nio.channels.FileChannel deleted) {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try (deleted) {
      Files.deleteIfExists(part);
      try (java.nio.channels.FileChannel to =
          java.nio.channels.FileChannel.open(
              part,
              java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE)) {
        long size = deleted.size();
        long done = 0;
        while (done < size) {
          done += deleted.transferTo(done, size - done, to);
        }
        to.force(true);
      }
      placeWrittenBack(part);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // said below
      }
      throw new NotebookException(
          "The notebook file "
              + file
              + " was deleted while it was open, and could not be written back there when it"
              + " closed: "
              + PathProblems.whyNotWritten(e)
              + ".",
          e);
    }
  }

  /**
   * A name for a backup of {@code notebook}: its own with "-backup" before the extension, so a
   * backup beside it never takes its name ({@code talks.talkbook}: {@code talks-backup.talkbook}).
   */
  static String backupName(Path notebook) {
    String name = notebook.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0
        ? name.substring(0, dot) + "-backup" + name.substring(dot)
        : name + "-backup.talkbook";
  }

  private NotebookException cannotCopy(Exception e, Path folder) {
    String where = folder == null ? System.getProperty("java.io.tmpdir") : folder.toString();
    String why =
        isDiskFull(e)
            ? "the disk holding " + where + " is full. Free some space there and try again."
            : e.getMessage();
    return new NotebookException(
        "Could not copy notebook " + file + " to " + where + " to try the changes there: " + why,
        e);
  }

  private static void deleteTree(Path folder) {
    try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      System.getLogger(Notebook.class.getName())
          .log(System.Logger.Level.DEBUG, "removing the scratch copy " + folder, e);
    }
  }

  /** For tests and measurements: folds the log into the file after {@code quiet} (see Database). */
  void foldLogAfter(java.time.Duration quiet) {
    db.foldAfter(quiet);
  }

  /** For tests and measurements: how many quiet folds have finished. */
  long logFolds() {
    return db.folds();
  }

  /** The notebook file. */
  public Path file() {
    return file;
  }

  /** True when the notebook was opened read-only: every change is refused with a message. */
  public boolean isReadOnly() {
    return db.isReadOnly();
  }

  public EventStore events() {
    return events;
  }

  public TalkStore talks() {
    return talks;
  }

  public RevisionStore revisions() {
    return revisions;
  }

  public AttachmentStore attachments() {
    return attachments;
  }

  public SearchStore search() {
    return search;
  }

  /**
   * Runs {@code work} as one transaction: every change it makes through this notebook is saved
   * together, or (when it throws) none is. For imports and other bulk changes.
   */
  public <T> T inTransaction(java.util.function.Supplier<T> work) {
    return db.write("save the changes", c -> work.get());
  }

  /**
   * As {@link #inTransaction}, for adding many talks at once (an import): the full-text index takes
   * the new talks in one go at the end, rather than one by one, which is several times faster.
   * Until {@code work} returns, search does not find the talks it added.
   */
  public <T> T inBulk(java.util.function.Supplier<T> work) {
    return db.write(
        "save the changes",
        c -> {
          BulkIndex bulk = BulkIndex.begin(c);
          T result = work.get();
          if (bulk != null) {
            bulk.finish(c);
          }
          return result;
        });
  }

  /**
   * Closes the connections kept open for reading; the next read opens one again. A reader beside
   * another process's writer ({@code talkbook share} beside the window) calls this between looks,
   * so that it holds nothing open while it waits: in WAL mode an open connection keeps a lock on
   * the file, and the writer's close could then not leave the notebook as one file.
   */
  public void releaseReaders() {
    db.releaseReaders();
  }

  /** The schema version of the open file (for diagnostics and tests). */
  public int formatVersion() {
    return db.read(
        "read the notebook format",
        c -> {
          try (Statement s = c.createStatement()) {
            return intPragma(s, "user_version");
          }
        });
  }

  /**
   * Keeps a revision of every talk changed since its last one, then closes the file. Closing twice
   * does nothing the second time.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    NotebookException failure = null;
    if (lock != null) {
      try {
        // A Talkbook started now (the user quit and started again) waits for this close.
        lock.markClosing();
      } catch (IOException e) {
        System.getLogger(Notebook.class.getName())
            .log(System.Logger.Level.DEBUG, "marking the lock of " + file + " as closing", e);
      }
    }
    try {
      if (!db.isReadOnly()) {
        revisions.checkpointAll();
      }
    } catch (NotebookException e) {
      failure = e;
    }
    java.nio.channels.FileChannel deleted = null;
    try {
      deleted = putBackIfDeleted();
    } catch (NotebookException e) {
      failure = e;
    }
    try {
      db.close();
    } catch (NotebookException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (deleted != null) {
      try {
        putBackBytes(deleted);
      } catch (NotebookException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        NotebookException unlock =
            new NotebookException("Could not release the lock of notebook " + file, e);
        if (failure == null) {
          failure = unlock;
        } else {
          failure.addSuppressed(unlock);
        }
      }
    }
    if (scratchFolder != null) {
      deleteTree(scratchFolder);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
