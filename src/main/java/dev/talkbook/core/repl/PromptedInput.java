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
  private byte[] buffer = new byte[0];
  private int position;
  private boolean endOfInput;
  private boolean waiting;
  private boolean cancelled;

  PromptedInput(Runnable onRequest) {
    this.onRequest = onRequest;
  }

  @Override
  public synchronized int read() throws InterruptedIOException {
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
    if (position >= buffer.length) {
      endOfInput = false;
      return -1;
    }
    return buffer[position++] & 0xFF;
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
