package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.repl.LibraryResolver.Artifact;
import dev.talkbook.core.repl.LibraryResolver.LibraryException;
import dev.talkbook.core.repl.LibraryResolver.Resolution;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** //DEPS resolution against a repository the test builds (no network). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibraryResolverTest {

  @TempDir Path dir;
  private TestRepository repo;
  private LibraryResolver resolver;

  static Libraries.Coordinate gav(String text) {
    return Libraries.Coordinate.parse(text);
  }

  @BeforeEach
  void publish() throws Exception {
    repo = new TestRepository(Files.createDirectories(dir.resolve("remote")));
    repo.publishAppAndGreeting();
    resolver = new LibraryResolver(options(repo.url()));
  }

  private LibraryResolver.Options options(String url) {
    return TestRepository.resolverOptions(dir.resolve("local"), url);
  }

  @AfterEach
  void close() {
    resolver.close();
  }

  @Test
  void aLibraryComesWithWhatItDependsOnAndIsCachedLocally() throws Exception {
    List<String> downloaded = new ArrayList<>();
    Resolution first =
        resolver.resolve(
            List.of(gav("demo:app:1.0")), List.of(), (name, bytes) -> downloaded.add(name));

    assertThat(first.artifacts())
        .extracting(Artifact::coordinates)
        .containsExactly("demo:app:1.0", "demo:greeting:1.0");
    assertThat(first.artifacts()).allMatch(a -> Files.isRegularFile(a.file()));
    assertThat(first.artifacts().get(0).file()).startsWith(dir.resolve("local"));
    assertThat(first.downloadedBytes()).isPositive();
    assertThat(downloaded).anyMatch(n -> n.endsWith("app-1.0.jar"));

    Resolution again = resolver.resolve(List.of(gav("demo:app:1.0")), List.of(), null);
    assertThat(again.downloadedBytes()).isZero();
    assertThat(again.artifacts()).isEqualTo(first.artifacts());
  }

  @Test
  void aLibraryInTheLocalRepositoryNeedsNoNetwork() throws Exception {
    resolver.resolve(List.of(gav("demo:app:1.0")), List.of(), null);
    // The same local repository, and a remote that cannot be reached.
    try (LibraryResolver offline = new LibraryResolver(options("http://127.0.0.1:1/"))) {
      Resolution r = offline.resolve(List.of(gav("demo:app:1.0")), List.of(), null);
      assertThat(r.artifacts()).hasSize(2);
      assertThat(r.downloadedBytes()).isZero();
    }
  }

  @Test
  void anUnknownLibraryIsAClearMessage() {
    assertThatThrownBy(() -> resolver.resolve(List.of(gav("demo:nothing:9.9")), List.of(), null))
        .isInstanceOf(LibraryException.class)
        .hasMessageStartingWith("demo:nothing:jar:9.9 was not found in test (")
        .hasMessageContaining("check the group, artifact and version");
  }

  @Test
  void noNetworkIsAClearMessage() throws Exception {
    try (LibraryResolver unreachable = new LibraryResolver(options("http://127.0.0.1:1/"))) {
      assertThatThrownBy(() -> unreachable.resolve(List.of(gav("demo:app:1.0")), List.of(), null))
          .isInstanceOf(LibraryException.class)
          .hasMessageStartingWith(
              "Could not reach test (http://127.0.0.1:1/) to fetch demo:app:1.0")
          .hasMessageContaining("Prepare for offline");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aRepositoryThatNeverAnswersIsGivenUpWithinTheLimits() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepted, never answered
                  }
                } catch (Exception e) {
                  // The test is over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/";
      var limits =
          options(url)
              .withLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
      try (LibraryResolver slow = new LibraryResolver(limits)) {
        assertThatThrownBy(() -> slow.resolve(List.of(gav("demo:app:1.0")), List.of(), null))
            .isInstanceOf(LibraryException.class)
            .hasMessageContaining("demo:app:1.0")
            .message()
            .containsAnyOf("Could not reach", "took longer than 4 s");
      }
    }
  }

  @Test
  void aLibrarysSourcesJarIsFound() throws Exception {
    assertThat(resolver.sources("demo:greeting:1.0"))
        .hasValueSatisfying(
            p -> assertThat(p.getFileName().toString()).isEqualTo("greeting-1.0-sources.jar"));
    assertThat(resolver.sources("demo:nothing:1.0")).isEmpty();
  }

  @Test
  void theUsersSettingsGiveTheLocalRepositoryAndAMirror() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home/.m2")).getParent();
    Files.writeString(
        home.resolve(".m2/settings.xml"),
        """
        <settings>
          <localRepository>${user.home}/cache/m2</localRepository>
          <offline>true</offline>
          <mirrors>
            <mirror><id>corp</id><mirrorOf>*</mirrorOf><url>https://repo.example.org/maven</url></mirror>
          </mirrors>
        </settings>
        """);

    LibraryResolver.Options o = LibraryResolver.Options.fromSettings(home);

    assertThat(o.localRepository()).isEqualTo(home.resolve("cache/m2"));
    assertThat(o.offline()).isTrue();
    assertThat(o.repositories())
        .containsExactly(new Libraries.Repository("corp", "https://repo.example.org/maven"));
    assertThat(LibraryResolver.Options.fromSettings(dir.resolve("nobody")).repositories())
        .containsExactly(new Libraries.Repository("central", Libraries.CENTRAL));
  }
}
