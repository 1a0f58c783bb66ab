package dev.talkbook.core.notebook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one rule for a talk's links: an absolute http or https address with a host. */
public final class WebAddress {
  private WebAddress() {}

  /**
   * Whether {@code address} is one; {@code javascript:}, {@code file:}, relative paths and typos
   * are not.
   */
  public static boolean valid(String address) {
    try {
      URI uri = new URI(address);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
