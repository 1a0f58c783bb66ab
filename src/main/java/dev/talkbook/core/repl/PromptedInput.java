package dev.talkbook.core.repl;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * User code's {@code System.in}: when it wants a byte and none is buffered, {@code onRequest} runs
 * once (the UI shows a prompt) and the read waits for {@link #supply} or {@link #endOfInput}. A
 * stop cancels the wait ({@link #cancel}) so nothing hangs.
 */
final class PromptedInput extends InputStream {

  private final Runnable onRequest;
  private final boolean closed;
  private byte[] buffer = new byte[0];
  private int position;
  private boolean endOfInput;
  private boolean waiting;
  private boolean cancelled;

  /** While definitions run again: every read sees the end of input, nobody is asked. */
  private boolean withoutInput;

  /** Whether code read while {@link #withoutInput} held, since {@link #readWithoutInput()}. */
  private boolean readWithout;

  PromptedInput(Runnable onRequest) {
    this(onRequest, false);
  }

  /** {@code closed}: every read sees the end of input at once and nothing is asked for. */
  PromptedInput(Runnable onRequest, boolean closed) {
    this.onRequest = onRequest;
    this.closed = closed;
  }

  @Override
  public synchronized int read() throws InterruptedIOException {
    awaitInput();
    if (position >= buffer.length) {
      endOfInput = false;
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  /** Waits for the first byte only, then takes what is buffered (at most {@code len}). */
  @Override
  public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    awaitInput();
    if (position >= buffer.length) {
      endOfInput = false;
      return -1;
    }
    int n = Math.min(len, buffer.length - position);
    System.arraycopy(buffer, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public synchronized int available() {
    return buffer.length - position;
  }

  private void awaitInput() throws InterruptedIOException {
    if (withoutInput) {
      readWithout = true;
      position = buffer.length;
      endOfInput = true;
      return;
    }
    if (closed && position >= buffer.length) {
      endOfInput = true;
      return;
    }
    while (position >= buffer.length && !endOfInput) {
      if (cancelled) {
        cancelled = false;
        waiting = false;
        throw new InterruptedIOException("The input was cancelled");
      }
      if (!waiting) {
        waiting = true;
        onRequest.run();
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for input");
      }
    }
    waiting = false;
  }

  /** Adds text for user code to read. */
  synchronized void supply(String text) {
    byte[] add = text.getBytes(StandardCharsets.UTF_8);
    byte[] rest = new byte[buffer.length - position + add.length];
    System.arraycopy(buffer, position, rest, 0, buffer.length - position);
    System.arraycopy(add, 0, rest, buffer.length - position, add.length);
    buffer = rest;
    position = 0;
    notifyAll();
  }

  /** The next read after the buffered text returns end of input. */
  synchronized void endOfInput() {
    endOfInput = true;
    notifyAll();
  }

  /**
   * From now on until turned off, user code reading gets the end of input at once, without a prompt
   * (and text typed ahead is dropped): definitions run again after a restart are not the user's
   * code running now, and no one is there to answer them. Turning it on ends a read that waits.
   */
  synchronized void withoutInput(boolean on) {
    withoutInput = on;
    readWithout = false;
    buffer = new byte[0];
    position = 0;
    endOfInput = false;
    if (on && waiting) {
      cancelled = true;
      notifyAll();
    }
  }

  /** Whether code read since the last call while reads got no input; forgets it. */
  synchronized boolean readWithoutInput() {
    boolean read = readWithout;
    readWithout = false;
    return read;
  }

  /** Whether user code is waiting for input now. */
  synchronized boolean isWaiting() {
    return waiting;
  }

  /** Cancels a waiting read; drops text nobody read. */
  synchronized void cancel() {
    buffer = new byte[0];
    position = 0;
    if (waiting) {
      cancelled = true;
      notifyAll();
    }
  }
}
