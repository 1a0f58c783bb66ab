package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotebookException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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
import picocli.CommandLine.TypeConversionException;

/** Reading and printing values on the command line. */
final class Values {
  static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
      return LocalDateTime.parse(s.strip().replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + s + "' is not a time like 2026-11-24T14:30");
    }
  }

  static String local(Instant instant) {
    return LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()));
  }

  /**
   * Reads notes from a file, or from standard input for "-", without a leading byte order mark.
   * Refuses text that is not UTF-8.
   */
  static String readNotes(Path file) {
    try {
      byte[] bytes =
          file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      // Editors that save "UTF-8 with BOM" (Notepad, Excel) put U+FEFF first; it is not text.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new NotebookException("There is no file " + file + " to read notes from.");
    } catch (CharacterCodingException e) {
      throw new NotebookException(
          file + " is not UTF-8 text; save it as UTF-8 and try again. Nothing was changed.");
    } catch (IOException e) {
      throw new NotebookException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The first non-blank line, shortened for a one-line listing. */
  static String firstLine(String text, int max) {
    String line =
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(empty)");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
