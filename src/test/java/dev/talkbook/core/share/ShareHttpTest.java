package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The share's web server at the HTTP level: who gets in, what they get, and the event stream. */
@Timeout(60)
class ShareHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SHA_HELD = "a".repeat(64);
  private static final String SHA_OTHER = "b".repeat(64);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<SseClient> clients = new ArrayList<>();
  private ShareSession session;

  static SharedTalk talk(String notes) {
    return new SharedTalk(7, "JVM Evening", Talk.Details.titled("Live coding without fear"), notes);
  }

  /** Attachments: the talk holds SHA_HELD (a PNG) only; SHA_OTHER is in the notebook too. */
  static final TalkFiles FILES =
      new TalkFiles() {
        @Override
        public Set<String> held(long talkId) {
          return talkId == 7 ? Set.of(SHA_HELD) : Set.of();
        }

        @Override
        public Optional<File> file(String sha256) {
          if (sha256.equals(SHA_HELD)) {
            return Optional.of(new File("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
          }
          if (sha256.equals(SHA_OTHER)) {
            return Optional.of(new File("text/plain", "secret".getBytes(StandardCharsets.UTF_8)));
          }
          return Optional.empty();
        }
      };

  @BeforeEach
  void start() {
    session = start(ShareOptions.loopback());
  }

  ShareSession start(ShareOptions options) {
    return ShareSession.start(
        options,
        new MarkdownRenderer(),
        FILES,
        talk(
            "# Live coding without fear\n\nFirst paragraph.\n\n## Setup\n\nSecond.\n\n"
                + "![chart](attachment:"
                + SHA_HELD
                + "/chart.png)\n\n[other](attachment:"
                + SHA_OTHER
                + "/secret.txt)\n"));
  }

  @AfterEach
  void stop() {
    clients.forEach(SseClient::close);
    if (session != null) {
      session.stop();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(root().resolve(path)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI root() {
    URI url = session.url();
    return URI.create(url.getScheme() + "://" + url.getAuthority());
  }

  private String token() {
    String path = session.url().getPath();
    return path.substring(1, path.length() - 1);
  }

  private SseClient events(String lastEventId) {
    SseClient c = SseClient.open(http, session.url().resolve("events"), lastEventId);
    clients.add(c);
    return c;
  }

  /** The raw response of a request line sent as is (no client normalises the path). */
  private String raw(String target) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), session.url().getPort())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  // ---- who gets in ------------------------------------------------------------------------------

  @Test
  void theTokenHasNoLettersThatLookAlikeSoTheRoomCanTypeIt() {
    // 600 tokens of 13 letters: each of the 31 letters turns up, none of 0 O 1 I l o i
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      all.append(ShareServer.newToken());
    }
    assertThat(all.toString()).doesNotContainPattern("[0O1Iloi_A-Z-]");
    assertThat(all.chars().distinct().count()).isEqualTo(31);
  }

  @Test
  void theUrlCarriesARandomTokenOfAtLeast64Bits() {
    assertThat(token()).matches("[23456789abcdefghjkmnpqrstuvwxyz]{13}");
    assertThat(ShareServer.TOKEN_LENGTH * Math.log(31) / Math.log(2)).isGreaterThan(64);
    assertThat(ShareServer.newToken()).isNotEqualTo(ShareServer.newToken());
    assertThat(session.url().getHost()).isEqualTo("127.0.0.1");
    assertThat(session.reach()).startsWith("this computer only");
  }

  @Test
  void thePageIsServedUnderTheTokenWithTheSitesPolicy() throws Exception {
    HttpResponse<String> page = get(session.url().getPath());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Server")).isEmpty();
    assertThat(page.body())
        .contains("<h1>Live coding without fear</h1>", "First paragraph.", "JVM Evening")
        .contains("<h2 id=\"setup\">Setup")
        .contains("src=\"attachments/" + SHA_HELD + "\"")
        // a file the talk does not hold is not linked to
        .doesNotContain("attachments/" + SHA_OTHER);
    // the notes' own h1 repeats the title and is left out, as on the site
    assertThat(page.body().split("<h1>", -1)).hasSize(2);
  }

  @Test
  void withoutTheTrailingSlashTheTokenRedirectsToThePage() throws Exception {
    HttpResponse<String> r = get("/" + token());
    assertThat(r.statusCode()).isIn(301, 302, 303, 307, 308);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/" + token() + "/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/index.html",
        "/events",
        "/assets/share.js",
        "/favicon.ico",
        "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",
        "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/events"
      })
  void anythingWithoutTheTokenIs404WithAnEmptyBody(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void aTokenThatIsOneCharacterOffIs404() throws Exception {
    String t = token();
    String wrong = (t.charAt(0) == 'A' ? 'B' : 'A') + t.substring(1);
    assertThat(get("/" + wrong + "/").statusCode()).isEqualTo(404);
    assertThat(get("/" + t.substring(1) + "/").statusCode()).isEqualTo(404);
    assertThat(get("/" + t + "x/").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{t}/../{t}/",
        "{t}/%2e%2e/{t}/",
        "{t}/%2E%2E/%2E%2E/etc/passwd",
        "{t}/..%2f..%2fetc%2fpasswd",
        "{t}/assets/../assets/share.js",
        "{t}/assets/%2e%2e/assets/share.js",
        "{t}/assets/share.js%00",
        "{t}//assets/share.js",
        "{t}/assets//share.js",
        "/{t}/",
        "{t}/./",
        "{t}/%2e/",
        "{t}/attachments/../attachments/{held}",
        "{t}/attachments/{other}",
        "{t}/attachments/{held}/../../",
        "{t}/attachments/{held}.png",
        "{t}/assets/",
        "{t}/assets/site.css/",
        "{t}/ASSETS/share.js",
        "{t}/events/",
        "{t}/resources/dev/talkbook/core/share/page.html",
        "{t}/../../../../etc/passwd",
        "%2F{t}%2F",
        "{t}%2fevents",
        "{t}/%65vents"
      })
  void traversalAndNearMissesAre404(String pattern) throws Exception {
    String path =
        "/"
            + pattern
                .replace("{t}", token())
                .replace("{held}", SHA_HELD)
                .replace("{other}", SHA_OTHER);
    String response = raw(path);
    assertThat(response).startsWith("HTTP/1.1 404");
    assertThat(response).doesNotContainIgnoringCase("jetty").doesNotContain("<html");
    assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).isEmpty();
  }

  @Test
  void onlyGetAndHeadAreAnswered() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(session.url())
                  .method(method, HttpRequest.BodyPublishers.ofString("x"))
                  .build());
      assertThat(r.statusCode()).as(method).isEqualTo(404);
      assertThat(r.body()).as(method).isEmpty();
      // Its body unread, the connection is not kept: the client is told so, and asks anew.
      assertThat(r.headers().firstValue("connection")).as(method).hasValue("close");
    }
    HttpResponse<String> head =
        send(
            HttpRequest.newBuilder(session.url())
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void thePagesOwnAssetsAreServed() throws Exception {
    String base = session.url().getPath();
    assertThat(get(base + "assets/share.js").body()).contains("EventSource");
    assertThat(get(base + "assets/site.css").body()).contains("--tb-bg");
    assertThat(get(base + "assets/share.css").statusCode()).isEqualTo(200);
    assertThat(get(base + "assets/highlight.min.js").statusCode()).isEqualTo(200);
    assertThat(get(base + "assets/highlight-dark.css").statusCode()).isEqualTo(200);
    assertThat(get(base + "assets/favicon.svg").headers().firstValue("Content-Type"))
        .hasValue("image/svg+xml");
  }

  @Test
  void onlyTheTalksOwnAttachmentsAreServed() throws Exception {
    String base = session.url().getPath();
    HttpResponse<String> held = get(base + "attachments/" + SHA_HELD);
    assertThat(held.statusCode()).isEqualTo(200);
    assertThat(held.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(held.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox");
    HttpResponse<String> other = get(base + "attachments/" + SHA_OTHER);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).isEmpty();
  }

  // ---- the stream -------------------------------------------------------------------------------

  @Test
  void aViewerWhoJoinsGetsTheWholeTalkAtOnceThenEachChange() throws Exception {
    SseClient viewer = events(null);
    assertThat(viewer.status()).isEqualTo(200);
    assertThat(viewer.response().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    SseClient.Event state = viewer.next("state", WAIT);
    assertThat(state).isNotNull();
    assertThat(state.data()).contains("First paragraph.", "\"title\":\"Live coding without fear\"");
    session.show(
        talk(
            "# Live coding without fear\n\nFirst paragraph, longer.\n\n## Setup\n\nSecond.\n\n"
                + "![chart](attachment:"
                + SHA_HELD
                + "/chart.png)\n\n[other](attachment:"
                + SHA_OTHER
                + "/secret.txt)\n"));
    SseClient.Event patch = viewer.next("patch", WAIT);
    assertThat(patch).isNotNull();
    assertThat(patch.id()).isEqualTo(state.id() + 1);
    // only the changed paragraph travels
    assertThat(patch.data())
        .isEqualTo(
            "{\"at\":0,\"del\":1,\"ins\":[\"\\u003cp>First paragraph, longer.\\u003c/p>\\n\"],\"pos\":0}");
  }

  @Test
  void aViewerWhoComesBackWithLastEventIdGetsWhatItMissedInOrder() throws Exception {
    SseClient first = events(null);
    SseClient.Event state = first.next("state", WAIT);
    first.close();
    String notes = "# Live coding without fear\n\n";
    for (int i = 1; i <= 5; i++) {
      notes += "Line " + i + ".\n\n";
      session.show(talk(notes));
      session.settle();
    }
    SseClient back = events(Long.toString(state.id()));
    List<SseClient.Event> got = new ArrayList<>();
    for (SseClient.Event e; got.size() < 5 && (e = back.next(WAIT)) != null; ) {
      got.add(e);
    }
    assertThat(got).extracting(SseClient.Event::type).containsOnly("patch");
    assertThat(got)
        .extracting(SseClient.Event::id)
        .containsExactly(
            state.id() + 1, state.id() + 2, state.id() + 3, state.id() + 4, state.id() + 5);
    assertThat(got.get(4).data()).contains("Line 5.");
    // and no whole state: nothing was lost
    assertThat(back.next(Duration.ofMillis(300))).isNull();
  }

  @Test
  void aViewerTooFarBehindOrWithANonsenseIdGetsTheWholeState() throws Exception {
    SseClient.Event first = events(null).next("state", WAIT);
    for (int i = 0; i < 1100; i++) {
      session.show(talk("# T\n\nVersion " + i + "\n"));
      session.settle();
    }
    SseClient behind = events(Long.toString(first.id()));
    SseClient.Event e = behind.next(WAIT);
    assertThat(e.type()).isEqualTo("state");
    assertThat(e.data()).contains("Version 1099");
    assertThat(e.id()).isEqualTo(session.version());
    SseClient nonsense = events("12abc");
    assertThat(nonsense.next(WAIT).type()).isEqualTo("state");
    SseClient future = events("999999999");
    assertThat(future.next(WAIT).type()).isEqualTo("state");
  }

  @Test
  void aViewerUpToDateGetsNothingUntilTheNextChange() throws Exception {
    long now = session.version();
    SseClient viewer = events(Long.toString(now));
    assertThat(viewer.next(Duration.ofMillis(300))).isNull();
    session.show(talk("# Live coding without fear\n\nNew.\n"));
    assertThat(viewer.next(WAIT).id()).isEqualTo(now + 1);
  }

  @Test
  void theQueryParameterVCountsAsTheLastEventIdForThePagesFirstConnection() throws Exception {
    long now = session.version();
    session.show(talk("# Live coding without fear\n\nNew.\n"));
    session.settle();
    SseClient viewer = SseClient.open(http, session.url().resolve("events?v=" + now), null);
    clients.add(viewer);
    SseClient.Event e = viewer.next(WAIT);
    assertThat(e.type()).isEqualTo("patch");
    assertThat(e.id()).isEqualTo(now + 1);
  }

  @Test
  void thePresentersPlaceTravelsAsAPosition() throws Exception {
    SseClient viewer = events(Long.toString(session.version()));
    session.presenterAt(4); // "## Setup" is on line 4: the second block shown
    SseClient.Event e = viewer.next("position", WAIT);
    assertThat(e.data()).isEqualTo("{\"pos\":1}");
  }

  @Test
  void anotherTalkIsSentWhole() throws Exception {
    SseClient viewer = events(Long.toString(session.version()));
    session.show(
        new SharedTalk(8, "JVM Evening", Talk.Details.titled("SQLite everywhere"), "Hello"));
    SseClient.Event e = viewer.next(WAIT);
    assertThat(e.type()).isEqualTo("state");
    assertThat(e.data()).contains("SQLite everywhere", "Hello");
  }

  @Test
  void snippetsGoOutAsTheyRunAndFinish() throws Exception {
    SseClient viewer = events(Long.toString(session.version()));
    long id = session.liveCode().start("System.out.println(\"hi\")");
    session.liveCode().output(id, "hi\n");
    session.liveCode().finish(id, "hi\n", Snippet.Status.DONE);
    SseClient.Event last = null;
    for (SseClient.Event e; (e = viewer.next("snippet", Duration.ofSeconds(2))) != null; ) {
      last = e;
      if (e.data().contains("\"done\"")) {
        break;
      }
    }
    assertThat(last).isNotNull();
    assertThat(last.data())
        .contains("\"code\":\"System.out.println(\\\"hi\\\")\"", "\"out\":\"hi\\n\"", "\"done\"");
    // and late joiners see them in the page and in the state
    assertThat(get(session.url().getPath()).body()).contains("System.out.println(&quot;hi&quot;)");
    assertThat(events(null).next("state", WAIT).data()).contains("System.out.println");
  }

  // ---- caps and stop ----------------------------------------------------------------------------

  @Test
  void viewersBeyondTheCapAreTurnedAway() throws Exception {
    session.stop();
    // a viewer who leaves is noticed at the next keep-alive; make that soon
    session =
        start(ShareOptions.loopback().withMaxViewers(2).withKeepAlive(Duration.ofMillis(100)));
    SseClient a = events(null);
    SseClient b = events(null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(b.status()).isEqualTo(200);
    SseClient c = events(null);
    assertThat(c.status()).isEqualTo(503);
    assertThat(c.response().headers().firstValue("Retry-After")).isPresent();
    assertThat(session.viewers()).isEqualTo(2);
    a.close();
    waitFor(() -> session.viewers() == 1);
    assertThat(events(null).status()).isEqualTo(200);
  }

  @Test
  void oneAddressCannotHoldMoreThanItsShare() throws Exception {
    session.stop();
    session = start(ShareOptions.loopback().withMaxPerAddress(2));
    assertThat(events(null).status()).isEqualTo(200);
    assertThat(events(null).status()).isEqualTo(200);
    assertThat(events(null).status()).isEqualTo(429);
  }

  @Test
  void stopEndsEveryStreamWithinASecond() throws Exception {
    List<SseClient> viewers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SseClient v = events(null);
      v.next("state", WAIT);
      viewers.add(v);
    }
    waitFor(() -> session.viewers() == 20);
    long start = System.nanoTime();
    session.stop();
    long took = (System.nanoTime() - start) / 1_000_000;
    assertThat(took).isLessThan(1000);
    for (SseClient v : viewers) {
      SseClient.Event end = v.next("end", WAIT);
      assertThat(end).isNotNull();
    }
    for (SseClient v : viewers) {
      waitFor(v::ended);
    }
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("talkbook-share") && t.isAlive())
                .map(Thread::getName))
        .isEmpty();
    // the URL is dead now
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                IOException.class,
                () ->
                    http.send(
                        HttpRequest.newBuilder(session.url()).build(),
                        HttpResponse.BodyHandlers.ofString())))
        .isNotNull();
  }

  @Test
  void theViewerCountFollowsJoinsAndLeaves() throws Exception {
    session.stop();
    session = start(ShareOptions.loopback().withKeepAlive(Duration.ofMillis(100)));
    List<Integer> counts = new java.util.concurrent.CopyOnWriteArrayList<>();
    session.onViewers(counts::add);
    SseClient a = events(null);
    a.next("state", WAIT);
    waitFor(() -> session.viewers() == 1);
    a.close();
    // a viewer that left is noticed at the latest with the next keep-alive or change
    waitFor(() -> session.viewers() == 0);
    assertThat(counts).contains(1, 0);
  }

  @Test
  void viewersWhoCloseTheirConnectionsAreUncountedWithinEightSeconds() throws Exception {
    // A tester's 40 curl viewers, killed: the status said "41 viewers" 15 s later, since a
    // closed connection was noticed only when a keep-alive (every 10 s) failed to be written.
    session.stop();
    session = start(ShareOptions.loopback().withPerAddressCapForBind()); // as the window's
    int n = 40;
    List<Socket> viewers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), session.url().getPort());
        s.setSoTimeout(5000);
        s.getOutputStream()
            .write(
                ("GET " + session.url().getPath() + "events HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        viewers.add(s);
        readUntil(s.getInputStream(), "event: state");
      }
      waitFor(() -> session.viewers() == n);
    } finally {
      for (Socket s : viewers) {
        s.close();
      }
    }
    // two keep-alives (2 s) after the close, with room for a loaded machine; 10 s keep-alives
    // took 20 s
    waitFor(() -> session.viewers() == 0, Duration.ofSeconds(8));
  }

  /** Reads {@code in} until {@code marker} has come (the socket's timeout bounds the wait). */
  private static void readUntil(InputStream in, String marker) throws IOException {
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (seen.indexOf(marker) < 0) {
      int read = in.read(buffer);
      if (read < 0) {
        throw new IOException("the stream ended before " + marker + ": " + seen);
      }
      seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    waitFor(condition, WAIT);
  }

  static void waitFor(java.util.function.BooleanSupplier condition, Duration wait)
      throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met in " + wait);
      }
      Thread.sleep(10);
    }
  }
}
