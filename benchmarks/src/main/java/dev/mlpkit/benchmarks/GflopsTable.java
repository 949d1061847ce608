package dev.mlpkit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns JMH's JSON results ({@code -rf json -rff results.json}) into a table with GFLOP/s for the matrix kernels and
 * milliseconds for everything else.
 *
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.mlpkit.benchmarks.GflopsTable results.json}
 */
public final class GflopsTable {

    private GflopsTable() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode results = new ObjectMapper().readTree(Files.readString(Path.of(args.length > 0 ? args[0] : "results.json")));
        System.out.printf("%-30s %-16s %-10s %-9s %12s %10s%n", "benchmark", "shape", "backend", "precision", "median ms",
                "GFLOP/s");
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            JsonNode params = r.path("params");
            String shape = params.path("shape").asText("-");
            String backend = params.path("backend").asText("-");
            String precision = params.path("precision").asText("-");
            double median = r.get("primaryMetric").get("scorePercentiles").get("50.0").asDouble();
            double gflops = name.startsWith("MatrixKernel") ? MatrixKernelBenchmark.flops(shape) / (median / 1e3) / 1e9
                    : name.startsWith("Epoch") ? 11.64 / (median / 1e3) : Double.NaN;
            System.out.printf("%-30s %-16s %-10s %-9s %12.3f %10s%n", name, shape, backend, precision, median,
                    Double.isNaN(gflops) ? "" : String.format("%.1f", gflops));
        }
    }
}
