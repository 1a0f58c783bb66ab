package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Downloads from a server in the test (loopback only): the schedule, or a clear message. */
class ScheduleFetcherTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/schedule.xml", ex -> send(ex, 200, Fixtures.bytes("frab-schedule.xml"), false));
    server.createContext(
        "/schedule.json.gz", ex -> send(ex, 200, Fixtures.bytes("pretalx-schedule.json"), true));
    server.createContext(
        "/page", ex -> send(ex, 200, "<html><body>hi</body></html>".getBytes(), false));
    server.createContext(
        "/html-fragment",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          send(ex, 200, "<div class=\"schedule\"><p>Day 1</p></div>".getBytes(), false);
        });
    server.createContext(
        "/json-as-html",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "Text/HTML");
          send(ex, 200, Fixtures.bytes("pretalx-schedule.json"), false);
        });
    server.createContext(
        "/xml-as-html",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          send(ex, 200, Fixtures.bytes("frab-schedule.xml"), false);
        });
    server.createContext("/gone", ex -> send(ex, 404, "no".getBytes(), false));
    server.createContext("/broken", ex -> send(ex, 503, "later".getBytes(), false));
    server.createContext("/private", ex -> send(ex, 403, "no".getBytes(), false));
    server.createContext(
        "/moved",
        ex -> {
          ex.getResponseHeaders().add("Location", base + "/schedule.xml");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, "late".getBytes(), false);
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private static void send(
      com.sun.net.httpserver.HttpExchange ex, int status, byte[] body, boolean gzip)
      throws IOException {
    byte[] bytes = body;
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body);
      }
      bytes = zipped.toByteArray();
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * For the answers that come: a limit a loaded machine does not reach (a 2-second one could be
   * reached by a local server's first answer at a load of 30, and the download "took too long").
   */
  private final ScheduleFetcher fetcher = new ScheduleFetcher(Duration.ofSeconds(30));

  /** For the server that does not answer (held for 20 s). */
  private final ScheduleFetcher impatient = new ScheduleFetcher(Duration.ofSeconds(2));

  @Test
  void downloadsWithProgressAndFollowsRedirects() {
    List<long[]> progress = new ArrayList<>();
    byte[] bytes =
        fetcher.fetch(base + "/moved", (got, total) -> progress.add(new long[] {got, total}));
    assertThat(bytes).isEqualTo(Fixtures.bytes("frab-schedule.xml"));
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(bytes.length);
    assertThat(new ScheduleReader().read(bytes, base).conference().title())
        .isEqualTo("Sommercamp 2026");
  }

  @Test
  void unpacksGzip() {
    byte[] bytes = fetcher.fetch(base + "/schedule.json.gz", ScheduleFetcher.Progress.NONE);
    assertThat(new ScheduleReader().read(bytes, base).format()).isEqualTo(ScheduleFormat.FRAB_JSON);
  }

  @Test
  void saysWhatWentWrong() {
    assertThatThrownBy(() -> fetcher.fetch(base + "/gone", ScheduleFetcher.Progress.NONE))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("There is no schedule at")
        .hasMessageContaining("404");
    assertThatThrownBy(() -> fetcher.fetch(base + "/broken", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("has a problem (503)");
    assertThatThrownBy(() -> fetcher.fetch(base + "/private", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("needs a login");
    assertThatThrownBy(() -> fetcher.fetch("ftp://example.org/x", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("http:// or https://");
    byte[] page = fetcher.fetch(base + "/page", ScheduleFetcher.Progress.NONE);
    assertThatThrownBy(() -> new ScheduleReader().read(page, base + "/page"))
        .hasMessageContaining("web page, not a schedule");
  }

  @Test
  void aServerThatSaysItSendsAWebPageIsSaidToSendOneUnlessItIsAProgrammeAfterAll() {
    assertThatThrownBy(() -> fetcher.fetch(base + "/html-fragment", ScheduleFetcher.Progress.NONE))
        .isInstanceOf(ScheduleException.class)
        .hasMessageStartingWith("This is a web page, not a schedule.");
    // Servers that label a programme text/html by mistake: it is still read.
    byte[] json = fetcher.fetch(base + "/json-as-html", ScheduleFetcher.Progress.NONE);
    assertThat(new ScheduleReader().read(json, base).format()).isEqualTo(ScheduleFormat.FRAB_JSON);
    byte[] xml = fetcher.fetch(base + "/xml-as-html", ScheduleFetcher.Progress.NONE);
    assertThat(new ScheduleReader().read(xml, base).conference().title())
        .isEqualTo("Sommercamp 2026");
  }

  @Test
  void anInternationalHostIsAskedForInItsAsciiFormAndNamedAsTyped() {
    List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext(
        "/jp/",
        ex -> {
          hosts.add(ex.getRequestHeaders().getFirst("Host"));
          send(ex, 200, Fixtures.bytes("frab-schedule.xml"), false);
        });
    // The test's server is the proxy: every host is served by it, no name is looked up.
    ScheduleFetcher viaServer =
        new ScheduleFetcher(
            Duration.ofSeconds(30),
            java.net.ProxySelector.of(
                new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), server.getAddress().getPort())));

    byte[] bytes = viaServer.fetch("http://例え.jp/jp/schedule.xml", ScheduleFetcher.Progress.NONE);
    assertThat(new ScheduleReader().read(bytes, "x").format()).isEqualTo(ScheduleFormat.FRAB_XML);
    assertThat(hosts).containsExactly("xn--r8jz45g.jp");
    // a failure names the address as it was typed, not its ASCII form
    assertThatThrownBy(() -> viaServer.fetch("http://例え.jp/gone", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("There is no schedule at http://例え.jp/gone (the server says 404");
    assertThatThrownBy(() -> viaServer.fetch("http://例え.jp/broken", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("The server of 例え.jp has a problem (503)");
  }

  @Test
  void aRefusedAddressSaysWhatIsWrongWithIt() {
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    "https://example.org/my schedule.json", ScheduleFetcher.Progress.NONE))
        .isInstanceOf(ScheduleException.class)
        .hasMessage(
            "\"https://example.org/my schedule.json\" is not a web address: it holds a space, which"
                + " an address cannot; write it as %20.");
    assertThatThrownBy(() -> fetcher.fetch("https://例え..jp/s.json", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("its host name is not one a web address can have");
    assertThatThrownBy(() -> fetcher.fetch("https://?x", ScheduleFetcher.Progress.NONE))
        .hasMessageContaining("it has no host name after https://");
  }

  @Test
  @Timeout(60)
  void noServerThereIsAClearMessage() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(
            () -> fetcher.fetch("http://127.0.0.1:" + closed + "/x", ScheduleFetcher.Progress.NONE))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("Are you online");
  }

  @Test
  @Timeout(30)
  void aServerThatDoesNotAnswerTimesOut() {
    assertThatThrownBy(() -> impatient.fetch(base + "/slow", ScheduleFetcher.Progress.NONE))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("took longer than 2 s");
  }

  @Test
  void titlesForProgrammesWithoutOne() {
    assertThat(ScheduleReader.titleFrom("devconf_2026.json")).isEqualTo("devconf 2026");
    assertThat(ScheduleReader.titleFrom("https://sessionize.com/api/v2/abc/view/All"))
        .isEqualTo("Schedule from sessionize.com");
  }
}
