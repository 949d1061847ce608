package dev.mlpkit.features;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given to the image decoder give an image (and its pixel features) or an {@link ImageDecodeException}:
 * never another exception, a hang or an OutOfMemoryError (the pixel limit is checked before decoding). Seeded with
 * tiny PNG, JPEG, GIF and BMP files in src/test/resources/.../ImageDecoderFuzzTestInputs.
 */
class ImageDecoderFuzzTest {

    private static final ImageDecoder DECODER = new ImageDecoder(4_000_000);
    private static final PixelFeatures PIXELS = new PixelFeatures(64, 64);

    @FuzzTest(maxDuration = "20s")
    void decodingAnyBytesGivesAnImageOrOneSentence(byte[] bytes) {
        try {
            PIXELS.extract(DECODER.decode(bytes, "fuzzed"));
        } catch (ImageDecodeException expected) {
            // the one clear sentence
        }
    }
}
