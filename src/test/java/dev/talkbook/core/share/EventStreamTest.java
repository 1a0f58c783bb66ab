package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbering, replay, caps and the end, without HTTP. */
class EventStreamTest {

  /** A viewer that keeps what it is sent. */
  static final class Recorder implements EventStream.Sink {
    final String address;
    final List<String> frames = new ArrayList<>();
    boolean closed;
    boolean aborted;
    final java.util.concurrent.atomic.AtomicInteger flushes =
        new java.util.concurrent.atomic.AtomicInteger();
    int capacity = Integer.MAX_VALUE;

    Recorder(String address) {
      this.address = address;
    }

    @Override
    public boolean enqueue(byte[] bytes) {
      if (frames.size() >= capacity) {
        return false;
      }
      frames.add(new String(bytes, StandardCharsets.UTF_8));
      return true;
    }

    @Override
    public void flush() {
      flushes.incrementAndGet();
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public void abort() {
      aborted = true;
    }

    @Override
    public String address() {
      return address;
    }

    List<String> events() {
      return frames.stream().filter(f -> f.startsWith("id:") || f.startsWith("event:")).toList();
    }
  }

  private final EventStream stream = new EventStream(3, 2, 4, 1 << 20);

  private long publish(String data) {
    return stream.publish("patch", data, () -> "whole after " + data);
  }

  @Test
  void eventsAreNumberedAndReachEveryViewerInOrder() {
    Recorder a = new Recorder("a");
    Recorder b = new Recorder("b");
    publish("zero");
    assertThat(stream.join(a, 1)).isEqualTo(EventStream.Join.JOINED);
    assertThat(stream.join(b, 1)).isEqualTo(EventStream.Join.JOINED);
    assertThat(publish("one")).isEqualTo(2);
    assertThat(publish("two")).isEqualTo(3);
    assertThat(a.events())
        .containsExactly(
            "id: 2\nevent: patch\ndata: one\n\n", "id: 3\nevent: patch\ndata: two\n\n");
    assertThat(b.events()).isEqualTo(a.events());
    assertThat(a.frames.get(0)).isEqualTo("retry: 2000\n\n");
  }

  @Test
  void aViewerThatComesBackGetsWhatItMissedFromTheLog() {
    for (int i = 1; i <= 4; i++) {
      publish("e" + i);
    }
    Recorder back = new Recorder("a");
    stream.join(back, 2);
    assertThat(back.events())
        .containsExactly("id: 3\nevent: patch\ndata: e3\n\n", "id: 4\nevent: patch\ndata: e4\n\n");
  }

  @Test
  void aViewerFurtherBehindThanTheLogGetsTheWholeStateOnce() {
    for (int i = 1; i <= 6; i++) {
      publish("e" + i); // the log keeps 4: e3..e6
    }
    Recorder old = new Recorder("a");
    stream.join(old, 1);
    assertThat(old.events()).containsExactly("id: 6\nevent: state\ndata: whole after e6\n\n");
    Recorder atEdge = new Recorder("b");
    stream.join(atEdge, 2);
    assertThat(atEdge.events()).hasSize(4).first().asString().startsWith("id: 3\n");
  }

  @Test
  void aNewViewerGetsTheStateAndAnUpToDateOneNothing() {
    publish("e1");
    Recorder fresh = new Recorder("a");
    stream.join(fresh, -1);
    assertThat(fresh.events()).containsExactly("id: 1\nevent: state\ndata: whole after e1\n\n");
    Recorder current = new Recorder("b");
    stream.join(current, 1);
    assertThat(current.events()).isEmpty();
  }

  @Test
  void theStateIsMadeOnlyWhenSomeoneNeedsItAndOncePerEvent() {
    int[] made = new int[1];
    stream.publish("patch", "x", () -> "state " + ++made[0]);
    assertThat(made[0]).isZero();
    stream.join(new Recorder("a"), -1);
    stream.join(new Recorder("b"), -1);
    assertThat(made[0]).isEqualTo(1);
  }

  @Test
  void capsOnViewersAndOnEachAddress() {
    assertThat(stream.join(new Recorder("a"), -1)).isEqualTo(EventStream.Join.JOINED);
    assertThat(stream.join(new Recorder("a"), -1)).isEqualTo(EventStream.Join.JOINED);
    assertThat(stream.join(new Recorder("a"), -1))
        .isEqualTo(EventStream.Join.TOO_MANY_FROM_ADDRESS);
    Recorder b = new Recorder("b");
    assertThat(stream.join(b, -1)).isEqualTo(EventStream.Join.JOINED);
    assertThat(stream.join(new Recorder("c"), -1)).isEqualTo(EventStream.Join.TOO_MANY_VIEWERS);
    stream.leave(b);
    assertThat(stream.join(new Recorder("c"), -1)).isEqualTo(EventStream.Join.JOINED);
    assertThat(stream.viewers()).isEqualTo(3);
  }

  @Test
  void theEndReachesEveryViewerAndClosesTheirStreamsAndNoOneJoinsAfter() {
    Recorder a = new Recorder("a");
    stream.join(a, -1);
    stream.end();
    assertThat(a.frames).last().isEqualTo("event: end\ndata: {}\n\n");
    assertThat(a.closed).isTrue();
    assertThat(stream.join(new Recorder("b"), -1)).isEqualTo(EventStream.Join.ENDED);
    long before = stream.lastId();
    assertThat(publish("late")).isEqualTo(before);
  }

  @Test
  void theViewerCountIsToldOnEveryChange() {
    List<Integer> counts = new ArrayList<>();
    stream.onViewers(counts::add);
    Recorder a = new Recorder("a");
    stream.join(a, -1);
    stream.join(new Recorder("b"), -1);
    stream.leave(a);
    stream.leave(a);
    assertThat(counts).containsExactly(1, 2, 1);
  }

  @Test
  void aLargeFanOutIsWrittenInPartsAndEveryViewerIsWrittenOnce() throws Exception {
    EventStream big = new EventStream(1000, 1000, 10, 1 << 20);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.atomic.AtomicInteger tasks =
        new java.util.concurrent.atomic.AtomicInteger();
    big.writeWith(
        r -> {
          tasks.incrementAndGet();
          pool.execute(r);
        });
    List<Recorder> viewers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Recorder r = new Recorder("a" + i);
      viewers.add(r);
      big.join(r, 0);
    }
    big.publish("patch", "x", () -> "state");
    pool.shutdown();
    assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // one flush on joining, one for the event
    assertThat(viewers).allSatisfy(v -> assertThat(v.flushes.get()).isEqualTo(2));
    assertThat(viewers).allSatisfy(v -> assertThat(v.events()).hasSize(1));
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(tasks.get()).isEqualTo(Math.min(cores, 300 / EventStream.SPLIT_AT) - 1);
  }

  @Test
  void aKeepAlivePingGoesOnlyToStreamsThatGotNoEventSinceTheLast() {
    EventStream stream = new EventStream(10, 10, 100, 1 << 20);
    Recorder viewer = new Recorder("a");
    stream.join(viewer, -1);
    stream.publish("patch", "{}", () -> "{}");
    stream.pingIfQuiet(); // an event went out since the last tick: no ping on top of it
    assertThat(viewer.frames).doesNotContain(":\n\n");
    stream.pingIfQuiet(); // a quiet interval: the stream is written all the same
    assertThat(viewer.frames).containsOnlyOnce(":\n\n");
    stream.pingIfQuiet();
    assertThat(viewer.frames.stream().filter(":\n\n"::equals)).hasSize(2);
  }
}
