package dev.slipway.bench;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.manifest.ManifestSource;
import dev.slipway.core.manifest.MarkerIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.util.FS;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One deployment's manifest step on a GitOps tree of 5,000 values files (about 25 MB,
 * {@link ManifestTree}): find every marker of one service in one environment and set a new version there.
 * Each operation sets the other of two versions, so every operation really edits and writes.
 *
 * <ul>
 *   <li>{@code slipwayWalk}: in-process, warm: walk the tree, scan (pre-filter, parse the candidate files),
 *       edit with every check (image tag, re-parse verification) and write atomically;</li>
 *   <li>{@code slipwayIndex}: the same, with the file list read from the git index (as {@code deploy}
 *       lists a work tree's non-ignored files) instead of walking the directories;</li>
 *   <li>{@code slipwayOneShot}: {@link ManifestEditMain} as a whole process (JVM start included);</li>
 *   <li>{@code grepSed}: the baseline, {@code manifest-sed.sh}: {@code grep -rlF MARKER | xargs sed -i -E ...}
 *       on an identical copy of the tree;</li>
 *   <li>{@code grepOnly}: {@code grep -rlF MARKER} alone: what finding the files costs;</li>
 *   <li>{@code scanAll}: the index of every service in every environment (5,000 markers, every file
 *       parsed), what {@code status} needs; no baseline.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ManifestBenchmark {

    /** The two versions every benchmark alternates between (same length, as successive staging versions). */
    static final String[] VERSIONS = {"0.3.0-rc0001-g1111111", "0.3.0-rc0002-g2222222"};
    /** The environment deployed to. */
    static final String ENV = "staging";

    /** The tree and the alternating version. */
    @State(Scope.Benchmark)
    public static class Tree {
        ManifestTree tree;
        ServiceId service;
        int n;

        /** Generates or reuses the tree. */
        @Setup(Level.Trial)
        public void setUp() {
            tree = BenchEnv.manifestTree();
            service = ServiceId.of(tree.service());
        }

        String next() {
            return VERSIONS[n++ & 1];
        }
    }

    /** The processes, prepared per call (the version alternates). */
    @State(Scope.Benchmark)
    public static class Processes {
        Path err;

        /** Prepares the error file. */
        @Setup(Level.Trial)
        public void setUp() {
            err = BenchEnv.errFile();
        }
    }

    /**
     * Slipway in-process, warm, walking the tree.
     *
     * @param t the tree
     * @return the files changed
     */
    @Benchmark
    public List<String> slipwayWalk(Tree t) {
        return ManifestEditMain.deploy(t.tree.slipway(), ManifestSource.walk(t.tree.slipway()), ENV, t.service,
                t.next());
    }

    /**
     * Slipway in-process, warm, listing the files from the git index.
     *
     * @param t the tree
     * @return the files changed
     */
    @Benchmark
    public List<String> slipwayIndex(Tree t) {
        return ManifestEditMain.deploy(t.tree.slipway(), indexed(t.tree.slipway()), ENV, t.service, t.next());
    }

    /**
     * The files of a work tree as its git index lists them.
     *
     * @param root the work tree
     * @return the source
     */
    static ManifestSource indexed(Path root) {
        try {
            DirCache index = DirCache.read(root.resolve(".git/index").toFile(), FS.DETECTED);
            List<String> paths = new ArrayList<>(index.getEntryCount());
            for (int i = 0; i < index.getEntryCount(); i++) {
                paths.add(index.getEntry(i).getPathString());
            }
            return ManifestSource.directory(root, paths);
        } catch (CorruptObjectException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link ManifestEditMain} as a whole process.
     *
     * @param t the tree
     * @param p the error file
     * @return the bytes printed
     */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    public long slipwayOneShot(Tree t, Processes p) {
        return Proc.runTimed(Proc.timed(t.tree.slipway(), List.of(Proc.java(), "-cp", BenchEnv.benchJar().toString(),
                ManifestEditMain.class.getName(), t.tree.slipway().toString(), ENV, t.service.path(), t.next()), p.err),
                p.err);
    }

    /**
     * The baseline: {@code grep -rlF MARKER | xargs sed -i -E ...} on the identical copy.
     *
     * @param t the tree
     * @param p the error file
     * @return the bytes printed
     */
    @Benchmark
    public long grepSed(Tree t, Processes p) {
        return Proc.runTimed(Proc.timed(t.tree.sed(), BenchEnv.bash("manifest-sed.sh", t.tree.sed().toString(), ENV,
                t.service.path(), t.next()), p.err), p.err);
    }

    /**
     * The index of every (environment, service) pair, files listed from the git index.
     *
     * @param t the tree
     * @return the index
     */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 2)
    public MarkerIndex scanAll(Tree t) {
        List<ServiceId> services = new ArrayList<>();
        for (int i = 0; i < t.tree.services(); i++) {
            services.add(ServiceId.of(ManifestTree.service(i)));
        }
        return MarkerIndex.scan(indexed(t.tree.slipway()), GitOps.DEFAULT, ManifestTree.ENVIRONMENTS, services);
    }

    /**
     * {@code grep -rlF MARKER} alone.
     *
     * @param t the tree
     * @param p the error file
     * @return the bytes printed
     */
    @Benchmark
    public long grepOnly(Tree t, Processes p) {
        return Proc.runTimed(Proc.timed(t.tree.sed(), List.of("grep", "-rlF", "--include=*.yaml", "--include=*.yml",
                "--", "# " + ENV + "_" + t.service.path(), "."), p.err), p.err);
    }
}
