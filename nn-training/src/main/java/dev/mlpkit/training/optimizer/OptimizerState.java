package dev.mlpkit.training.optimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Parameters;

/**
 * An optimizer's per-parameter state (moments, velocities) and its step count, kept apart from the optimizer's
 * immutable settings: it can be reset, copied, and saved with a model for an exact resume.
 */
public final class OptimizerState {

    private final List<String> names;
    private final List<String> parameterNames;
    /** slots.get(k).get(s): state matrix s of parameter matrix k. */
    private final List<List<Matrix>> slots;
    private long steps;

    private OptimizerState(List<String> names, List<String> parameterNames, List<List<Matrix>> slots, long steps) {
        this.names = names;
        this.parameterNames = parameterNames;
        this.slots = slots;
        this.steps = steps;
    }

    /** Zero state of {@code optimizer} for {@code parameters}, no steps taken. */
    public static OptimizerState create(Optimizer optimizer, Parameters parameters) {
        List<List<Matrix>> slots = new ArrayList<>();
        for (Matrix p : parameters.matrices()) {
            List<Matrix> perParameter = new ArrayList<>();
            for (int s = 0; s < optimizer.stateNames().size(); s++) {
                perParameter.add(p.factory().zeros(p.rows(), p.cols()));
            }
            slots.add(Collections.unmodifiableList(perParameter));
        }
        return new OptimizerState(List.copyOf(optimizer.stateNames()), parameters.names(), slots, 0);
    }

    /** The state matrices of parameter matrix {@code index}, one per state name. */
    public List<Matrix> of(int index) {
        return slots.get(index);
    }

    /** The number of steps taken. */
    public long steps() {
        return steps;
    }

    /** Counts one more step and returns the new count. */
    public long countStep() {
        return ++steps;
    }

    /** Back to zero state and no steps, as before the first step. */
    public void reset() {
        for (List<Matrix> perParameter : slots) {
            for (Matrix m : perParameter) {
                m.fillInPlace(0.0);
            }
        }
        steps = 0;
    }

    /** An independent copy. */
    public OptimizerState copy() {
        List<List<Matrix>> copies = new ArrayList<>();
        for (List<Matrix> perParameter : slots) {
            List<Matrix> copy = new ArrayList<>();
            for (Matrix m : perParameter) {
                copy.add(m.copy());
            }
            copies.add(Collections.unmodifiableList(copy));
        }
        return new OptimizerState(names, parameterNames, copies, steps);
    }

    /** The state matrices named {@code optimizer.<state>.<parameter>}, for a model file. */
    public Map<String, Matrix> toArrays() {
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        for (int k = 0; k < slots.size(); k++) {
            for (int s = 0; s < names.size(); s++) {
                arrays.put(arrayName(names.get(s), parameterNames.get(k)), slots.get(k).get(s));
            }
        }
        return arrays;
    }

    /** Copies state read from a model file, as {@link #toArrays()} named it, into this state; sets the step count. */
    public void restore(Map<String, Matrix> arrays, long stepCount) {
        for (int k = 0; k < slots.size(); k++) {
            for (int s = 0; s < names.size(); s++) {
                String name = arrayName(names.get(s), parameterNames.get(k));
                Matrix saved = arrays.get(name);
                if (saved == null) {
                    throw new IllegalArgumentException("the saved optimizer state has no array '" + name + "'");
                }
                saved.copyInto(slots.get(k).get(s));
            }
        }
        this.steps = stepCount;
    }

    private static String arrayName(String state, String parameter) {
        return "optimizer." + state + "." + parameter;
    }
}
