package dev.talkbook.bench.share;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many event-stream viewers read by one thread over non-blocking sockets: a light measuring
 * instrument, so that the figures are the server's rather than a heavyweight client's. Each viewer
 * sends the same GET as a browser's {@code EventSource}, then its bytes are scanned for the
 * keystroke markers ({@code #K\u003c} in the JSON) and the first {@code event: state}. Counts every
 * byte received (HTTP chunking included).
 */
final class RawViewers implements AutoCloseable {
  private static final byte[] STATE = "event: state".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AFTER = "\\u003c".getBytes(StandardCharsets.US_ASCII);

  /** One viewer's connection and what it has seen. */
  static final class Viewer {
    final SocketChannel channel;
    final AtomicLongArray arrived;
    volatile long bytes;
    boolean joined;
    // marker scanning state, carried across reads
    int phase; // 0: look for ' ', 1: saw ' ', 2: saw " #", 3: in digits, 4..: matching AFTER
    int number;
    int statePos;

    Viewer(SocketChannel channel, int maxMarker) {
      this.channel = channel;
      this.arrived = new AtomicLongArray(maxMarker + 1);
    }
  }

  final List<Viewer> viewers = new ArrayList<>();
  final AtomicInteger joined = new AtomicInteger();
  private final int maxMarker;
  private final Selector selector;
  private final Thread reader;
  private volatile boolean closed;
  private final java.util.concurrent.ConcurrentLinkedQueue<Viewer> toRegister =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  RawViewers(int maxMarker) throws IOException {
    this.maxMarker = maxMarker;
    this.selector = Selector.open();
    this.reader = new Thread(this::readAll, "bench-raw-viewers");
    reader.setDaemon(true);
    reader.start();
  }

  /** Adds viewers until there are {@code n}, in batches of 100, each joined. */
  void growTo(int n, URI url) throws Exception {
    while (viewers.size() < n) {
      int batch = Math.min(100, n - viewers.size());
      int target = joined.get() + batch;
      for (int i = 0; i < batch; i++) {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
        ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        String request =
            "GET "
                + url.getPath()
                + "events HTTP/1.1\r\nHost: "
                + url.getHost()
                + ":"
                + url.getPort()
                + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
          ch.write(out);
        }
        ch.configureBlocking(false);
        Viewer v = new Viewer(ch, maxMarker);
        viewers.add(v);
        toRegister.add(v);
      }
      selector.wakeup();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (joined.get() < target) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException(
              "only " + joined.get() + " of " + target + " viewers joined in 120 s");
        }
        Thread.sleep(20);
      }
    }
  }

  private void readAll() {
    ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
    byte[] bytes = new byte[buf.capacity()];
    try {
      while (!closed) {
        for (Viewer v; (v = toRegister.poll()) != null; ) {
          v.channel.register(selector, SelectionKey.OP_READ, v);
        }
        selector.select(100);
        long now = System.nanoTime();
        for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
          SelectionKey key = it.next();
          it.remove();
          Viewer v = (Viewer) key.attachment();
          buf.clear();
          int n;
          try {
            n = v.channel.read(buf);
          } catch (IOException e) {
            key.cancel();
            continue;
          }
          if (n < 0) {
            key.cancel();
            continue;
          }
          buf.flip();
          buf.get(bytes, 0, n);
          v.bytes += n;
          scan(v, bytes, n, now);
        }
      }
    } catch (IOException e) {
      if (!closed) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private void scan(Viewer v, byte[] b, int n, long now) {
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (!v.joined) {
        v.statePos = c == STATE[v.statePos] ? v.statePos + 1 : (c == STATE[0] ? 1 : 0);
        if (v.statePos == STATE.length) {
          v.joined = true;
          joined.incrementAndGet();
        }
      }
      switch (v.phase) {
        case 0 -> v.phase = c == ' ' ? 1 : 0;
        case 1 -> v.phase = c == '#' ? 2 : (c == ' ' ? 1 : 0);
        case 2 -> {
          if (c >= '0' && c <= '9') {
            v.number = c - '0';
            v.phase = 3;
          } else {
            v.phase = c == ' ' ? 1 : 0;
          }
        }
        case 3 -> {
          if (c >= '0' && c <= '9') {
            v.number = v.number * 10 + (c - '0');
          } else if (c == AFTER[0]) {
            v.phase = 5;
          } else {
            v.phase = c == ' ' ? 1 : 0;
          }
        }
        default -> {
          int at = v.phase - 4;
          if (c == AFTER[at]) {
            v.phase++;
            if (v.phase - 4 == AFTER.length) {
              if (v.number <= maxMarker) {
                v.arrived.compareAndSet(v.number, 0, now);
              }
              v.phase = 0;
            }
          } else {
            v.phase = c == ' ' ? 1 : 0;
          }
        }
      }
    }
  }

  long totalBytes() {
    long sum = 0;
    for (Viewer v : viewers) {
      sum += v.bytes;
    }
    return sum;
  }

  List<AtomicLongArray> arrivals() {
    List<AtomicLongArray> all = new ArrayList<>();
    for (Viewer v : viewers) {
      all.add(v.arrived);
    }
    return all;
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Viewer v : viewers) {
      try {
        v.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
