package dev.mlpkit.apps.train;

import java.nio.file.Path;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.google.inject.Inject;

import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.Examples;

/**
 * {@code mlp evaluate}: accuracy, balanced accuracy, the majority-class baseline, log loss, precision, recall, F1
 * and support per class, macro averages and the confusion matrix of a model on labelled data laid out as for
 * training; as text or for scripts, with the misclassified inputs if asked.
 */
public final class Evaluate implements Command {

    /** The command line of {@code mlp evaluate}. */
    @Parameters(commandDescription = "Measure a model on labelled data: a folder of class folders or a CSV table")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--model", description = "The trained model", validateWith = Validators.FileName.class)
        public Path model = Path.of("model.mlp");

        @Parameter(names = "--data", description = "A folder of class folders, or a CSV file with the model's columns"
                + " and its label column", validateWith = Validators.FileName.class)
        public Path data;

        @ParametersDelegate
        public ImageFlags images = new ImageFlags();

        @ParametersDelegate
        public ReportFlags report = new ReportFlags();
    }

    private final Options options;
    private final Console console;

    @Inject
    Evaluate(Options options, Console console) {
        this.options = options;
        this.console = console;
    }

    @Override
    public int run() throws Exception {
        if (options.data == null) {
            throw new UsageException("say what to measure the model on: --data FOLDER|TABLE.csv");
        }
        options.report.check();
        Classifier classifier = Classifier.read(options.model, null);
        Examples examples = examples(classifier);
        double[][] probabilities = classifier.probabilities(examples.features());
        int[] predicted = classifier.predictions(probabilities);
        ClassificationReport report = ClassificationReport.of(classifier.classes(), examples.labels(), predicted,
                probabilities);
        options.report.write(System.out, report, report.text(), java.util.Map.of("model", options.model.toString()),
                examples, probabilities, predicted);
        return 0;
    }

    private Examples examples(Classifier classifier) throws java.io.IOException {
        if (classifier.inputs() instanceof Inputs.Columns columns) {
            if (!LabelledData.isTable(options.data)) {
                throw new UsageException(options.model.getFileName() + " reads CSV tables, and " + options.data
                        + " is not a file");
            }
            return LabelledData.table(options.data, columns, classifier.classes());
        }
        if (LabelledData.isTable(options.data)) {
            throw new UsageException(options.model.getFileName() + " reads images, and " + options.data
                    + " is a file: give a folder of class folders");
        }
        Inputs.Images images = (Inputs.Images) classifier.inputs();
        return LabelledData.images(options.data, classifier.classes(), images.extractor(), options.images, console);
    }
}
