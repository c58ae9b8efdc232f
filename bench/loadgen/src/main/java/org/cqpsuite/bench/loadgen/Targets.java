package org.cqpsuite.bench.loadgen;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The URLs a run requests, in the order of the list (round-robin) or at random. */
final class Targets {

    private final List<URI> uris;

    private Targets(List<URI> uris) {
        this.uris = uris;
    }

    static Targets of(List<String> urls, Path file) throws IOException {
        List<String> lines = new ArrayList<>(urls);
        if (file != null) {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(t);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no URL: give --url URL or --urls FILE");
        }
        List<URI> uris = new ArrayList<>();
        for (String l : lines) {
            URI u;
            try {
                u = URI.create(l);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + l);
            }
            if (!"http".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("only http://host[:port]/... URLs: " + l);
            }
            uris.add(u);
        }
        return new Targets(uris);
    }

    int size() {
        return uris.size();
    }

    String describe(boolean random) {
        return uris.size() == 1 ? uris.get(0).toString()
                : uris.size() + " URLs (" + (random ? "random" : "round-robin") + "), first " + uris.get(0);
    }

    /** The request options of every URL, for one worker (RequestOptions are mutable: one array per worker). */
    RequestOptions[] requestOptions(long timeoutMs) {
        RequestOptions[] out = new RequestOptions[uris.size()];
        for (int i = 0; i < out.length; i++) {
            URI u = uris.get(i);
            String path = (u.getRawPath() == null || u.getRawPath().isEmpty()) ? "/" : u.getRawPath();
            if (u.getRawQuery() != null) {
                path += "?" + u.getRawQuery();
            }
            out[i] = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost(u.getHost())
                    .setPort(u.getPort() < 0 ? 80 : u.getPort())
                    .setURI(path)
                    .setConnectTimeout(timeoutMs)
                    .setIdleTimeout(timeoutMs);
        }
        return out;
    }

    /** Which URL comes next, for one worker: round-robin from an offset, or seeded random. */
    static final class Picker {
        private final int size;
        private final SplittableRandom random;
        private int next;

        Picker(int size, boolean random, long seed, int offset) {
            this.size = size;
            this.random = random ? new SplittableRandom(seed + offset) : null;
            this.next = offset % size;
        }

        int next() {
            if (random != null) {
                return random.nextInt(size);
            }
            int i = next;
            next = (next + 1) % size;
            return i;
        }
    }
}
