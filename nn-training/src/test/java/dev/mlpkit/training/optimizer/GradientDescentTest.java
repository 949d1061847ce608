package dev.mlpkit.training.optimizer;

class GradientDescentTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new GradientDescent(0.01);
    }
}
