package dev.mlpkit.training.optimizer;

class AdamTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new Adam(0.01, 0.9, 0.999, 1e-8);
    }
}
