package dev.slipway.bench;

import dev.slipway.core.BuildVersion;
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
 * Every service's staging version at HEAD: Slipway in-process (warm: one facade, many calls), the
 * Slipway CLI as a whole process (one-shot: JVM start included), and the git CLI loop a CI step would run
 * ({@code versions-loop.sh}: one bash process, {@code git tag --merged}, {@code git rev-list --count} and
 * {@code git rev-parse} per service).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VersionsBenchmark {

    /** The facade, built once per fork. */
    @State(Scope.Benchmark)
    public static class InProcess {
        Slipway slipway;

        /** Builds the facade on the generated repository. */
        @Setup(Level.Trial)
        public void setUp() {
            JGitBackend.isolate(); // never write ~/.config/jgit, as the CLI
            slipway = Slipway.builder().repository(BenchEnv.repo().dir()).build();
        }
    }

    /** The git CLI loop, prepared. */
    @State(Scope.Benchmark)
    public static class GitCli {
        ProcessBuilder loop;
        Path err;

        /** Prepares the command. */
        @Setup(Level.Trial)
        public void setUp() {
            BenchRepo repo = BenchEnv.repo();
            err = BenchEnv.errFile();
            loop = Proc.timed(repo.dir(), BenchEnv.bash("versions-loop.sh", repo.dir().toString()), err);
        }
    }

    /** The Slipway CLI process, prepared. */
    @State(Scope.Benchmark)
    public static class SlipwayCli {
        ProcessBuilder version;
        Path err;

        /** Prepares the command. */
        @Setup(Level.Trial)
        public void setUp() {
            BenchRepo repo = BenchEnv.repo();
            err = BenchEnv.errFile();
            version = Proc.timed(repo.dir(), BenchEnv.slipwayCli(repo, "version", "--all"), err);
        }
    }

    /**
     * Slipway in-process, warm.
     *
     * @param s the facade
     * @return the versions
     */
    @Benchmark
    public List<BuildVersion> slipwayWarm(InProcess s) {
        return s.slipway.versions(Optional.empty());
    }

    /**
     * {@code java -jar slipway.jar --repo REPO version --all}, a whole process.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    public long slipwayOneShot(SlipwayCli p) {
        return Proc.runTimed(p.version, p.err);
    }

    /**
     * The git CLI loop, one bash process for all services.
     *
     * @param p the commands
     * @return the bytes printed
     */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    public long gitCliLoop(GitCli p) {
        return Proc.runTimed(p.loop, p.err);
    }
}
