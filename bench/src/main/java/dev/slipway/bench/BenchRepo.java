package dev.slipway.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A generated benchmark repository and what its generator knows about it.
 *
 * @param dir the repository's work tree
 * @param meta the generator's record: {@code head}, {@code base} (the commit {@code changed} compares
 *     against), {@code distance} ({@code git rev-list --count base..head}), counts, and
 *     {@code expected.<service>=<base version> <count>} for every service's staging version at HEAD
 */
public record BenchRepo(Path dir, Properties meta) {

    static final String META = "bench-repo.properties";
    static final String WORK_TREE = "repo";

    /**
     * Loads a generated repository from its cache directory.
     *
     * @param cacheDir the directory holding {@code repo/} and {@code bench-repo.properties}
     * @return the repository
     */
    static BenchRepo load(Path cacheDir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(cacheDir.resolve(META))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchRepo(cacheDir.resolve(WORK_TREE), p);
    }

    /**
     * The full id of HEAD (the tip of {@code main}).
     *
     * @return the id
     */
    public String head() {
        return meta.getProperty("head");
    }

    /**
     * The full id of the commit {@code changed} compares HEAD against.
     *
     * @return the id
     */
    public String base() {
        return meta.getProperty("base");
    }

    /**
     * {@code git rev-list --count base..head}.
     *
     * @return the distance
     */
    public int distance() {
        return Integer.parseInt(meta.getProperty("distance"));
    }

    /**
     * A number the generator recorded.
     *
     * @param key the key
     * @return the number
     */
    public long number(String key) {
        return Long.parseLong(meta.getProperty(key));
    }

    /**
     * The generator's expectation for every service at HEAD: {@code services/svc-NNN -> "X.Y.Z NNNN"}
     * (the base version, release plus one patch, and the commit count).
     *
     * @return the expectations, sorted by service
     */
    public Map<String, String> expected() {
        Map<String, String> out = new TreeMap<>();
        for (String k : meta.stringPropertyNames()) {
            if (k.startsWith("expected.")) {
                out.put(k.substring("expected.".length()), meta.getProperty(k));
            }
        }
        return out;
    }
}
