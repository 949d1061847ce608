package dev.mlpkit.nn.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;

/**
 * What a model file holds.
 *
 * @param parameters    the network's spec, weights and biases
 * @param state         more named matrices to keep with the network (an optimizer's moments, for example); their
 *                      names must differ from the parameters' names ({@code layer1.weights}, ...)
 * @param metadata      JSON values by name, for whatever later stages record (feature extractor, optimizer, seed,
 *                      dataset, training summary); strings, numbers, booleans, lists and maps of those
 * @param mlpkitVersion the mlpkit version that wrote the file
 * @param created       when the model was made
 */
public record Model(Parameters parameters, Map<String, Matrix> state, Map<String, Object> metadata,
        String mlpkitVersion, Instant created) {

    public Model {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(mlpkitVersion, "mlpkitVersion");
        Objects.requireNonNull(created, "created");
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        for (String name : state.keySet()) {
            if (parameters.names().contains(name)) {
                throw new IllegalArgumentException("state array '" + name + "' has the name of a parameter");
            }
        }
    }

    /** A model made now by this version of mlpkit. */
    public static Model of(Parameters parameters, Map<String, Matrix> state, Map<String, Object> metadata) {
        return new Model(parameters, state, metadata, MlpkitVersion.current(), Instant.now());
    }

    /** A model of just the parameters, made now. */
    public static Model of(Parameters parameters) {
        return of(parameters, Map.of(), Map.of());
    }

    public NetworkSpec spec() {
        return parameters.spec();
    }
}
