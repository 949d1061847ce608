package dev.mlpkit.nn.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The logistic function {@code 1 / (1 + e^-z)} a vector at a time: in float64 four times as fast as with
 * {@link Math#exp} (1.7 ns an element on AVX-512, against 7) and as accurate (within 4 units in the last place).
 *
 * <p>{@code e^t = 2^n e^r}, with {@code n} the integer nearest {@code t / ln 2} and {@code r = t - n ln 2} (ln 2 in two
 * parts, so that r keeps its digits), {@code e^r} by its Taylor series (|r| is at most ln 2 / 2, so 13 terms in
 * float64 and 7 in float32 leave an error far below the last place), and {@code 2^n} written straight into the
 * exponent bits. Past the exponent's range, {@code e^t} is infinity (the function is 0) or the smallest power kept (the
 * function is 1).
 *
 * <p>Only additions, multiplications, fused multiply-adds, a division and bit moves: the same bits whether the JIT has
 * compiled the loop yet or not. The Vector API's own {@code EXP} is Intel's SVML once compiled and {@link Math#exp}
 * before, a unit in the last place apart, and a training run resumed from a checkpoint would then not repeat an
 * uninterrupted one bit for bit. The scalar {@link #logistic} methods take the same steps for the elements that no
 * vector covers.
 *
 * <p>The vector loops are written out in one method each: a vector passed to a method the JIT does not inline becomes a
 * heap object, and the loop runs three times slower.
 */
final class VectorLogistic {

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HIGH = 0.6931471803691238;
    private static final double LN2_LOW = 1.9082149292705877e-10;
    /** Adding 1.5 * 2^52 rounds to an integer, which then sits in the low bits. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** Beyond these, 2^n leaves the exponent's range. */
    private static final double MAX = 709.0;
    private static final double MIN = -708.0;
    /** 1 / i! for i = 0..13. */
    private static final double[] TAYLOR = new double[14];

    private static final float LOG2E_F = 1.442695f;
    private static final float LN2_HIGH_F = 0.693359375f;
    private static final float LN2_LOW_F = -2.12194440e-4f;
    private static final float ROUNDER_F = 0x1.8p23f;
    private static final int ROUNDER_F_BITS = Float.floatToRawIntBits(ROUNDER_F);
    private static final float MAX_F = 88.0f;
    private static final float MIN_F = -87.0f;
    /** 1 / i! for i = 0..7. */
    private static final float[] TAYLOR_F = new float[8];

    static {
        double factorial = 1;
        for (int i = 0; i < TAYLOR.length; i++) {
            factorial *= Math.max(i, 1);
            TAYLOR[i] = 1.0 / factorial;
            if (i < TAYLOR_F.length) {
                TAYLOR_F[i] = (float) (1.0 / factorial);
            }
        }
    }

    private VectorLogistic() {
    }

    static void apply(double[] x, int length) {
        apply(x, 0, length, null, 0);
    }

    /**
     * Elements {@code [from, to)}, each first added to {@code bias[biasFrom + (i - from)]} when there is a bias (then
     * the range is one column, or part of one): the sum rounds as adding it in a pass of its own would.
     */
    static void apply(double[] x, int from, int to, double[] bias, int biasFrom) {
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1.0);
        int shift = biasFrom - from;
        int i = from;
        for (; i <= to - DOUBLES.length(); i += DOUBLES.length()) {
            DoubleVector z = DoubleVector.fromArray(DOUBLES, x, i);
            if (bias != null) {
                z = z.add(DoubleVector.fromArray(DOUBLES, bias, i + shift));
            }
            DoubleVector t = z.neg().max(MIN);
            DoubleVector rounded = t.mul(LOG2E).add(ROUNDER);
            DoubleVector minusN = rounded.sub(ROUNDER).neg();
            DoubleVector r = minusN.fma(DoubleVector.broadcast(DOUBLES, LN2_HIGH), t);
            r = minusN.fma(DoubleVector.broadcast(DOUBLES, LN2_LOW), r);
            DoubleVector series = DoubleVector.broadcast(DOUBLES, TAYLOR[13]);
            for (int term = 12; term >= 0; term--) {
                series = series.fma(r, DoubleVector.broadcast(DOUBLES, TAYLOR[term]));
            }
            DoubleVector powerOfTwo = rounded.viewAsIntegralLanes().reinterpretAsLongs().sub(ROUNDER_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector exp = series.mul(powerOfTwo).blend(Double.POSITIVE_INFINITY, t.compare(VectorOperators.GT, MAX));
            one.div(exp.add(1.0)).intoArray(x, i);
        }
        for (; i < to; i++) {
            x[i] = logistic(bias == null ? x[i] : x[i] + bias[i + shift]);
        }
    }

    /** The vector loop's steps for one float64. */
    static double logistic(double z) {
        double t = Math.max(-z, MIN);
        double rounded = t * LOG2E + ROUNDER;
        double minusN = -(rounded - ROUNDER);
        double r = Math.fma(minusN, LN2_LOW, Math.fma(minusN, LN2_HIGH, t));
        double series = TAYLOR[13];
        for (int term = 12; term >= 0; term--) {
            series = Math.fma(series, r, TAYLOR[term]);
        }
        double powerOfTwo = Double.longBitsToDouble((Double.doubleToRawLongBits(rounded) - (ROUNDER_BITS - 1023)) << 52);
        double exp = t > MAX ? Double.POSITIVE_INFINITY : series * powerOfTwo;
        return 1.0 / (exp + 1.0);
    }

    /** In float, with results below {@link Float#MIN_NORMAL} flushed to zero, as every float32 function's are. */
    static void apply(float[] x, int length) {
        apply(x, 0, length, null, 0);
    }

    /** {@link #apply(double[], int, int, double[], int)} in float. */
    static void apply(float[] x, int from, int to, float[] bias, int biasFrom) {
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int shift = biasFrom - from;
        int i = from;
        for (; i <= to - FLOATS.length(); i += FLOATS.length()) {
            FloatVector z = FloatVector.fromArray(FLOATS, x, i);
            if (bias != null) {
                z = z.add(FloatVector.fromArray(FLOATS, bias, i + shift));
            }
            FloatVector t = z.neg().max(MIN_F);
            FloatVector rounded = t.mul(LOG2E_F).add(ROUNDER_F);
            FloatVector minusN = rounded.sub(ROUNDER_F).neg();
            FloatVector r = minusN.fma(FloatVector.broadcast(FLOATS, LN2_HIGH_F), t);
            r = minusN.fma(FloatVector.broadcast(FLOATS, LN2_LOW_F), r);
            FloatVector series = FloatVector.broadcast(FLOATS, TAYLOR_F[7]);
            for (int term = 6; term >= 0; term--) {
                series = series.fma(r, FloatVector.broadcast(FLOATS, TAYLOR_F[term]));
            }
            FloatVector powerOfTwo = rounded.viewAsIntegralLanes().reinterpretAsInts().sub(ROUNDER_F_BITS - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector exp = series.mul(powerOfTwo).blend(Float.POSITIVE_INFINITY, t.compare(VectorOperators.GT, MAX_F));
            FloatVector a = one.div(exp.add(1f));
            a.blend(0f, a.lt(Float.MIN_NORMAL)).intoArray(x, i);
        }
        for (; i < to; i++) {
            x[i] = logistic(bias == null ? x[i] : x[i] + bias[i + shift]);
        }
    }

    /** The vector loop's steps for one float32. */
    static float logistic(float z) {
        float t = Math.max(-z, MIN_F);
        float rounded = t * LOG2E_F + ROUNDER_F;
        float minusN = -(rounded - ROUNDER_F);
        float r = Math.fma(minusN, LN2_LOW_F, Math.fma(minusN, LN2_HIGH_F, t));
        float series = TAYLOR_F[7];
        for (int term = 6; term >= 0; term--) {
            series = Math.fma(series, r, TAYLOR_F[term]);
        }
        float powerOfTwo = Float.intBitsToFloat((Float.floatToRawIntBits(rounded) - (ROUNDER_F_BITS - 127)) << 23);
        float exp = t > MAX_F ? Float.POSITIVE_INFINITY : series * powerOfTwo;
        float a = 1f / (exp + 1f);
        return a < Float.MIN_NORMAL ? 0f : a;
    }

    /**
     * {@code g = g * a (1 - a)}, the logistic function's backpropagation, in float with results below
     * {@link Float#MIN_NORMAL} flushed: the bits of {@code Kernel}'s loop.
     */
    static void timesSlope(float[] a, float[] g, int length) {
        int i = 0;
        for (; i <= length - FLOATS.length(); i += FLOATS.length()) {
            FloatVector x = FloatVector.fromArray(FLOATS, a, i);
            FloatVector product = FloatVector.fromArray(FLOATS, g, i).mul(x.mul(x.neg().add(1f)));
            product.blend(0f, product.abs().lt(Float.MIN_NORMAL)).intoArray(g, i);
        }
        for (; i < length; i++) {
            float product = g[i] * (a[i] * (1f - a[i]));
            g[i] = Math.abs(product) < Float.MIN_NORMAL ? 0f : product;
        }
    }
}
