package dev.talkbook.core.share;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Server-Sent Events client over {@code java.net.http}, for tests and benchmarks: reads one
 * stream without a thread of its own and hands each event over as it is complete.
 */
public final class SseClient implements AutoCloseable {
  /** One event: its id (-1 when it had none), type and data. */
  public record Event(long id, String type, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> response;
  private final AtomicLong bytes = new AtomicLong();
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;

  private SseClient(
      HttpClient http, URI uri, String lastEventId, Consumer<Event> onEvent, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    this.response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher());
    Lines lines = new Lines(onEvent);
    response.thenAccept(r -> r.body().subscribe(lines));
  }

  /**
   * Opens the stream at {@code uri}; each event also goes to {@code onEvent} (on a client thread).
   */
  public static SseClient open(
      HttpClient http, URI uri, String lastEventId, Consumer<Event> onEvent) {
    return new SseClient(http, uri, lastEventId, onEvent, Duration.ofMinutes(10));
  }

  public static SseClient open(HttpClient http, URI uri, String lastEventId) {
    return open(http, uri, lastEventId, e -> {});
  }

  /** The response's status, once its headers are in. */
  public int status() throws Exception {
    return response.get(10, TimeUnit.SECONDS).statusCode();
  }

  /** The response, once its headers are in. */
  public HttpResponse<?> response() throws Exception {
    return response.get(10, TimeUnit.SECONDS);
  }

  /** The next event, waiting at most {@code timeout}; null when none came. */
  public Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event of this type, skipping others; null when none came in time. */
  public Event next(String type, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Event e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null || e.type().equals(type)) {
        return e;
      }
    }
  }

  /** Events received and not taken yet. */
  public List<Event> drain() {
    List<Event> list = new ArrayList<>();
    events.drainTo(list);
    return list;
  }

  /** Bytes of the stream read so far. */
  public long bytes() {
    return bytes.get();
  }

  /** Whether the stream has ended (the server closed it). */
  public boolean ended() {
    return subscriptionDone;
  }

  private volatile boolean subscriptionDone;

  @Override
  public void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    response.cancel(true);
  }

  /** Splits the body into lines (UTF-8, across buffer boundaries) and the lines into events. */
  private final class Lines implements Flow.Subscriber<List<ByteBuffer>> {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<Event> onEvent;
    private long id = -1;
    private String type = "message";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    Lines(Consumer<Event> onEvent) {
      this.onEvent = onEvent;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (closed) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        bytes.addAndGet(b.remaining());
        while (b.hasRemaining()) {
          byte c = b.get();
          if (c == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            onLine(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
          } else {
            line.write(c);
          }
        }
      }
    }

    private void onLine(String line) {
      if (line.isEmpty()) {
        if (hasData || !type.equals("message")) {
          Event e = new Event(id, type, data.toString());
          events.add(e);
          onEvent.accept(e);
        }
        type = "message";
        data.setLength(0);
        hasData = false;
        return;
      }
      if (line.startsWith(":")) {
        return;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value.isEmpty() ? -1 : Long.parseLong(value);
        case "event" -> type = value;
        case "data" -> {
          if (hasData) {
            data.append('\n');
          }
          data.append(value);
          hasData = true;
        }
        default -> {}
      }
    }

    @Override
    public void onError(Throwable t) {
      subscriptionDone = true;
    }

    @Override
    public void onComplete() {
      subscriptionDone = true;
    }
  }
}
