package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the benchmarks find their inputs. {@code BenchMain} passes these as system properties to the
 * JMH forks; run directly ({@code java -jar bench/target/benchmarks.jar} from the project root) the
 * defaults apply.
 *
 * <ul>
 *   <li>{@code slipway.bench.cache}: the cache of generated repositories (default
 *       {@code bench/target/bench-repo})</li>
 *   <li>{@code slipway.bench.cliJar}: the CLI's self-contained jar (default {@code cli/target/slipway.jar})</li>
 *   <li>{@code slipway.bench.node}: where {@code bench/run.sh} installed conventional-commits-parser with npm
 *       (default {@code bench/target/node}); the commit corpus is written there too</li>
 * </ul>
 */
public final class BenchEnv {

    private BenchEnv() {
    }

    /**
     * The generated repository (generated now when it is not cached).
     *
     * @return the repository
     */
    public static BenchRepo repo() {
        return RepoGenerator.ensure(Path.of(System.getProperty("slipway.bench.cache", "bench/target/bench-repo")),
                RepoSpec.DEFAULT);
    }

    /**
     * The generated GitOps tree of the manifest benchmark (generated now when it is not cached).
     *
     * @return the tree
     */
    public static ManifestTree manifestTree() {
        return ManifestTree.ensure(Path.of(System.getProperty("slipway.bench.manifests", "bench/target/bench-manifests")),
                ManifestTree.SERVICES, ManifestTree.SEED);
    }

    /**
     * The benchmarks' own jar (its main classes run as whole processes).
     *
     * @return its absolute path
     */
    public static Path benchJar() {
        try {
            return Path.of(BenchEnv.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CLI jar.
     *
     * @return its absolute path
     * @throws IllegalStateException if it is missing
     */
    public static Path cliJar() {
        Path jar = Path.of(System.getProperty("slipway.bench.cliJar", "cli/target/slipway.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -Pbench -DskipTests package)");
        }
        return jar;
    }

    /**
     * The command that runs a bash script shipped with the benchmarks ({@code bash -c SCRIPT NAME ARGS...}).
     *
     * @param script the resource name (versions-loop.sh, changed-awk.sh)
     * @param args the script's arguments
     * @return the command
     */
    public static List<String> bash(String script, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "-c", Proc.resource(script), script));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The command that runs the CLI jar as a whole process.
     *
     * @param repo the repository
     * @param args the command's arguments
     * @return the command
     */
    public static List<String> slipwayCli(BenchRepo repo, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Proc.java(), "-jar", cliJar().toString(), "--repo",
                repo.dir().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * A scratch file for a timed process's standard error.
     *
     * @return the file
     */
    public static Path errFile() {
        try {
            Path f = Files.createTempFile("slipway-bench-", ".stderr");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory holding {@code node_modules/conventional-commits-parser}, the node script and the corpus.
     *
     * @return its absolute path
     * @throws IllegalStateException if conventional-commits-parser is not installed there
     */
    public static Path nodeDir() {
        Path dir = Path.of(System.getProperty("slipway.bench.node", "bench/target/node")).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("node_modules/conventional-commits-parser/package.json"))) {
            throw new IllegalStateException("conventional-commits-parser is not installed in " + dir
                    + ": bench/run.sh installs it (npm install --prefix " + dir + " conventional-commits-parser@7.1.4)");
        }
        return dir;
    }

    /**
     * The commit corpus file, written on first use.
     *
     * @return the file
     */
    public static Path corpus() {
        return CommitCorpus.ensure(nodeDir());
    }

    /**
     * The command that runs the node script ({@code ccp-bench.mjs}, written next to {@code node_modules}).
     *
     * @param mode {@code once}, {@code serve} or {@code check}
     * @return the command
     */
    public static List<String> node(String mode) {
        Path script = nodeDir().resolve("ccp-bench.mjs");
        try {
            String text = Proc.resource("ccp-bench.mjs");
            if (!Files.isRegularFile(script) || !Files.readString(script).equals(text)) {
                Files.writeString(script, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("node", script.toString(), mode, corpus().toString());
    }
}
