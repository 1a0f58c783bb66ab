package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Evaluation.Outcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** //DEPS in live code, against a repository the test builds (no network). */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReplLibrariesTest {

  @TempDir Path dir;
  private TestRepository repo;
  private ReplSession session;
  private final List<ReplEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    repo = new TestRepository(Files.createDirectories(dir.resolve("remote")));
    repo.publishAppAndGreeting();
    session = ReplSession.start(ReplOptions.defaults().withLibraries(libraries(repo.url())));
    session.addListener(events::add);
    session.ready().get(60, TimeUnit.SECONDS);
  }

  private LibraryResolver.Options libraries(String url) {
    return TestRepository.resolverOptions(dir.resolve("local"), url);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private Evaluation eval(String code) throws Exception {
    return session.evaluate(code).get(60, TimeUnit.SECONDS);
  }

  @Test
  void aDepsLineBringsTheLibraryAndWhatItNeedsOntoTheClassPath() throws Exception {
    Evaluation e = eval("//DEPS demo:app:1.0\ndemo.app.App.run()");

    assertThat(e.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(e.last().value()).isEqualTo("\"Hello, app\"");
    assertThat(events)
        .anySatisfy(
            ev ->
                assertThat(ev)
                    .isEqualTo(new ReplEvent.LibrariesResolving(e.id(), List.of("demo:app:1.0"))));
    ReplEvent.LibrariesAdded added =
        events.stream()
            .filter(ev -> ev instanceof ReplEvent.LibrariesAdded)
            .map(ev -> (ReplEvent.LibrariesAdded) ev)
            .findFirst()
            .orElseThrow();
    assertThat(added.jars()).containsExactly("app-1.0.jar", "greeting-1.0.jar");
    assertThat(added.downloadedBytes()).isPositive();
    assertThat(session.libraries())
        .singleElement()
        .satisfies(l -> assertThat(l.coordinates()).isEqualTo("demo:app:1.0"))
        .satisfies(l -> assertThat(l.jars()).hasSize(2));
    assertThat(session.definitions().get(60, TimeUnit.SECONDS))
        .contains(
            new Definition(
                Definition.Kind.LIBRARY, "demo:app:1.0", "app-1.0.jar, greeting-1.0.jar", ""));

    // A second //DEPS of the same library resolves nothing again.
    events.clear();
    assertThat(eval("//DEPS demo:app:1.0\ndemo.greeting.Greeting.hello(\"again\")").last().value())
        .isEqualTo("\"Hello, again\"");
    assertThat(events).noneMatch(ev -> ev instanceof ReplEvent.LibrariesResolving);
  }

  @Test
  void aLibrarysDocumentationComesFromItsSourcesJar() throws Exception {
    eval("//DEPS demo:greeting:1.0");
    String code = "demo.greeting.Greeting.hello(";

    List<String> docs = session.documentation(code, code.length(), true).get(60, TimeUnit.SECONDS);

    assertThat(docs)
        .anySatisfy(d -> assertThat(d).contains("hello").contains("Says hello to who, politely."));
  }

  @Test
  void anUnknownLibrarySaysSoAndRunsNothing() throws Exception {
    Evaluation e = eval("//DEPS demo:nothing:1.0\nSystem.out.println(\"ran\");");

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_RUN);
    assertThat(e.failed()).isTrue();
    assertThat(e.results()).isEmpty();
    assertThat(e.message())
        .contains("demo:nothing:jar:1.0 was not found in test (")
        .endsWith("Nothing was run.");
    assertThat(NoteCode.outputOf(e)).contains("was not found");
  }

  @Test
  void aLineThatIsNotACoordinateSaysWhatToWrite() throws Exception {
    Evaluation e = eval("//DEPS demo:app\n1 + 1");

    assertThat(e.outcome()).isEqualTo(Outcome.NOT_RUN);
    assertThat(e.message()).contains("write group:artifact:version");
  }

  @Test
  void aStopEndsAResolutionThatWaitsForTheNetwork() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> held = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (Exception e) {
                  // The test is over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      // Limits far longer than the test: only the stop can end the wait.
      session.close();
      session =
          ReplSession.start(
              ReplOptions.defaults()
                  .withLibraries(
                      libraries(repo.url())
                          .withLimits(
                              Duration.ofSeconds(60),
                              Duration.ofSeconds(60),
                              Duration.ofSeconds(120))));
      session.ready().get(60, TimeUnit.SECONDS);
      BlockingQueue<ReplEvent> resolving = new LinkedBlockingQueue<>();
      session.addListener(
          ev -> {
            if (ev instanceof ReplEvent.LibrariesResolving) {
              resolving.add(ev);
            }
          });
      var future =
          session.evaluate(
              "//REPOS slow=http://127.0.0.1:"
                  + silent.getLocalPort()
                  + "/\n//DEPS demo:late:1.0\n1");
      assertThat(resolving.poll(30, TimeUnit.SECONDS)).isNotNull();
      session.stop();
      Evaluation e = future.get(30, TimeUnit.SECONDS);
      assertThat(e.outcome()).isEqualTo(Outcome.STOPPED);
      assertThat(e.message()).startsWith("Stopped while resolving demo:late:1.0");
      assertThat(eval("2 + 2").last().value()).isEqualTo("4");
    }
  }

  @Test
  void preparingForOfflineFetchesEveryLibraryAndItsSources() throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    String notes = "//DEPS demo:app:1.0\n//DEPS demo:gone:1.0\n";

    List<ReplSession.Prepared> prepared =
        session
            .prepareLibraries(
                notes, (done, total, lib) -> progress.add(done + "/" + total + " " + lib))
            .get(60, TimeUnit.SECONDS);

    assertThat(prepared)
        .extracting(ReplSession.Prepared::library, ReplSession.Prepared::ready)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("demo:app:1.0", true),
            org.assertj.core.groups.Tuple.tuple("demo:gone:1.0", false));
    assertThat(prepared.get(1).message()).contains("was not found");
    assertThat(progress).containsExactly("0/2 demo:app:1.0", "1/2 demo:gone:1.0", "2/2 ");
    assertThat(dir.resolve("local/demo/greeting/1.0/greeting-1.0-sources.jar")).exists();
    // Nothing was put on the class path by preparing.
    assertThat(session.libraries()).isEmpty();
  }
}
