package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotebookException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saves the notes of a notebook whose start is damaged (its first bytes overwritten, as a failing
 * disk or a stray {@code dd} may) into a new notebook beside it ({@code talkbook check --repair},
 * or Save notes in the window). SQLite refuses such a file as "not a database" when its 100-byte
 * header is gone, and cannot find any table when page 1, the root of its schema table, is gone too;
 * yet every other page, and so every talk, is still there.
 *
 * <p>The damaged file is never written. A copy of it gets the header Talkbook's notebooks always
 * have (page size, UTF-8, schema format 4, rollback mode, Talkbook's application id, the format
 * whose schema the file holds) and, if page 1's own b-tree is damaged, a page 1 made again as the
 * interior page over the schema table's leaf pages, which are found by reading every page of the
 * file as a b-tree page and decoding its rows. That copy is then read row by row into a new
 * notebook of the same format, as {@link NotebookRebuild} does, and the copy is deleted.
 */
final class NotebookSalvage {
  private static final int HEADER = 100;
  private static final int LEAF_TABLE = 13;
  private static final int INTERIOR_TABLE = 5;
  private static final Set<String> SCHEMA_TYPES = Set.of("table", "index", "view", "trigger");

  private NotebookSalvage() {}

  /** A leaf page of the schema table, found by reading the file. */
  private record SchemaLeaf(long page, long firstRowid, long lastRowid, List<SchemaRow> rows) {}

  /** One row of the schema table, as read from its page. */
  private record SchemaRow(String type, String name, long rootPage, String sql) {}

  /** What reading the file page by page found. */
  private record Findings(int pageSize, long pages, List<SchemaLeaf> schemaLeaves) {
    boolean hasTalks() {
      return schemaLeaves.stream()
          .flatMap(leaf -> leaf.rows().stream())
          .anyMatch(row -> row.type().equals("table") && row.name().equals("talk"));
    }
  }

