package dev.mlpkit.training.listeners;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingListener;

/**
 * Logs the galaxy tutorial's line after each epoch, digit for digit:
 * {@code Epoch 1: Loss = 0.843: Train Acc = 87.0%: Val Acc = 87.6%: Time = 8.99s}.
 */
public final class EpochLog implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(EpochLog.class);

    @Override
    public void epochFinished(EpochStats stats) {
        LOG.info(format(stats));
    }

    /** The tutorial's line for {@code stats}; without validation the {@code Val Acc} part is left out, as there. */
    public static String format(EpochStats stats) {
        StringBuilder line = new StringBuilder("Epoch ").append(stats.epoch())
                .append(": Loss = ").append(fixed(stats.trainingLoss(), 3))
                .append(": Train Acc = ").append(fixed(stats.trainingAccuracy() * 100, 1)).append('%');
        if (stats.hasValidation()) {
            line.append(": Val Acc = ").append(fixed(stats.validationAccuracy() * 100, 1)).append('%');
        }
        return line.append(": Time = ").append(fixed(stats.seconds(), 2)).append('s').toString();
    }

    /**
     * Python's {@code f"{value:.Nf}"}: rounded half to even on the exact binary value, so 0.125 gives 0.12 and
     * 87.45 (stored as 87.4500000000000028...) gives 87.5. {@code String.format} rounds half up on the decimal
     * string and would differ.
     */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
