package dev.mlpkit.training.optimizer;

import java.util.List;
import java.util.Map;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Settings;

/**
 * An update rule: how one parameter matrix moves, given the batch's mean gradient. Only the update maths lives here;
 * the shared {@link dev.mlpkit.training.Updater} does gradient clipping, L2 weight decay and learning-rate schedules
 * for every optimizer, and the {@link dev.mlpkit.training.Trainer} owns the loop and the batching.
 *
 * <h2>Writing one</h2>
 * Make it a record whose components are its settings (they are then immutable, listed by {@link #settings()}, changed
 * by name with {@link #withSettings} and written into model files), validate them in the compact constructor, and
 * return {@code Settings.describe(this)} from {@code toString()}. {@code docs/writing-an-optimizer.md} walks through a
 * complete example, and the {@code OptimizerContractTest} kit in nn-training's test-jar checks it.
 *
 * <h2>Call order</h2>
 * <ol>
 * <li>Before the first step the updater makes an {@link OptimizerState}: for every parameter matrix, one zero matrix
 * of the same shape per name in {@link #stateNames()} (Adam's {@code m} and {@code v}).</li>
 * <li>For every batch it calls {@link #updateWeightsInPlace} for each layer's weights and {@link #updateInPlace} for
 * its biases, with that matrix's gradient and state, the scheduled learning rate and the 1-based number of this step:
 * layer by layer during backpropagation, or, when the gradient is clipped or decayed (which needs all of it first),
 * {@link #updateInPlace} for every matrix after it.</li>
 * <li>The state can be reset (a new run), copied (an independent run) and saved in a model file (exact resume); the
 * optimizer itself never changes.</li>
 * </ol>
 */
public interface Optimizer {

    /** The lowercase name it is registered and selected by ({@code --optimizer adam}). */
    String name();

    /** The base learning rate, which the schedule scales epoch by epoch. */
    double learningRate();

    /** The names of the per-parameter state this rule keeps, one matrix each: none for plain gradient descent. */
    default List<String> stateNames() {
        return List.of();
    }

    /**
     * Moves {@code parameter} against {@code gradient}, in place, updating {@code state}. Allocate nothing here: it
     * runs once per matrix per batch.
     *
     * @param parameter    a weight or bias matrix
     * @param gradient     its mean gradient over the batch, same shape
     * @param state        this matrix's state, one matrix per {@link #stateNames()} entry, same shape
     * @param learningRate the learning rate for this step: {@link #learningRate()} times the schedule's factor
     * @param step         how many steps have been taken, this one included (1 on the first)
     */
    void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double learningRate, long step);

    /**
     * Moves a layer's {@code weights} against their gradient, given as the product {@code scale * delta input^T}
     * (backpropagation's factors, see {@link dev.mlpkit.nn.GradientSink}). This default multiplies it out into
     * {@code gradient} and calls {@link #updateInPlace}; a rule whose step is a multiple of the gradient (plain
     * descent) may add the product straight into the weights, which saves storing it and a pass over it. The contract
     * kit checks that both give the same bits.
     */
    default void updateWeightsInPlace(Matrix weights, Matrix delta, Matrix input, double scale, Matrix gradient,
            List<Matrix> state, double learningRate, long step) {
        delta.multiplyInto(false, input, true, scale, gradient);
        updateInPlace(weights, gradient, state, learningRate, step);
    }

    /** The settings by name: the record's components. */
    default Map<String, Object> settings() {
        return Settings.of(this);
    }

    /** A copy with the given settings changed, validated as the constructor validates them. */
    default Optimizer withSettings(Map<String, ?> changes) {
        return Settings.with(this, changes);
    }
}
