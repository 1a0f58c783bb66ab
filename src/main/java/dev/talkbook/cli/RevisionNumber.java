package dev.talkbook.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a REVISION argument: a whole number from 1 up, as {@code talkbook history} lists them. Any
 * other word ("abc", "-1", "0") is a usage mistake told while the arguments are read, before a
 * notebook is opened: so {@code restore -1} says the number is wrong even while a window holds the
 * notebook.
 */
final class RevisionNumber implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a revision number");
    }
    if (n < 1) {
      throw new TypeConversionException("'" + value + "' is not a revision number");
    }
    return n;
  }
}
