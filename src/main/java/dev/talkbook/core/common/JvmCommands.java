package dev.talkbook.core.common;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's diagnostic commands (what {@code jcmd PID COMMAND} sends), run in this JVM through the
 * platform's diagnostic command bean, taken as the platform's {@link DynamicMBean} without the
 * platform MBean server ({@link #bean}); else through that server, whose first use costs a cold JVM
 * ~0.1 s of processor time (and the first log call of it a search of every jar of the class path
 * for a logging service): callers run it off the threads that show things.
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
    Object[] params = {arguments};
    String[] signature = {String[].class.getName()};
    try {
      Optional<DynamicMBean> bean = Bean.FOUND;
      if (bean.isPresent()) {
        return Optional.of(String.valueOf(bean.get().invoke(operation, params, signature)));
      }
      var server = ManagementFactory.getPlatformMBeanServer();
      ObjectName commands = new ObjectName(BEAN);
      if (!server.isRegistered(commands)) {
        return Optional.empty();
      }
      return Optional.of(String.valueOf(server.invoke(commands, operation, params, signature)));
    } catch (JMException | LinkageError | RuntimeException cannot) {
      return Optional.empty();
    }
  }

  /** The bean, looked up once (on the first command: HeapReturn runs one a minute). */
  private static final class Bean {
    static final Optional<DynamicMBean> FOUND = bean();
  }

  /**
   * The diagnostic command bean as {@link ManagementFactory#getPlatformMXBeans} gives it for {@link
   * DynamicMBean}, the interface the JDK registers it under (JDK 17 to 25): the bean alone, no
   * server made. Not a platform management interface in the API's types, hence the raw class; a JDK
   * that refuses it (or has no such bean) leaves the server's way.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Optional<DynamicMBean> bean() {
    try {
      for (Object bean : ManagementFactory.getPlatformMXBeans((Class) DynamicMBean.class)) {
        if (bean instanceof com.sun.management.DiagnosticCommandMBean commands) {
          return Optional.of(commands);
        }
      }
    } catch (LinkageError | RuntimeException refused) {
      // the server's way
    }
    return Optional.empty();
  }
}
