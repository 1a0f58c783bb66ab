package dev.talkbook.core.repl.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code System.in} of the JVM that runs user code: a read with nothing buffered asks the app for
 * at most as many bytes as the reader wants ({@link Packets#STDIN_REQUEST}) and waits for the one
 * reply ({@link Packets#STDIN}).
 *
 * <p>Only one request is ever outstanding, and only a read that needs bytes sends one; the app is
 * never asked for input ahead of the code. (JDK 17's own pipe asks again when the first byte of a
 * reply arrives before the second, so the app would wait for a byte nobody wanted — and as the app
 * read it on the thread that also delivers the results of evaluations, the evaluation hung.) A
 * reader stopped while it waits leaves its request outstanding; the reply is kept for the next
 * read, so nothing typed is lost.
 */
final class RemoteInput extends InputStream {

  private final OutputStream requests;
  private byte[] buffer = new byte[0];
  private int position;
  private boolean requested;
  private boolean endOfInput;
  private String failure;
  private boolean cancelled;
  private boolean closed;
  private int waiting;

  /** {@code requests}: the {@link Packets#STDIN_REQUEST} channel to the app. */
  RemoteInput(OutputStream requests) {
    this.requests = requests;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    waiting++;
    try {
      while (position >= buffer.length) {
        if (endOfInput) {
          endOfInput = false;
          return -1;
        }
        if (cancelled) {
          cancelled = false;
          throw new InterruptedIOException("The input was cancelled");
        }
        if (failure != null) {
          String message = failure;
          failure = null;
          throw new IOException(message);
        }
        if (closed) {
          return -1;
        }
        if (!requested) {
          requested = true;
          requests.write(Math.min(len, Packets.MAX_REPLY));
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("Interrupted while waiting for input");
        }
      }
      int n = Math.min(len, buffer.length - position);
      System.arraycopy(buffer, position, b, off, n);
      position += n;
      return n;
    } finally {
      waiting--;
    }
  }

  @Override
  public synchronized int available() {
    return buffer.length - position;
  }

  /** The app's reply to the outstanding request. */
  synchronized void reply(byte[] packet) {
    requested = false;
    if (packet.length == 0) {
      return;
    }
    switch (packet[0]) {
      case Packets.DATA -> {
        byte[] rest = Arrays.copyOfRange(buffer, position, buffer.length);
        buffer = new byte[rest.length + packet.length - 1];
        System.arraycopy(rest, 0, buffer, 0, rest.length);
        System.arraycopy(packet, 1, buffer, rest.length, packet.length - 1);
        position = 0;
      }
      case Packets.END -> endOfInput = true;
      // Only a reader that waits now is cancelled (a stopped one is gone).
      case Packets.CANCELLED -> cancelled = waiting > 0;
      case Packets.FAILED ->
          failure =
              waiting > 0 ? new String(packet, 1, packet.length - 1, StandardCharsets.UTF_8) : null;
      default -> failure = waiting > 0 ? "Unknown input reply " + packet[0] : null;
    }
    notifyAll();
  }

  /** The connection ended: reads see end of input. */
  synchronized void closeInput() {
    closed = true;
    notifyAll();
  }
}
