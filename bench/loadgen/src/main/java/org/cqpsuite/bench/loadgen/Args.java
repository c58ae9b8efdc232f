package org.cqpsuite.bench.loadgen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Command-line options: {@code --name value} or {@code --name=value}, and flags. */
final class Args {

    private final List<String[]> pairs = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    Args(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                pairs.add(new String[] {a.substring(0, eq), a.substring(eq + 1)});
            } else if (i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) {
                pairs.add(new String[] {a, argv.get(++i)});
            } else {
                pairs.add(new String[] {a, null});
            }
        }
    }

    boolean flag(String name) {
        used.add(name);
        for (String[] p : pairs) {
            if (p[0].equals(name)) {
                if (p[1] != null) {
                    throw new IllegalArgumentException(name + " takes no value");
                }
                return true;
            }
        }
        return false;
    }

    List<String> all(String name) {
        used.add(name);
        List<String> values = new ArrayList<>();
        for (String[] p : pairs) {
            if (p[0].equals(name)) {
                values.add(required(p));
            }
        }
        return values;
    }

    Optional<String> value(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " given more than once");
        }
        return values.stream().findFirst();
    }

    int integer(String name, int dflt) {
        return value(name).map(v -> parse(name, v, Integer::parseInt)).orElse(dflt);
    }

    double decimal(String name, double dflt) {
        return value(name).map(v -> parse(name, v, Double::parseDouble)).orElse(dflt);
    }

    /** A duration in milliseconds: {@code 15}, {@code 15s}, {@code 500ms}, {@code 1m}. */
    long duration(String name, long dfltMs) {
        return value(name).map(v -> parse(name, v, Args::millis)).orElse(dfltMs);
    }

    static long millis(String v) {
        String s = v.trim().toLowerCase();
        if (s.endsWith("ms")) {
            return Long.parseLong(s.substring(0, s.length() - 2));
        }
        if (s.endsWith("s")) {
            return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000);
        }
        if (s.endsWith("m")) {
            return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000);
        }
        return Math.round(Double.parseDouble(s) * 1000);
    }

    void rejectUnused() {
        for (String[] p : pairs) {
            if (!used.contains(p[0])) {
                throw new IllegalArgumentException("unknown option " + p[0]);
            }
        }
    }

    private static String required(String[] p) {
        if (p[1] == null) {
            throw new IllegalArgumentException(p[0] + " needs a value");
        }
        return p[1];
    }

    private static <T> T parse(String name, String v, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not a valid value: " + v);
        }
    }
}
