package dev.mlpkit.features;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Reads PNG, JPEG, BMP and GIF files into 8-bit RGB the way {@code cv2.imread(path)} does: alpha is dropped (not
 * blended), grey is copied into all three channels, 16-bit samples keep their high byte, palettes are looked up, and
 * a JPEG's EXIF orientation is applied. Plain JPEGs decode to exactly OpenCV's pixels.
 *
 * <p>Work and memory are bounded before any pixel is decoded: only regular files of at most {@link #MAX_FILE_BYTES}
 * bytes are read (not devices, FIFOs or huge files); only the four formats above are decoded, whatever other readers
 * the JDK has (its TIFF reader would allocate what a tiny file declares); an image of more than {@link #maxPixels()}
 * pixels, or whose decoded samples would take more than four bytes per allowed pixel (16-bit RGBA counts eight), is
 * refused, so a small file claiming 100000x100000 pixels cannot exhaust the memory; a JPEG of more than
 * {@value #MAX_JPEG_SCANS} scans (a crafted progressive one, which takes minutes to decode) is refused. A damaged or
 * truncated file, which OpenCV would decode partly with a warning, is refused too.
 */
public final class ImageDecoder {

    /** The default pixel limit: 50 million pixels, a 7000x7000 photo, 150 MB decoded. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** The largest file read as an image: 256 MiB. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** The most scans a JPEG may have: a progressive one has about ten. */
    static final int MAX_JPEG_SCANS = 100;
    /** The formats decoded, by ImageIO's format names. */
    private static final java.util.Set<String> FORMATS = java.util.Set.of("png", "jpeg", "bmp", "gif");

    static {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** A decoder that refuses images of more than {@code maxPixels} pixels. */
    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("the pixel limit must be at least 1, not " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** The image in the file at {@code path}. */
    public RgbImage decode(Path path) throws IOException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            throw new ImageDecodeException(name + " is a folder, not an image");
        }
        byte[] bytes;
        try {
            bytes = readRegularFile(path, name, MAX_FILE_BYTES);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(name + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ImageDecodeException(name + " cannot be read: permission denied", e);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : String.valueOf(e.getMessage());
            throw new ImageDecodeException(name + " cannot be read: " + why, e);
        }
        return decode(bytes, name);
    }

    /**
     * The bytes of the regular file at {@code path}, at most {@code limit} of them: a device, a FIFO or a larger file
     * (also one that grows while it is read) is refused with a sentence that names it.
     */
    public static byte[] readRegularFile(Path path, String name, long limit) throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new ImageDecodeException(name + " is not a regular file (a device, a pipe or a socket), so it is not"
                    + " read");
        }
        if (Files.exists(path) && Files.size(path) > limit) {
            throw new ImageDecodeException(name + " is " + Files.size(path) + " bytes, more than the limit of " + limit
                    + " bytes");
        }
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new ImageDecodeException(name + " is more than the limit of " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** The image in {@code bytes}, which came from the file called {@code name}. */
    public RgbImage decode(byte[] bytes, String name) throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException(name + " is empty (0 bytes), not an image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in, name);
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > maxPixels) {
                    throw new ImageDecodeException(name + " is " + width + "x" + height + " pixels, more than the limit"
                            + " of " + maxPixels + " pixels");
                }
                long decodedBytes = width * height * bytesPerPixel(reader);
                if (decodedBytes > 4 * maxPixels) {
                    throw new ImageDecodeException(name + " is " + width + "x" + height + " pixels of "
                            + bytesPerPixel(reader) + " bytes each, more than the limit of " + 4 * maxPixels
                            + " bytes decoded (four per pixel of --max-pixels)");
                }
                if (reader.getFormatName().equalsIgnoreCase("jpeg") && scans(bytes) > MAX_JPEG_SCANS) {
                    throw new ImageDecodeException(name + " is a JPEG of " + scans(bytes) + " scans, more than the "
                            + MAX_JPEG_SCANS + " any real one has");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(collect(warnings));
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    if (meansDamage(warning)) {
                        throw new ImageDecodeException(name + " is damaged: " + warning);
                    }
                }
                if (reader.getFormatName().equalsIgnoreCase("png") && !endsWithIend(bytes)) {
                    throw new ImageDecodeException(name + " is damaged: it ends before the PNG's closing IEND chunk"
                            + " (truncated)");
                }
                boolean jpeg = reader.getFormatName().equalsIgnoreCase("jpeg");
                return toRgb(jpeg ? orient(image, exifOrientation(bytes)) : image);
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImageDecodeException(name + " is damaged or truncated: " + why, e);
        }
    }

    /** The first reader of one of the decoded formats for {@code in}, or a sentence naming what the file is. */
    static ImageReader reader(ImageInputStream in, String name) throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        String other = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String format;
            try {
                format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
            } catch (IOException e) {
                format = "";
            }
            if (FORMATS.contains(format)) {
                return reader;
            }
            other = other == null ? format.toUpperCase(java.util.Locale.ROOT) : other;
            reader.dispose();
        }
        throw new ImageDecodeException(other == null ? name + " is not an image mlpkit can read (PNG, JPEG, BMP or GIF)"
                : name + " is a " + other + " image, which mlpkit does not read (it reads PNG, JPEG, BMP and GIF)");
    }

    /** Bytes per pixel of the image's decoded samples (all bands, at their own sample size). */
    private static long bytesPerPixel(ImageReader reader) throws IOException {
        javax.imageio.ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<javax.imageio.ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 4;
        }
        java.awt.image.SampleModel samples = type.getSampleModel(1, 1);
        long bits = 0;
        for (int band = 0; band < samples.getNumBands(); band++) {
            bits += samples.getSampleSize(band);
        }
        return Math.max(1, (bits + 7) / 8);
    }

    /**
     * How many scans a JPEG has: its start-of-scan markers ({@code FF DA}), which cannot occur inside the coded data
     * (a coded {@code FF} byte is always followed by {@code 00} or a restart marker).
     */
    static int scans(byte[] jpeg) {
        int scans = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                scans++;
            }
        }
        return scans;
    }

    /** Whether a PNG ends with its IEND chunk: length 0, "IEND", and that chunk's fixed CRC. */
    private static boolean endsWithIend(byte[] png) {
        byte[] iend = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
        return png.length >= iend.length
                && java.util.Arrays.equals(png, png.length - iend.length, png.length, iend, 0, iend.length);
    }

    /**
     * Whether a reader's warning says the data is broken (a truncated or corrupt stream), as opposed to a remark such
     * as TwelveMonkeys' note that a CMYK JPEG has no ICC profile, which OpenCV decodes without complaint too.
     */
    static boolean meansDamage(String warning) {
        String w = warning.toLowerCase(java.util.Locale.ROOT);
        return w.contains("premature end") || w.contains("corrupt") || w.contains("truncat") || w.contains("missing eoi")
                || w.contains("bogus");
    }

    private static IIOReadWarningListener collect(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    /**
     * Exactly the samples, as OpenCV reads them; never {@code getRGB}, which applies a colour space to grey. The image
     * is not used afterwards: a decoded JPEG's own buffer becomes the result.
     */
    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel palette) {
            byte[] rgb = new byte[3 * w * h];
            int[] pixel = new int[1];
            for (int y = 0, k = 0; y < h; y++) {
                for (int x = 0; x < w; x++, k += 3) {
                    int index = raster.getPixel(x, y, pixel)[0];
                    rgb[k] = (byte) palette.getRed(index);
                    rgb[k + 1] = (byte) palette.getGreen(index);
                    rgb[k + 2] = (byte) palette.getBlue(index);
                }
            }
            return new RgbImage(w, h, rgb);
        }
        int colourBands = model.getNumColorComponents();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (bits == 8 && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof ComponentSampleModel layout && raster.getParent() == null
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            // What decoded JPEGs and 8-bit PNGs are: the bytes read straight from the buffer, far faster than pixel
            // by pixel through the raster.
            byte[] data = buffer.getData();
            int pixelStride = layout.getPixelStride();
            int lineStride = layout.getScanlineStride();
            int[] offsets = layout.getBandOffsets();
            int red = buffer.getOffset() + offsets[0];
            int green = buffer.getOffset() + offsets[colourBands >= 3 ? 1 : 0];
            int blue = buffer.getOffset() + offsets[colourBands >= 3 ? 2 : 0];
            if (pixelStride == 3 && lineStride == 3 * w && blue == 0 && green == 1 && red == 2
                    && data.length == 3 * w * h) {
                // A decoded JPEG: BGR rows without gaps. Swapping blue and red in place is cheaper than a copy and
                // allocates nothing.
                for (int k = 0; k < data.length; k += 3) {
                    byte b = data[k];
                    data[k] = data[k + 2];
                    data[k + 2] = b;
                }
                return new RgbImage(w, h, data);
            }
            byte[] rgb = new byte[3 * w * h];
            for (int y = 0, k = 0; y < h; y++) {
                for (int x = 0, at = y * lineStride; x < w; x++, k += 3, at += pixelStride) {
                    rgb[k] = data[red + at];
                    rgb[k + 1] = data[green + at];
                    rgb[k + 2] = data[blue + at];
                }
            }
            return new RgbImage(w, h, rgb);
        }
        byte[] rgb = new byte[3 * w * h];
        int[] samples = new int[raster.getNumBands()];
        for (int y = 0, k = 0; y < h; y++) {
            for (int x = 0; x < w; x++, k += 3) {
                raster.getPixel(x, y, samples);
                for (int c = 0; c < 3; c++) {
                    rgb[k + c] = (byte) to8Bits(samples[colourBands >= 3 ? c : 0], bits);
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** 16-bit samples keep their high byte (OpenCV's conversion); 1, 2 and 4-bit grey is stretched to 0-255. */
    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }

    /** The EXIF orientation (1 to 8) of a JPEG, 1 when it has none or it cannot be read. */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                byte[] data = segment.data().readAllBytes();
                int tiff = 0;
                while (tiff < Math.min(data.length, 8) && data[tiff] != 'I' && data[tiff] != 'M') {
                    tiff++; // the pad byte after the "Exif" identifier
                }
                try (ImageInputStream exif = ImageIO.createImageInputStream(
                        new ByteArrayInputStream(data, tiff, data.length - tiff))) {
                    Directory directory = new TIFFReader().read(exif);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                        return n.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable EXIF is ignored, as OpenCV ignores it.
        }
        return 1;
    }

    /** Turns {@code image} upright for EXIF {@code orientation} (1 is upright already). */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);        // mirrored
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h);       // upside down
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h);        // mirrored upside down
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);         // transposed
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0);        // rotated 90 degrees clockwise to view
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);       // transversed
            case 8 -> t.setTransform(0, -1, 1, 0, 0, w);        // rotated 90 degrees counter-clockwise to view
            default -> {
                return image;
            }
        }
        boolean swap = orientation >= 5;
        BufferedImage upright = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(toThreeBytes(image), upright);
        return upright;
    }

    private static BufferedImage toThreeBytes(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        RgbImage rgb = toRgb(image);
        BufferedImage copy = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    copy.getRaster().setSample(x, y, c, rgb.sample(x, y, c));
                }
            }
        }
        return copy;
    }
}
