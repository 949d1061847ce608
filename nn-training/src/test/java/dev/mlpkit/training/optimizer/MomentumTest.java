package dev.mlpkit.training.optimizer;

class MomentumTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new Momentum(0.01, 0.9);
    }
}
