package dev.mlpkit.training.optimizer;

class AdaGradTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new AdaGrad(0.1, 1e-8);
    }
}
