package dev.mlpkit.apps.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.datasets.Standardization;
import dev.mlpkit.datasets.Table;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFileException;

/**
 * What a classifier reads and how its inputs are made, as its model file records it: images turned into features by
 * a {@link FeatureExtractor}, or the numeric columns of a CSV table, standardised with the training part's statistics.
 */
public sealed interface Inputs {

    /** The metadata key of a table's columns, label column and standardisation. */
    String TABLE = "table";

    /** How many numbers each input gives the network. */
    int dimension();

    /** What to record in a model file's metadata. */
    Map<String, Object> describe();

    /** Images, preprocessed by {@code extractor}. */
    record Images(FeatureExtractor extractor) implements Inputs {

        @Override
        public int dimension() {
            return extractor.dimension();
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of(AppModels.FEATURES, extractor.describe());
        }
    }

    /**
     * The {@code columns} of a CSV table, standardised by {@code scale}; {@code label} names its label column.
     */
    record Columns(List<String> columns, String label, Standardization scale) implements Inputs {

        public Columns {
            columns = List.copyOf(columns);
        }

        @Override
        public int dimension() {
            return columns.size();
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("columns", columns);
            table.put("label", label);
            table.putAll(scale.toMap());
            return Map.of(TABLE, table);
        }

        /** The rows of {@code table} (read with these columns) as the network's inputs. */
        public double[][] inputs(Table table) {
            return scale.apply(table.values());
        }
    }

    /** The inputs {@code model} (read from {@code file}) was trained on; a sentence when it does not say. */
    static Inputs of(Model model, Path file) throws ModelFileException {
        Object table = model.metadata().get(TABLE);
        if (table == null) {
            FeatureExtractor extractor = AppModels.features(model, file);
            if (extractor.dimension() != model.spec().inputs()) {
                throw new ModelFileException(file.getFileName() + " says its images give " + extractor.dimension()
                        + " features, but its network reads " + model.spec().inputs());
            }
            return new Images(extractor);
        }
        try {
            Map<?, ?> map = (Map<?, ?>) table;
            List<String> columns = ((List<?>) map.get("columns")).stream().map(c -> (String) c).toList();
            String label = (String) map.get("label");
            if (columns.size() != model.spec().inputs()) {
                throw new IllegalArgumentException(columns.size() + " columns for " + model.spec().inputs() + " inputs");
            }
            return new Columns(columns, label, Standardization.fromMap(map, columns.size()));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new ModelFileException(file.getFileName() + " does not say properly which table columns it reads"
                    + (e instanceof IllegalArgumentException ? " (" + e.getMessage() + ")" : ""), e);
        }
    }
}
