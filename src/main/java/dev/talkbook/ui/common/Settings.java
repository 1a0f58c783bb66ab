package dev.talkbook.ui.common;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.UserFolders;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * What the window remembers per user (size, position, split positions, last talk, theme, …), in a
 * file of its own: {@code settings.properties} in the user's config folder ({@link #folder}). Each
 * setting is a {@link Key} constant below, with its default, so what can be remembered and what it
 * is until then is in one place. Thread-safe; {@link #flush} writes the file (atomically).
 *
 * <p>The first start without the file takes over what an earlier Talkbook kept in {@code
 * java.util.prefs} ({@code dev/talkbook/window}), once.
 */
public final class Settings {
  private static final System.Logger LOG = System.getLogger(Settings.class.getName());

  /** The file's name in the config folder. */
  public static final String FILE_NAME = "settings.properties";

  /** A setting: its name in the file, its default, and how its text reads. */
  public record Key<T>(String name, T fallback, Function<String, T> parse) {}

  private static Key<Double> number(String name, double fallback) {
    return new Key<>(name, fallback, Double::valueOf);
  }

  private static Key<Boolean> flag(String name, boolean fallback) {
    return new Key<>(name, fallback, Boolean::valueOf);
  }

  private static Key<String> text(String name, String fallback) {
    return new Key<>(name, fallback, Function.identity());
  }

  // ---- every setting, with its default

  /** The window's size; until there is one, a first window sizes itself to the screen. */
  public static final Key<Double> WIDTH = number("width", 1200);

  public static final Key<Double> HEIGHT = number("height", 760);

  /** The window's position; NaN until it was moved (the system places it). */
  public static final Key<Double> X = number("x", Double.NaN);

  public static final Key<Double> Y = number("y", Double.NaN);
  public static final Key<Boolean> MAXIMIZED = flag("maximized", false);

  /**
   * The split between the navigator and the editor, as a share of the window: used where no {@link
   * #NAVIGATOR_WIDTH} was kept (settings written before it, or a first start).
   */
  public static final Key<Double> NAVIGATOR_DIVIDER = number("divider0", 0.22);

  /**
   * The navigator's width in pixels when the window closed; NaN until then. Kept in pixels because
   * the navigator keeps its width while the window is resized: a share of a 1920-pixel window gave
   * it 183 pixels in the next start's 1366-pixel window, its titles cut.
   */
  public static final Key<Double> NAVIGATOR_WIDTH = number("navigatorWidth", Double.NaN);

  /**
   * The split between the editor and the preview, as a share of the window, as settings files kept
   * it before {@link #NOTES_SHARE}: read only to take the share from such a file, no longer
   * written.
   */
  public static final Key<Double> PREVIEW_DIVIDER = number("divider1", 0.62);

  /**
   * The notes' share of the room right of the navigator (the preview has the rest); NaN until kept,
   * then read from {@link #NAVIGATOR_DIVIDER} and {@link #PREVIEW_DIVIDER}.
   */
  public static final Key<Double> NOTES_SHARE = number("notesShare", Double.NaN);

  /** The split between the navigator and the outline under it. */
  public static final Key<Double> OUTLINE_DIVIDER = number("outlineDivider", 0.5);

  public static final Key<Boolean> OUTLINE_BULLETS = flag("outlineBullets", false);

  /** Whether the REPL pane was shown (docked or detached) when the window last closed. */
  public static final Key<Boolean> REPL_SHOWN = flag("repl.shown", false);

  /** Whether the open talk's details are shown whole (else folded to one line). */
  public static final Key<Boolean> DETAILS_EXPANDED = flag("detailsExpanded", true);

  public static final Key<Boolean> LINE_NUMBERS = flag("lineNumbers", false);
  public static final Key<Boolean> SOFT_WRAP = flag("wrap", true);
  public static final Key<Double> FONT_SIZE = number("fontSize", 14);

  /** The theme chosen: a {@code Theme.Choice} name. */
  public static final Key<String> THEME = text("theme", "SYSTEM");

  public static final Key<Double> PRESENTER_FONT_SIZE = number("presenter.fontSize", 24);

  /** Live share: the address to listen on ("" for this computer only). */
  public static final Key<String> SHARE_BIND = text("share.bind", "");

  /** Live share: whether viewers follow when another talk is opened. */
  public static final Key<Boolean> SHARE_FOLLOW_TALKS = flag("share.followTalks", true);

  /** Live share: whether the code run in the REPL is shown to viewers. */
  public static final Key<Boolean> SHARE_CODE = flag("share.code", true);

  /** Presenter mode types each snippet in at a readable pace (false: pastes it whole). */
  public static final Key<Boolean> PRESENTER_TYPING = flag("presenter.typeSnippets", true);

  /**
   * The REPL, and the notes' code blocks run in the window, may use the running Java's preview
   * features ({@code --enable-preview}).
   */
  public static final Key<Boolean> REPL_PREVIEW = flag("repl.enablePreview", false);

  /**
   * The notebooks the window opened, newest first, one absolute path a line ({@code
   * RecentNotebooks}).
   */
  public static final Key<String> RECENT_NOTEBOOKS = text("recentNotebooks", "");

  /** The talk last open in {@code notebook} (its id), -1 when none. */
  public static Key<Long> lastTalk(Path notebook) {
    return new Key<>(ofNotebook("lastTalk", notebook), -1L, Long::valueOf);
  }

  /**
   * The talk of {@code notebook} whose notes the window was showing and had not laid out yet; -1
   * once they were. Still set at a start, that talk held the window last time (a note it could not
   * lay out) and is not opened again.
   */
  public static Key<Long> openingTalk(Path notebook) {
    return new Key<>(ofNotebook("openingTalk", notebook), -1L, Long::valueOf);
  }

  /**
   * Where the caret, the selection and the scroll stood in the notes of the talk last open in
   * {@code notebook}: "talk id:anchor:caret:top paragraph" ({@code EditorView.Place}); empty when
   * none is known. Kept by earlier Talkbooks: the window now keeps every talk's place in a file of
   * its own ({@code TalkPlaces}), and takes this one over into it once.
   */
  public static Key<String> lastPlace(Path notebook) {
    return text(ofNotebook("lastPlace", notebook), "");
  }

  /**
   * The folder {@code notebook}'s site was last exported to; empty when never. One for each
   * notebook: a second notebook's export was offered the first one's folder, and replaced its site.
   */
  public static Key<String> siteFolder(Path notebook) {
    return text(ofNotebook("siteFolder", notebook), "");
  }

  /** The folder {@code notebook} was last exported to as Markdown; empty when never. */
  public static Key<String> markdownExportFolder(Path notebook) {
    return text(ofNotebook("markdownExportFolder", notebook), "");
  }

  /** The folder Markdown was last imported from into {@code notebook}; empty when never. */
  public static Key<String> markdownImportFolder(Path notebook) {
    return text(ofNotebook("markdownImportFolder", notebook), "");
  }

  /** The title {@code notebook}'s site was last exported with; empty for the default. */
  public static Key<String> siteTitle(Path notebook) {
    return text(ofNotebook("siteTitle", notebook), "");
  }

  /** The address {@code notebook}'s site was last exported for (its feed's); empty when none. */
  public static Key<String> siteUrl(Path notebook) {
    return text(ofNotebook("siteUrl", notebook), "");
  }

  /**
   * When the newest notes file the window told about for {@code notebook} was written (ms since the
   * epoch): notes kept in a file when the notebook could not take them as Talkbook closed ({@code
   * KeptNotes}). 0 when none was told about.
   */
  public static Key<Double> keptNotesSeen(Path notebook) {
    return number(ofNotebook("keptNotesSeen", notebook), 0);
  }

  /**
   * The navigator's folded events and days in {@code notebook} (its {@code Folds} text); empty when
   * everything is unfolded.
   */
  public static Key<String> navigatorFolds(Path notebook) {
    return text(ofNotebook("navigatorFolds", notebook), "");
  }

  /**
   * What the talks' detail fields held in {@code notebook} that the notebook could not take (a link
   * without its scheme, a time half typed) or did not have yet (typed just before a kill), each
   * with the stored text it was typed on ({@code ui.details.KeptFields}), kept for when the talk is
   * shown again; empty when none.
   */
  public static Key<String> detailsKept(Path notebook) {
    return text(ofNotebook("detailsKept", notebook), "");
  }

  /**
   * For a notebook written back beside its name as it closed ({@code NAME-written-back.talkbook}):
   * the path it had, while the window that next opens it has not yet said so; empty otherwise.
   */
  public static Key<String> writtenBackFrom(Path notebook) {
    return text(ofNotebook("writtenBackFrom", notebook), "");
  }

  /** {@code name} for the notebook at {@code notebook} alone: a hash of its absolute path. */
  private static String ofNotebook(String name, Path notebook) {
    String path = notebook.toAbsolutePath().normalize().toString();
    return name + "." + Integer.toHexString(path.hashCode());
  }

  // ----

  private final Path file;
  private final Properties values = new Properties();
  private final AtomicBoolean writeAsked = new AtomicBoolean();
  private volatile Executor writer;
  private final java.util.concurrent.atomic.AtomicInteger holds =
      new java.util.concurrent.atomic.AtomicInteger();

  private Settings(Path file) {
    this.file = file;
  }

  /**
   * The settings in {@code file} (none yet when it does not exist or cannot be read). A file edited
   * by hand in Latin-1, the properties format's own encoding, is read as such; one that still
   * cannot be read is copied beside it as {@code <name>.unreadable} before the first write replaces
   * it, so nothing in it is lost.
   */
  public static Settings load(Path file) {
    Settings settings = new Settings(file);
    if (Files.isRegularFile(file)) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        try {
          settings.values.load(
              new java.io.StringReader(
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .decode(java.nio.ByteBuffer.wrap(bytes))
                      .toString()));
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
          settings.values.clear();
          settings.values.load(new java.io.ByteArrayInputStream(bytes)); // ISO-8859-1
        }
      } catch (IOException | IllegalArgumentException e) {
        settings.values.clear();
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
          Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException notCopied) {
          e.addSuppressed(notCopied);
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "could not read the settings in " + file + " (kept as " + aside + "); using defaults",
            e);
      }
    } else if (Files.exists(file)) {
      LOG.log(System.Logger.Level.WARNING, "the settings file is not a file: " + file);
    }
    return settings;
  }

  /** The user's settings, taking over those of java.util.prefs the first time. */
  public static Settings forUser() {
    Path file =
        folder(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"))
            .resolve(FILE_NAME);
    boolean first = !Files.exists(file);
    Settings settings = load(file);
    if (first && settings.takeOverPreferences(java.util.prefs.Preferences.userRoot())) {
      settings.flush();
    }
    return settings;
  }

  /**
   * Talkbook's config folder: {@code $XDG_CONFIG_HOME/talkbook} (or {@code ~/.config/talkbook}) on
   * Linux, {@code ~/Library/Application Support/Talkbook} on macOS, {@code %APPDATA%\Talkbook} on
   * Windows.
   */
  public static Path folder(Map<String, String> env, String osName, String home) {
    return UserFolders.config(env, osName, home);
  }

  /** Where the settings are written. */
  public Path file() {
    return file;
  }

  public <T> T get(Key<T> key) {
    String text = values.getProperty(key.name());
    if (text == null) {
      return key.fallback();
    }
    try {
      return key.parse().apply(text);
    } catch (RuntimeException unreadable) {
      return key.fallback(); // edited by hand into something else: the default
    }
  }

  /** Whether {@code key} has a value of its own (not its default). */
  public boolean has(Key<?> key) {
    return values.getProperty(key.name()) != null;
  }

  public <T> void put(Key<T> key, T value) {
    Object before =
        value == null
            ? values.remove(key.name())
            : values.setProperty(key.name(), String.valueOf(value));
    if (!Objects.equals(before, value == null ? null : String.valueOf(value))) {
      askWrite();
    }
  }

  /** Asks {@link #writeChangesOn}'s executor for a write, unless one is already asked for. */
  private void askWrite() {
    Executor to = writer;
    if (to != null && writeAsked.compareAndSet(false, true)) {
      try {
        to.execute(
            () -> {
              writeAsked.set(false); // a change from now on asks for another write
              write(true);
            });
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        writeAsked.set(false); // the window is closing: it writes everything itself
      }
    }
  }

  /**
   * From now on each change is written out soon after, on {@code executor} (one write for a burst
   * of changes): a choice the user made (the theme, the font size, a site's folder) was kept only
   * when the window closed, and lost when the app was killed or the session ended.
   */
  public void writeChangesOn(Executor executor) {
    writer = executor;
  }

  /** A hold on the writes {@link #put} asks for ({@link #holdWrites}); closing it ends it. */
  public interface Hold extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Until the returned hold is closed, changes stay in memory and are not written out as they come:
   * for a state the window takes only for a while (presenter mode's zoom and folded details), which
   * a kill in the middle must not leave as the user's own. Closing writes them out; {@link #flush}
   * still writes at once.
   */
  public Hold holdWrites() {
    holds.incrementAndGet();
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true) && holds.decrementAndGet() == 0) {
        askWrite();
      }
    };
  }

  /** Writes the settings out; a failure here costs only remembered window state, and is logged. */
  public void flush() {
    write(false);
  }

  /**
   * Writes the settings out; {@code asked} (a write {@link #put} asked for) writes nothing while
   * writes are held, and leaves that to the hold's end.
   */
  private void write(boolean asked) {
    Map<String, String> sorted = new TreeMap<>();
    synchronized (values) { // the lock of every put: a hold begun is seen, or not yet changed
      if (asked && holds.get() > 0) {
        return; // the hold's end asks for a write
      }
      values.forEach((k, v) -> sorted.put((String) k, (String) v));
    }
    Properties out = new Properties();
    out.putAll(sorted);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      StringWriter text = new StringWriter();
      out.store(text, "Talkbook's window settings");
      AtomicFile.writeString(
          file, text.toString(), AtomicFile.Option.FORCE, AtomicFile.Option.OWNER_ONLY);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not save the window settings to " + file, e);
    }
  }

  /**
   * Copies what java.util.prefs kept for the window under {@code root}; true when there was
   * anything.
   */
  boolean takeOverPreferences(java.util.prefs.Preferences root) {
    try {
      if (!root.nodeExists("dev/talkbook/window")) {
        return false;
      }
      java.util.prefs.Preferences node = root.node("dev/talkbook/window");
      String[] keys = node.keys();
      for (String key : keys) {
        String value = node.get(key, null);
        if (value != null) {
          // "lastTalk:<hash>" there is "lastTalk.<hash>" here (a ':' would need escaping).
          values.setProperty(key.replace(':', '.'), value);
        }
      }
      return keys.length > 0;
    } catch (java.util.prefs.BackingStoreException | SecurityException e) {
      LOG.log(System.Logger.Level.DEBUG, "no earlier preferences to take over", e);
      return false;
    }
  }
}
