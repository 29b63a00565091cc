package org.askonce.guide;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code of a text (a guide's address), drawn on the server with ZXing: as SVG for the page and
 * print (sharp at any size), as PNG for a hall poster made in an office program. Error correction
 * M (15 %), a quiet zone of four modules as the standard asks.
 */
final class QrCode {

    private static final int QUIET_ZONE = 4;
    /** Pixels per module in the PNG: 8 makes a code of a typical address about 300 px wide. */
    private static final int PNG_SCALE = 8;

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, QUIET_ZONE)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " characters: " + e.getMessage(), e);
        }
    }

    /** Modules along one side, the quiet zone included. */
    int size() {
        return modules.getWidth();
    }

    boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    /** The code as an SVG image: one path of unit squares, black on white. */
    String svg(String title) {
        int n = size();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" shape-rendering=\"crispEdges\""
                + " role=\"img\" aria-label=\"" + escape(title) + "\"><title>" + escape(title) + "</title>"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The code as a PNG image, {@value #PNG_SCALE} pixels a module. */
    byte[] png() {
        int n = size();
        BufferedImage image = new BufferedImage(n * PNG_SCALE, n * PNG_SCALE, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < n * PNG_SCALE; y++) {
            for (int x = 0; x < n * PNG_SCALE; x++) {
                image.setRGB(x, y, modules.get(x / PNG_SCALE, y / PNG_SCALE) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
