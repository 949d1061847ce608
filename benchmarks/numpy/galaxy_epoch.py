"""The galaxy tutorial's epoch in batched NumPy, to compare with EpochBenchmark on the same machine.

The same work as one epoch of `mlp galaxy train`: a [4096, 256, 128, 1] sigmoid network with binary cross-entropy,
1640 training examples in shuffled mini-batches of 100 (forward, backpropagation, gradient descent), then the
outputs for the 1640 training and 410 validation examples. Random data, as in EpochBenchmark. The weights are
N(0, 1/inputs), so that no sigmoid saturates: saturated ones make subnormal numbers, which slow NumPy down (mlpkit's
float32 kernel counts them as zero). Examples are rows, NumPy's natural layout and its faster one here.

    python3 benchmarks/numpy/galaxy_epoch.py --precision float32 --epochs 12
"""
import argparse
import statistics
import time

import numpy as np

SIZES = [4096, 256, 128, 1]
TRAINING, VALIDATION, BATCH = 1640, 410, 100


def sigmoid_in_place(z):
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1
    np.reciprocal(z, out=z)
    return z


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", choices=["float64", "float32"], default="float64")
    parser.add_argument("--epochs", type=int, default=12, help="epochs to time; the first two are not counted")
    args = parser.parse_args()
    dtype = np.float32 if args.precision == "float32" else np.float64
    rng = np.random.default_rng(1)
    weights = [(rng.standard_normal((SIZES[i], SIZES[i + 1])) / np.sqrt(SIZES[i])).astype(dtype) for i in range(3)]
    biases = [np.zeros((1, SIZES[i + 1]), dtype) for i in range(3)]
    x = rng.random((TRAINING + VALIDATION, SIZES[0])).astype(dtype)
    y = (rng.random((TRAINING + VALIDATION, 1)) > 0.5).astype(dtype)
    rate = dtype(0.01)

    def forward(inputs):
        activations = [inputs]
        for w, b in zip(weights, biases):
            activations.append(sigmoid_in_place(activations[-1] @ w + b))
        return activations

    def epoch():
        order = rng.permutation(TRAINING)
        for start in range(0, TRAINING, BATCH):
            rows = order[start:start + BATCH]
            activations = forward(x[rows])
            delta = activations[-1] - y[rows]    # sigmoid with binary cross-entropy
            scale = dtype(1.0 / len(rows))
            for layer in range(2, -1, -1):
                weight_gradient = activations[layer].T @ delta
                weight_gradient *= scale
                bias_gradient = delta.sum(axis=0, keepdims=True) * scale
                if layer > 0:
                    a = activations[layer]
                    delta = (delta @ weights[layer].T) * a * (1 - a)
                weights[layer] -= rate * weight_gradient
                biases[layer] -= rate * bias_gradient
        forward(x[:TRAINING])
        forward(x[TRAINING:])

    seconds = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        epoch()
        seconds.append(time.perf_counter() - start)
    counted = seconds[2:] if len(seconds) > 2 else seconds
    print(f"numpy {np.__version__} {args.precision}: median epoch {statistics.median(counted):.4f} s "
          f"over {len(counted)} epochs ({' '.join(f'{s:.3f}' for s in seconds)})")


if __name__ == "__main__":
    main()
