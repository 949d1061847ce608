package dev.mlpkit.training.optimizer;

class RmsPropTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new RmsProp(0.01, 0.9, 1e-8);
    }
}
