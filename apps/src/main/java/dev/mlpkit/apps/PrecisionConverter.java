package dev.mlpkit.apps;

import java.util.Locale;

import com.beust.jcommander.ParameterException;
import com.beust.jcommander.converters.BaseConverter;

import dev.mlpkit.linalg.MatrixFactory;

/** {@code --precision}: {@code double} (or {@code float64}) and {@code float} (or {@code float32}). */
public final class PrecisionConverter extends BaseConverter<MatrixFactory> {

    public PrecisionConverter(String optionName) {
        super(optionName);
    }

    @Override
    public MatrixFactory convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "double", "float64" -> MatrixFactory.float64();
            case "float", "float32" -> MatrixFactory.float32();
            default -> throw new ParameterException(getOptionName() + " must be double or float, not " + value);
        };
    }

    /** "double (float64)" or "float (float32)": the flag's word and the storage's name. */
    public static String describe(MatrixFactory precision) {
        return (precision.isFloat32() ? "float" : "double") + " (" + precision + ")";
    }
}
