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
   * place, and where the one placeholder page lives ({@link #placeholder}). An export that stopped
   * (killed) may have left files in it; the next export empties it first and removes it at its end.
   */
  static final String STAGING = ".talkbook-writing";

  private final AtomicLong staged = new AtomicLong();
  private volatile Path staging;
  private volatile Path placeholderPage;

  /** The staging folder, emptied of what an export that was killed left there, made once. */
  private Path staging() throws IOException {
    Path s = staging;
    if (s == null) {
      synchronized (this) {
        s = staging;
        if (s == null) {
          s = root.resolve(STAGING);
          removeStaging(s);
          Files.createDirectory(s);
          staging = s;
        }
      }
    }
    return s;
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

  /** Removes the staging folder and what is in it (the placeholder page's own name), if any. */
  void removeStaging() {
    try {
      removeStaging(root.resolve(STAGING));
      staging = null;
      placeholderPage = null;
    } catch (IOException e) {
      throw failure("Could not remove " + root.resolve(STAGING), e);
    }
  }

  private static void removeStaging(Path s) throws IOException {
    if (!Files.isDirectory(s, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var entries = Files.newDirectoryStream(s)) {
      for (Path entry : entries) {
        Files.deleteIfExists(entry);
      }
    }
    Files.deleteIfExists(s);
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

  /** Deletes a file this exporter wrote, and any folder that leaves empty (never the root). */
  void delete(String relative) {
    Path p = resolve(relative);
    try {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
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
