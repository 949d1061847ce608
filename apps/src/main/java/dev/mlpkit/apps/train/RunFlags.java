package dev.mlpkit.apps.train;

import java.nio.file.Path;

import com.beust.jcommander.Parameter;

import dev.mlpkit.apps.PrecisionConverter;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.linalg.MatrixFactory;

/** The flags of a training run that every training command shares: where its outputs go, the split, the compute. */
public final class RunFlags {

    @Parameter(names = "--model", description = "Where to save the trained model", validateWith = Validators.FileName.class)
    public Path model;

    @Parameter(names = "--metrics", description = "Where to write the per-epoch metrics (CSV)",
            validateWith = Validators.FileName.class)
    public Path metrics = Path.of("metrics.csv");

    @Parameter(names = "--curves", description = "Where to draw the training curves (PNG)",
            validateWith = Validators.FileName.class)
    public Path curves = Path.of("training_curves.png");

    @Parameter(names = "--save-best", description = "Save the epoch of the lowest validation loss to --model, not the"
            + " last (written as soon as an epoch lowers it)")
    public boolean saveBest;

    @Parameter(names = "--checkpoint-every", description = "Also save the run every N epochs to <model>.checkpoint,"
            + " so that a crash loses at most N (Ctrl-C always saves there; removed once the model is saved; 0: off)",
            validateWith = Validators.NonNegativeInteger.class)
    public int checkpointEvery;

    @Parameter(names = "--init", description = "Initial weights: normal (N(0,1), the galaxy tutorial's), uniform,"
            + " xavier, he")
    public String init;

    @Parameter(names = "--val-split", description = "Fraction of the examples kept for validation",
            validateWith = Validators.Fraction.class)
    public double validationSplit;

    @Parameter(names = "--stratify", description = "Split each class in the same proportion (mlp train always does)")
    public boolean stratify;

    @Parameter(names = "--threads", description = "Threads for matrix products (default: all cores)",
            validateWith = Validators.PositiveInteger.class)
    public Integer threads;

    @Parameter(names = "--resume", description = "Continue training from this model file, exactly where it stopped",
            validateWith = Validators.FileName.class)
    public Path resume;

    @Parameter(names = "--precision", description = "double (float64, the default) or float (float32: half the"
            + " memory, about twice as fast, the same accuracy on the tutorial's settings)",
            converter = PrecisionConverter.class)
    public MatrixFactory precision;

    /** The app's defaults: its model file, initialiser and validation fraction. */
    public RunFlags(Path model, String init, double validationSplit) {
        this.model = model;
        this.init = init;
        this.validationSplit = validationSplit;
    }
}
