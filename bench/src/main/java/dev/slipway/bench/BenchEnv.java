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
}
