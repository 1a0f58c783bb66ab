package dev.talkbook.core.notebook;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for a talk's links: an absolute http or https address with a host. A host name in
 * any script ({@code https://例え.jp/}) is one: it is checked in its ASCII form ({@link IDN}) and
 * kept as typed, as browsers show it.
 */
public final class WebAddress {
  private WebAddress() {}

  /** "scheme:" at the start, as RFC 3986 spells a scheme. */
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

  /** Printable ASCII that RFC 3986 allows nowhere in an address (browsers escape it). */
  private static final String NOT_ALLOWED = "\"<>\\^`{|}";

  /**
   * Whether {@code address} is one; {@code javascript:}, {@code file:}, relative paths and typos
   * are not.
   */
  public static boolean valid(String address) {
    return problem(address) == null;
  }

  /**
   * What keeps {@code address} from being a web address, said so a user can mend it ("it holds a
   * space, which an address cannot; write it as %20"); null when it is one.
   */
  public static String problem(String address) {
    return plain(address) ? null : checked(address);
  }

  /** {@link #problem} without the shortcut of {@link #plain}: the rule itself. */
  static String checked(String address) {
    Matcher scheme = SCHEME.matcher(address);
    if (!scheme.lookingAt()
        || !(scheme.group(1).equalsIgnoreCase("http")
            || scheme.group(1).equalsIgnoreCase("https"))) {
      return "it must start with http:// or https://";
    }
    String lowerScheme = scheme.group(1).toLowerCase(Locale.ROOT);
    String rest = address.substring(scheme.end());
    if (!rest.startsWith("//") || rest.length() == 2 || "/?#".indexOf(rest.charAt(2)) >= 0) {
      return "it has no host name after " + lowerScheme + "://";
    }
    String character = firstNotAllowed(address);
    if (character != null) {
      return character;
    }
    String ascii;
    try {
      ascii = asciiHost(address, scheme.end() + 2);
    } catch (IllegalArgumentException e) {
      return "its host name is not one a web address can have (" + e.getMessage() + ")";
    }
    try {
      URI uri = new URI(ascii);
      if (uri.getHost() == null) {
        return "its host name is not one a web address can have";
      }
      return null;
    } catch (URISyntaxException e) {
      return "it is not a valid web address (" + e.getReason().toLowerCase(Locale.ROOT) + ")";
    }
  }

  /**
   * {@code address} as a {@link URI} to open: its host in ASCII form ({@code https://例え.jp/} →
   * {@code https://xn--r8jz45g.jp/}) and any other non-ASCII character escaped, since {@link URI}'s
   * host and the JDK's HTTP client take ASCII only.
   *
   * @throws IllegalArgumentException saying what is wrong, as {@link #problem} does, when {@code
   *     address} is no web address
   */
  public static URI toUri(String address) {
    String problem = problem(address);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Matcher scheme = SCHEME.matcher(address);
    scheme.lookingAt();
    try {
      return URI.create(new URI(asciiHost(address, scheme.end() + 2)).toASCIIString());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("checked above: " + address, e);
    }
  }

  /**
   * Whether {@code address} is a web address of the plainest form, which the full check below would
   * accept: {@code http://} or {@code https://} in lower case, a host name of ASCII letters,
   * digits, hyphens and dots as {@link URI} reads a server's name (labels that start and end with a
   * letter or digit, the last one starting with a letter), no user or port, and after it only
   * characters {@link URI} takes as they are in a path, query and fragment ({@code %} with two hex
   * digits). Almost every stored link is one, and this walk over its characters is all a cold
   * process pays for it (a site export reads 10,000s); false sends the address to the full check.
   */
  static boolean plain(String address) {
    // over an array, not charAt: a cold process runs this interpreted for its first thousands
    char[] a = address.toCharArray();
    int n = a.length;
    int i;
    if (address.startsWith("https://")) {
      i = 8;
    } else if (address.startsWith("http://")) {
      i = 7;
    } else {
      return false;
    }
    // the host: labels of letters, digits and inner hyphens, separated by single dots
    int labelStart = i;
    boolean lastLabelAlpha = false;
    for (; ; i++) {
      char c = i < n ? a[i] : '/';
      if (c < 0x80 && PLAIN_CHARS[c] == LETTER_OR_DIGIT) {
        if (i == labelStart) {
          lastLabelAlpha = c > '9';
        }
      } else if (c == '-') {
        if (i == labelStart) {
          return false;
        }
      } else if (c == '.' || c == '/' || c == '?' || c == '#') {
        if (i == labelStart || a[i - 1] == '-') {
          return false; // an empty label (or host), or one ending in a hyphen
        }
        if (c != '.') {
          break;
        }
        labelStart = i + 1;
      } else {
        return false; // a user, a port, an IP literal, a host in another script: the full check
      }
    }
    if (!lastLabelAlpha) {
      return false;
    }
    boolean fragment = false;
    for (; i < n; i++) {
      char c = a[i];
      if (c >= 0x80) {
        return false;
      }
      byte kind = PLAIN_CHARS[c];
      if (kind == LETTER_OR_DIGIT || kind == MARK) {
        continue;
      }
      if (c == '%' && i + 2 < n && isHexDigit(a[i + 1]) && isHexDigit(a[i + 2])) {
        i += 2;
        continue;
      }
      if (c == '#' && !fragment) {
        fragment = true;
        continue;
      }
      return false;
    }
    return true;
  }

  private static final byte LETTER_OR_DIGIT = 1;
  private static final byte MARK = 2;

  /**
   * For each ASCII character, whether it is a letter or digit, or one {@link URI} takes as it is in
   * a path, a query and a fragment: its "unreserved" marks and the reserved characters but {@code [
   * ]} (a {@code ?} in a path starts the query); 0 for any other.
   */
  private static final byte[] PLAIN_CHARS = new byte[0x80];

  static {
    for (char c = '0'; c <= 'z'; c++) {
      if (c <= '9' || (c >= 'A' && c <= 'Z') || c >= 'a') {
        PLAIN_CHARS[c] = LETTER_OR_DIGIT;
      }
    }
    for (char c : "-_.!~*'()/?:@&=+$,;".toCharArray()) {
      PLAIN_CHARS[c] = MARK;
    }
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The first character no address may hold, as a sentence part with its escaped form; or null. */
  private static String firstNotAllowed(String address) {
    for (int i = 0; i < address.length(); ) {
      int c = address.codePointAt(i);
      if (c == ' ') {
        return "it holds a space, which an address cannot; write it as %20";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return "it holds a space (U+" + hex(c) + "), which an address cannot";
      }
      if (Character.isISOControl(c)) {
        return "it holds a control character (U+" + hex(c) + "), which an address cannot";
      }
      if (NOT_ALLOWED.indexOf(c) >= 0) {
        return "it holds \""
            + (char) c
            + "\", which is not allowed in a web address; write it as %"
            + String.format("%02X", c);
      }
      if (c == '%'
          && !(i + 2 < address.length()
              && isHex(address.charAt(i + 1))
              && isHex(address.charAt(i + 2)))) {
        return "it holds a \"%\" that is not followed by two hex digits; write a % as %25";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /**
   * {@code address} with the host that starts at {@code hostStart} in its ASCII form ({@code
   * xn--…}), for {@link URI}, which takes ASCII host names only.
   *
   * @throws IllegalArgumentException when the host is no internationalised domain name
   */
  private static String asciiHost(String address, int hostStart) {
    int end = hostStart;
    while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) {
      end++;
    }
    String authority = address.substring(hostStart, end);
    int at = authority.lastIndexOf('@');
    int from = at + 1;
    int to = authority.length();
    if (!authority.startsWith("[", from)) {
      int colon = authority.indexOf(':', from);
      if (colon >= 0) {
        to = colon;
      }
    }
    String host = authority.substring(from, to);
    if (host.chars().allMatch(ch -> ch < 0x80)) {
      return address;
    }
    String asciiHost = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
    return address.substring(0, hostStart + from) + asciiHost + address.substring(hostStart + to);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }

  private static String hex(int c) {
    return String.format("%04X", c);
  }
}
