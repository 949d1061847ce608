package dev.mlpkit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.TrainingResult.StopReason;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.batching.Batchings;
import dev.mlpkit.training.batching.FullBatch;
import dev.mlpkit.training.batching.MiniBatch;
import dev.mlpkit.training.batching.Sgd;
import dev.mlpkit.training.optimizer.Adam;
import dev.mlpkit.training.optimizer.GradientDescent;
import dev.mlpkit.training.optimizer.Momentum;
import dev.mlpkit.training.optimizer.Optimizers;

class TrainerTest {

    static final NetworkSpec XOR_NETWORK = NetworkSpec.parse("2-4:sigmoid-1:sigmoid/bce");
    static final Samples XOR = new Samples(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } },
            new double[][] { { 0 }, { 1 }, { 1 }, { 0 } });
    private static final Samples ANTI_XOR = new Samples(XOR.inputs(), new double[][] { { 1 }, { 0 }, { 0 }, { 1 } });
    private static final double REFERENCE_TOLERANCE = 1e-12;

    @TempDir
    Path folder;

    @Test
    void momentumSolvesXor() {
        TrainingResult result = trainXor(new Momentum(0.5, 0.9), 300);
        assertEquals(1.0, result.last().trainingAccuracy(), result.explanation());
    }

    @Test
    void adamSolvesXor() {
        TrainingResult result = trainXor(new Adam(0.05, 0.9, 0.999, 1e-8), 300);
        assertEquals(1.0, result.last().trainingAccuracy(), result.explanation());
    }

    @Test
    void plainGradientDescentSolvesXorGivenEnoughEpochs() {
        TrainingResult result = trainXor(new GradientDescent(2.0), 3000);
        assertEquals(1.0, result.last().trainingAccuracy(), result.explanation());
    }

    @Test
    void sgdEqualsMiniBatchesOfOne() {
        Samples data = randomSamples(12, 3, 2, 1);
        TrainingSettings settings = settings(new Momentum(0.1, 0.9), 4).withBatching(new Sgd());
        Network a = network("3-5:tanh-2:softmax", 2);
        Network b = network("3-5:tanh-2:softmax", 2);
        new Trainer(settings, List.of()).train(a, data, Samples.none());
        new Trainer(settings.withBatching(new MiniBatch(1)), List.of()).train(b, data, Samples.none());
        assertArrayEquals(bits(a.parameters()), bits(b.parameters()));
    }

    @Test
    void aFullBatchUpdateIsTheMeanOfThePerExampleGradients() {
        Samples data = randomSamples(10, 3, 2, 3);
        Network network = network("3-4:sigmoid-2:softmax", 4);
        Parameters before = network.parameters().copy();

        Gradients sum = Gradients.like(before);
        Network reference = new Network(before.copy());
        Gradients single = Gradients.like(before);
        for (int i = 0; i < data.size(); i++) {
            Matrix x = reference.factory().zeros(3, 1);
            Matrix y = reference.factory().zeros(2, 1);
            x.setColumn(0, data.inputs()[i]);
            y.setColumn(0, data.targets()[i]);
            reference.backpropInto(x, y, single);
            for (int k = 0; k < sum.matrices().size(); k++) {
                sum.matrices().get(k).addScaledInPlace(1.0, single.matrices().get(k));
            }
        }
        new Trainer(settings(new GradientDescent(0.1), 1).withBatching(new FullBatch()), List.of()).train(network, data,
                Samples.none());
        for (int k = 0; k < before.matrices().size(); k++) {
            Matrix expected = before.matrices().get(k).copy();
            expected.addScaledInPlace(-0.1 / data.size(), sum.matrices().get(k));
            Matrix actual = network.parameters().matrices().get(k);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), REFERENCE_TOLERANCE);
            }
        }
    }

    /**
     * The training and validation sets are evaluated in one pass; each set's loss and accuracy are those of evaluating
     * it alone: exactly when both fit one chunk, and to the last digits of a sum when the validation set straddles two
     * chunks of 4096 examples (its loss is then summed in two parts).
     */
    @ParameterizedTest(name = "{0} training and {1} validation examples")
    @CsvSource({ "30,11", "4090,20" })
    void theEpochsFiguresAreThoseOfEachSetEvaluatedAlone(int trainingSize, int validationSize) {
        Samples training = randomSamples(trainingSize, 4, 3, 5);
        Samples validation = randomSamples(validationSize, 4, 3, 6);
        Network network = network("4-5:tanh-3:softmax", 7);
        TrainingResult result = new Trainer(settings(new GradientDescent(0.1), 1), List.of()).train(network, training,
                validation);
        EpochStats stats = result.last();
        Evaluation onTraining = Evaluation.of(network, training);
        Evaluation onValidation = Evaluation.of(network, validation);
        double tolerance = trainingSize + validationSize > 4096 ? 1e-12 : 0.0;
        assertEquals(onTraining.meanLoss(), stats.trainingLoss(), 0.0);
        assertEquals(onTraining.accuracy(), stats.trainingAccuracy(), 0.0);
        assertEquals(onValidation.meanLoss(), stats.validationLoss(), tolerance);
        assertEquals(onValidation.accuracy(), stats.validationAccuracy(), 0.0);
    }

    /**
     * A clipping that clips nothing changes no bit of plain gradient descent's weights after three epochs, in both
     * precisions, also after a step with a learning rate of 0.
     */
    @ParameterizedTest
    @ValueSource(strings = { "float64", "float32" })
    void aClippingThatClipsNothingChangesNoBit(String precision) {
        Samples data = randomSamples(40, 6, 1, 17);
        // The cosine schedule reaches a learning rate of 0 in the last epoch: that step moves nothing, either way.
        TrainingSettings fused = settings(new GradientDescent(0.7), 3).withBatching(new MiniBatch(8))
                .withSchedule(LearningRateSchedule.parse("cosine:2"));
        TrainingSettings apart = fused.withClipping(GradientClipping.parse("value:1e300"));
        Network a = network("6-5:sigmoid-4:tanh-1:sigmoid/bce", 8, MatrixFactory.named(precision));
        Network b = network("6-5:sigmoid-4:tanh-1:sigmoid/bce", 8, MatrixFactory.named(precision));
        new Trainer(fused, List.of()).train(a, data, Samples.none());
        new Trainer(apart, List.of()).train(b, data, Samples.none());
        assertArrayEquals(bits(b.parameters()), bits(a.parameters()));
    }

    /**
     * A float32 network's batches are gathered from the examples held once in float32: the numbers, and so every
     * weight after two epochs, are those of batches filled from the doubles themselves.
     */
    @Test
    void float32BatchesHoldTheRoundedInputs() {
        Samples data = randomSamples(24, 5, 1, 9);
        int batchSize = 8;
        TrainingSettings settings = settings(new GradientDescent(0.5), 2).withBatching(new MiniBatch(batchSize))
                .withShuffle(false);
        Network trained = network("5-6:sigmoid-1:sigmoid/bce", 6, MatrixFactory.float32());
        Network reference = network("5-6:sigmoid-1:sigmoid/bce", 6, MatrixFactory.float32());
        new Trainer(settings, List.of()).train(trained, data, Samples.none());

        Gradients gradients = Gradients.like(reference.parameters());
        Matrix x = MatrixFactory.float32().zeros(5, batchSize);
        Matrix y = MatrixFactory.float32().zeros(1, batchSize);
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int from = 0; from < data.size(); from += batchSize) {
                for (int j = 0; j < batchSize; j++) {
                    x.setColumn(j, data.inputs()[from + j]);
                    y.setColumn(j, data.targets()[from + j]);
                }
                reference.backpropInto(x, y, gradients);
                reference.parameters().subtractScaledInPlace(0.5, gradients);
            }
        }
        assertArrayEquals(bits(reference.parameters()), bits(trained.parameters()));
    }

    @Test
    void theSameSeedGivesBitIdenticalWeights() {
        assertArrayEquals(shuffledRun(7), shuffledRun(7));
        assertFalse(java.util.Arrays.equals(shuffledRun(7), shuffledRun(8)), "another seed shuffles otherwise");
    }

    /** In float32 too: the checkpoint says the precision, and the resumed network computes in it. */
    @ParameterizedTest
    @ValueSource(strings = { "float64", "float32" })
    void tenEpochsSavedLoadedAndTenMoreEqualTwenty(String precision) throws IOException {
        MatrixFactory factory = MatrixFactory.named(precision);
        Samples data = randomSamples(50, 4, 1, 5);
        TrainingSettings settings = settings(new Adam(0.01, 0.9, 0.999, 1e-8), 20).withBatching(new MiniBatch(8));
        Network straight = network("4-6:sigmoid-1:sigmoid", 6, factory);
        new Trainer(settings, List.of()).train(straight, data, Samples.none());

        Network first = network("4-6:sigmoid-1:sigmoid", 6, factory);
        Trainer firstHalf = new Trainer(settings.withEpochs(10), List.of());
        firstHalf.train(first, data, Samples.none());
        Path file = folder.resolve("half.mlp");
        ModelFile.write(file, Checkpoint.of(first, firstHalf, Map.of()));

        Model saved = ModelFile.read(file);
        TrainingSettings restoredSettings = Checkpoint.settingsOf(saved, Optimizers.registry(), Batchings.registry());
        assertEquals(settings.withEpochs(10), restoredSettings);
        Trainer secondHalf = new Trainer(restoredSettings.withEpochs(20), List.of());
        Network second = Checkpoint.restore(saved, secondHalf, Checkpoint.precisionOf(saved));
        assertEquals(precision, second.factory().name());
        TrainingResult result = secondHalf.train(second, data, Samples.none());

        assertEquals(11, result.history().get(0).epoch());
        assertArrayEquals(bits(straight.parameters()), bits(second.parameters()));
    }

    /**
     * A plateau schedule's rate depends on the validation losses before it, which the checkpoint keeps: a run resumed
     * halfway lowers its rate when the straight run does, and ends on the same bits.
     */
    @Test
    void aPlateauScheduleResumesWhereItStopped() throws IOException {
        Samples training = randomSamples(40, 4, 1, 5);
        Samples validation = randomSamples(20, 4, 1, 6);
        TrainingSettings settings = settings(new GradientDescent(2.0), 20).withBatching(new MiniBatch(8))
                .withSchedule(LearningRateSchedule.parse("plateau:0.5:2"));
        Network straight = network("4-6:sigmoid-1:sigmoid", 6, MatrixFactory.float64());
        TrainingResult all = new Trainer(settings, List.of()).train(straight, training, validation);
        double lowestRate = all.history().stream().mapToDouble(EpochStats::learningRate).min().orElseThrow();
        assertTrue(all.history().get(10).learningRate() < 2.0 && lowestRate < 2.0, "the rate was lowered");

        Network first = network("4-6:sigmoid-1:sigmoid", 6, MatrixFactory.float64());
        Trainer firstHalf = new Trainer(settings.withEpochs(10), List.of());
        firstHalf.train(first, training, validation);
        Path file = folder.resolve("plateau.mlp");
        ModelFile.write(file, Checkpoint.of(first, firstHalf, Map.of()));
        Model saved = ModelFile.read(file);
        Trainer secondHalf = new Trainer(settings, List.of());
        Network second = Checkpoint.restore(saved, secondHalf, MatrixFactory.float64());
        TrainingResult rest = secondHalf.train(second, training, validation);

        for (int e = 0; e < 10; e++) {
            assertEquals(all.history().get(10 + e).learningRate(), rest.history().get(e).learningRate(),
                    "epoch " + (11 + e));
        }
        assertArrayEquals(bits(straight.parameters()), bits(second.parameters()));
    }

    /**
     * Balanced class weights on a set with one positive in ten: the weighted run finds more of the rare class than
     * the unweighted one, and a batch's gradient is the weighted one (a run of one full batch equals one step of
     * gradient descent on {@code (1/n) sum_x w_x C_x}, computed with the network's weighted backpropagation).
     */
    @Test
    void balancedClassWeightsFindMoreOfARareClass() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[200][2];
        double[][] y = new double[200][1];
        for (int i = 0; i < 200; i++) {
            y[i][0] = i % 10 == 0 ? 1 : 0;
            x[i][0] = random.nextGaussian() + (y[i][0] == 1 ? 1.0 : 0.0);
            x[i][1] = random.nextGaussian();
        }
        Samples data = new Samples(x, y);
        TrainingSettings plain = settings(new GradientDescent(0.5), 30).withBatching(new MiniBatch(20));
        Network unweighted = network("2-1:sigmoid", 4, MatrixFactory.float64());
        new Trainer(plain, List.of()).train(unweighted, data, Samples.none());
        Network weighted = network("2-1:sigmoid", 4, MatrixFactory.float64());
        new Trainer(plain.withClassWeights(ClassWeights.BALANCED), List.of()).train(weighted, data, Samples.none());
        int foundUnweighted = positivesFound(unweighted, data);
        int foundWeighted = positivesFound(weighted, data);
        assertTrue(foundWeighted > foundUnweighted + 5, "of 20 positives, weighted " + foundWeighted
                + ", unweighted " + foundUnweighted);

        Network once = network("2-1:sigmoid", 4, MatrixFactory.float64());
        Network reference = once.copy();
        new Trainer(plain.withBatching(new FullBatch()).withEpochs(1).withShuffle(false)
                .withClassWeights(ClassWeights.BALANCED), List.of()).train(once, data, Samples.none());
        Matrix inputs = MatrixFactory.float64().zeros(2, 200);
        Matrix targets = MatrixFactory.float64().zeros(1, 200);
        Matrix w = MatrixFactory.float64().zeros(1, 200);
        for (int i = 0; i < 200; i++) {
            inputs.setColumn(i, x[i]);
            targets.setColumn(i, y[i]);
            w.set(i, y[i][0] == 1 ? 200 / (2.0 * 20) : 200 / (2.0 * 180));
        }
        Gradients gradients = Gradients.like(reference.parameters());
        reference.backprop(inputs, targets, w, gradients);
        reference.parameters().subtractScaledInPlace(0.5, gradients);
        assertArrayEquals(bits(reference.parameters()), bits(once.parameters()));
    }

    private static int positivesFound(Network network, Samples data) {
        int found = 0;
        for (int i = 0; i < data.size(); i++) {
            Matrix input = MatrixFactory.float64().zeros(2, 1);
            input.setColumn(0, data.inputs()[i]);
            if (data.targets()[i][0] == 1 && network.feedforward(input).get(0) >= 0.5) {
                found++;
            }
        }
        return found;
    }

    @Test
    void classWeightsNeedBackpropagation() {
        TrainingSettings settings = settings(new GradientDescent(0.1), 1).withClassWeights(ClassWeights.BALANCED);
        Network network = network("4-6:sigmoid-1:sigmoid", 6, MatrixFactory.float64());
        assertEquals("class weights are applied by backpropagation, and automatic differentiation finds the gradient"
                + " of the unweighted cost: train with backpropagation", assertThrows(IllegalArgumentException.class,
                        () -> new Trainer(settings, List.of(), GradientMethod.AUTODIFF).train(network,
                                randomSamples(10, 4, 1, 5), Samples.none())).getMessage());
    }

    @Test
    void aScheduleThatWatchesTheValidationLossNeedsAValidationSet() {
        TrainingSettings settings = settings(new GradientDescent(0.1), 3)
                .withSchedule(LearningRateSchedule.parse("plateau:0.5:2"));
        Network network = network("4-6:sigmoid-1:sigmoid", 6, MatrixFactory.float64());
        Samples training = randomSamples(10, 4, 1, 5);
        assertEquals("the learning-rate schedule plateau:0.5:2 watches the validation loss, and there is no validation"
                + " set", assertThrows(IllegalArgumentException.class,
                        () -> new Trainer(settings, List.of()).train(network, training, Samples.none())).getMessage());
    }

    /** Training in float32 follows the float64 run epoch by epoch, to single precision. */
    @Test
    void float32TrainingFollowsFloat64() {
        Samples data = randomSamples(64, 5, 1, 9);
        TrainingSettings settings = settings(new GradientDescent(0.5), 30).withBatching(new MiniBatch(16));
        String spec = "5-8:sigmoid-1:sigmoid/bce";
        TrainingResult doubles = new Trainer(settings, List.of())
                .train(network(spec, 3, MatrixFactory.float64()), data, Samples.none());
        TrainingResult floats = new Trainer(settings, List.of())
                .train(network(spec, 3, MatrixFactory.float32()), data, Samples.none());
        assertEquals(30, floats.history().size());
        for (int e = 0; e < 30; e++) {
            double expected = doubles.history().get(e).trainingLoss();
            assertEquals(expected, floats.history().get(e).trainingLoss(), 1e-4 * expected, "epoch " + (e + 1));
        }
        assertTrue(doubles.last().trainingLoss() < 0.9 * doubles.history().get(0).trainingLoss(), "it learns");
    }

    /**
     * Evaluation keeps the examples it copied and copies again only for other examples: with training and validation
     * sets of one size (sharing a buffer), and full batches of that size too, every epoch's figures equal a fresh
     * evaluation of the network as it stands after that epoch.
     */
    @Test
    void eachEpochsFiguresAreThoseOfAFreshEvaluation() {
        Samples training = randomSamples(40, 5, 1, 11);
        Samples validation = randomSamples(40, 5, 1, 12);
        for (Batching batching : List.of(new FullBatch(), new MiniBatch(8))) {
            Network network = network("5-6:sigmoid-1:sigmoid/bce", 4);
            List<String> checked = new ArrayList<>();
            TrainingListener check = new TrainingListener() {
                @Override
                public void epochFinished(EpochStats stats) {
                    assertEquals(Evaluation.of(network, training).meanLoss(), stats.trainingLoss(), 0.0);
                    assertEquals(Evaluation.of(network, validation).meanLoss(), stats.validationLoss(), 0.0);
                    checked.add(batching + " epoch " + stats.epoch());
                }
            };
            new Trainer(settings(new GradientDescent(0.5), 3).withBatching(batching), List.of(check))
                    .train(network, training, validation);
            assertEquals(3, checked.size(), checked.toString());
        }
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        TrainingSettings settings = settings(new Adam(0.05, 0.9, 0.999, 1e-8), 200).withBatching(new FullBatch())
                .withEarlyStopping(new EarlyStopping(3, 0.0));
        Network network = network(XOR_NETWORK.toString(), 1);
        TrainingResult result = new Trainer(settings, List.of()).train(network, XOR, ANTI_XOR);

        assertEquals(StopReason.EARLY_STOPPING, result.reason());
        int best = result.bestEpoch();
        assertEquals(best + 3, result.last().epoch());
        double bestLoss = result.history().get(best - 1).validationLoss();
        assertTrue(result.history().stream().allMatch(s -> s.validationLoss() >= bestLoss));
        assertTrue(result.explanation().startsWith("Early stopping after epoch " + (best + 3)), result.explanation());

        Network upToBest = network(XOR_NETWORK.toString(), 1);
        new Trainer(settings.withEarlyStopping(null).withEpochs(best), List.of()).train(upToBest, XOR, ANTI_XOR);
        assertArrayEquals(bits(upToBest.parameters()), bits(network.parameters()));
    }

    @Test
    void aHugeLearningRateIsCaughtAsDivergence() {
        Samples data = randomSamples(20, 3, 1, 9);
        Network network = network("3-8:identity-1:identity/squared", 10);
        List<TrainingResult> heard = new java.util.ArrayList<>();
        Trainer trainer = new Trainer(settings(new GradientDescent(50.0), 50), List.of(new TrainingListener() {
            @Override
            public void trainingFinished(TrainingResult result) {
                heard.add(result);
            }
        }));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.train(network, data, Samples.none()));
        assertTrue(e.getMessage().startsWith("training diverged in epoch " + e.epoch() + ": the training loss became"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the learning rate (50) is probably too high"), e.getMessage());
        assertTrue(network.parameters().isAllFinite());
        assertEquals(e.epoch() - 1, trainer.epochsDone());
        assertEquals(StopReason.DIVERGED, heard.get(0).reason());
    }

    /**
     * After a divergence, the network holds the parameters of the last good epoch to the bit: those of the same run
     * stopped there. The run diverges late enough that the last good copy has changed hands more than once.
     */
    @Test
    void aDivergedRunKeepsTheBitsOfItsLastGoodEpoch() {
        Samples data = randomSamples(20, 3, 1, 9);
        TrainingSettings settings = settings(new GradientDescent(2.6), 50);
        Network network = network("3-8:identity-1:identity/squared", 10);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(settings, List.of()).train(network, data, Samples.none()));
        assertTrue(e.epoch() >= 4, "diverged in epoch " + e.epoch() + ": too early to swap the copies twice");
        Network stopped = network("3-8:identity-1:identity/squared", 10);
        new Trainer(settings.withEpochs(e.epoch() - 1), List.of()).train(stopped, data, Samples.none());
        assertArrayEquals(bits(stopped.parameters()), bits(network.parameters()));
    }

    @Test
    void aTargetLossStopsTraining() {
        TrainingSettings settings = settings(new Adam(0.05, 0.9, 0.999, 1e-8), 500).withBatching(new FullBatch())
                .withTargetLoss(0.5);
        TrainingResult result = new Trainer(settings, List.of()).train(network(XOR_NETWORK.toString(), 1), XOR,
                Samples.none());
        assertEquals(StopReason.TARGET_LOSS, result.reason());
        assertTrue(result.last().trainingLossTotal() <= 0.5);
        assertTrue(result.history().get(result.history().size() - 2).trainingLossTotal() > 0.5);
    }

    @Test
    void everyEpochReportsLossesAccuraciesAndTheScheduledRate() {
        TrainingSettings settings = settings(new GradientDescent(0.1), 4).withBatching(new FullBatch())
                .withSchedule(LearningRateSchedule.parse("step:0.5:2"));
        List<EpochStats> heard = new java.util.ArrayList<>();
        TrainingResult result = new Trainer(settings, List.of(new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                heard.add(stats);
            }
        })).train(network(XOR_NETWORK.toString(), 1), XOR, ANTI_XOR);
        assertEquals(result.history(), heard);
        assertEquals(List.of(0.1, 0.1, 0.05, 0.05), heard.stream().map(EpochStats::learningRate).toList());
        EpochStats first = heard.get(0);
        assertEquals(first.trainingLossTotal() / 4, first.trainingLoss(), 1e-15);
        assertEquals(1.0, first.trainingAccuracy() + first.validationAccuracy(), 1e-15, "XOR and anti-XOR disagree");
    }

    @Test
    void dataThatDoesNotFitTheNetworkIsNamed() {
        Trainer trainer = new Trainer(settings(new GradientDescent(0.1), 1), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(network("3-2-1", 1), XOR, Samples.none()));
        assertEquals("the training examples have 2 features but the network takes 3 inputs", e.getMessage());
    }

    private static TrainingResult trainXor(dev.mlpkit.training.optimizer.Optimizer optimizer, int epochs) {
        TrainingSettings settings = settings(optimizer, epochs).withBatching(new FullBatch());
        return new Trainer(settings, List.of()).train(network(XOR_NETWORK.toString(), 1), XOR, Samples.none());
    }

    private long[] shuffledRun(long seed) {
        Samples data = randomSamples(30, 3, 1, 11);
        TrainingSettings settings = settings(new Momentum(0.05, 0.9), 5).withBatching(new MiniBatch(4)).withSeed(seed);
        Network network = network("3-5:relu-1:sigmoid", 12);
        new Trainer(settings, List.of()).train(network, data, Samples.none());
        return bits(network.parameters());
    }

    static TrainingSettings settings(dev.mlpkit.training.optimizer.Optimizer optimizer, int epochs) {
        return TrainingSettings.defaults().withOptimizer(optimizer).withEpochs(epochs);
    }

    static Network network(String spec, long seed) {
        return network(spec, seed, MatrixFactory.float64());
    }

    static Network network(String spec, long seed, MatrixFactory factory) {
        Network network = new Network(NetworkSpec.parse(spec), factory);
        Initializer.XAVIER.initialize(network.parameters(), seed);
        return network;
    }

    /** Random inputs in (-1, 1) with one-hot targets (0/1 for a single output). */
    static Samples randomSamples(int n, int inputs, int outputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][inputs];
        double[][] y = new double[n][outputs];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputs; j++) {
                x[i][j] = 2 * random.nextDouble() - 1;
            }
            if (outputs == 1) {
                y[i][0] = random.nextInt(2);
            } else {
                y[i][random.nextInt(outputs)] = 1;
            }
        }
        return new Samples(x, y);
    }

    static long[] bits(Parameters p) {
        return p.matrices().stream().flatMapToLong(m -> IntStream.range(0, m.size())
                .mapToLong(i -> Double.doubleToRawLongBits(m.get(i)))).toArray();
    }
}