  /**
   * Whether {@code file}, which SQLite would not take as a database, is a Talkbook notebook whose
   * start is damaged: its size a whole number of pages, and Talkbook's schema, with its table of
   * talks, on pages after the first, in the file or, with its write-ahead log applied as the save
   * applies it, in that log. A new notebook killed before its first checkpoint has its whole schema
   * and every talk only in the log (the file holds one page, an empty schema), so looking at the
   * file alone called it "not a notebook" and Save notes was never offered.
   */
  static boolean isDamagedNotebook(Path file) {
    try {
      return find(file).filter(Findings::hasTalks).isPresent() || talksInTheLog(file);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether {@code file} with the commits of its write-ahead log applied holds Talkbook's schema
   * with its table of talks. Looked at in a copy (owner-only, in the temporary folder, deleted
   * after): the file and its log are only read. Only done for a file that shows no schema itself.
   */
  private static boolean talksInTheLog(Path file) throws IOException {
    WalPages wal = WalPages.read(file, likelyPageSize(file));
    if (wal.pages().isEmpty()) {
      return false;
    }
    Path copy = Files.createTempFile("talkbook-salvage-check", ".tmp");
    try {
      Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      applyLog(copy, wal);
      return find(copy).filter(Findings::hasTalks).isPresent();
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /**
   * Saves the notes of the damaged notebook {@code file} into a new notebook beside it, named after
   * it ({@code talks-saved.talkbook}, or {@code talks-saved-2.talkbook} if that is taken).
   */
  static Notebook.SavedNotes salvage(Path file, Notebook.RebuildProgress progress) {
    return salvage(file, progress, WalPages::read);
  }

  /** How the write-ahead log is read ({@link WalPages#read}; a test's may fail). */
  @FunctionalInterface
  interface LogReader {
    WalPages read(Path notebook, int pageSize) throws IOException;
  }

  /** {@link #salvage(Path, Notebook.RebuildProgress)}, its log read by {@code logReader}. */
  static Notebook.SavedNotes salvage(
      Path file, Notebook.RebuildProgress progress, LogReader logReader) {
    Path damaged = file.toAbsolutePath().normalize();
    Path target = freeName(damaged);
    Path patched = NotebookFile.sibling(target, ".patching");
    // Made under another name and moved into place when whole: a kill or an Error part way never
    // leaves a partial notebook under the name of a saved one.
    Path saving = NotebookFile.sibling(target, ".saving");
    try {
      // The commits still in the write-ahead log (every edit since the last checkpoint when
      // Talkbook was killed) are carried into the copy, newest version of each page, as SQLite
      // would at its next start; the log itself is only read.
      int pageSize = likelyPageSize(damaged);
      WalPages wal;
      String logProblem = "";
      try {
        wal = logReader.read(damaged, pageSize);
      } catch (IOException e) {
        // A log that cannot be read (its permissions, an I/O error) leaves the notes in the file
        // to save, and the user is told its edits are not in them.
        wal = WalPages.NONE;
        logProblem =
            e instanceof java.nio.file.AccessDeniedException
                ? "no permission to read it"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      Notebook.deleteWithSidecars(patched);
      Files.copy(damaged, patched);
      applyLog(patched, wal);
      Findings found =
          find(patched)
              .filter(Findings::hasTalks)
              .orElseThrow(
                  () ->
                      new NotebookException(
                          "Could not save the notes of notebook "
                              + damaged
                              + ": no table of talks is left in it. Restore it from a backup."));
      int version = versionOf(found);
      patch(patched, found, version);
      Notebook.deleteWithSidecars(saving);
      try (Connection copy = Database.inspect(patched)) {
        NotebookRebuild.copyInto(saving, copy, version, progress);
      }
      Files.move(saving, target);
      int talks;
      try (Connection saved = Database.inspect(target);
          Statement s = saved.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM talk")) {
        talks = rs.getInt(1);
      }
      if (!logProblem.isEmpty()) {
        return new Notebook.SavedNotes(target, talks, logFrames(damaged, pageSize), logProblem);
      }
      return new Notebook.SavedNotes(target, talks, wal.unreadFrames());
    } catch (SQLException | IOException e) {
      throw new NotebookException(
          "Could not save the notes of notebook "
              + damaged
              + " into a new notebook: too much of it is damaged ("
              + e.getMessage()
              + "). It is left as it was; restore it from a backup.",
          e);
    } catch (NotebookException e) {
      // Said of the damaged notebook, not of the new file its rows were being copied into.
      throw new NotebookException(
          "Could not save the notes of notebook "
              + damaged
              + ": more than its start is damaged, and its talks cannot all be read ("
              + e.reason()
              + "). It is left as it was; restore it from a backup.",
          e);
    } finally {
      Notebook.deleteWithSidecars(patched);
      Notebook.deleteWithSidecars(saving);
    }
  }

  /** About how many frames the log beside {@code file} holds, from its size; at least 1. */
  private static long logFrames(Path file, int pageSize) {
    try {
      return Math.max(1, (Files.size(WalPages.of(file)) - 32) / (24 + pageSize));
    } catch (IOException e) {
      return 1;
    }
  }

  /** The page size the damaged file was written with, or SQLite's default if it cannot tell. */
  private static int likelyPageSize(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int size = pageSize(channel, channel.size());
      return size == 0 ? 4096 : size;
    }
  }

  /**
   * Writes the log's newest committed version of each page into the copy, which ends where the last
   * commit says the database ends.
   */
  private static void applyLog(Path copy, WalPages wal) throws IOException {
    if (wal.pages().isEmpty()) {
      return;
    }
    int pageSize = wal.pages().values().iterator().next().length;
    try (FileChannel channel =
        FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      for (var page : wal.pages().entrySet()) {
        if (page.getKey() <= wal.databasePages()) {
          ByteBuffer content = ByteBuffer.wrap(page.getValue());
          while (content.hasRemaining()) {
            channel.write(content, (page.getKey() - 1) * pageSize + content.position());
          }
        }
      }
      channel.truncate(wal.databasePages() * pageSize);
    }
  }

  /** {@code talks.talkbook} → {@code talks-saved.talkbook}, numbered if taken. */
  private static Path freeName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : ".talkbook";
    Path candidate = file.resolveSibling(stem + "-saved" + extension);
    for (int n = 2; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
      candidate = file.resolveSibling(stem + "-saved-" + n + extension);
    }
    return candidate;
  }

  /**
   * The notebook format whose schema the file holds: the one whose migrations make exactly the
   * tables, indexes and triggers found (statistics tables aside).
   */
  private static int versionOf(Findings found) throws SQLException {
    Set<String> inFile = new TreeSet<>();
    for (SchemaLeaf leaf : found.schemaLeaves()) {
      for (SchemaRow row : leaf.rows()) {
        if (!row.name().startsWith("sqlite_stat")) {
          inFile.add(row.type() + " " + row.name() + " " + row.sql());
        }
      }
    }
    for (int version = Migrations.LATEST; version >= 1; version--) {
      if (schemaOf(version).equals(inFile)) {
        return version;
      }
    }
    throw new SQLException("its schema is not that of any Talkbook notebook format");
  }

  private static Set<String> schemaOf(int version) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      ShownText.register(c);
      Migrations.apply(c, 0, version);
      Set<String> schema = new TreeSet<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_schema")) {
        while (rs.next()) {
          if (!rs.getString(2).startsWith("sqlite_stat")) {
            schema.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
          }
        }
      }
      return schema;
    }
  }

