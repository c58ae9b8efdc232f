package org.cqpsuite.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a running JVM still uses right after a full collection, i.e. its live data: {@code jcmd PID GC.run} (a
 * {@code System.gc()}: a full, stop-the-world collection with the services' G1, which does not run explicit
 * collections concurrently unless told to) followed by {@code GC.heap_info}, in one {@code jcmd} invocation. Any other
 * figure (the heap used at a random instant, or Micrometer's {@code jvm_memory_used_bytes} between collections) mostly
 * measures how much garbage the last young collection left, not what the process keeps.
 */
final class HeapAfterGc {

    /** "garbage-first heap total 262144K, used 38912K" (G1), "PSYoungGen ... used", "tenured generation ... used". */
    private static final Pattern USED = Pattern.compile(
            "^\\s*(\\S.*?(heap|generation|Gen))\\s+total \\d+K, used (\\d+)K", Pattern.MULTILINE);
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private HeapAfterGc() {
    }

    /** Bytes of heap in use after a full collection of the JVM {@code pid}. */
    static long of(long pid) throws IOException, InterruptedException {
        Path commands = Files.createTempFile("soak-jcmd", ".txt");
        try {
            Files.writeString(commands, "GC.run\nGC.heap_info\n");
            Process process = new ProcessBuilder(Files.isExecutable(JCMD) ? JCMD.toString() : "jcmd",
                    String.valueOf(pid), "-f", commands.toString()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("jcmd " + pid + " GC.run, GC.heap_info failed:\n" + output);
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(commands);
        }
    }

    /** The sum of the "used" of each heap line of {@code GC.heap_info} (one for G1, two for generational ones). */
    static long parse(String heapInfo) throws IOException {
        Matcher matcher = USED.matcher(heapInfo);
        long used = 0;
        boolean found = false;
        while (matcher.find()) {
            if (!matcher.group(1).contains("Metaspace") && !matcher.group(1).contains("class space")) {
                used += Long.parseLong(matcher.group(3)) * 1024;
                found = true;
            }
        }
        if (!found) {
            throw new IOException("no heap figure in GC.heap_info:\n" + heapInfo);
        }
        return used;
    }
}
