package com.mediahub.auth.mfa.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** What an authenticator app gets: the secret to type, the key URI, and a QR code that scans to it. */
class EnrolmentTest {

    private final byte[] secret = new TotpCodes().newSecret();

    @Test
    void theSecretIsBase32WithoutPaddingAndDecodesToTheKey() {
        Enrolment enrolment = Enrolment.of("alice", secret);
        assertTrue(enrolment.secret().matches("[A-Z2-7]{32}"), enrolment.secret());
        assertArrayEquals(secret, new Base32().decode(enrolment.secret()));
    }

    @Test
    void theUriNamesIssuerAccountAndParameters() {
        Enrolment enrolment = Enrolment.of("ann marie:x", secret);
        assertEquals("otpauth://totp/MediaHub:ann%20marie%3Ax?secret=" + enrolment.secret()
                + "&issuer=MediaHub&algorithm=SHA1&digits=6&period=30", enrolment.uri());
    }

    @Test
    void theSvgScansBackToTheUri() throws Exception {
        Enrolment enrolment = Enrolment.of("alice", secret);
        assertEquals(enrolment.uri(), scan(enrolment.qrSvg()));
    }

    /** Paints the SVG's runs into pixels (4 per module) and reads them with zxing's decoder. */
    private static String scan(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find(), svg);
        int scale = 4;
        int width = Integer.parseInt(box.group(1)) * scale;
        int height = Integer.parseInt(box.group(2)) * scale;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
                    pixels[y * width + x] = 0;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
