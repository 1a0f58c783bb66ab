package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.share.SseClient;
import dev.talkbook.core.store.Notebook;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code talkbook share}: the URL first, saved changes to viewers, beside a writer, stops cleanly.
 */
@Timeout(90)
class ShareCommandTest extends CliTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newHttpClient();

  /** A share command running on a thread of its own, with what it prints. */
  private final class Running implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Thread thread;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    Running(String... args) {
      CommandLine cl = TalkbookCommand.commandLine();
      cl.setColorScheme(Help.defaultColorScheme(Ansi.OFF));
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      String[] all = new String[args.length + 2];
      all[0] = "--notebook";
      all[1] = notebook().toString();
      System.arraycopy(args, 0, all, 2, args.length);
      thread = new Thread(() -> exit.complete(cl.execute(all)), "share-command-under-test");
      thread.start();
    }

    /** The first line of the output, once it is there. */
    URI url() throws Exception {
      long end = System.nanoTime() + WAIT.toNanos();
      while (!out.toString().contains("\n")) {
        if (exit.isDone() || System.nanoTime() > end) {
          throw new AssertionError("no URL; exit " + exit.getNow(null) + ", err: " + err);
        }
        Thread.sleep(10);
      }
      return URI.create(out.toString().lines().findFirst().orElseThrow());
    }

    /** Stops it as Ctrl+C would in the window's absence: interrupts it; returns its exit code. */
    int stop() throws Exception {
      thread.interrupt();
      return exit.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      if (!exit.isDone()) {
        thread.interrupt();
        exit.orTimeout(10, TimeUnit.SECONDS).join();
      }
    }
  }

  private long sampleTalk() {
    addSample();
    return peek(nb -> nb.talks().findByTitle("Live coding without fear").get(0).id());
  }

  @Test
  void printsTheUrlFirstAndServesTheTalk() throws Exception {
    long id = sampleTalk();
    try (Running share = new Running("share", "Live coding")) {
      URI url = share.url();
      assertThat(url.toString())
          .matches("http://127\\.0\\.0\\.1:\\d+/[23456789abcdefghjkmnpqrstuvwxyz]{13}/");
      HttpResponse<String> page =
          http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1>Live coding without fear</h1>", "Key points");
      assertThat(share.err.toString())
          .contains("Sharing \"Live coding without fear\" with this computer only (127.0.0.1)");
      assertThat(share.stop()).isZero();
      assertThat(share.err.toString()).contains("Sharing stopped.");
      assertThat(share.out.toString().lines()).hasSize(1);
    }
    assertThat(id).isPositive();
  }

  @Test
  void whatAnotherWriterSavesReachesViewersWithinASecondAndTheWriterKeepsItsLock()
      throws Exception {
    long id = sampleTalk();
    try (Notebook writer = Notebook.open(notebook());
        Running share = new Running("share", Long.toString(id))) {
      URI url = share.url();
      SseClient viewer = SseClient.open(http, url.resolve("events"), null);
      assertThat(viewer.next("state", WAIT)).isNotNull();
      Talk t = writer.talks().get(id);
      long saved = System.nanoTime();
      writer.talks().saveBody(id, t.body() + "\nSaved by the window.\n");
      SseClient.Event patch = viewer.next("patch", WAIT);
      long tookMs = (System.nanoTime() - saved) / 1_000_000;
      assertThat(patch.data()).contains("Saved by the window.");
      assertThat(tookMs).isLessThan(1000);
      // a changed title is a new header
      writer.talks().rename(id, "Live coding, fearless");
      assertThat(viewer.next("header", WAIT).data()).contains("Live coding, fearless");
      viewer.close();
      assertThat(share.stop()).isZero();
    }
    // the writer closed (checkpoint, journal back to one file) while the share had read beside it
    assertThat(notebook().resolveSibling(notebook().getFileName() + "-wal")).doesNotExist();
  }

  /**
   * Commands that each open the notebook, save and close it (WAL while open, one file once closed)
   * while the share runs: each save reaches the viewer, and each close still leaves one file, since
   * the share holds nothing open between its looks.
   */
  @Test
  void writersThatComeAndGoReachViewersAndEachStillLeavesOneFile() throws Exception {
    long id = sampleTalk();
    Path wal = notebook().resolveSibling(notebook().getFileName() + "-wal");
    Path shm = notebook().resolveSibling(notebook().getFileName() + "-shm");
    try (Running share = new Running("share", Long.toString(id))) {
      SseClient viewer = SseClient.open(http, share.url().resolve("events"), null);
      assertThat(viewer.next("state", WAIT)).isNotNull();
      for (int i = 1; i <= 3; i++) {
        try (Notebook writer = Notebook.open(notebook())) {
          writer.talks().saveBody(id, "Saved by command " + i + ".\n");
          assertThat(viewer.next("patch", WAIT).data()).contains("Saved by command " + i);
        }
        assertThat(wal).as("closed beside the running share").doesNotExist();
        assertThat(shm).doesNotExist();
      }
      viewer.close();
      assertThat(share.stop()).isZero();
      assertThat(share.err.toString()).doesNotContain("Still trying");
    }
  }

  @Test
  void aDeletedTalkEndsSharingWithASayingWhy() throws Exception {
    long id = sampleTalk();
    try (Running share = new Running("share", Long.toString(id))) {
      share.url();
      try (Notebook writer = Notebook.open(notebook())) {
        writer.talks().delete(id);
      }
      assertThat(share.exit.get(10, TimeUnit.SECONDS)).isEqualTo(TalkbookCommand.USER_ERROR);
      assertThat(share.err.toString()).contains("The talk was deleted from the notebook");
    }
  }

  @Test
  void mistakesAreRefusedWithAMessage() throws Exception {
    sampleTalk();
    assertErr(refused("share", "no such talk")).contains("No talk has \"no such talk\"");
    assertErr(refused("share", "Live coding", "--bind", "203.0.113.7"))
        .contains("203.0.113.7 is not an address of this computer");
    assertErr(refused("share", "Live coding", "--bind", "0.0.0.0")).contains("use network");
    assertErr(misused("share", "Live coding", "--port", "70000")).contains("--port");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertErr(refused("share", "Live coding", "--port", Integer.toString(taken.getLocalPort())))
          .contains("Port " + taken.getLocalPort() + " is in use by another program");
    }
    assertErr(misused("share", "Live coding", "--max-viewers", "0")).contains("at least 1");
  }

  @Test
  void aMissingNotebookIsNotCreated() {
    Result r = refused("share", "x");
    assertThat(r.err()).contains("there is no such file");
    assertThat(notebook()).doesNotExist();
  }

  @Test
  void inItsOwnProcessItStopsCleanlyOnSigtermBesideAWriterInAnother() throws Exception {
    long id = sampleTalk();
    try (Notebook writer = Notebook.open(notebook())) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.talkbook.Launcher",
                  "--notebook",
                  notebook().toString(),
                  "share",
                  Long.toString(id))
              .redirectError(dir.resolve("share-err.txt").toFile())
              .start();
      try {
        BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertThat(first)
            .as("first line")
            .matches("http://127\\.0\\.0\\.1:\\d+/[23456789abcdefghjkmnpqrstuvwxyz]{13}/");
        SseClient viewer = SseClient.open(http, URI.create(first).resolve("events"), null);
        assertThat(viewer.next("state", WAIT)).isNotNull();
        writer.talks().saveBody(id, "Saved while shared from another process.\n");
        assertThat(viewer.next("patch", WAIT).data()).contains("Saved while shared");
        long stop = System.nanoTime();
        p.destroy(); // SIGTERM, as Ctrl+C's SIGINT
        assertThat(viewer.next("end", WAIT)).as("the viewers are told").isNotNull();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat((System.nanoTime() - stop) / 1_000_000).isLessThan(5000);
        String err = Files.readString(dir.resolve("share-err.txt"));
        assertThat(err).contains("Sharing stopped.").doesNotContain("Exception");
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
