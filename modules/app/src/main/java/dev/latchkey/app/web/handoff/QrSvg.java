package dev.latchkey.app.web.handoff;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as SVG path data, from Nayuki's QR code generator (a maintained library: the
 * encoding, error correction and masking are its work). The page draws the path in an
 * {@code <svg>} element; nothing here is user input but the URL we issued.
 *
 * @param size    modules per side, quiet zone included
 * @param path    one {@code M x,y h1 v1 h-1 z} square per dark module
 */
public record QrSvg(int size, String path) {

    /** The quiet zone the QR specification asks for around the symbol (ISO/IEC 18004). */
    static final int BORDER = 4;

    public static QrSvg of(String text) {
        // Medium error correction: a phone camera reads it off a laptop screen at an angle.
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    d.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return new QrSvg(qr.size + 2 * BORDER, d.toString());
    }

    /** The {@code viewBox} attribute. */
    public String viewBox() {
        return "0 0 " + size + " " + size;
    }
}
