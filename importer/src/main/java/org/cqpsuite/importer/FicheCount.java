package org.cqpsuite.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many fiches an export holds, roughly and quickly, for the progress line's ETA: the {@code <FICHE>} tags of the
 * XML files, the lines of a CSV Standard part. 0 when it cannot tell (a zip).
 */
final class FicheCount {

    private static final byte[] FICHE = "<FICHE>".getBytes();

    private FicheCount() {
    }

    static long estimate(Path path) {
        try {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    files = list.toList();
                }
            } else {
                files = List.of(path);
            }
            long count = 0;
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".xml")) {
                    count += occurrences(file, FICHE);
                } else if (name.contains("_Standard_") && name.endsWith(".csv")) {
                    count += occurrences(file, new byte[] {'\n'}) - 1;
                }
            }
            return Math.max(count, 0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long occurrences(Path file, byte[] pattern) throws IOException {
        long count = 0;
        int matched = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) != -1) {
                if (b == pattern[matched]) {
                    if (++matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                } else {
                    matched = b == pattern[0] ? 1 : 0;
                }
            }
        }
        return count;
    }
}
