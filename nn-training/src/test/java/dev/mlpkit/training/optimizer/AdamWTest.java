package dev.mlpkit.training.optimizer;

class AdamWTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new AdamW(0.01, 0.9, 0.999, 1e-8, 0.01);
    }
}
