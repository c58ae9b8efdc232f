package org.cqpsuite.importer.write;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line progress display on a terminal: fiches done, of how many, rate and time left. */
public final class Progress {

    private final PrintStream out;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrinted;

    /** @param total the fiches expected, or 0 when unknown */
    public Progress(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    /** Shows {@code done} at most every half second. */
    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastPrinted < 500_000_000L) {
            return;
        }
        lastPrinted = now;
        out.print("\r" + line(done, now));
        out.flush();
    }

    /** Shows the final figures and ends the line. */
    public void finish(long done) {
        out.println("\r" + line(done, System.nanoTime()));
    }

    /** Fiches per second since the start. */
    public double rate(long done) {
        return done / Math.max((System.nanoTime() - start) / 1e9, 1e-3);
    }

    String line(long done, long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(String.format("  %,d", done));
        if (total > 0) {
            line.append(String.format(" / %,d fiches (%d %%)", total, Math.min(100, done * 100 / total)));
        } else {
            line.append(" fiches");
        }
        line.append(String.format("  %,.0f fiches/s", rate));
        if (total > done && rate > 0) {
            line.append("  ETA ").append(format(Duration.ofSeconds((long) ((total - done) / rate))));
        } else {
            line.append("  in ").append(format(Duration.ofMillis((long) (seconds * 1000))));
        }
        return line.append("   ").toString();
    }

    private static String format(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
