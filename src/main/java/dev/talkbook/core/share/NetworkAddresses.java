package dev.talkbook.core.share;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The addresses a share can listen on: this computer only (the loopback address), or one of the
 * computer's addresses on a network, which anyone on that network can reach.
 */
public final class NetworkAddresses {
  private NetworkAddresses() {}

  /** An address to offer, with what it means for the user. */
  public record Choice(InetAddress address, String interfaceName) {
    public boolean loopback() {
      return address.isLoopbackAddress();
    }

    /** "this computer only (127.0.0.1)" or "the network, as 192.168.1.20 (wlan0)". */
    public String describe() {
      return loopback()
          ? "this computer only (" + host(address) + ")"
          : "the network, as "
              + host(address)
              + (interfaceName.isEmpty() ? "" : " (" + interfaceName + ")");
    }
  }

  /** The loopback address first, then each network address of the interfaces that are up. */
  public static List<Choice> choices() {
    List<Choice> choices = new ArrayList<>();
    choices.add(new Choice(InetAddress.getLoopbackAddress(), "lo"));
    List<Choice> v6 = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp() || ni.isLoopback() || ni.isPointToPoint()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
            continue;
          }
          if (a instanceof Inet4Address) {
            choices.add(new Choice(a, ni.getName()));
          } else if (a instanceof Inet6Address) {
            v6.add(new Choice(a, ni.getName()));
          }
        }
      }
    } catch (SocketException e) {
      // No interfaces to list: this computer only.
      System.getLogger(NetworkAddresses.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot list the network interfaces", e);
    }
    choices.addAll(v6);
    return choices;
  }

  /** The first network address, if the computer is on a network. */
  public static Optional<Choice> network() {
    return choices().stream().filter(c -> !c.loopback()).findFirst();
  }

  /**
   * What the user typed for {@code --bind}: {@code localhost} (or {@code loopback}), {@code
   * network}, or an address of this computer.
   */
  public static InetAddress parse(String text) {
    String t = text == null ? "" : text.strip();
    switch (t.toLowerCase(Locale.ROOT)) {
      case "", "localhost", "loopback", "local" -> {
        return InetAddress.getLoopbackAddress();
      }
      case "network", "lan" -> {
        return network()
            .map(Choice::address)
            .orElseThrow(
                () ->
                    new ShareException(
                        "This computer is on no network, so only it could follow; use --bind"
                            + " localhost, or join a network first."));
      }
      default -> {
        InetAddress a;
        try {
          a = InetAddress.getByName(t);
        } catch (UnknownHostException e) {
          throw new ShareException(
              "\"" + t + "\" is not an address; use localhost, network, or one of " + list(), e);
        }
        if (a.isAnyLocalAddress()) {
          throw new ShareException(
              "Sharing listens on one address so that it can tell you the viewers' URL; use"
                  + " network, or one of "
                  + list());
        }
        if (!a.isLoopbackAddress() && !isLocal(a)) {
          throw new ShareException(
              t
                  + " is not an address of this computer; use localhost, network, or one of "
                  + list());
        }
        return a;
      }
    }
  }

  /**
   * How an address is written in a URL: IPv6 in brackets, without a zone, in its short form ({@code
   * [fd00::2]}, not {@code [fd00:0:0:0:0:0:0:2]}: a URL people read off a screen and type).
   */
  public static String host(InetAddress a) {
    String h = a.getHostAddress();
    int zone = h.indexOf('%');
    if (zone >= 0) {
      h = h.substring(0, zone);
    }
    return a instanceof Inet6Address ? "[" + shortForm(h) + "]" : h;
  }

  /**
   * An IPv6 address of eight groups (as {@link InetAddress#getHostAddress} writes it, without a
   * zone) in RFC 5952's form: the longest run of two or more zero groups, the first of equals,
   * written {@code ::}.
   */
  static String shortForm(String address) {
    String[] groups = address.split(":", -1);
    if (groups.length != 8) {
      return address;
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group stays "0"
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestStart < 0) {
      return address;
    }
    return String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart))
        + "::"
        + String.join(
            ":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
  }

  /** What listening on this address means, in words. */
  public static String describe(InetAddress a) {
    for (Choice c : choices()) {
      if (c.address().equals(a)) {
        return c.describe();
      }
    }
    return new Choice(a, "").describe();
  }

  private static boolean isLocal(InetAddress a) {
    try {
      return NetworkInterface.getByInetAddress(a) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  private static String list() {
    List<String> hosts = new ArrayList<>();
    for (Choice c : choices()) {
      hosts.add(c.address().getHostAddress());
    }
    return String.join(", ", hosts) + ".";
  }
}
