package dev.mlpkit.apps.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.nn.model.ModelFileException;

/**
 * The models {@code mlp serve} was given, sorted by what they read: at most one image classifier (a galaxy model or
 * one {@code mlp train} made from class folders) and one circle-line model.
 */
final class ServedModels {

    ImageService images;
    DrawingService drawing;

    private ServedModels() {
    }

    /**
     * Reads each file and makes the service its app needs; a galaxy model calls an image a galaxy at a probability of
     * {@code threshold} or more (null: the tutorial's 0.5).
     */
    static ServedModels read(List<Path> files, long maxPixels, Double threshold) throws IOException {
        ServedModels served = new ServedModels();
        for (Path file : files) {
            Model model = ModelFile.read(file);
            Object app = model.metadata().get(AppModels.APP);
            boolean images = "galaxy".equals(app) || "train".equals(app) && model.metadata().containsKey(AppModels.FEATURES);
            if (images && served.images == null) {
                served.images = new ImageService(file, model, maxPixels, threshold == null ? 0.5 : threshold);
            } else if ("circle-line".equals(app) && served.drawing == null) {
                served.drawing = new DrawingService(file, model, maxPixels);
            } else if (images || "circle-line".equals(app)) {
                throw new UsageException("give mlp serve one " + (images ? "image classifier" : app + " model")
                        + " at most; " + file.getFileName() + " is a second one");
            } else if ("train".equals(app)) {
                throw new ModelFileException(file.getFileName() + " classifies the rows of a table: mlp serve"
                        + " serves image classifiers and circle-line models");
            } else {
                throw new ModelFileException(file.getFileName() + " is not an image classifier or a circle-line model"
                        + " of an mlp app");
            }
        }
        if (threshold != null && (served.images == null || !served.images.isGalaxy())) {
            throw new UsageException("--threshold is the probability of a galaxy at which a galaxy model says galaxy,"
                    + " and " + String.join(" and ", files.stream().map(f -> f.getFileName().toString()).toList())
                    + (files.size() == 1 ? " is not a galaxy model" : " hold no galaxy model"));
        }
        return served;
    }

    /** Grey values in [0, 1], row by row, as a PNG of {@code width} x {@code height} pixels. */
    static byte[] greyPng(double[] grey, int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < width * height; i++) {
            picture.getRaster().setSample(i % width, i / width, 0, (int) Math.round(grey[i] * 255));
        }
        return png(picture);
    }

    /** Red, green and blue planes of values in [0, 1], each row by row, as a PNG of {@code width} x {@code height}. */
    static byte[] colourPng(double[] planes, int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int area = width * height;
        for (int i = 0; i < area; i++) {
            for (int c = 0; c < 3; c++) {
                picture.getRaster().setSample(i % width, i / width, c, (int) Math.round(planes[c * area + i] * 255));
            }
        }
        return png(picture);
    }

    private static byte[] png(BufferedImage picture) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** What {@code mlp model inspect} shows of a served model, as JSON-ready values; local folders left out. */
    static Map<String, Object> describe(Path file, Model model) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", file.getFileName().toString());
        info.put("network", model.spec().toString());
        info.put("parameters", model.parameters().count());
        info.put("mlpkitVersion", model.mlpkitVersion());
        info.put("created", model.created().toString());
        info.putAll(model.metadata());
        info.remove(AppModels.DATA);    // local folder names are the owner's business, not the web's
        if (model.metadata().get(AppModels.DATA) instanceof Map<?, ?> data) {
            info.put("trainedOn", trainedOn(data));
        }
        return info;
    }

    /**
     * What the model was trained on, in words for the page's footer: the built-in generated images (which are not
     * real photos or handwriting) or the owner's own data, and how many images it learnt from.
     */
    static String trainedOn(Map<?, ?> data) {
        String source = String.valueOf(data.containsKey("galaxies") ? data.get("galaxies") : data.get("data"));
        boolean builtIn = source.startsWith("built-in") || source.contains(java.io.File.separator + "generated"
                + java.io.File.separator);
        String what = builtIn ? "the built-in generated images (synthetic, not real ones)" : "its owner's own data";
        return data.get("training") instanceof Number n ? what + ", " + n + " of them for training" : what;
    }
}
