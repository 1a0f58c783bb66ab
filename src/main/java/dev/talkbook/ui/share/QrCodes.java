package dev.talkbook.ui.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * QR codes for the viewer URL, with ZXing: dark modules on white with a quiet zone, whatever the
 * theme (phones read that best). The image may be made on any thread.
 */
public final class QrCodes {
  private QrCodes() {}

  /** The QR code of {@code text}, each module {@code scale} pixels square. */
  public static WritableImage image(String text, int scale) {
    BitMatrix m = matrix(text);
    WritableImage image = new WritableImage(m.getWidth() * scale, m.getHeight() * scale);
    PixelWriter w = image.getPixelWriter();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        Color c = m.get(x, y) ? Color.BLACK : Color.WHITE;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            w.setColor(x * scale + dx, y * scale + dy, c);
          }
        }
      }
    }
    return image;
  }

  /** The modules of {@code text}'s QR code (medium error correction), with a 2-module margin. */
  static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.MARGIN,
                  2,
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot make a QR code of " + text, e);
    }
  }
}
