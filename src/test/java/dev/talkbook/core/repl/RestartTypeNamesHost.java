package dev.talkbook.core.repl;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the main of a JVM that {@link ReplOnPackagedJdkTest} starts with the packaged app's
 * Java (JDK 25 or newer), whose JShell shows a bug Java 17's does not: after a waiting declaration
 * (a sealed interface before the records it permits) is dropped, every later value's type is named
 * {@code java.lang.Object}. It runs ReplRestartTest's two restart scenarios that once led there,
 * prints one line per scenario ({@code ok …} or {@code FAILED …}) and ends with exit code 0 only
 * when both are ok.
 */
public final class RestartTypeNamesHost {
  /** A limit for a start, a restart or an evaluation on a loaded machine (nothing waits it out). */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private RestartTypeNamesHost() {}

  public static void main(String[] args) throws Exception {
    System.out.println("java " + Runtime.version());
    int failed = 0;
    failed += report("restored hierarchy", afterARestartThatRestoresASealedHierarchy());
    failed += report("stopped re-run", afterAReRunStoppedBeforeTheRecords());
    System.out.flush();
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Prints {@code ok NAME} or {@code FAILED NAME: WHY}; 1 when it failed. */
  private static int report(String name, String failure) {
    System.out.println(failure == null ? "ok " + name : "FAILED " + name + ": " + failure);
    return failure == null ? 0 : 1;
  }

  /** ReplRestartTest.afterSuchARestartAValueStillShowsItsType: null when it passes. */
  private static String afterARestartThatRestoresASealedHierarchy() throws Exception {
    BlockingQueue<ReplEvent.Restarted> restarts = new LinkedBlockingQueue<>();
    try (ReplSession session = started(restarts)) {
      eval(
          session,
          "sealed interface Shape permits Circle, Square {}\n"
              + "record Circle(double r) implements Shape {}\n"
              + "record Square(double s) implements Shape {}");
      session.restart().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (restarted == null) {
        return "no restart announced in " + WAIT.toSeconds() + " s";
      }
      // The type first: Java 17's JShell shows the lost hierarchy too (ReplRestartTest), not this.
      String type = typeOfAString(session);
      String lost =
          restarted.notReplayed().isEmpty() ? null : "not restored: " + restarted.notReplayed();
      return type == null ? lost : lost == null ? type : type + "; " + lost;
    }
  }

  /**
   * ReplRestartTest.aDefinitionLeftWaitingByAStoppedReRunIsKeptWaitingAndValuesKeepTheirTypes: the
   * re-run is stopped after the sealed interface ran again and before the records it waits for did.
   * Null when it passes.
   */
  private static String afterAReRunStoppedBeforeTheRecords() throws Exception {
    BlockingQueue<ReplEvent.Restarted> restarts = new LinkedBlockingQueue<>();
    Path flag = Files.createTempFile("talkbook-spin", ".flag");
    Files.delete(flag);
    // spin() says so on this socket and spins, once the flag is there (only when the definitions
    // run again); accept() waits for that, with a limit.
    try (ServerSocket spinning = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ReplSession session = started(restarts)) {
      spinning.setSoTimeout((int) WAIT.toMillis());
      eval(
          session,
          "int spin() { if (Files.exists(Path.of(\""
              + flag.toString().replace("\\", "\\\\")
              + "\"))) { try (var s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), "
              + spinning.getLocalPort()
              + ")) { s.getOutputStream().write(1); } catch (IOException e) {} while (true) {} }"
              + " return 1; }");
      eval(
          session,
          "sealed interface Shape permits Circle, Square {}\n"
              + "int spun = spin();\n"
              + "record Circle(double r) implements Shape {}\n"
              + "record Square(double s) implements Shape {}");
      Files.createFile(flag);
      var restart = session.restart();
      spinning.accept().close();
      session.stop();
      restart.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (restarted == null) {
        return "no restart announced in " + WAIT.toSeconds() + " s";
      }
      List<ReplEvent.Rerun> shape =
          restarted.reruns().stream()
              .filter(r -> r.source().startsWith("sealed interface Shape"))
              .toList();
      if (shape.size() != 1 || shape.get(0).restored()) {
        return "the sealed interface was not left waiting by the stopped re-run: " + shape;
      }
      return typeOfAString(session);
    } finally {
      Files.deleteIfExists(flag);
    }
  }

  /** Null when {@code "abc".substring(1)} shows its type as String, else what it showed. */
  private static String typeOfAString(ReplSession session) throws Exception {
    SnippetResult r = eval(session, "\"abc\".substring(1)").last();
    return "String".equals(r.type())
        ? null
        : "\"abc\".substring(1) gave " + r.value() + " (" + r.type() + "), not (String)";
  }

  private static ReplSession started(BlockingQueue<ReplEvent.Restarted> restarts) throws Exception {
    ReplSession session = ReplSession.start(ReplOptions.defaults());
    session.addListener(
        e -> {
          if (e instanceof ReplEvent.Restarted r) {
            restarts.add(r);
          }
        });
    session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return session;
  }

  private static Evaluation eval(ReplSession session, String code) throws Exception {
    return session.evaluate(code).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