  /** Writes the header, and page 1's b-tree if it is damaged, into the copy. */
  private static void patch(Path copy, Findings found, int version) throws IOException {
    int pageSize = found.pageSize();
    try (FileChannel channel =
        FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer first = ByteBuffer.allocate(pageSize);
      channel.read(first, 0);
      byte[] page = first.array();
      if (!pageOneIsSound(page, found)) {
        page = newPageOne(found);
      }
      writeHeader(page, pageSize, found.pages(), version);
      channel.write(ByteBuffer.wrap(page), 0);
    }
  }

  private static void writeHeader(byte[] page, int pageSize, long pages, int version) {
    java.util.Arrays.fill(page, 0, HEADER, (byte) 0);
    byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, page, 0, magic.length);
    putShort(page, 16, pageSize == 65536 ? 1 : pageSize);
    page[18] = 1; // rollback mode: the copy is read without a write-ahead log
    page[19] = 1;
    page[20] = 0; // no reserved bytes: Talkbook never sets any
    page[21] = 64; // payload fractions, fixed by SQLite's file format
    page[22] = 32;
    page[23] = 32;
    putInt(page, 24, 1); // change counter
    putInt(page, 28, pages);
    // 32, 36: no free-page list (the damaged one is not trusted; its pages are never read)
    putInt(page, 40, 1); // schema cookie
    putInt(page, 44, 4); // schema format
    putInt(page, 56, 1); // UTF-8
    putInt(page, 60, version);
    putInt(page, 68, Migrations.APPLICATION_ID);
    putInt(page, 92, 1); // the page count above is valid for change 1
    putInt(page, 96, 3_054_001);
  }

  /**
   * Whether page 1's own b-tree (after the header) is still the schema table's root: an interior
   * page whose children are all schema leaves, or a leaf of schema rows.
   */
  private static boolean pageOneIsSound(byte[] page, Findings found) {
    int type = page[HEADER] & 0xff;
    int cells = getShort(page, HEADER + 3);
    if (type == LEAF_TABLE) {
      return schemaLeaf(page, 1, found.pageSize(), HEADER, null).isPresent();
    }
    if (type != INTERIOR_TABLE || cells > (found.pageSize() - HEADER - 12) / 6) {
      return false;
    }
    Set<Long> leaves = new TreeSet<>();
    found.schemaLeaves().forEach(leaf -> leaves.add(leaf.page()));
    for (int i = 0; i < cells; i++) {
      int at = getShort(page, HEADER + 12 + 2 * i);
      if (at < HEADER + 12 + 2 * cells || at + 4 > found.pageSize()) {
        return false;
      }
      if (!leaves.contains(getInt(page, at))) {
        return false;
      }
    }
    return leaves.contains(getInt(page, HEADER + 8));
  }

  /** Page 1 as the interior page over the schema leaves found, in the order of their rows. */
  private static byte[] newPageOne(Findings found) throws IOException {
    List<SchemaLeaf> leaves = new ArrayList<>(found.schemaLeaves());
    leaves.sort(Comparator.comparingLong(SchemaLeaf::firstRowid));
    // A leaf whose rows overlap the one before is an old copy (a freed page): keep the first.
    List<SchemaLeaf> kept = new ArrayList<>();
    for (SchemaLeaf leaf : leaves) {
      if (kept.isEmpty() || leaf.firstRowid() > kept.get(kept.size() - 1).lastRowid()) {
        kept.add(leaf);
      }
    }
    int pageSize = found.pageSize();
    byte[] page = new byte[pageSize];
    int cells = kept.size() - 1;
    page[HEADER] = INTERIOR_TABLE;
    putShort(page, HEADER + 3, cells);
    putInt(page, HEADER + 8, kept.get(kept.size() - 1).page());
    int content = pageSize;
    for (int i = 0; i < cells; i++) {
      byte[] key = varint(kept.get(i).lastRowid());
      content -= 4 + key.length;
      putInt(page, content, kept.get(i).page());
      System.arraycopy(key, 0, page, content + 4, key.length);
      putShort(page, HEADER + 12 + 2 * i, content);
    }
    if (content < HEADER + 12 + 2 * cells) {
      throw new IOException("the schema has more pages than one page can point to");
    }
    putShort(page, HEADER + 5, content == 65536 ? 0 : content);
    return page;
  }

  /**
   * Reads {@code file} page by page at the page size it was written with (the one at which most
   * pages start as b-tree pages; the header is not trusted) and finds the schema's leaves.
   */
  private static Optional<Findings> find(Path file) throws IOException {
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int pageSize = pageSize(channel, size);
      if (pageSize == 0) {
        return Optional.empty();
      }
      long pages = size / pageSize;
      List<SchemaLeaf> leaves = new ArrayList<>();
      ByteBuffer buffer = ByteBuffer.allocate(pageSize);
      for (long p = 2; p <= pages; p++) {
        buffer.clear();
        channel.read(buffer, (p - 1) * pageSize);
        if ((buffer.get(0) & 0xff) == LEAF_TABLE) {
          schemaLeaf(buffer.array(), p, pageSize, 0, channel).ifPresent(leaves::add);
        }
      }
      return leaves.isEmpty()
          ? Optional.empty()
          : Optional.of(new Findings(pageSize, pages, List.copyOf(leaves)));
    }
  }

  /**
   * The page size at which the file's pages start as b-tree pages. At twice the page size every
   * other page start is skipped and the rest still look right; at half of it, every other "page"
   * starts mid-page: so the smallest size at which about as many pages look right as at twice it. 0
   * if none fits the file.
   */
  private static int pageSize(FileChannel channel, long size) throws IOException {
    for (int candidate = 512; candidate <= 65536; candidate *= 2) {
      double share = btreeShare(channel, size, candidate);
      if (share >= 0.1
          && (candidate == 65536 || share >= 0.75 * btreeShare(channel, size, candidate * 2))) {
        return candidate;
      }
    }
    return 0;
  }

  /**
   * How many of the pages after the first (up to 2000 spread over the file) look like b-tree pages.
   */
  private static double btreeShare(FileChannel channel, long size, int pageSize)
      throws IOException {
    long pages = size / pageSize;
    if (size % pageSize != 0 || pages < 2) {
      return 0;
    }
    long looked = Math.min(pages - 1, 2000);
    long btree = 0;
    ByteBuffer header = ByteBuffer.allocate(12);
    for (long i = 0; i < looked; i++) {
      long p = 2 + i * (pages - 1) / looked;
      header.clear();
      channel.read(header, (p - 1) * pageSize);
      byte[] b = header.array();
      int type = b[0] & 0xff;
      int headerSize = type == 2 || type == 5 ? 12 : 8;
      int cells = getShort(b, 3);
      int content = getShort(b, 5) == 0 ? 65536 : getShort(b, 5);
      if ((type == 2 || type == 5 || type == 10 || type == 13)
          && content <= pageSize
          && headerSize + 2 * cells <= content) {
        btree++;
      }
    }
    return (double) btree / looked;
  }

  /**
   * The page's rows if every one is a row of the schema table (type, name, table name, root page,
   * SQL). {@code channel} reads overflow pages; without it, a row that overflows is not taken.
   */
  private static Optional<SchemaLeaf> schemaLeaf(
      byte[] page, long number, int pageSize, int at, FileChannel channel) {
    try {
      int cells = getShort(page, at + 3);
      if (cells == 0 || at + 8 + 2 * cells > pageSize) {
        return Optional.empty();
      }
      List<SchemaRow> rows = new ArrayList<>();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < cells; i++) {
        int cell = getShort(page, at + 8 + 2 * i);
        if (cell < at + 8 + 2 * cells || cell >= pageSize) {
          return Optional.empty();
        }
        long[] read = new long[1];
        int pos = cell;
        long payloadSize = readVarint(page, pos, read);
        pos += (int) read[0];
        long rowid = readVarint(page, pos, read);
        pos += (int) read[0];
        byte[] payload = payload(page, pos, payloadSize, pageSize, channel);
        if (payload == null) {
          return Optional.empty();
        }
        Optional<SchemaRow> row = schemaRow(payload);
        if (row.isEmpty() || rowid <= last) {
          return Optional.empty();
        }
        rows.add(row.get());
        first = Math.min(first, rowid);
        last = rowid;
      }
      return Optional.of(new SchemaLeaf(number, first, last, List.copyOf(rows)));
    } catch (IndexOutOfBoundsException | IOException e) {
      return Optional.empty(); // not a page of schema rows
    }
  }

  /** A cell's whole payload: the part on the page and its overflow pages (SQLite's format). */
  private static byte[] payload(byte[] page, int pos, long size, int pageSize, FileChannel channel)
      throws IOException {
    if (size < 0 || size > 16 * 1024 * 1024) {
      return null;
    }
    int usable = pageSize;
    int maxLocal = usable - 35;
    int local;
    if (size <= maxLocal) {
      local = (int) size;
    } else {
      int minLocal = ((usable - 12) * 32 / 255) - 23;
      int k = (int) (minLocal + ((size - minLocal) % (usable - 4)));
      local = k <= maxLocal ? k : minLocal;
    }
    byte[] payload = new byte[(int) size];
    System.arraycopy(page, pos, payload, 0, local);
    if (local == size) {
      return payload;
    }
    if (channel == null) {
      return null;
    }
    long next = getInt(page, pos + local);
    int filled = local;
    long fileSize = channel.size();
    ByteBuffer overflow = ByteBuffer.allocate(pageSize);
    while (filled < size) {
      if (next < 2 || next * pageSize > fileSize) {
        return null;
      }
      overflow.clear();
      channel.read(overflow, (next - 1) * pageSize);
      int n = (int) Math.min(size - filled, usable - 4);
      System.arraycopy(overflow.array(), 4, payload, filled, n);
      filled += n;
      next = getInt(overflow.array(), 0);
    }
    return payload;
  }

  /** The record as a schema row, if it is one. */
  private static Optional<SchemaRow> schemaRow(byte[] record) {
    long[] read = new long[1];
    long headerSize = readVarint(record, 0, read);
    int pos = (int) read[0];
    List<Long> types = new ArrayList<>();
    while (pos < headerSize) {
      types.add(readVarint(record, pos, read));
      pos += (int) read[0];
    }
    if (types.size() != 5 || headerSize > record.length) {
      return Optional.empty();
    }
    int body = (int) headerSize;
    Object[] values = new Object[5];
    for (int i = 0; i < 5; i++) {
      long type = types.get(i);
      if (type == 0) {
        values[i] = null;
      } else if (type >= 1 && type <= 6) {
        int n = type <= 4 ? (int) type : type == 5 ? 6 : 8;
        long v = record[body];
        for (int b = 1; b < n; b++) {
          v = (v << 8) | (record[body + b] & 0xff);
        }
        values[i] = v;
        body += n;
      } else if (type == 8 || type == 9) {
        values[i] = type - 8;
      } else if (type >= 13 && type % 2 == 1) {
        int n = (int) ((type - 13) / 2);
        values[i] = new String(record, body, n, java.nio.charset.StandardCharsets.UTF_8);
        body += n;
      } else {
        return Optional.empty();
      }
    }
    if (body > record.length
        || !(values[0] instanceof String type)
        || !SCHEMA_TYPES.contains(type)
        || !(values[1] instanceof String name)
        || !(values[2] instanceof String)
        || !(values[3] instanceof Long root)
        || !(values[4] == null || values[4] instanceof String)) {
      return Optional.empty();
    }
    return Optional.of(new SchemaRow(type, name, root, (String) values[4]));
  }

  private static long readVarint(byte[] b, int at, long[] length) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      int x = b[at + i] & 0xff;
      v = (v << 7) | (x & 0x7f);
      if ((x & 0x80) == 0) {
        length[0] = i + 1;
        return v;
      }
    }
    length[0] = 9;
    return (v << 8) | (b[at + 8] & 0xff);
  }

  private static byte[] varint(long v) {
    if (v < 0 || v > (1L << 56) - 1) {
      throw new IllegalArgumentException("rowid out of range: " + v);
    }
    byte[] groups = new byte[9];
    int n = 0;
    do {
      groups[n++] = (byte) (v & 0x7f);
      v >>>= 7;
    } while (v != 0);
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (groups[n - 1 - i] | (i < n - 1 ? 0x80 : 0));
    }
    return out;
  }

  private static int getShort(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static long getInt(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static void putShort(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  private static void putInt(byte[] b, int at, long v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
