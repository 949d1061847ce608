package dev.mlpkit.training.optimizer;

class NesterovTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new Nesterov(0.01, 0.9);
    }
}
