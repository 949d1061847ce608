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
        System.out.printf("%-30s %-16s %-13s %-9s %14s %10s%n", "benchmark", "case", "backend", "precision", "median",
                "GFLOP/s");
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            JsonNode params = r.path("params");
            String shape = params.path("shape").asText("");
            String which = params.has("batch") ? "batch " + params.get("batch").asText()
                    : params.has("optimizer") ? params.get("optimizer").asText() : shape.isEmpty() ? "-" : shape;
            String backend = params.path("backend").asText("-");
            String precision = params.path("precision").asText("-");
            JsonNode metric = r.get("primaryMetric");
            double median = metric.get("scorePercentiles").get("50.0").asDouble();
            String unit = metric.get("scoreUnit").asText().replace("/op", "");
            double seconds = median * switch (unit) {
                case "s" -> 1.0;
                case "ms" -> 1e-3;
                case "us" -> 1e-6;
                default -> 1e-9;
            };
            double gflops = name.startsWith("MatrixKernel") ? MatrixKernelBenchmark.flops(shape) / seconds / 1e9
                    : name.startsWith("Epoch") ? 11.64 / seconds : Double.NaN;
            System.out.printf("%-30s %-16s %-13s %-9s %11.3f %-2s %10s%n", name, which, backend, precision, median, unit,
                    Double.isNaN(gflops) ? "" : String.format("%.1f", gflops));
        }
    }
}
