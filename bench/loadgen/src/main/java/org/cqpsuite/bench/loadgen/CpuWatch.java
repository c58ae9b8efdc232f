package org.cqpsuite.bench.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during the measured window, on Linux (from /proc; elsewhere only the load
 * generator's own share): the whole machine, the load generator, the server under test (--server-pid) and the rest
 * (other processes: on a shared machine, what makes the figures worth less).
 */
final class CpuWatch {

    /** Clock ticks per second of /proc (USER_HZ): 100 on every Linux platform Java runs on. */
    private static final double HZ = 100.0;

    private final long serverPid;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private long wall0;
    private long own0;
    private long[] machine0;
    private long server0;

    CpuWatch(long serverPid) {
        this.serverPid = serverPid;
    }

    void start() {
        wall0 = System.nanoTime();
        own0 = Engine.cpuNanos();
        machine0 = machineTicks();
        server0 = processTicks(serverPid);
    }

    /** Ends the window (the answers are counted later: {@link Result#withAnswers}). */
    Result stop() {
        double wall = (System.nanoTime() - wall0) / 1e9;
        double own = Engine.coreShare(own0, Engine.cpuNanos(), (long) (wall * 1e9));
        long[] machine1 = machineTicks();
        long server1 = processTicks(serverPid);
        double busy = Double.NaN;
        if (machine0 != null && machine1 != null) {
            double total = machine1[1] - machine0[1];
            busy = total <= 0 ? Double.NaN : cores * (machine1[0] - machine0[0]) / total;
        }
        double server = server0 < 0 || server1 < 0 ? Double.NaN : (server1 - server0) / HZ / wall;
        return new Result(cores, busy, own, server, 0);
    }

    record Result(int cores, double machine, double loadgen, double server, long answers) {

        /** The same, with the number of requests answered in the window (for the server's CPU per request). */
        Result withAnswers(long n) {
            return new Result(cores, machine, loadgen, server, n);
        }

        double others() {
            return machine - loadgen - (Double.isNaN(server) ? 0 : server);
        }

        double serverMicrosPerRequest(double seconds) {
            return answers == 0 ? Double.NaN : server * seconds * 1e6 / answers;
        }

        String line(double seconds) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "load generator %.2f", loadgen));
            if (!Double.isNaN(server)) {
                sb.append(String.format(Locale.ROOT, ", server %.2f (%.0f us per request)", server,
                        serverMicrosPerRequest(seconds)));
            }
            if (!Double.isNaN(machine)) {
                sb.append(String.format(Locale.ROOT, ", whole machine %.2f of %d, other processes %.2f", machine, cores,
                        others()));
            }
            return sb.append(" (cores)").toString();
        }

        void into(Report r, double seconds) {
            r.put("cpu_loadgen_cores", loadgen).put("cpu_server_cores", server)
                    .put("cpu_server_us_per_request", serverMicrosPerRequest(seconds))
                    .put("cpu_machine_cores", machine).put("cpu_other_cores", others());
        }
    }

    /** {busy, total} ticks of all CPUs, or null off Linux. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of a process in ticks, or -1. */
    private static long processTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            // After "(comm) ", field 3 (state) is f[0]: utime is field 14, stime 15.
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
