package dev.mlpkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkSpecTest {

    @ParameterizedTest
    @ValueSource(strings = { "4096-256:sigmoid-128:sigmoid-1:sigmoid/bce", "3-3:sigmoid:nobias-1:identity:nobias/squared",
        "3-3:sigmoid-2:softmax/ce", "784-100:relu-30:tanh-10:softmax/ce", "1-1:identity/squared" })
    void theTextFormRoundTrips(String text) {
        NetworkSpec spec = NetworkSpec.parse(text);
        assertEquals(text, spec.toString());
        assertEquals(spec, NetworkSpec.parse(spec.toString()));
    }

    @Test
    void theGalaxyTutorialsNetworkReadsAsExpected() {
        NetworkSpec spec = NetworkSpec.parse("4096-256-128-1");
        assertEquals(4096, spec.inputs());
        assertEquals(List.of(LayerSpec.of(256, Activation.SIGMOID), LayerSpec.of(128, Activation.SIGMOID),
                LayerSpec.of(1, Activation.SIGMOID)), spec.layers());
        assertEquals(Loss.BINARY_CROSS_ENTROPY, spec.loss());
        assertEquals("4096-256:sigmoid-128:sigmoid-1:sigmoid/bce", spec.toString());
        assertEquals(256, spec.fanIn(1));
        assertEquals(1, spec.outputs());
    }

    @Test
    void withoutALossTheOutputActivationChoosesIt() {
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, NetworkSpec.parse("3-3-2:softmax").loss());
        assertEquals(Loss.SQUARED_ERROR, NetworkSpec.parse("3-3-1:identity").loss());
        assertEquals(Loss.SQUARED_ERROR, NetworkSpec.parse("3-3-1:tanh").loss());
    }

    @Test
    void theBiasSwitchIsPerLayer() {
        NetworkSpec spec = NetworkSpec.parse("3-3:sigmoid:nobias-1:identity");
        assertFalse(spec.layer(0).bias());
        assertEquals(true, spec.layer(1).bias());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3-2:softmax/squared | loss 'squared' cannot follow a 'softmax' output layer (its gradient vanishes as the outputs saturate): use loss 'ce'",
        "3-2:tanh/bce | loss 'bce' needs outputs in (0, 1) from a 'sigmoid' output layer, not 'tanh'",
        "3-2:sigmoid/ce | loss 'ce' needs a 'softmax' output layer, not 'sigmoid': use 'bce' after a sigmoid or 'squared' otherwise",
        "3-0:sigmoid | size '0' in network spec '3-0:sigmoid' must be a whole number of at least 1",
        "-1-2 | size '' in network spec '-1-2' must be a whole number of at least 1",
        "3-x | size 'x' in network spec '3-x' must be a whole number of at least 1",
        "4096 | network spec '4096' needs the input size and at least one layer, like 4096-256:sigmoid-1:sigmoid",
        "3-2:swish | layer '2:swish' in network spec '3-2:swish': unknown activation 'swish': known are [sigmoid, tanh, relu, identity, softmax]",
        "3-2:sigmoid:bias | layer '2:sigmoid:bias' in network spec '3-2:sigmoid:bias': the third field can only be 'nobias', not 'bias'",
        "3-2/hinge | network spec '3-2/hinge': unknown loss 'hinge': known are [bce, squared, ce]",
        "3-2/bce/ce | network spec '3-2/bce/ce' has more than one '/'" })
    void invalidSpecsAreRejectedWithTheValuesNamed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theConstructorValidatesToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(3, List.of(), Loss.SQUARED_ERROR));
        assertEquals("a network needs at least one layer after its 3 inputs", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(0, List.of(LayerSpec.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY));
        assertEquals("a network needs at least 1 input, not 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LayerSpec.of(-2, Activation.RELU));
        assertEquals("a layer needs at least 1 unit, not -2", e.getMessage());
    }
}
