package dev.talkbook.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * A command's standard output that remembers why a write failed. {@link PrintWriter} (and {@code
 * System.out}) swallow the error, so {@code talkbook show 1 > notes.md} on a full disk would leave
 * a cut file and exit 0; {@link TalkbookCommand#execute} asks {@link #failure} after the command
 * and says so. A reader that stopped reading ({@code | head -1}: a broken pipe) is no failure: what
 * it wanted arrived.
 */
final class CommandOutput extends PrintWriter {
  private final Watched watched;
  private final boolean terminal;

  private CommandOutput(Writer writer, Watched watched, boolean terminal) {
    super(writer, true);
    this.watched = watched;
    this.terminal = terminal;
  }

  /**
   * A writer onto {@code stream} through {@code wrap} (the encoding, the terminal's filter and a
   * buffer), watching every write that reaches the stream.
   */
  static CommandOutput on(
      OutputStream stream, java.util.function.Function<OutputStream, Writer> wrap) {
    return on(stream, wrap, false);
  }

  /** As {@link #on(OutputStream, java.util.function.Function)}, saying whether it is a terminal. */
  static CommandOutput on(
      OutputStream stream,
      java.util.function.Function<OutputStream, Writer> wrap,
      boolean terminal) {
    Watched watched = new Watched(stream);
    return new CommandOutput(wrap.apply(watched), watched, terminal);
  }

  /**
   * Whether this writes to a terminal (a person reads it), not into a file or a pipe (where what is
   * written must be exactly what the notebook holds).
   */
  boolean terminal() {
    return terminal;
  }

  /**
   * Why the output could not be written, when it could not: empty when every write arrived, or when
   * the reader went away (a broken or closed pipe).
   */
  Optional<IOException> failure() {
    IOException e = watched.failure;
    return e == null || readerGone(e) ? Optional.empty() : Optional.of(e);
  }

  /**
   * Whether the write failed because the reader closed its end (EPIPE), as the system says it:
   * "Broken pipe" (Linux, macOS; older JDKs add " (Write failed)"), "The pipe is being closed" or
   * "The pipe has been ended" (Windows). Only these: any other failure that merely mentions a pipe
   * ("The pipe state is invalid", "All pipe instances are busy") lost output, and is said.
   */
  static boolean readerGone(IOException e) {
    String message = String.valueOf(e.getMessage()).strip().toLowerCase(Locale.ROOT);
    return READER_GONE.stream().anyMatch(message::startsWith);
  }

  /** EPIPE's messages, in lower case, each as a message starts. */
  private static final java.util.List<String> READER_GONE =
      java.util.List.of("broken pipe", "the pipe is being closed", "the pipe has been ended");

  /** The stream, keeping the first error a write or flush gave. */
  private static final class Watched extends FilterOutputStream {
    private IOException failure;

    Watched(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw kept(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw kept(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw kept(e);
      }
    }

    private IOException kept(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
