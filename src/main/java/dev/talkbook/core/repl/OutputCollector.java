package dev.talkbook.core.repl;

import dev.talkbook.core.repl.ReplEvent.Output;
import dev.talkbook.core.repl.ReplEvent.Stream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects user code's output (arriving on JShell's reader thread) into batches: pending text is
 * handed out at most every {@link #BATCH_MS} ms and at the end of each snippet, and never more than
 * {@code cap} characters are held (the oldest are dropped and counted). It also keeps each
 * snippet's newest {@code cap} characters for its {@link SnippetResult}. What is dropped is cut
 * where a line starts (unless one line is longer than the cap), and its lines are counted too.
 */
final class OutputCollector {

  static final long BATCH_MS = 30;

  private final int cap;
  private final ScheduledExecutorService timer;
  private final Consumer<List<Output>> sink;

  private final List<Chunk> pending = new ArrayList<>();
  private long pendingChars;
  private long pendingDropped;
  private long pendingDroppedLines;
  private boolean flushScheduled;

  private long evaluation = -1;
  private final StringBuilder captured = new StringBuilder();
  private long capturedDropped;
  private long capturedDroppedLines;

  OutputCollector(int cap, ScheduledExecutorService timer, Consumer<List<Output>> sink) {
    this.cap = cap;
    this.timer = timer;
    this.sink = sink;
  }

  /** A print stream for JShell's builder that feeds {@code stream} (UTF-8, as the agent writes). */
  PrintStream printStream(Stream stream) {
    return new PrintStream(new Decoder(stream), true, StandardCharsets.UTF_8);
  }

  /** A snippet of {@code evaluation} begins: its captured output starts empty. */
  synchronized void begin(long evaluation) {
    flush();
    this.evaluation = evaluation;
    captured.setLength(0);
    capturedDropped = 0;
    capturedDroppedLines = 0;
  }

  /** The snippet ended: flushes and returns its captured output. */
  synchronized Captured end() {
    flush();
    if (captured.length() > cap) {
      dropCaptured(captured.length() - cap);
    }
    Captured result = new Captured(captured.toString(), capturedDropped, capturedDroppedLines);
    evaluation = -1;
    captured.setLength(0);
    capturedDropped = 0;
    capturedDroppedLines = 0;
    return result;
  }

  synchronized void append(Stream stream, String text) {
    if (text.isEmpty()) {
      return;
    }
    Chunk last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
    if (last != null && last.stream == stream) {
      last.text.append(text);
    } else {
      Chunk chunk = new Chunk(stream);
      chunk.text.append(text);
      pending.add(chunk);
    }
    pendingChars += text.length();
    while (pendingChars > cap) {
      Chunk first = pending.get(0);
      long excess = pendingChars - cap;
      if (first.text.length() <= excess) {
        pending.remove(0);
        pendingChars -= first.text.length();
        pendingDropped += first.text.length();
        pendingDroppedLines += KeptOutput.lineBreaks(first.text, 0, first.text.length());
      } else {
        int drop = lineEnd(first.text, (int) excess);
        pendingDroppedLines += KeptOutput.lineBreaks(first.text, 0, drop);
        first.text.delete(0, drop);
        pendingChars -= drop;
        pendingDropped += drop;
        if (first.text.length() == 0) {
          pending.remove(0);
        }
      }
    }
    captured.append(text);
    if (captured.length() > 2 * cap) {
      dropCaptured(captured.length() - cap);
    }
    if (!flushScheduled) {
      flushScheduled = true;
      timer.schedule(this::flush, BATCH_MS, TimeUnit.MILLISECONDS);
    }
  }

  synchronized void flush() {
    flushScheduled = false;
    if (pending.isEmpty()) {
      return;
    }
    List<Output> batch = new ArrayList<>(pending.size());
    long dropped = pendingDropped;
    long droppedLines = pendingDroppedLines;
    for (Chunk chunk : pending) {
      batch.add(new Output(evaluation, chunk.stream, chunk.text.toString(), dropped, droppedLines));
      dropped = 0;
      droppedLines = 0;
    }
    pending.clear();
    pendingChars = 0;
    pendingDropped = 0;
    pendingDroppedLines = 0;
    sink.accept(batch);
  }

  /** Drops at least {@code atLeast} of the oldest captured characters, up to a line's start. */
  private void dropCaptured(int atLeast) {
    int drop = lineEnd(captured, atLeast);
    capturedDroppedLines += KeptOutput.lineBreaks(captured, 0, drop);
    captured.delete(0, drop);
    capturedDropped += drop;
  }

  /**
   * How many characters to drop from the front of {@code text} to drop at least {@code atLeast} and
   * end where a line starts; {@code atLeast} when the line it falls in is longer than the cap (one
   * long line, ended or not: its newest characters are kept, not dropped with it).
   */
  private int lineEnd(CharSequence text, int atLeast) {
    if (atLeast <= 0 || text.charAt(atLeast - 1) == '\n') {
      return Math.max(0, atLeast);
    }
    int lineStart = atLeast - 1;
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    for (int i = atLeast; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        return i + 1 - lineStart > cap ? atLeast : i + 1;
      }
    }
    return atLeast;
  }

  /** A snippet's output, and what of it was dropped (characters, and line breaks among them). */
  record Captured(String text, long dropped, long droppedLines) {}

  private static final class Chunk {
    final Stream stream;
    final StringBuilder text = new StringBuilder();

    Chunk(Stream stream) {
      this.stream = stream;
    }
  }

  /** Bytes to characters, keeping a multi-byte character split across writes whole. */
  private final class Decoder extends OutputStream {
    private final Stream stream;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    Decoder(Stream stream) {
      this.stream = stream;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      while (len > 0) {
        int n = Math.min(len, bytes.remaining());
        bytes.put(b, off, n);
        off += n;
        len -= n;
        bytes.flip();
        decoder.decode(bytes, chars, false);
        bytes.compact();
        chars.flip();
        append(stream, chars.toString());
        chars.clear();
      }
    }
  }
}
