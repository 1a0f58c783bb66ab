package dev.talkbook.core.site;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.PathProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The folder a site is written to. Every path is relative, made of safe names, and checked to stay
 * inside the folder: no absolute path, no {@code ..}, no backslash or NUL, and no symbolic link on
 * the way (a link could lead outside). A file that is replaced is written to a temporary name and
 * moved into place, so a reader never sees half a page; {@link #write} writes a new file in place,
 * {@link #writeWhole} (the site's export) every file through its staging folder. Thread-safe.
 */
final class OutputFolder {
  private final Path root;
  private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> listings = new ConcurrentHashMap<>();
  private final java.util.Deque<Path> created = new java.util.concurrent.ConcurrentLinkedDeque<>();

  /**
   * For tests: told of each change a reader of the folder could see (a file moved or linked into
   * place, or deleted), the site path, right after it, with no other such change made meanwhile.
   */
  java.util.function.Consumer<String> changed;

  private interface Change {
    void run() throws IOException;
  }

  private void visible(String relative, Change change) throws IOException {
    java.util.function.Consumer<String> told = changed;
    if (told == null) {
      change.run();
      return;
    }
    synchronized (told) {
      change.run();
      told.accept(relative);
    }
  }

  OutputFolder(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    try {
      if (Files.isSymbolicLink(abs)) {
        abs = abs.toRealPath();
      }
      Files.createDirectories(abs);
      if (!Files.isDirectory(abs)) {
        throw new SiteException(abs + " is not a folder. Choose a folder for the site.");
      }
      this.root = abs.toRealPath();
    } catch (IOException e) {
      Path named = abs;
      throw PathProblems.fileInTheWayOfFolder(abs)
          .map(p -> new SiteException(p + ". Choose another folder to export to.", e))
          .orElseGet(() -> failure("The folder " + named + " cannot be created", e));
    }
  }

  Path root() {
    return root;
  }

  /** The file for a relative site path, refused when it would leave the folder. */
  Path resolve(String relative) {
    if (relative.isEmpty()
        || relative.startsWith("/")
        || relative.indexOf('\\') >= 0
        || relative.indexOf('\0') >= 0
        || relative.indexOf(':') >= 0
        || hasEmptyOrDotPart(relative)) {
      throw new SiteException("Refusing to write \"" + relative + "\": not a safe site path.");
    }
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new SiteException("Refusing to write \"" + relative + "\" outside " + root + ".");
    }
    return p;
  }

  /** Whether a path has an empty part ({@code a//b}, a trailing slash), {@code .} or {@code ..}. */
  private static boolean hasEmptyOrDotPart(String relative) {
    int start = 0;
    while (true) {
      int slash = relative.indexOf('/', start);
      int end = slash < 0 ? relative.length() : slash;
      int length = end - start;
      if (length == 0
          || (length == 1 && relative.charAt(start) == '.')
          || (length == 2 && relative.charAt(start) == '.' && relative.charAt(start + 1) == '.')) {
        return true;
      }
      if (slash < 0) {
        return false;
      }
      start = slash + 1;
    }
  }

  /** Whether the file exists with this size (a regular file, not a link). */
  boolean hasFile(String relative, long size) {
    Path p = resolve(relative);
    java.nio.file.attribute.BasicFileAttributes there = attributes(p);
    return there != null && there.isRegularFile() && there.size() == size;
  }

  /**
   * Whether something of this name is in its folder, from one listing of each folder (cached):
   * cheap for checking thousands of files, but says nothing of what it is or its size.
   */
  boolean listed(String relative) {
    // Split as text (thousands of calls): the folder part is checked and resolved once, and a name
    // that is not safe is in no listing.
    int slash = relative.lastIndexOf('/');
    String folder = slash < 0 ? "" : relative.substring(0, slash);
    Set<String> names =
        listings.computeIfAbsent(
            folder,
            dir -> {
              Set<String> found = new java.util.HashSet<>();
              try (var entries = Files.newDirectoryStream(dir.isEmpty() ? root : resolve(dir))) {
                for (Path entry : entries) {
                  found.add(entry.getFileName().toString());
                }
              } catch (IOException e) {
                // no folder (or none readable): nothing listed, so everything is made again
              }
              return found;
            });
    return names.contains(relative.substring(slash + 1));
  }

  boolean exists(String relative) {
    return attributes(resolve(relative)) != null;
  }

  /** The file's own attributes (a link's, not its target's), or null when there is none. */
  private static java.nio.file.attribute.BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(
          p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes a file, creating its folders; replaces what was there. */
  void write(String relative, byte[] bytes) {
    Path p = resolve(relative);
    try {
      makeFolders(p.getParent());
      // A new file is written in place (a reader could not have had an older version of it), with
      // no look first: most files of an export are new, and looking for a file that is not there
      // costs an exception. If writing fails (a full disk), the part written goes: no empty or
      // half file is left. Something already there (a file, a link, even a dangling one, or a
      // folder) makes the creation fail, and is looked at below.
      try {
        Files.write(p, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        created.push(p);
        return;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // replaced below, if it is a file
      } catch (IOException e) {
        deleteQuietly(p, e);
        throw e;
      }
      java.nio.file.attribute.BasicFileAttributes there = attributes(p);
      if (there != null && !there.isRegularFile()) {
        throw new SiteException(
            p
                + " is a link or a folder; Talkbook will not replace it. Remove it or choose another folder.");
      }
      AtomicFile.write(p, bytes);
    } catch (IOException e) {
      throw failure("Could not write " + p, e);
    }
  }

  /**
   * The folder, inside the site's, where {@link #writeWhole} writes a file before moving it into
   * place, and where the one placeholder page lives ({@link #placeholder}); its lock file ({@link
   * #LOCK}) keeps a second export out while one writes ({@link #hold}). An export that stopped
   * (killed) may have left files in it; the next export empties it first and removes it at its end.
   */
  static final String STAGING = ".talkbook-writing";

  /**
   * The lock file in the staging folder: an export holds an OS lock on it while it writes (the lock
   * goes with the process, so a kill leaves none behind), and removes it, still locked, at its end.
   */
  static final String LOCK = "export.lock";

  /** What an export leaves in the staging folder: its lock, staged files, the placeholder page. */
  private static final java.util.regex.Pattern STAGED_NAME =
      java.util.regex.Pattern.compile(
          "[0-9]+\\.tmp|placeholder\\.html|" + LOCK.replace(".", "\\."));

  /** The site folders an export of this process holds, by real path (see {@link #hold}). */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final AtomicLong staged = new AtomicLong();
  private volatile Path staging;
  private volatile Path placeholderPage;

  /**
   * The lock file's channel and its lock while this export holds the folder (see {@link #hold}).
   */
  private java.nio.channels.FileChannel lockChannel;

  /**
   * Makes this export the one that writes into the folder until {@link #release}: refused at once,
   * with a message that says so, while another export (of this process or another one: two windows,
   * the command line beside the window) writes into it; its staging folder would empty the other's.
   * The staging folder is made (or emptied of what a killed export left there) and holds the lock
   * file. A folder of that name that Talkbook did not make (something else in it) is refused, never
   * emptied.
   */
  void hold() {
    if (!HELD.add(root)) {
      throw busy();
    }
    Path s = root.resolve(STAGING);
    boolean made = false;
    try {
      refuseOthersStaging(s);
      for (int tries = 0; lockChannel == null; tries++) {
        if (tries == 100) {
          throw busy(); // the lock file went each time: exports starting and ending meanwhile
        }
        try {
          Files.createDirectory(s);
          made = true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
          refuseOthersStaging(s);
        }
        lockIn(s);
      }
      try (var entries = Files.newDirectoryStream(s)) {
        for (Path entry : entries) {
          if (!entry.getFileName().toString().equals(LOCK)) {
            Files.deleteIfExists(entry); // a killed export's (refuseOthersStaging looked)
          }
        }
      }
      staging = s;
    } catch (IOException | RuntimeException e) {
      unlock(s, made || lockChannel != null);
      if (e instanceof IOException io) {
        throw failure("Could not write " + s, io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * Runs {@code export} as the one export that writes into the folder ({@link #hold}: refused at
   * once while another one does, a site's or a Markdown export's, of this process or another) and
   * lets the folder go ({@link #release}) when it ends, however it ends.
   */
  <T> T whileHeld(java.util.function.Supplier<T> export) {
    hold();
    T result;
    try {
      result = export.get();
    } catch (RuntimeException | Error e) {
      try {
        release();
      } catch (RuntimeException notRemoved) {
        e.addSuppressed(notRemoved);
      }
      throw e;
    }
    release();
    return result;
  }

  /**
   * Whether the folder holds nothing but what an export holding it keeps there ({@link #STAGING}):
   * the empty folder a Markdown export asks for, also after an export that was killed left its
   * staging folder behind.
   */
  boolean isEmptyButForStaging() throws IOException {
    return isEmptyButForStaging(root);
  }

  /**
   * Whether {@code folder} holds nothing but {@link #STAGING} (see {@link
   * #isEmptyButForStaging()}).
   */
  static boolean isEmptyButForStaging(Path folder) throws IOException {
    try (var entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(STAGING)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Locks the lock file in {@code s}, made if it is not there; throws {@link #busy} when another
   * export holds it. Leaves {@link #lockChannel} null (to try again) when the file was not the one
   * at its name by the time it was locked: an export that ended removed it meanwhile, and a lock on
   * it would keep nobody out. On a file system without locks (some network folders) only this
   * process's own exports are kept apart.
   */
  private void lockIn(Path s) throws IOException {
    Path file = s.resolve(LOCK);
    Object before;
    java.nio.channels.FileChannel channel;
    try {
      try {
        Files.createFile(file);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // a killed export's, or the lock of one writing now
      }
      before = fileKey(file);
      channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE);
    } catch (java.nio.file.NoSuchFileException gone) {
      return; // an export that ended removed the folder meanwhile: again
    }
    java.nio.channels.FileLock l;
    try {
      l = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException inThisProcess) {
      l = null; // HELD keeps this process's exports apart; still, never two locks at once
    } catch (IOException noLocks) {
      lockChannel = channel;
      return;
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
    if (l == null) {
      channel.close();
      throw busy();
    }
    // Looked at by name (its attributes: opening it again would drop the lock when closed)
    Object after = fileKey(file);
    if (before == null || !before.equals(after)) {
      l.release();
      channel.close();
      return;
    }
    lockChannel = channel; // closing it releases the lock
  }

  private static Object fileKey(Path file) {
    try {
      java.nio.file.attribute.BasicFileAttributes a =
          Files.readAttributes(
              file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Object key = a.fileKey();
      return key != null ? key : a.creationTime();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Refuses a staging folder Talkbook did not make: something other than a real folder, or one
   * holding anything but what an export leaves there (its files are never deleted).
   */
  private void refuseOthersStaging(Path s) throws IOException {
    java.nio.file.attribute.BasicFileAttributes there = attributes(s);
    if (there == null) {
      return;
    }
    if (there.isDirectory()) {
      try (var entries = Files.newDirectoryStream(s)) {
        boolean ours = true;
        for (Path entry : entries) {
          java.nio.file.attribute.BasicFileAttributes a = attributes(entry);
          ours &=
              (a == null || a.isRegularFile())
                  && STAGED_NAME.matcher(entry.getFileName().toString()).matches();
        }
        if (ours) {
          return;
        }
      } catch (java.nio.file.NoSuchFileException gone) {
        return; // an export that ended removed it meanwhile
      }
    }
    throw new SiteException(
        s
            + " is in the way: Talkbook writes each file of the site there first, and that "
            + (there.isDirectory() ? "folder holds files" : "is not a folder")
            + " Talkbook did not write. Move or rename it, then export again.");
  }

  /** The refusal of a folder another export is writing into. */
  private SiteException busy() {
    return new SiteException(
        "Another export is writing into "
            + root
            + " right now (from a Talkbook window or the command line). Try again when it"
            + " has finished.");
  }

  /**
   * Writes a file whole: to the staging folder first, then moved over its place in one step, so
   * that whenever writing stops (killed, a full disk) the file is the old one or the new one, never
   * half of one. Creates its folders. A link or a folder in its place is refused.
   */
  void writeWhole(String relative, byte[] bytes) {
    Path p = resolve(relative);
    try {
      makeFolders(p.getParent());
      if (listed(relative)) {
        java.nio.file.attribute.BasicFileAttributes there = attributes(p);
        if (there != null && !there.isRegularFile()) {
          throw new SiteException(
              p
                  + " is a link or a folder; Talkbook will not replace it. Remove it or choose another folder.");
        }
      }
      Path tmp = newStaged();
      try {
        Files.write(tmp, bytes, java.nio.file.StandardOpenOption.WRITE);
        visible(relative, () -> moveInto(tmp, p));
      } catch (IOException | RuntimeException e) {
        if (e instanceof IOException io) {
          deleteQuietly(tmp, io);
        } else {
          Files.deleteIfExists(tmp);
        }
        throw e;
      }
    } catch (IOException e) {
      throw failure("Could not write " + p, e);
    }
  }

  /** A new empty file in the staging folder. */
  private Path newStaged() throws IOException {
    Path folder = staging();
    while (true) {
      try {
        return Files.createFile(folder.resolve(staged.incrementAndGet() + ".tmp"));
      } catch (java.nio.file.FileAlreadyExistsException another) {
        // another export into the same folder at the same time: take the next name
      }
    }
  }

  private static void moveInto(Path from, Path to) throws IOException {
    try {
      Files.move(
          from,
          to,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Puts a placeholder page where a page is still to be written: a short page with no links that
   * says so, so that the pages written before it, which link to it, never lead nowhere. Made once
   * and linked in place (a hard link: one step, no bytes written), else written whole.
   */
  void placeholder(String relative, byte[] page) {
    Path p = resolve(relative);
    try {
      makeFolders(p.getParent());
      Path made = placeholderPage;
      if (made == null) {
        synchronized (this) {
          made = placeholderPage;
          if (made == null) {
            made = staging().resolve("placeholder.html");
            Files.write(made, page);
            placeholderPage = made;
          }
        }
      }
      Path shared = made;
      try {
        visible(relative, () -> Files.createLink(p, shared));
      } catch (UnsupportedOperationException | IOException noLink) {
        // no hard links here (FAT, some network folders), or something took the place meanwhile
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          return;
        }
        writeWhole(relative, page);
      }
    } catch (IOException e) {
      throw failure("Could not write " + p, e);
    }
  }

  /**
   * Ends {@link #hold}: removes the staging folder and what is in it (the placeholder page's own
   * name; the lock file last, still locked), then lets the lock go. Nothing when not held.
   */
  void release() {
    if (lockChannel == null) {
      return;
    }
    Path s = root.resolve(STAGING);
    IOException failed = null;
    try (var entries = Files.newDirectoryStream(s)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(LOCK)) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException e) {
      failed = e;
    }
    unlock(s, true);
    staging = null;
    placeholderPage = null;
    if (failed != null) {
      throw failure("Could not remove " + s, failed);
    }
  }

  /**
   * Lets the folder go: the lock file removed while still locked (an export that opened it
   * meanwhile finds it gone once it has the lock, and makes another), and the staging folder if
   * that leaves it empty and {@code remove} (another export may have begun in it already); then the
   * lock released. Failures here leave at most an empty folder, which the next export uses.
   */
  private void unlock(Path s, boolean remove) {
    try {
      if (lockChannel != null) {
        Files.deleteIfExists(s.resolve(LOCK));
      }
      if (remove) {
        Files.deleteIfExists(s);
      }
    } catch (IOException notEmptyOrGone) {
      // another export's lock is in it now, or it could not be removed: it is left for the next
    } finally {
      try {
        if (lockChannel != null) {
          lockChannel.close(); // releases the lock
        }
      } catch (IOException e) {
        // closing a file opened only to lock it: the lock goes with it either way
      }
      lockChannel = null;
      HELD.remove(root);
    }
  }

  /** The staging folder of the export that holds the folder ({@link #hold}). */
  private Path staging() {
    Path s = staging;
    if (s == null) {
      throw new IllegalStateException("the site folder is written only while held: hold() first");
    }
    return s;
  }

  private static void deleteQuietly(Path p, IOException cause) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** Says what went wrong; a full disk as such, with what to do. */
  static SiteException failure(String what, IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("No space left on device")
        || m.contains("Disk quota exceeded")
        || m.contains("There is not enough space on the disk")) {
      return new SiteException(
          what + ": the disk is full. Free some space on it, then export again.", e);
    }
    return new SiteException(what + " (" + PathProblems.whyNotWritten(e) + ").", e);
  }

  /**
   * Deletes a file this exporter wrote, and any folder that leaves empty (never the root); whether
   * there was one to delete.
   */
  boolean delete(String relative) {
    Path p = resolve(relative);
    boolean there = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    try {
      if (there) {
        visible(relative, () -> Files.delete(p));
      }
      for (Path dir = p.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !isEmpty(dir)) {
          break;
        }
        Files.delete(dir);
        checkedFolders.remove(dir);
      }
    } catch (IOException e) {
      throw failure("Could not delete " + p, e);
    }
    return there;
  }

  /**
   * Deletes every file this folder object created (newest first) and the folders that leaves empty:
   * undoes an export into an empty folder that could not finish. Failures are added to {@code
   * cause}.
   */
  void removeCreated(Throwable cause) {
    Path p;
    while ((p = created.poll()) != null) {
      try {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          if (isEmpty(p)) {
            Files.delete(p);
          }
        } else {
          delete(root.relativize(p).toString().replace('\\', '/'));
        }
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private void makeFolders(Path dir) throws IOException {
    if (dir.equals(root) || checkedFolders.contains(dir)) {
      return;
    }
    makeFolders(dir.getParent());
    if (Files.isSymbolicLink(dir)) {
      throw new SiteException(
          dir + " is a symbolic link; Talkbook writes only into real folders inside " + root + ".");
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(dir);
        created.push(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          throw e; // another thread made it a folder, or something else is there
        }
      }
    }
    checkedFolders.add(dir);
  }
}
