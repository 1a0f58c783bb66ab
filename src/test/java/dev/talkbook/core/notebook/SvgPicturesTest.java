package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SVGs the preview and the site show as pictures: those with nothing that could run. */
class SvgPicturesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          <svg xmlns='http://www.w3.org/2000/svg'><rect width='9' height='9'/></svg>         | true
          <svg><a href='#part'><rect/></a></svg>                                             | true
          <svg><script>alert(1)</script></svg>                                               | false
          <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><rect/></svg>            | false
          <svg><rect ONCLICK = 'alert(1)'/></svg>                                            | false
          <svg><a href='https://example.com'><rect/></a></svg>                               | false
          <svg><image xlink:href='data:image/png;base64,AAAA'/></svg>                        | false
          <svg><foreignObject><iframe src='x'></iframe></foreignObject></svg>                | false
          <!DOCTYPE svg [<!ENTITY x 'y'>]><svg>&x;</svg>                                     | false
          <svg><use href='other.svg#a'/></svg>                                               | false
          <svg><rect fill='url(#grad)'/></svg>                                               | true
          <svg><rect style='fill: url( "#grad" )'/></svg>                                    | true
          <svg><style>rect { fill: url(https://example.com/x.svg#a) }</style></svg>          | false
          <svg><rect style="background: url('//example.com/t.png')"/></svg>                  | false
          <svg><style>@import 'https://example.com/a.css';</style></svg>                     | false
          <svg><text>A &#8594; B &amp; C, 50&#x25;</text></svg>                              | true
          <svg><rect fill='&#117;rl(https://example.com/x.svg#a)'/></svg>                    | false
          <svg><rect style='fill:&#x75;rl(&quot;//example.com/t.png&quot;)'/></svg>           | false
          <svg><style>rect { fill: u\\72 l(https://example.com/x.svg#a) }</style></svg>      | false
          <svg><style>@\\69mport 'https://example.com/a.css';</style></svg>                  | false
          <svg><a><set attributeName='href' to='&#106;avascript:alert(1)'/><text>x</text></a></svg> | false
          <svg><a><animate attributeName='xlink:href' to='https://example.com'/></a></svg>   | false
          <svg><x:script xmlns:x='http://www.w3.org/2000/svg'>alert(1)</x:script></svg>     | false
          <svg><h:iframe xmlns:h='http://www.w3.org/1999/xhtml' src='https://example.com'/></svg> | false
          <svg><s:foreignObject xmlns:s='http://www.w3.org/2000/svg'><p>x</p></s:foreignObject></svg> | false
          <svg><é:use xmlns:é='http://www.w3.org/2000/svg' href='#a'/></svg>                 | false
          <svg xmlns:l='http://www.w3.org/1999/xlink'><a><set attributeName='l:href' to='https://example.com'/></a></svg> | false
          <svg><text>&lt;script&gt; and &#60;iframe&#x3E; are tags</text></svg>          | true
          <svg><style>text::before { content: '\\3c script' }</style></svg>               | true
          <svg><rect style="background: -webkit-image-set('https://example.com/t.png' 1x)"/></svg> | false
          <svg><style>rect { background: image-set( "//example.com/t.png" 1x) }</style></svg> | false
          <svg:svg xmlns:svg='http://www.w3.org/2000/svg'><svg:rect width='9'/></svg:svg>   | true
          <svg><rect class='user:object'/><text>scripts</text></svg>                         | true
          """)
  void onlyAnSvgWithNothingThatCouldRunIsInert(String svg, boolean inert) {
    assertThat(SvgPictures.isInert(svg.getBytes(StandardCharsets.UTF_8))).isEqualTo(inert);
  }

  /** Found by review12: a UTF-16 SVG's script read as UTF-8 was "<\0s\0c…", no match. */
  @ParameterizedTest
  @CsvSource({"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32"})
  void anSvgInAnotherEncodingThanUtf8IsNeverInert(String encoding) {
    String script = "<?xml version='1.0'?><svg><script>alert(1)</script></svg>";
    String plain = "<?xml version='1.0'?><svg><rect width='9' height='9'/></svg>";
    java.nio.charset.Charset charset = java.nio.charset.Charset.forName(encoding);
    assertThat(SvgPictures.isInert(script.getBytes(charset))).isFalse();
    assertThat(SvgPictures.isInert(plain.getBytes(charset))).isFalse();
    assertThat(SvgPictures.isInert(plain.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(SvgPictures.isInert(new byte[] {'<', 's', 'v', 'g', '>', (byte) 0xFF})).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          image/svg+xml                | true
          IMAGE/SVG+XML; charset=utf-8 | true
          image/png                    | false
          ''                           | false
          """)
  void theMediaTypeOfSvgIsToldInAnyCaseAndWithParameters(String type, boolean svg) {
    assertThat(SvgPictures.isSvg(type)).isEqualTo(svg);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          image/svg+xml                 | image/svg+xml
          ' IMAGE/PNG ; charset=utf-8 ' | image/png
          ''                            | ''
          """)
  void aMediaTypeIsComparedInLowerCaseWithoutItsParameters(String type, String bare) {
    assertThat(Attachment.bareType(type)).isEqualTo(bare);
    assertThat(Attachment.bareType(null)).isEmpty();
  }
}
