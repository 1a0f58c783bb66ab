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

/**
 * The folder a site is written to. Every path is relative, made of safe names, and checked to stay
 * inside the folder: no absolute path, no {@code ..}, no backslash or NUL, and no symbolic link on
 * the way (a link could lead outside). A file that is replaced is written to a temporary name and
 * moved into place, so a reader never sees half a page; a new file is written in place.
 * Thread-safe.
 */
final class OutputFolder {
  private final Path root;
  private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> listings = new ConcurrentHashMap<>();
  private final java.util.Deque<Path> created = new java.util.concurrent.ConcurrentLinkedDeque<>();

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
        Files.delete(p);
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
