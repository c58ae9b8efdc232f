package org.cqpsuite.bench.loadgen;

import java.util.BitSet;

/** Which HTTP statuses count as answers rather than errors. */
final class StatusPolicy {

    private final BitSet ok;

    private StatusPolicy(BitSet ok) {
        this.ok = ok;
    }

    /** {@code null}: any status below 500; else a comma-separated list such as {@code 200,404}. */
    static StatusPolicy parse(String list) {
        BitSet ok = new BitSet(600);
        if (list == null || list.isBlank()) {
            ok.set(100, 500);
        } else {
            for (String s : list.split(",")) {
                try {
                    ok.set(Integer.parseInt(s.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--ok: not a status: " + s);
                }
            }
        }
        return new StatusPolicy(ok);
    }

    boolean isOk(int status) {
        return status >= 0 && ok.get(status);
    }
}
