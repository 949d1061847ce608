package dev.mlpkit.apps.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.google.inject.Inject;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.TrainingFlags;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.Augmentation;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.ClassFolders;
import dev.mlpkit.datasets.DatasetException;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.datasets.Split;
import dev.mlpkit.datasets.Standardization;
import dev.mlpkit.datasets.Table;
import dev.mlpkit.features.PixelFeatures;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.training.ClassWeights;
import dev.mlpkit.training.EarlyStopping;
import dev.mlpkit.training.GradientClipping;
import dev.mlpkit.training.LearningRateSchedule;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.batching.MiniBatch;
import dev.mlpkit.training.optimizer.Optimizer;
import dev.mlpkit.training.optimizer.Optimizers;

/**
 * {@code mlp train}: a classifier of any number of classes from a folder of class folders or a CSV table, with a
 * modern recipe by default (relu hidden layer, He initialisation, Adam, mini-batches of 64, early stopping on a
 * stratified validation split), a softmax output and cross-entropy.
 */
public final class Train implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(Train.class);
    /** What a model file says made it. */
    public static final String APP = "train";
    static final String DEFAULT_AUGMENT = "shift:2,rotate:10";
    /** What a model's data record says for the built-in digits, in place of a folder. */
    private static final String BUILT_IN_DIGITS = "built-in digits";
    static final int DEFAULT_VARIATIONS = 3;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    /**
     * The default recipe: Adam at its usual 0.001 (fast, and forgiving of the scale of the inputs), its rate annealed
     * to zero along a cosine over 20 epochs (the last epochs settle instead of jumping about), mini-batches of 64,
     * and early stopping once the validation loss has not improved for 5 epochs, keeping the best epoch.
     */
    static TrainingSettings recipe() {
        return new TrainingSettings(Optimizers.builtIns().get("adam"), LearningRateSchedule.parse("cosine:20"),
                GradientClipping.NONE, 0.0, new MiniBatch(64), true, 42, 20, Double.NaN, new EarlyStopping(5, 0),
                ClassWeights.NONE);
    }

    /**
     * The recipe for a table, whose few hundred rows make few updates an epoch: batches of 16, 200 epochs annealed
     * along a cosine, and more patience, since a small validation set is a noisy judge. It takes about a second.
     */
    static TrainingSettings tableRecipe() {
        return recipe().withBatching(new MiniBatch(16)).withEpochs(200)
                .withSchedule(LearningRateSchedule.parse("cosine:200")).withEarlyStopping(new EarlyStopping(20, 0));
    }

    /** The command line of {@code mlp train}. */
    @Parameters(commandDescription = "Train a classifier of two or more classes on a folder of class folders"
            + " (cat/, dog/, ...) or a CSV table. The default recipe works on a first try: a relu hidden layer of 256"
            + " with He initialisation, a softmax output with cross-entropy, Adam at 0.001 annealed along a cosine over"
            + " 20 epochs, mini-batches of 64, early stopping on a stratified 10% validation split, and for images"
            + " three copies of each training image shifted and turned a little; a table, with few rows, trains"
            + " for 200 epochs in batches of 16 with early stopping after 20. Every part is a flag.")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--data", description = "A folder with one subfolder of images per class (the class names"
                + " are the folder names, in name order), or a CSV file with a header row"
                + " (default: the built-in digits, 8000 to train on and 2000 to test)",
                validateWith = Validators.FileName.class)
        public Path data;

        @Parameter(names = "--label", description = "The CSV column holding each row's class; the other columns,"
                + " all numbers, are the features, standardised with the training part's means and deviations")
        public String label;

        @Parameter(names = "--test", description = "Separate test data, laid out as --data, scored once training ends",
                validateWith = Validators.FileName.class)
        public Path test;

        @Parameter(names = "--size", description = "Resize every image to WxH grey pixels (default: the images' own"
                + " size when they all share one of at most 64x64 pixels; larger ones become 64x64, the galaxy"
                + " tutorial's)")
        public String size;

        @Parameter(names = "--colour", description = "Read the images in colour (red, green and blue planes: three"
                + " times the inputs) instead of grey")
        public boolean colour;

        @Parameter(names = "--hidden", description = "Hidden layer sizes, with an activation if not relu"
                + " (256-128, 100:sigmoid, none for softmax regression)")
        public String hidden = "256";

        @Parameter(names = "--augment", description = "Transformations for extra training images, with optional"
                + " amounts: shift[:PIXELS], rotate[:DEGREES], flip-h, flip-v, brightness[:A], noise[:SIGMA], or none"
                + " (small shifts and rotations help digits and handwriting; flips suit photos, not characters)")
        public String augment = DEFAULT_AUGMENT;

        @Parameter(names = "--variations", description = "Transformed copies of each training image (not of the"
                + " validation or test images)", validateWith = Validators.NonNegativeInteger.class)
        public int variations = DEFAULT_VARIATIONS;

        @ParametersDelegate
        public ImageFlags images = new ImageFlags();

        @ParametersDelegate
        public TrainingFlags training = new TrainingFlags(recipe(), null);

        @ParametersDelegate
        public RunFlags run = new RunFlags(Path.of("model.mlp"), "he", 0.1);
    }

    private final Options options;
    private final Console console;
    private final Registry<Optimizer> optimizers;
    private final Registry<Batching> batchings;

    @Inject
    Train(Options options, Registry<Optimizer> optimizers, Registry<Batching> batchings, Console console) {
        this.options = options;
        this.optimizers = optimizers;
        this.batchings = batchings;
        this.console = console;
    }

    /** Training data read, with the classes, the inputs and, if asked for, the test data. */
    private record Data(List<String> classes, Inputs inputs, Split split, Examples test) {
    }

    @Override
    public int run() throws Exception {
        if (options.data != null && LabelledData.isTable(options.data)) {
            options.training.useDefaults(tableRecipe());
        }
        TrainingRun run = new TrainingRun(APP, options.run, options.training, optimizers, batchings, console);
        if (run.resumed() != null) {
            resumeOn(run.resumed());
        }
        if (options.label != null && options.data != null && !LabelledData.isTable(options.data)) {
            throw new UsageException("--label names a CSV column, and " + Printable.of(options.data) + " is not a file");
        }
        if (options.data != null && LabelledData.isTable(options.data) && options.label == null) {
            throw new UsageException("say which column of " + Printable.of(options.data.getFileName())
                    + " holds the classes: --label COLUMN");
        }
        Data data = options.data != null && LabelledData.isTable(options.data) ? table(run) : images(run);
        if (run.resumed() != null && !AppModels.classes(run.resumed()).equals(data.classes())) {
            throw new UsageException("--resume continues a model of the classes " + AppModels.classes(run.resumed())
                    + ", and the data has " + data.classes());
        }
        Network network = run.train(data.split(), result -> metadata(data, run, result));
        if (data.test() != null) {
            Classifier classifier = Classifier.read(options.run.model, APP);
            int[] predicted = classifier.predictions(classifier.probabilities(data.test().features()));
            System.out.print("Test set: " + ClassificationReport.of(data.classes(), data.test().labels(), predicted).text());
        }
        LOG.debug("Trained {}.", network.spec());
        return 0;
    }

    /**
     * On {@code --resume}: the data, test data and label column the model records stand in for flags left out, and
     * others given are refused, as is another augmentation: a resumed run goes on with the examples it began with.
     */
    private void resumeOn(Model model) {
        Path name = options.run.resume.getFileName();
        Map<?, ?> recorded = model.metadata().get(AppModels.DATA) instanceof Map<?, ?> d ? d : Map.of();
        Path data = recorded.get("data") instanceof String d && !d.equals(BUILT_IN_DIGITS) ? Path.of(d) : null;
        String where = data == null ? "the built-in digits" : Printable.of(data);
        if (options.data != null && (data == null || !sameFile(options.data, data))) {
            throw new UsageException("--resume continues on the data " + name + " was trained on (" + where
                    + "); leave out --data, or train a new model without --resume");
        }
        if (options.data == null && data != null) {
            if (!Files.exists(data)) {
                throw new UsageException(name + " was trained on " + where + ", which is not there any more;"
                        + " --resume continues only on the data a model was trained on");
            }
            options.data = data;
            LOG.info("Resuming on the data {} was trained on: {}.", name, where);
        }
        if (options.test == null && recorded.get("test") instanceof String test
                && Files.exists(Path.of(test))) {
            options.test = Path.of(test);
        }
        if (model.metadata().get(Inputs.TABLE) instanceof Map<?, ?> table
                && table.get("label") instanceof String label) {
            if (options.label != null && !options.label.equals(label)) {
                throw new UsageException("--resume continues with the label column of " + name + ", '"
                        + Printable.of(label) + "'; leave out --label, or train a new model without --resume");
            }
            options.label = label;
        } else if (model.metadata().get("recipe") instanceof Map<?, ?> recipe
                && recipe.get("augment") instanceof String augment && !augment.equals(augmentation().toString())) {
            throw new UsageException("--resume continues with the augmentation recorded in " + name + " (" + augment
                    + "), and this run asks for " + augmentation() + ": give the --augment and --variations it was"
                    + " trained with, or train a new model without --resume");
        }
    }

    private static boolean sameFile(Path given, Path recorded) {
        return given.toAbsolutePath().normalize().equals(recorded.toAbsolutePath().normalize());
    }

    /** Images from class folders: the classes and their size first, the spec checked, then the pixels. */
    private Data images(TrainingRun run) throws IOException {
        Path root = options.data;
        Path test = options.test;
        if (root == null) {
            Path set = GeneratedData.digits(options.images.cacheRoot(), 42, console.progress());
            root = set.resolve("train");
            test = test == null ? set.resolve("test") : test;
            LOG.info("Using the built-in generated digits ({} to train on, {} to test; made once under {}).",
                    GeneratedData.DEFAULT_DIGITS, GeneratedData.DEFAULT_DIGIT_TESTS, set.getParent());
        }
        List<ClassFolder> folders = ClassFolders.of(root);
        List<String> classes = ClassFolders.names(folders);
        int[] size = options.size != null ? size(options.size) : LabelledData.ownSize(folders, options.images.lister());
        PixelFeatures pixels = new PixelFeatures(size[0], size[1], options.colour);
        run.check(spec(pixels.dimension(), classes.size()), options.hidden.equals("256") ? null : "--hidden " + options.hidden);
        if (test != null && LabelledData.isTable(test)) {
            throw new UsageException("--test " + Printable.of(test) + " is a file, and the training data is a folder of"
                    + " images: give a folder of class folders");
        }
        Examples all = options.images.load(folders, pixels, console).examples();
        Examples testSet = test == null ? null : LabelledData.images(test, classes, pixels, options.images, console);
        LOG.info("{} classes ({}), {}x{} {} pixels.", classes.size(), Printable.of(String.join(", ", classes)),
                size[0], size[1], options.colour ? "colour" : "grey");
        Split split = run.split(all, true);
        Augmentation augmentation = augmentation();
        if (!augmentation.isNone()) {
            Examples more = augmentation.apply(split.training(), size[0], size[1],
                    run.settingsInUse().seed());
            LOG.info("Augmented the {} training images with {} transformed copies each ({}): {} in all.",
                    split.training().size(), augmentation.variations(), augmentation, more.size());
            split = new Split(more, split.validation());
        }
        return new Data(classes, new Inputs.Images(pixels), split, testSet);
    }

    /** A CSV table: standardised with the statistics of the training part of the split only. */
    private Data table(TrainingRun run) throws IOException {
        if (!options.augment.equals(DEFAULT_AUGMENT) && !augmentation().isNone()) {
            throw new UsageException("--augment transforms images, and " + Printable.of(options.data.getFileName())
                    + " is a table");
        }
        if (options.size != null || options.colour) {
            throw new UsageException((options.colour ? "--colour" : "--size") + " is for images, and "
                    + Printable.of(options.data.getFileName())
                    + " is a table");
        }
        Table table = Table.read(options.data, options.label, null);
        List<String> classes = table.classNames();
        if (classes.size() < 2) {
            throw new DatasetException("every row of " + Printable.of(options.data.getFileName()) + " has the label '"
                    + Printable.of(classes.get(0)) + "': a classifier needs at least two classes");
        }
        run.check(spec(table.columns().size(), classes.size()), options.hidden.equals("256") ? null : "--hidden " + options.hidden);
        Split raw = run.split(table.examples(classes), true);
        Standardization scale = Standardization.fit(raw.training().features());
        Inputs.Columns inputs = new Inputs.Columns(table.columns(), options.label, scale);
        Examples test = options.test == null ? null : LabelledData.table(options.test, inputs, classes);
        LOG.info("{} classes ({}), {} columns ({}).", classes.size(), Printable.of(String.join(", ", classes)),
                table.columns().size(), Printable.of(String.join(", ", table.columns())));
        return new Data(classes, inputs, new Split(scaled(raw.training(), scale), scaled(raw.validation(), scale)),
                test);
    }

    private Augmentation augmentation() {
        try {
            return Augmentation.parse(options.augment, options.variations);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--augment " + Printable.of(options.augment) + ": " + e.getMessage());
        }
    }

    private static Examples scaled(Examples examples, Standardization scale) {
        return new Examples(examples.names(), scale.apply(examples.features()), examples.labels());
    }

    /** {@code inputs}, the hidden layers of {@code --hidden} (relu unless named), and a softmax over the classes. */
    private NetworkSpec spec(int inputs, int classes) {
        StringBuilder text = new StringBuilder().append(inputs);
        String hidden = options.hidden.trim();
        if (!hidden.equals("none") && !hidden.isEmpty()) {
            for (String layer : hidden.split("-", -1)) {
                text.append('-').append(layer.trim()).append(layer.contains(":") ? "" : ":relu");
            }
        }
        text.append('-').append(classes).append(":softmax/ce");
        try {
            return NetworkSpec.parse(text.toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--hidden " + options.hidden + ": " + e.getMessage());
        }
    }

    private static int[] size(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
            throw new UsageException("--size is WIDTHxHEIGHT in pixels, like 28x28, not '" + Printable.of(text) + "'");
        }
        return new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) };
    }

    private Map<String, Object> metadata(Data data, TrainingRun run, TrainingResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(AppModels.APP, APP);
        m.putAll(data.inputs().describe());
        m.put(AppModels.CLASSES, data.classes());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("data", options.data == null ? BUILT_IN_DIGITS : options.data.toAbsolutePath().toString());
        if (options.test != null) {
            d.put("test", options.test.toAbsolutePath().toString());
        }
        d.put("training", data.split().training().size());
        d.put("validation", data.split().validation().size());
        d.put("validationSplit", options.run.validationSplit);
        m.put(AppModels.DATA, d);
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("network", run.spec().toString());
        recipe.put("init", options.run.init);
        if (data.inputs() instanceof Inputs.Images) {
            recipe.put("augment", augmentation().toString());
        }
        m.put("recipe", recipe);
        if (result != null) {
            m.put(AppModels.SUMMARY, TrainingRun.summary(result));
        }
        return m;
    }
}
