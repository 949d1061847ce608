"""The galaxy tutorial's backpropagation and update_mini_batch, run once on a hand-checkable 2-2-1 network.

NetworkTest.oneMiniBatchUpdateFollowsTheTutorialRule compares mlpkit's update with the numbers this prints.
Run: python3 nn-core/src/test/python/tutorial_minibatch_update.py
"""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


weights = [np.array([[0.1, 0.2], [0.3, 0.4]]), np.array([[0.6, -0.7]])]
biases = [np.array([[0.5], [-0.5]]), np.array([[0.1]])]
mini_batch = [(np.array([[1.0], [0.0]]), np.array([[1.0]])), (np.array([[0.0], [1.0]]), np.array([[0.0]]))]
learn_rate = 0.5


def backpropagation(x, y):
    nabla_w = [np.zeros(w.shape) for w in weights]
    nabla_b = [np.zeros(b.shape) for b in biases]
    activation, activations, zs = x, [x], []
    for w, b in zip(weights, biases):
        z = np.dot(w, activation) + b
        zs.append(z)
        activation = sigmoid(z)
        activations.append(activation)
    delta = activations[-1] - y
    nabla_b[-1] = delta
    nabla_w[-1] = np.outer(delta, activations[-2])
    for l in range(2, 3):
        delta = np.dot(weights[-l + 1].T, delta) * sigmoid_prime(zs[-l])
        nabla_b[-l] = delta
        nabla_w[-l] = np.outer(delta, activations[-l - 1])
    return nabla_w, nabla_b


nabla_w = [np.zeros(w.shape) for w in weights]
nabla_b = [np.zeros(b.shape) for b in biases]
for x, y in mini_batch:
    dnw, dnb = backpropagation(x, y)
    nabla_w = [nw + d for nw, d in zip(nabla_w, dnw)]
    nabla_b = [nb + d for nb, d in zip(nabla_b, dnb)]
weights = [w - (learn_rate / len(mini_batch)) * nw for w, nw in zip(weights, nabla_w)]
biases = [b - (learn_rate / len(mini_batch)) * nb for b, nb in zip(biases, nabla_b)]
for name, arrays in (("weights", weights), ("biases", biases)):
    for layer, a in enumerate(arrays, 1):
        print(name, layer, [repr(float(v)) for v in a.ravel()])
