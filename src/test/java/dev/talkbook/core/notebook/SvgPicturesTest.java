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
          """)
  void onlyAnSvgWithNothingThatCouldRunIsInert(String svg, boolean inert) {
    assertThat(SvgPictures.isInert(svg.getBytes(StandardCharsets.UTF_8))).isEqualTo(inert);
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
