package dev.mlpkit.autodiff;

import java.util.HashMap;
import java.util.Map;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Activation;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Loss;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;

/**
 * A network's gradients found by automatic differentiation instead of hand-derived backpropagation: the forward pass
 * and the loss are written once, on a {@link Tape}, from the network's spec alone, and the tape's backward pass gives
 * {@code dC/dW} and {@code dC/db} for the batch's mean cost. One tape per batch size is kept, so a training loop
 * allocates its buffers on its first batches only.
 */
public final class NetworkGradients {

    private final Map<Integer, Tape> tapes = new HashMap<>();

    /** The mean gradients of {@code network}'s cost over the batch {@code input}, {@code target}, into {@code out}. */
    public void gradientsInto(Network network, Matrix input, Matrix target, Gradients out) {
        Tape tape = tapes.computeIfAbsent(input.cols(), cols -> new Tape(network.factory()));
        tape.reset();
        Var cost = cost(tape, network.parameters(), out, tape.constant(input), tape.constant(target));
        tape.backward(cost, 1.0 / input.cols());
    }

    /**
     * The batch's total cost of the network with {@code parameters} on inputs {@code x} and targets {@code y}: each
     * layer's {@code a = f(W a_prev + b)}, then the loss; the weights and biases are leaves whose gradients go into
     * {@code gradients}.
     */
    public static Var cost(Tape tape, Parameters parameters, Gradients gradients, Var x, Var y) {
        NetworkSpec spec = parameters.spec();
        Var a = x;
        for (int l = 0; l < spec.depth(); l++) {
            Var z = tape.matmul(tape.leaf(parameters.weights(l), gradients.weights(l)), a);
            if (parameters.hasBiases(l)) {
                z = tape.addColumn(z, tape.leaf(parameters.biases(l), gradients.biases(l)));
            }
            Activation f = spec.layer(l).activation();
            if (l == spec.depth() - 1) {
                return loss(tape, spec.loss(), f, z, y);
            }
            a = activation(tape, f, z);
        }
        throw new IllegalStateException("a network has at least one layer");
    }

    /** The loss after the output layer; with the activation it cancels with, one fused operation. */
    private static Var loss(Tape tape, Loss loss, Activation output, Var z, Var y) {
        if (loss == Loss.BINARY_CROSS_ENTROPY && output == Activation.SIGMOID) {
            return tape.sigmoidBinaryCrossEntropy(z, y);
        }
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && output == Activation.SOFTMAX) {
            return tape.softmaxCrossEntropy(z, y);
        }
        if (loss == Loss.SQUARED_ERROR) {
            return tape.squaredError(activation(tape, output, z), y);
        }
        throw new IllegalArgumentException("autodiff has no loss '" + loss.name() + "' after a '" + output.name()
                + "' output");
    }

    /** A layer's activation as tape operations. */
    static Var activation(Tape tape, Activation f, Var z) {
        return switch (f.name()) {
            case "sigmoid" -> tape.sigmoid(z);
            case "tanh" -> tape.tanh(z);
            case "relu" -> tape.relu(z);
            case "identity" -> z;
            case "softmax" -> tape.softmax(z);
            default -> {
                if (f instanceof TapeActivation formula) {
                    yield formula.apply(tape, z);
                }
                throw new IllegalArgumentException("autodiff has no activation '" + f.name() + "'");
            }
        };
    }
}
