package dev.talkbook.core.common;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's diagnostic commands (what {@code jcmd PID COMMAND} sends), run in this JVM through the
 * platform's diagnostic command bean. The first use makes the platform MBean server (~0.1 s of
 * processor time in a cold JVM): callers run it off the threads that show things.
 */
public final class JvmCommands {
  private static final String BEAN = "com.sun.management:type=DiagnosticCommand";

  private JvmCommands() {}

  /**
   * Runs {@code operation} (the bean's name for a command: {@code systemTrimNativeHeap} for {@code
   * System.trim_native_heap}) with {@code arguments}; what it answered, or nothing when this JVM
   * has no such command (an older JVM, not HotSpot, no {@code jdk.management}) or it failed.
   */
  public static Optional<String> run(String operation, String... arguments) {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      ObjectName commands = new ObjectName(BEAN);
      if (!server.isRegistered(commands)) {
        return Optional.empty();
      }
      Object said =
          server.invoke(
              commands,
              operation,
              new Object[] {arguments},
              new String[] {String[].class.getName()});
      return Optional.of(String.valueOf(said));
    } catch (JMException | LinkageError | RuntimeException cannot) {
      return Optional.empty();
    }
  }
}
