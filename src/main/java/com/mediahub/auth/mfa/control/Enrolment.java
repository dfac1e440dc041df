package com.mediahub.auth.mfa.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.codec.binary.Base32;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * What a user needs to add their account to an authenticator app: the secret in base32 (to type
 * in), the {@code otpauth://} URI (Google Authenticator's key URI format: issuer MediaHub, the
 * username as the account, SHA1, 6 digits, 30 s) and that URI as a QR code in SVG.
 */
public record Enrolment(String secret, String uri, String qrSvg) {

    static final String ISSUER = "MediaHub";
    /** The quiet zone around a QR code, in modules: four, as ISO/IEC 18004 asks. */
    private static final int QUIET_ZONE = 4;

    public static Enrolment of(String username, byte[] secret) {
        String base32 = new Base32().encodeAsString(secret).replace("=", "");
        String uri = "otpauth://totp/" + encode(ISSUER) + ":" + encode(username) + "?secret=" + base32 + "&issuer="
                + encode(ISSUER) + "&algorithm=SHA1&digits=" + TotpCodes.DIGITS + "&period=" + TotpCodes.STEP.getSeconds();
        return new Enrolment(base32, uri, svg(qr(uri)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static BitMatrix qr(String text) {
        try {
            // Width and height 0: one unit per module; the SVG scales.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    // No CHARACTER_SET hint: the URI is ASCII (percent-encoded), and the hint would add an ECI header.
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("An otpauth URI does not fit a QR code", e);
        }
    }

    /** One black path of horizontal runs over a white square; crisp at any size. */
    static String svg(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code for an authenticator app\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
