package dev.mlpkit.apps;

import com.beust.jcommander.IParameterValidator;
import com.beust.jcommander.ParameterException;

/** Checks of numeric flags, each failing with one sentence that names the flag and the value. */
public final class Validators {

    private Validators() {
    }

    /** A whole number of at least 1. */
    public static final class PositiveInteger implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                if (Integer.parseInt(value.trim()) >= 1) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a whole number of at least 1, not " + value);
        }
    }

    /** A whole number of at least 0. */
    public static final class NonNegativeInteger implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                if (Integer.parseInt(value.trim()) >= 0) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a whole number of at least 0, not " + value);
        }
    }

    /** A finite number above 0. */
    public static final class PositiveNumber implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v > 0 && Double.isFinite(v)) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a number above 0, not " + value);
        }
    }

    /** A number of at least 0 and below 1. */
    public static final class Fraction implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v >= 0 && v < 1) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a number of at least 0 and below 1, not " + value);
        }
    }

    /** A finite number of at least 0. */
    public static final class NonNegativeNumber implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v >= 0 && Double.isFinite(v)) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a number of at least 0, not " + value);
        }
    }

    /**
     * A file or folder name, not an option this command does not have (JCommander would take it for a name); the
     * error is JCommander's own wording, which {@link CommandLineErrors} turns into a sentence with a suggestion.
     */
    public static final class NotAnOption implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            if (value.startsWith("-")) {
                throw new ParameterException("Unknown option: " + value);
            }
        }
    }
}
