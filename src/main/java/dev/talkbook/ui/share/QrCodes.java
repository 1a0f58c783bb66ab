package dev.talkbook.ui.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * QR codes for the viewer URL, with ZXing: dark modules on white with a quiet zone, whatever the
 * theme (phones read that best). The image may be made on any thread.
 */
public final class QrCodes {
  private QrCodes() {}

  /**
   * The QR code of {@code text}, each module {@code scale} pixels square: made in one buffer and
   * written at once (about a millisecond). Show it larger with an {@code ImageView} that does not
   * smooth, which keeps the modules sharp.
   */
  public static WritableImage image(String text, int scale) {
    BitMatrix m = matrix(text);
    int w = m.getWidth() * scale;
    int h = m.getHeight() * scale;
    int[] argb = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        argb[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
      }
    }
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
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
