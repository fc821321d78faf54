package dev.slipway.bench;

import dev.slipway.core.ChangedServices;
import dev.slipway.core.Slipway;
import dev.slipway.git.jgit.JGitBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * The services changed between two commits {@code spec.distance()} (5,000) commits apart: Slipway
 * in-process (warm), the Slipway CLI as a whole process (one-shot), the bare
 * {@code git diff --no-renames --name-only BASE HEAD} (no matching at all), and that diff piped through
 * the same matching in awk and sort ({@code changed-awk.sh}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChangedBenchmark {

    /** The facade, built once per fork, and the commits. */
    @State(Scope.Benchmark)
    public static class InProcess {
        Slipway slipway;
        String base;
        Optional<String> head;

        /** Builds the facade on the generated repository. */
        @Setup(Level.Trial)
        public void setUp() {
            BenchRepo repo = BenchEnv.repo();
            JGitBackend.isolate(); // never write ~/.config/jgit, as the CLI
            slipway = Slipway.builder().repository(repo.dir()).build();
            base = repo.base();
            head = Optional.of(repo.head());
        }
    }

    /** The git commands, prepared. */
    @State(Scope.Benchmark)
    public static class GitCli {
        ProcessBuilder diff;
        ProcessBuilder diffAwk;
        ProcessBuilder nothing;
        Path err;

        /** Prepares the commands. */
        @Setup(Level.Trial)
        public void setUp() {
            BenchRepo repo = BenchEnv.repo();
            err = BenchEnv.errFile();
            diff = Proc.timed(repo.dir(),
                    List.of("git", "diff", "--no-renames", "--name-only", repo.base(), repo.head()), err);
            diffAwk = Proc.timed(repo.dir(),
                    BenchEnv.bash("changed-awk.sh", repo.dir().toString(), repo.base(), repo.head()), err);
            nothing = Proc.timed(repo.dir(), List.of("true"), err);
        }
    }

    /** The Slipway CLI process, prepared. */
    @State(Scope.Benchmark)
    public static class SlipwayCli {
        ProcessBuilder changed;
        Path err;

        /** Prepares the command. */
        @Setup(Level.Trial)
        public void setUp() {
            BenchRepo repo = BenchEnv.repo();
            err = BenchEnv.errFile();
            changed = Proc.timed(repo.dir(),
                    BenchEnv.slipwayCli(repo, "changed", "--base", repo.base(), "--head", repo.head()), err);
        }
    }

    /**
     * Slipway in-process, warm.
     *
     * @param s the facade
     * @return the changed services
     */
    @Benchmark
    public ChangedServices slipwayWarm(InProcess s) {
        return s.slipway.changed(s.base, s.head);
    }

    /**
     * {@code java -jar slipway.jar --repo REPO changed --base BASE --head HEAD}, a whole process.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    public long slipwayOneShot(SlipwayCli p) {
        return Proc.runTimed(p.changed, p.err);
    }

    /**
     * The bare {@code git diff --no-renames --name-only BASE HEAD}.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    public long gitDiffBare(GitCli p) {
        return Proc.runTimed(p.diff, p.err);
    }

    /**
     * {@code git diff} piped through awk and sort: the same matching as Slipway's default filters.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    public long gitDiffAwk(GitCli p) {
        return Proc.runTimed(p.diffAwk, p.err);
    }

    /**
     * {@code true}: what starting a process costs this harness (part of every process baseline).
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    public long spawnTrue(GitCli p) {
        return Proc.runTimed(p.nothing, p.err);
    }
}
