package dev.talkbook.core.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the same folder, which
 * is then moved over the file in one step (an atomic move, or a plain replacing move where the file
 * system refuses that). A reader sees the old file or the new one, never half of one; a failure
 * while writing or moving leaves the old file as it was and removes the temporary one. The folder
 * must exist (a missing one is said as such); callers make it where they should. A path that is a
 * folder, a device or a pipe is refused; a symbolic link is followed with {@link
 * Option#FOLLOW_LINKS}.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** How a file is written. */
  public enum Option {
    /**
     * The content is forced to the disk before the move, so that a crash or power cut just after
     * cannot leave an empty file in place of the old one: for what would lose the user's data.
     */
    FORCE,
    /**
     * A new file can be read and written by its owner only (where the file system has POSIX
     * permissions); without it, a new file has the permissions any new file gets (the umask's).
     */
    OWNER_ONLY,
    /**
     * A symbolic link is followed: the file it leads to is replaced and the link stays (for a file
     * the user named, which may be a link into a synced folder). Without it the link itself is
     * replaced, so a write inside an export's folder never lands outside it.
     */
    FOLLOW_LINKS
  }

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces {@code file} with {@code text}, in UTF-8. */
  public static void writeString(Path file, CharSequence text, Option... options)
      throws IOException {
    write(file, text.toString().getBytes(StandardCharsets.UTF_8), options);
  }

  /** Replaces {@code file} with {@code bytes}. */
  public static void write(Path file, byte[] bytes, Option... options) throws IOException {
    replace(
        file,
        channel -> {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        },
        options);
  }

  /**
   * Replaces {@code file} with what {@code content} writes; what it throws (an {@code IOException}
   * or an unchecked one) leaves the old file and is thrown on.
   */
  public static void write(Path file, Content content, Option... options) throws IOException {
    replace(
        file,
        channel -> {
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
          content.writeTo(out);
          out.flush(); // not closed: that would close the channel before it is forced
        },
        options);
  }

  /**
   * Writes {@code file} unless it is there already: for a file whose content its name settles (a
   * library or a font copied out of a jar into a cache folder). Another process writing the same
   * file at the same moment is no failure: whichever move comes last leaves a whole file.
   */
  public static void writeOnce(Path file, Content content, Option... options) throws IOException {
    if (Files.isRegularFile(file)) {
      return;
    }
    try {
      write(file, content, options);
    } catch (IOException e) {
      if (!Files.isRegularFile(file)) {
        throw e; // else another process put it there first (and may be using it)
      }
    }
  }

  private interface ChannelContent {
    void writeTo(FileChannel channel) throws IOException;
  }

  private static void replace(Path file, ChannelContent content, Option... options)
      throws IOException {
    Set<Option> chosen = EnumSet.noneOf(Option.class);
    chosen.addAll(Arrays.asList(options));
    Path target =
        chosen.contains(Option.FOLLOW_LINKS)
            ? followLinks(file.toAbsolutePath())
            : file.toAbsolutePath();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isSymbolicLink(target)) {
      // the move would put a plain file in place of a folder, a device or a pipe
      throw new FileSystemException(file.toString(), null, "it is not a regular file");
    }
    Path folder = target.getParent();
    Path tmp = createTemp(target, folder, chosen.contains(Option.OWNER_ONLY));
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        content.writeTo(channel);
        if (chosen.contains(Option.FORCE)) {
          channel.force(true);
        }
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException | RuntimeException notDeleted) {
        e.addSuppressed(notDeleted);
      }
      throw e;
    }
  }

  /**
   * The file a symbolic link leads to (through every link on the way), where the content goes: a
   * move over the link itself would leave the file it names (in a synced folder, say) as it was,
   * and a plain file in its place. {@code file} itself when it is no link.
   */
  static Path followLinks(Path file) throws IOException {
    Path p = file;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == 40) {
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p));
    }
    return p;
  }

  /** A new, empty temporary file beside {@code target}, named after it and hidden. */
  private static Path createTemp(Path target, Path folder, boolean ownerOnly) throws IOException {
    String name = target.getFileName().toString();
    // A long name (a talk's title) could make the temporary one too long for the file system.
    String prefix = "." + (name.length() > 80 ? name.substring(0, 80) : name) + ".";
    FileAttribute<?>[] attributes =
        folder.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              // rw-rw-rw- less the umask is what any new file gets; the JDK's default is rw-------
              PosixFilePermissions.asFileAttribute(
                  PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-rw-rw-"))
            }
            : new FileAttribute<?>[0];
    try {
      return Files.createTempFile(folder, prefix, ".tmp", attributes);
    } catch (NoSuchFileException e) {
      if (Files.isDirectory(folder)) {
        throw e;
      }
      NoSuchFileException missing =
          new NoSuchFileException(
              target.toString(), null, "the folder " + folder + " does not exist");
      missing.initCause(e);
      throw missing;
    }
  }
}
