package dev.talkbook.cli;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.TalkStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/** Reading and printing values on the command line. */
final class Values {

  /** What the JVM makes of an argument's bytes that are not text in the system's encoding. */
  static final char UNREADABLE = '\uFFFD';

  /** The encoding the JVM read the command line's arguments in (the terminal's, from LANG). */
  static String argumentEncoding() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding")).displayName();
    } catch (IllegalArgumentException | NullPointerException e) {
      return Charset.defaultCharset().displayName();
    }
  }

  /**
   * {@code args} with each argument the JVM could not read (its bytes not text in the terminal's
   * encoding: every non-ASCII byte of UTF-8 text in a C or POSIX locale, LANG unset, as in a
   * container or cron) read again from the process's own command line as UTF-8, where its bytes are
   * UTF-8 (Linux's {@code /proc/self/cmdline}); the others, and all where that cannot be read, as
   * they are.
   */
  static String[] readableArguments(String[] args) {
    if (Arrays.stream(args).noneMatch(a -> a.indexOf(UNREADABLE) >= 0)) {
      return args;
    }
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
      return readableArguments(
          args, cmdline, Charset.forName(System.getProperty("sun.jnu.encoding")));
    } catch (IOException | RuntimeException e) {
      return args; // not Linux, or no /proc: the arguments as the JVM read them
    }
  }

  /**
   * {@code args} as the JVM read them in {@code read}, with the unreadable ones taken from the last
   * {@code args.length} of the NUL-separated {@code cmdline} where that argument's bytes are UTF-8
   * and read in {@code read} give exactly what the JVM gave (so it is the same argument).
   */
  static String[] readableArguments(String[] args, byte[] cmdline, Charset read) {
    List<byte[]> raw = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        raw.add(Arrays.copyOfRange(cmdline, start, i));
        start = i + 1;
      }
    }
    if (start < cmdline.length) {
      raw.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
    }
    if (raw.size() < args.length) {
      return args;
    }
    String[] out = args.clone();
    int offset = raw.size() - args.length;
    for (int i = 0; i < args.length; i++) {
      byte[] bytes = raw.get(offset + i);
      if (args[i].indexOf(UNREADABLE) < 0 || !new String(bytes, read).equals(args[i])) {
        continue;
      }
      try {
        out[i] =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        // not UTF-8 either: left as read, and refused where it would be stored
      }
    }
    return out;
  }

  static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final DateTimeFormatter LOCAL_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Values() {}

  static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + s + "' is not a date like 2026-11-24");
    }
  }

  static LocalDateTime dateTime(String s) {
    try {
      return DateTimeText.parse(s);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + s + "' is not a time like 2026-11-24T14:30");
    }
  }

  static String local(Instant instant) {
    return LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()));
  }

  /** {@link #local} with the seconds. */
  static String localWithSeconds(Instant instant) {
    return LOCAL_SECONDS.format(instant.atZone(ZoneId.systemDefault()));
  }

  /**
   * Reads notes from a file, or from standard input for "-", without a leading byte order mark.
   * Refuses text that is not UTF-8, and stops reading as soon as the text is longer than a talk's
   * notes may be ({@link TalkStore#MAX_BODY_CHARS}): {@code /dev/zero} or a huge file is refused
   * with a message, not read into memory.
   */
  static String readNotes(Path file) {
    boolean stdin = file.toString().equals("-");
    String name = stdin ? "standard input" : file.toString();
    try (InputStream in = stdin ? unclosable(System.in) : Files.newInputStream(file);
        Reader reader =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[64 * 1024];
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        text.append(buffer, 0, n);
        if (text.length() > TalkStore.MAX_BODY_CHARS + 1) {
          throw new NotebookException(
              "The notes in "
                  + name
                  + " are longer than "
                  + TalkStore.MAX_BODY_CHARS / 1_000_000
                  + " million characters, the most a talk's notes can hold. Split them across"
                  + " talks. Nothing was changed.");
        }
      }
      // Editors that save "UTF-8 with BOM" (Notepad, Excel) put U+FEFF first; it is not text.
      if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
        text.deleteCharAt(0);
      }
      return text.toString();
    } catch (NoSuchFileException e) {
      throw new NotebookException("There is no file " + file + " to read notes from.");
    } catch (CharacterCodingException e) {
      throw new NotebookException(
          name + " is not UTF-8 text; save it as UTF-8 and try again. Nothing was changed.");
    } catch (IOException e) {
      throw new NotebookException(
          "Cannot read " + name + " (" + e.getMessage() + "). Nothing was changed.", e);
    }
  }

  /** Standard input, left open when the reader over it is closed. */
  private static InputStream unclosable(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // standard input belongs to the process
      }
    };
  }

  /**
   * The title a command to add was given, as its {@code TITLE} parameter or its {@code --title}
   * (either, or both alike); wrong usage when it has none or two different ones.
   *
   * @param what "A talk" or "An event", for the message
   * @param example how to give one, for the message
   */
  static String title(
      picocli.CommandLine.Model.CommandSpec spec,
      String parameter,
      String option,
      String what,
      String example) {
    if (parameter != null && option != null && !parameter.equals(option)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Two titles: \"" + parameter + "\" and --title \"" + option + "\". Give one.");
    }
    String title = parameter != null ? parameter : option;
    if (title == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), what + " needs a title: " + example + ".");
    }
    return title;
  }

  /** The first non-blank line, shortened for a one-line listing. */
  static String firstLine(String text, int max) {
    String line =
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(empty)");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
