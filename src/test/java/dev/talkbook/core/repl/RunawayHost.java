package dev.talkbook.core.repl;

/**
 * Not a test: the main of a JVM that plays the app for {@link ReplSessionCloseTest}. It starts a
 * session, runs an endless loop in it, says "running" on its standard output once the loop runs,
 * and then waits to be ended from outside (SIGTERM or SIGKILL), never closing the session.
 */
public final class RunawayHost {
  private RunawayHost() {}

  public static void main(String[] args) throws Exception {
    ReplSession session = ReplSession.start(ReplOptions.defaults().withoutInput());
    session.evaluate("1").get(); // the JVM that runs the code is up
    session.evaluate("while (true) {}");
    while (!session.isRunning()) {
      Thread.sleep(20);
    }
    System.out.println("running");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
