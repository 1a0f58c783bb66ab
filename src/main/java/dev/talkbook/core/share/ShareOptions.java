package dev.talkbook.core.share;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How to share.
 *
 * @param bind the address to listen on: the loopback address (this computer only) or one of the
 *     computer's network addresses ({@link NetworkAddresses})
 * @param port the port, or 0 for any free one
 * @param maxViewers how many viewers may follow at once; more are turned away (503)
 * @param maxPerAddress how many streams one address may hold at once; more are turned away (429)
 * @param keepAlive how often an idle stream gets a comment, which keeps it open through proxies and
 *     finds viewers who left: Jetty notices a closed connection only when a write to it fails, the
 *     second after the close, so a viewer who left is uncounted within about two of these ({@link
 *     #DEFAULT_KEEP_ALIVE}: within 4 s; at 10 s, the status counted them for 20 s)
 */
public record ShareOptions(
    InetAddress bind, int port, int maxViewers, int maxPerAddress, Duration keepAlive) {
  public static final int DEFAULT_MAX_VIEWERS = 1000;
  public static final int DEFAULT_MAX_PER_ADDRESS = 32;

  /**
   * The keep-alive interval: a comment of 3 bytes (10 with the chunk's framing) every 2 s to a
   * stream that got no event in them; none while the presenter types. Not every second: 500 idle
   * phones would wake their radios (battery) once a second to find a leaver a second sooner.
   */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(2);

  public ShareOptions {
    if (bind == null) {
      bind = InetAddress.getLoopbackAddress();
    }
    if (port < 0 || port > 65535) {
      throw new ShareException("The port must be between 0 (any free port) and 65535; got " + port);
    }
    if (maxViewers < 1 || maxPerAddress < 1) {
      throw new ShareException("The viewer caps must be at least 1.");
    }
    if (keepAlive == null || keepAlive.isNegative() || keepAlive.isZero()) {
      keepAlive = DEFAULT_KEEP_ALIVE;
    }
  }

  /** This computer only, any free port, the default caps. */
  public static ShareOptions loopback() {
    return new ShareOptions(
        InetAddress.getLoopbackAddress(),
        0,
        DEFAULT_MAX_VIEWERS,
        DEFAULT_MAX_PER_ADDRESS,
        DEFAULT_KEEP_ALIVE);
  }

  public ShareOptions withBind(InetAddress newBind) {
    return new ShareOptions(newBind, port, maxViewers, maxPerAddress, keepAlive);
  }

  public ShareOptions withPort(int newPort) {
    return new ShareOptions(bind, newPort, maxViewers, maxPerAddress, keepAlive);
  }

  public ShareOptions withMaxViewers(int newMax) {
    return new ShareOptions(bind, port, newMax, maxPerAddress, keepAlive);
  }

  public ShareOptions withMaxPerAddress(int newMax) {
    return new ShareOptions(bind, port, maxViewers, newMax, keepAlive);
  }

  /**
   * The per-address cap that suits the bind address: on the loopback address every viewer comes
   * from this computer (its browsers, or a local proxy or tunnel in front of the share), so one
   * address may hold as many streams as there may be viewers; on a network address, {@link
   * #DEFAULT_MAX_PER_ADDRESS}.
   */
  public ShareOptions withPerAddressCapForBind() {
    return withMaxPerAddress(
        bind.isLoopbackAddress() ? maxViewers : Math.min(maxViewers, DEFAULT_MAX_PER_ADDRESS));
  }

  public ShareOptions withKeepAlive(Duration newKeepAlive) {
    return new ShareOptions(bind, port, maxViewers, maxPerAddress, newKeepAlive);
  }
}
