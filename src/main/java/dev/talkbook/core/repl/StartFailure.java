package dev.talkbook.core.repl;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Why the REPL's JVM could not start, in words a user can act on ({@link #message}), with what the
 * JVM said (or else the JDK) kept apart ({@link #detail}). The REPL talks to the JVM that runs the
 * code over connections within this computer (JDI's and its own, on the loopback address): where
 * those cannot be made (the loopback interface is down, a firewall blocks it) JDI only says "VM
 * initialization failed for: " and a command line.
 */
public record StartFailure(String message, String detail) {

  /** The window's advice at the end of a connection's failure: its REPL pane has Restart. */
  static final String THEN_RESTART = " Check those, then press Restart.";

  /** How every message about a JVM that would not start begins, but a connection's. */
  static final String NOT_STARTED = "The JVM for the REPL could not be started: ";

  /** What the JVM itself wrote before it ended, carried from the launch to {@link #of}. */
  static final class JvmEnded extends java.io.IOException {
    private final String jvmOutput;

    /** The JVM's exit code when it ended after JDI had launched it; null when not known. */
    private final Integer exitCode;

    JvmEnded(Throwable launchFailure, String jvmOutput) {
      this(launchFailure, jvmOutput, null);
    }

    JvmEnded(Throwable launchFailure, String jvmOutput, Integer exitCode) {
      super(messageOf(launchFailure), launchFailure);
      this.jvmOutput = jvmOutput;
      this.exitCode = exitCode;
    }
  }

  /** The failure explained: a connection on this computer that failed, or the JVM's own words. */
  public static StartFailure of(Throwable error) {
    String jvmOutput = "";
    Integer exitCode = null;
    boolean connection = false;
    for (Throwable c = error; c != null; c = c.getCause()) {
      if (c instanceof JvmEnded ended && jvmOutput.isEmpty() && exitCode == null) {
        jvmOutput = ended.jvmOutput.strip();
        exitCode = ended.exitCode;
      }
      connection |=
          c instanceof ConnectException
              || c instanceof NoRouteToHostException
              || c instanceof BindException
              || c instanceof SocketTimeoutException;
    }
    // The JDWP agent's words when the launched JVM cannot connect to JDI: "ERROR: transport error
    // 202: connect failed: Network is unreachable" (or "Connection refused").
    String jvmSays = jvmOutput.toLowerCase(Locale.ROOT);
    connection |= jvmSays.contains("transport error") || jvmSays.contains("connect failed");
    // The agent's own, when it cannot connect back: "java.net.ConnectException: Connection
    // refused" in the stack trace of its main.
    connection |=
        jvmSays.contains("java.net.connectexception")
            || jvmSays.contains("java.net.noroutetohostexception");
    String raw = messageOf(error);
    // The JVM's words where it said some; else JDI's (the log keeps the whole of both).
    String detail = jvmOutput.isEmpty() ? raw : jvmOutput;
    if (connection) {
      return new StartFailure(
          "The REPL could not connect to its Java process on this computer ("
              + InetAddress.getLoopbackAddress().getHostAddress()
              + "): the connection within this computer failed. The loopback network interface"
              + " may be down, or a firewall or security tool may block local connections."
              + THEN_RESTART,
          detail);
    }
    // The JVM's first line ("Unrecognized VM option 'Xyz'") says more than JDI's command line.
    String first = jvmOutput.lines().findFirst().orElse("");
    if (exitCode != null) {
      // It ended by itself before it connected: say so, and how, at once.
      return new StartFailure(
          NOT_STARTED
              + "it ended with exit code "
              + exitCode
              + " before it connected"
              + (first.isEmpty() ? "." : ": " + first),
          jvmOutput.isEmpty() ? raw : jvmOutput);
    }
    return new StartFailure(NOT_STARTED + (first.isEmpty() ? raw : first), detail);
  }

  /**
   * The message without the window's advice to press Restart, for the command line, where there is
   * no such button: the command is run again instead.
   */
  public String withoutRestart() {
    return message.endsWith(THEN_RESTART)
        ? message.substring(0, message.length() - THEN_RESTART.length()) + " Check those."
        : message;
  }

  /** The shortest whole statement a throwable makes: its message, else its class. */
  private static String messageOf(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
