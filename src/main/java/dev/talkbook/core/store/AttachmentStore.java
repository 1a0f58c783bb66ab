package dev.talkbook.core.store;

import dev.talkbook.core.notebook.Attachment;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.DeletedTalk;
import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Files stored inside the notebook (pasted images, dropped files), content-addressed by sha256 so
 * the same bytes are stored once. Each talk that adds an attachment holds on to it; an attachment
 * no talk holds any more is deleted with the last talk that held it.
 */
public final class AttachmentStore {
  /** The largest file that can be attached. */
  public static final int MAX_BYTES = 50 * 1024 * 1024;

  private final Database db;
  private final Clock clock;

  AttachmentStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Stores {@code bytes} for a talk and returns the reference to put in its Markdown. {@code
   * mediaType} may be null: it is then recognised from the bytes or the file name.
   */
  public AttachmentRef add(long talkId, String fileName, String mediaType, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new NotebookException(
          "\""
              + fileName
              + "\" is "
              + bytes.length / (1024 * 1024)
              + " MB; attachments can be at most "
              + MAX_BYTES / (1024 * 1024)
              + " MB. Link to the file instead.");
    }
    String name = cleanName(fileName);
    String type = mediaType != null && !mediaType.isBlank() ? mediaType : mediaTypeOf(name, bytes);
    String sha256 = sha256(bytes);
    return db.write(
        "store the attachment",
        c -> {
          TalkStore.find(c, talkId).orElseThrow(() -> TalkStore.notFound(talkId));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO attachment (sha256, media_type, size, bytes, created_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            ps.setString(1, sha256);
            ps.setString(2, type);
            ps.setLong(3, bytes.length);
            ps.setBytes(4, bytes);
            ps.setLong(5, clock.millis());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO talk_attachment (talk_id, sha256, file_name) VALUES (?, ?, ?)"
                      + " ON CONFLICT (talk_id, sha256) DO NOTHING")) {
            ps.setLong(1, talkId);
            ps.setString(2, sha256);
            ps.setString(3, name);
            ps.executeUpdate();
          }
          return new AttachmentRef(sha256, name);
        });
  }

  /** What is stored under this hash, if anything. */
  public Optional<Attachment> find(String sha256) {
    return db.read(
        "read an attachment",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT sha256, media_type, size FROM attachment WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Attachment(rs.getString(1), rs.getString(2), rs.getLong(3)))
                  : Optional.<Attachment>empty();
            }
          }
        });
  }

  /** Every stored file (without its bytes), by hash. */
  public List<Attachment> all() {
    return db.read(
        "list the attachments",
        c -> {
          try (var s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT sha256, media_type, size FROM attachment ORDER BY sha256")) {
            List<Attachment> all = new ArrayList<>();
            while (rs.next()) {
              all.add(new Attachment(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
            return all;
          }
        });
  }

  /** The stored bytes for a reference, or a {@link NotFoundException}. */
  public byte[] bytes(String sha256) {
    return db.read(
        "read an attachment",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT bytes FROM attachment WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException(
                    "There is no attachment " + sha256 + " in the notebook.");
              }
              return rs.getBytes(1);
            }
          }
        });
  }

  /** The attachments a talk holds, by the name it gave them. */
  public List<AttachmentRef> of(long talkId) {
    return db.read(
        "list the attachments",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT sha256, file_name FROM talk_attachment WHERE talk_id = ?"
                      + " ORDER BY file_name, sha256")) {
            ps.setLong(1, talkId);
            List<AttachmentRef> refs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                refs.add(new AttachmentRef(rs.getString(1), rs.getString(2)));
              }
            }
            return refs;
          }
        });
  }

  /** The number of distinct stored files. */
  public int count() {
    return db.read(
        "count the attachments",
        c -> {
          try (var s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM attachment")) {
            return rs.getInt(1);
          }
        });
  }

  /** A talk's attached files with their bytes, inside the caller's transaction. */
  List<DeletedTalk.File> filesOf(Connection c, long talkId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.sha256, ta.file_name, a.media_type, a.bytes FROM talk_attachment ta"
                + " JOIN attachment a ON a.sha256 = ta.sha256 WHERE ta.talk_id = ?")) {
      ps.setLong(1, talkId);
      List<DeletedTalk.File> files = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          files.add(
              new DeletedTalk.File(
                  rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
        }
      }
      return files;
    }
  }

  /** Puts back the files of an undeleted talk (stored once, as ever). */
  void putBack(Connection c, long talkId, List<DeletedTalk.File> files) throws SQLException {
    try (PreparedStatement file =
            c.prepareStatement(
                "INSERT INTO attachment (sha256, media_type, size, bytes, created_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
        PreparedStatement link =
            c.prepareStatement(
                "INSERT INTO talk_attachment (talk_id, sha256, file_name) VALUES (?, ?, ?)"
                    + " ON CONFLICT (talk_id, sha256) DO NOTHING")) {
      for (DeletedTalk.File f : files) {
        file.setString(1, f.sha256());
        file.setString(2, f.mediaType());
        file.setLong(3, f.bytes().length);
        file.setBytes(4, f.bytes());
        file.setLong(5, clock.millis());
        file.executeUpdate();
        link.setLong(1, talkId);
        link.setString(2, f.sha256());
        link.setString(3, f.fileName());
        link.executeUpdate();
      }
    }
  }

  void deleteOrphans(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.executeUpdate(
          "DELETE FROM attachment WHERE NOT EXISTS"
              + " (SELECT 1 FROM talk_attachment ta WHERE ta.sha256 = attachment.sha256)");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
    return name.isEmpty() ? "file" : name;
  }

  /** The media type from the bytes' signature, else the name's extension, else octet-stream. */
  static String mediaTypeOf(String name, byte[] bytes) {
    if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
      return "image/png";
    }
    if (startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return "image/jpeg";
    }
    if (startsWith(bytes, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
      return "image/gif";
    }
    if (bytes.length > 12
        && startsWith(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "image/webp";
    }
    if (startsWith(bytes, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
      return "application/pdf";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".svg")) {
      return "image/svg+xml";
    }
    String guessed = URLConnection.guessContentTypeFromName(lower);
    return guessed != null ? guessed : "application/octet-stream";
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
