package dev.mlpkit.training;

/**
 * How the learning rate changes from epoch to epoch: a factor on the optimizer's base learning rate.
 *
 * <p>Written as text: {@code constant}, {@code step:0.5:10} (halve every 10 epochs), {@code exponential:0.95}
 * (times 0.95 each epoch), {@code inverse-time:0.1} (divided by 1 + 0.1 epoch), {@code cosine:20} (from 1 down to 0
 * over 20 epochs along a half cosine), {@code cosine:20:0.01} (down to 0.01) or {@code plateau:0.5:3} (halved each
 * time the validation loss has not reached a new low for 3 epochs).
 */
public interface LearningRateSchedule {

    /**
     * The factor for the epoch that has {@code epoch} epochs before it (0 for the first).
     *
     * @param validationLosses the validation loss after each epoch before this one, oldest first; empty when there
     *                         is no validation set
     */
    double factor(int epoch, double[] validationLosses);

    /** True when the factor depends on the validation losses, so that training needs a validation set. */
    default boolean watchesValidation() {
        return false;
    }

    /** The text form, which {@link #parse} reads back. */
    @Override
    String toString();

    /** The schedule written as {@code text}. */
    static LearningRateSchedule parse(String text) {
        String[] p = text.trim().split(":", -1);
        try {
            switch (p[0]) {
                case "constant":
                    if (p.length == 1) {
                        return new Constant();
                    }
                    break;
                case "step":
                    if (p.length == 3) {
                        return new Step(Double.parseDouble(p[1]), Integer.parseInt(p[2]));
                    }
                    break;
                case "exponential":
                    if (p.length == 2) {
                        return new Exponential(Double.parseDouble(p[1]));
                    }
                    break;
                case "inverse-time":
                    if (p.length == 2) {
                        return new InverseTime(Double.parseDouble(p[1]));
                    }
                    break;
                case "cosine":
                    if (p.length == 2 || p.length == 3) {
                        return new Cosine(Integer.parseInt(p[1]), p.length == 3 ? Double.parseDouble(p[2]) : 0.0);
                    }
                    break;
                case "plateau":
                    if (p.length == 3) {
                        return new Plateau(Double.parseDouble(p[1]), Integer.parseInt(p[2]));
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown learning-rate schedule '" + text
                            + "': known are constant, step:FACTOR:EVERY, exponential:RATE, inverse-time:RATE,"
                            + " cosine:EPOCHS[:FLOOR], plateau:FACTOR:PATIENCE");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("learning-rate schedule '" + text + "' has a value that is not a number");
        }
        throw new IllegalArgumentException("learning-rate schedule '" + text + "' has the wrong number of values: "
                + "write constant, step:FACTOR:EVERY, exponential:RATE, inverse-time:RATE, cosine:EPOCHS[:FLOOR] or"
                + " plateau:FACTOR:PATIENCE");
    }

    /** The same rate every epoch. */
    record Constant() implements LearningRateSchedule {
        @Override
        public double factor(int epoch, double[] validationLosses) {
            return 1.0;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /** Times {@code factor} every {@code every} epochs. */
    record Step(double factor, int every) implements LearningRateSchedule {
        public Step {
            Require.positive("step factor", factor);
            Require.positive("step interval", every);
        }

        @Override
        public double factor(int epoch, double[] validationLosses) {
            return Math.pow(factor, epoch / every);
        }

        @Override
        public String toString() {
            return "step:" + Settings.format(factor) + ":" + every;
        }
    }

    /** Times {@code rate} every epoch. */
    record Exponential(double rate) implements LearningRateSchedule {
        public Exponential {
            Require.positive("exponential rate", rate);
        }

        @Override
        public double factor(int epoch, double[] validationLosses) {
            return Math.pow(rate, epoch);
        }

        @Override
        public String toString() {
            return "exponential:" + Settings.format(rate);
        }
    }

    /** Divided by {@code 1 + rate * epoch}. */
    record InverseTime(double rate) implements LearningRateSchedule {
        public InverseTime {
            Require.nonNegative("inverse-time rate", rate);
        }

        @Override
        public double factor(int epoch, double[] validationLosses) {
            return 1.0 / (1.0 + rate * epoch);
        }

        @Override
        public String toString() {
            return "inverse-time:" + Settings.format(rate);
        }
    }

    /** From 1 down to {@code floor} over {@code epochs} epochs along a half cosine (Loshchilov and Hutter 2017), then {@code floor}. */
    record Cosine(int epochs, double floor) implements LearningRateSchedule {
        public Cosine {
            Require.positive("cosine epochs", epochs);
            Require.nonNegative("cosine floor", floor);
        }

        @Override
        public double factor(int epoch, double[] validationLosses) {
            double progress = Math.min(epoch, epochs) / (double) epochs;
            return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }

        @Override
        public String toString() {
            return "cosine:" + epochs + (floor == 0 ? "" : ":" + Settings.format(floor));
        }
    }

    /**
     * Times {@code factor} each time the validation loss has gone {@code patience} epochs without a new low (Keras'
     * {@code ReduceLROnPlateau}); the count of epochs without a new low starts again after each reduction.
     */
    record Plateau(double factor, int patience) implements LearningRateSchedule {
        public Plateau {
            Require.fraction("plateau factor", Require.positive("plateau factor", factor));
            Require.positive("plateau patience", patience);
        }

        @Override
        public double factor(int epoch, double[] validationLosses) {
            double result = 1.0;
            double lowest = Double.POSITIVE_INFINITY;
            int withoutLow = 0;
            for (double loss : validationLosses) {
                if (loss < lowest) {
                    lowest = loss;
                    withoutLow = 0;
                } else if (++withoutLow == patience) {
                    result *= factor;
                    withoutLow = 0;
                }
            }
            return result;
        }

        @Override
        public boolean watchesValidation() {
            return true;
        }

        @Override
        public String toString() {
            return "plateau:" + Settings.format(factor) + ":" + patience;
        }
    }
}
