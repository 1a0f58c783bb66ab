package dev.talkbook.cli;

import dev.talkbook.core.notebook.ControlCharacters;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the command line writes to a terminal, with every control character but tab and line breaks
 * shown as a visible stand-in ({@link ControlCharacters#visible}): notes or an old title holding
 * ESC, BEL or U+202E must not clear the screen, ring, retitle the window or turn text around. A
 * carriage return passes only before a line feed. Output into a pipe or file is not filtered:
 * {@code talkbook show TALK > notes.md} stays byte for byte.
 */
final class TerminalWriter extends FilterWriter {
  private boolean pendingReturn;

  TerminalWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (pendingReturn) {
      pendingReturn = false;
      out.write(c == '\n' ? "\r" : ControlCharacters.visible('\r'));
    }
    if (c == '\r') {
      pendingReturn = true;
    } else if (c == '\n' || c == '\t' || !ControlCharacters.isControl(c)) {
      out.write(c);
    } else {
      out.write(ControlCharacters.visible(c));
    }
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(chars[i]);
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (pendingReturn) {
      pendingReturn = false;
      out.write(ControlCharacters.visible('\r'));
    }
    out.close();
  }
}
