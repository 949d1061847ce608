package dev.mlpkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every image kind cv2.imread reads, and every bad file, made here rather than committed. */
class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @TempDir
    Path folder;

    @Test
    void alphaIsDroppedNotBlended() throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00FF8040);      // fully transparent orange: OpenCV keeps the colour
        argb.setRGB(1, 0, 0x80102030);
        RgbImage rgb = decoder.decode(encode(argb, "png"), "alpha.png");
        assertPixel(rgb, 0, 0, 0xFF, 0x80, 0x40);
        assertPixel(rgb, 1, 0, 0x10, 0x20, 0x30);
    }

    @Test
    void greyIsCopiedIntoAllChannelsWithoutAColourSpaceConversion() throws IOException {
        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        assertPixel(decoder.decode(encode(grey, "png"), "grey.png"), 0, 0, 100, 100, 100);
    }

    @Test
    void sixteenBitSamplesKeepTheirHighByte() throws IOException {
        BufferedImage deep = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 0xABFF);
        assertPixel(decoder.decode(encode(deep, "png"), "deep.png"), 0, 0, 0xAB, 0xAB, 0xAB);
    }

    @Test
    void palettesAreLookedUpInPngAndGif() throws IOException {
        byte[] r = { 0, (byte) 200 };
        byte[] g = { 0, 100 };
        byte[] b = { 0, 50 };
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, g, b));
        indexed.getRaster().setSample(1, 0, 0, 1);
        assertPixel(decoder.decode(encode(indexed, "png"), "palette.png"), 1, 0, 200, 100, 50);
        assertPixel(decoder.decode(encode(indexed, "gif"), "palette.gif"), 1, 0, 200, 100, 50);
    }

    @Test
    void bmpAndJpegAreRead() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(3, 3, 0x123456);
        assertPixel(decoder.decode(encode(image, "bmp"), "x.bmp"), 3, 3, 0x12, 0x34, 0x56);
        BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                flat.setRGB(x, y, 0x808080);
            }
        }
        RgbImage jpeg = decoder.decode(encode(flat, "jpg"), "flat.jpg");
        assertTrue(Math.abs(jpeg.sample(5, 5, 1) - 128) <= 1);
    }

    @Test
    void cmykJpegsAreReadNotRejected() throws IOException {
        byte[] cmyk;
        try (var in = ImageDecoderTest.class.getResourceAsStream("/images/cmyk-220-40-30.jpg")) {
            cmyk = in.readAllBytes();
        }
        RgbImage image = decoder.decode(cmyk, "cmyk.jpg");
        // OpenCV reads (220, 41, 31); TwelveMonkeys converts CMYK without a profile its own way, close to it.
        int[] opencv = { 220, 41, 31 };
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(image.sample(3, 3, c) - opencv[c]) <= 16,
                    "channel " + c + ": " + image.sample(3, 3, c) + " vs OpenCV's " + opencv[c]);
        }
    }

    @Test
    void exifOrientationIsApplied() throws IOException {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, 0xFFFFFF);            // left half white, right half black
            }
        }
        byte[] plain = encode(image, "jpg");
        RgbImage upright = decoder.decode(withExifOrientation(plain, 6), "rotated.jpg");
        assertEquals(8, upright.width());
        assertEquals(16, upright.height());
        assertTrue(upright.sample(4, 2, 0) > 200, "the white half is on top after a clockwise turn");
        assertTrue(upright.sample(4, 13, 0) < 50, "the black half is at the bottom");
        assertEquals(1, ImageDecoder.exifOrientation(plain));
    }

    @Test
    void badFilesGetOneSentenceEach() throws IOException {
        assertMessage("empty.jpg is empty (0 bytes), not an image", new byte[0], "empty.jpg");
        assertMessage("notes.jpg is not an image mlpkit can read (PNG, JPEG, BMP or GIF)",
                "hello, world\n".getBytes(StandardCharsets.UTF_8), "notes.jpg");
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        byte[] jpeg = encode(image, "jpg");
        byte[] png = encode(image, "png");
        for (double fraction : new double[] { 0.3, 0.6, 0.9 }) {
            String jpegMessage = failure(Arrays.copyOf(jpeg, (int) (jpeg.length * fraction)), "cut.jpg");
            assertTrue(jpegMessage.startsWith("cut.jpg is damaged"), jpegMessage);
            String pngMessage = failure(Arrays.copyOf(png, (int) (png.length * fraction)), "cut.png");
            assertTrue(pngMessage.startsWith("cut.png is damaged"), pngMessage);
        }
        Path dir = Files.createDirectory(folder.resolve("x.png"));
        assertEquals("x.png is a folder, not an image",
                assertThrows(ImageDecodeException.class, () -> decoder.decode(dir)).getMessage());
        assertEquals("gone.png does not exist",
                assertThrows(ImageDecodeException.class, () -> decoder.decode(folder.resolve("gone.png"))).getMessage());
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() {
        byte[] bomb = pngHeaderClaiming(100_000, 100_000);
        assertMessage("bomb.png is 100000x100000 pixels, more than the limit of 50000000 pixels", bomb, "bomb.png");
        assertMessage("small.png is 10x10 pixels, more than the limit of 99 pixels",
                pngHeaderClaiming(10, 10), "small.png", new ImageDecoder(99));
    }

    /**
     * Only PNG, JPEG, BMP and GIF are decoded, so the JDK's TIFF reader (which allocates what a tiny file declares) is
     * never used; decoded memory is bounded in bytes (a 16-bit RGBA pixel counts eight), and a JPEG with more scans
     * than any real one is refused before decoding.
     */
    @Test
    void otherFormatsHugeSamplesAndEndlessScansAreRefusedBeforeDecoding() throws IOException {
        BufferedImage image = new BufferedImage(10, 8, BufferedImage.TYPE_3BYTE_BGR);
        assertMessage("scan.tif is a TIF image, which mlpkit does not read (it reads PNG, JPEG, BMP and GIF)",
                encode(image, "tiff"), "scan.tif");

        java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), true, false,
                java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_USHORT);
        BufferedImage wide = new BufferedImage(model, model.createCompatibleWritableRaster(10, 8), false, null);
        byte[] png16 = encode(wide, "png");
        ImageDecoder eightyPixels = new ImageDecoder(80);
        assertMessage("deep.png is 10x8 pixels of 8 bytes each, more than the limit of 320 bytes decoded (four per"
                + " pixel of --max-pixels)", png16, "deep.png", eightyPixels);
        assertEquals(10, eightyPixels.decode(encode(image, "png"), "plain.png").width(), "8-bit RGB fits");

        byte[] jpeg = encode(image, "jpg");
        assertEquals(1, ImageDecoder.scans(jpeg));
        java.io.ByteArrayOutputStream crafted = new java.io.ByteArrayOutputStream();
        crafted.write(jpeg, 0, jpeg.length - 2);                  // all but the end-of-image marker
        byte[] emptyScan = { (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0 };
        for (int i = 0; i < 1000; i++) {
            crafted.write(emptyScan);
        }
        crafted.write(new byte[] { (byte) 0xFF, (byte) 0xD9 });
        assertMessage("scans.jpg is a JPEG of 1001 scans, more than the 100 any real one has", crafted.toByteArray(),
                "scans.jpg");
    }

    /** Devices, pipes and files larger than the limit are refused with a sentence; nothing is read from them. */
    @Test
    void onlyRegularFilesOfABoundedSizeAreRead() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertEquals("zero is not a regular file (a device, a pipe or a socket), so it is not read",
                assertThrows(ImageDecodeException.class, () -> decoder.decode(zero)).getMessage());
        Path link = Files.createSymbolicLink(folder.resolve("photo.jpg"), zero);
        assertEquals("photo.jpg is not a regular file (a device, a pipe or a socket), so it is not read",
                assertThrows(ImageDecodeException.class, () -> decoder.decode(link)).getMessage());
        Path fifo = folder.resolve("pipe.png");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertEquals("pipe.png is not a regular file (a device, a pipe or a socket), so it is not read",
                    assertThrows(ImageDecodeException.class, () -> decoder.decode(fifo)).getMessage());
        }
        Path huge = folder.resolve("huge.png");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);                              // sparse: 3 GB that take no disk
        }
        assertEquals("huge.png is 3221225472 bytes, more than the limit of 268435456 bytes",
                assertThrows(ImageDecodeException.class, () -> decoder.decode(huge)).getMessage());
    }

    @Test
    void aOnePixelImageIsRead() throws IOException {
        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        dot.setRGB(0, 0, 0x010203);
        assertPixel(decoder.decode(encode(dot, "png"), "dot.png"), 0, 0, 1, 2, 3);
    }

    private void assertMessage(String message, byte[] bytes, String name) {
        assertMessage(message, bytes, name, decoder);
    }

    private static void assertMessage(String message, byte[] bytes, String name, ImageDecoder decoder) {
        assertEquals(message, assertThrows(ImageDecodeException.class, () -> decoder.decode(bytes, name)).getMessage());
    }

    private String failure(byte[] bytes, String name) {
        return assertThrows(ImageDecodeException.class, () -> decoder.decode(bytes, name)).getMessage();
    }

    private static void assertPixel(RgbImage image, int x, int y, int r, int g, int b) {
        assertEquals(r, image.sample(x, y, 0), "red");
        assertEquals(g, image.sample(x, y, 1), "green");
        assertEquals(b, image.sample(x, y, 2), "blue");
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            WritableRaster raster = image.getRaster();
            throw new IllegalStateException("no " + format + " writer for " + raster);
        }
        return out.toByteArray();
    }

    /** A JPEG with an APP1 Exif segment holding only the orientation tag, inserted after the SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8 });      // big-endian TIFF header, first IFD at 8
        tiff.putShort((short) 1);                                   // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                                             // no next IFD
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG signature and a valid IHDR claiming {@code width x height} RGB pixels, and nothing more. */
    static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
