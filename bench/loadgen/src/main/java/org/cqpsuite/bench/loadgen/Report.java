package org.cqpsuite.bench.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints a run's figures, and writes them as key=value lines for scripts. */
final class Report {

    private final Map<String, String> values = new LinkedHashMap<>();

    Report put(String key, Object value) {
        values.put(key, value instanceof Double d ? fmt(d) : String.valueOf(value));
        return this;
    }

    static String fmt(double d) {
        return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.3f", d);
    }

    static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50 %8.3f   p90 %8.3f   p99 %8.3f   p99.9 %8.3f   max %8.3f",
                Tally.ms(h, 50), Tally.ms(h, 90), Tally.ms(h, 99), Tally.ms(h, 99.9), Tally.maxMs(h));
    }

    void putPercentiles(String prefix, Histogram h) {
        put(prefix + "p50_ms", Tally.ms(h, 50));
        put(prefix + "p90_ms", Tally.ms(h, 90));
        put(prefix + "p99_ms", Tally.ms(h, 99));
        put(prefix + "p999_ms", Tally.ms(h, 99.9));
        put(prefix + "max_ms", Tally.maxMs(h));
        put(prefix + "mean_ms", h.getTotalCount() == 0 ? Double.NaN : h.getMean() / 1e6);
    }

    void write(Path file) throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, sb.toString());
    }
}
