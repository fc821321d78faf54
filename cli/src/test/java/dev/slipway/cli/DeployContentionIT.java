package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many deployers at once, and deployers killed mid-run, as OS processes running the shaded jar
 * ({@code java -jar slipway.jar deploy --push}) against one bare remote.
 */
class DeployContentionIT {

    private static final int DEPLOYERS = 16;
    private static final String VALUES = "kubernetes/staging/values.yaml";
    private static final String IMAGES = "kubernetes/staging/images.yaml";

    private static Path jar;

    @TempDir
    Path tmp;

    GitCli git;

    @BeforeAll
    static void jar() {
        jar = Path.of(System.getProperty("slipway.jar"));
        assertThat(jar).as("failsafe sets slipway.jar; run through Maven").isRegularFile();
    }

    private static String service(int i) {
        return "services/s%02d".formatted(i);
    }

    private static String version(int i) {
        return "1.0.%d-rc%04d-g%07x".formatted(i, i, 0xabc000 + i);
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A bare remote holding {@code services} services, each with a marker in both values files. */
    private Path remote(int services, String padding) throws IOException {
        git = new GitCli(tmp.resolve("home"));
        Path seed = tmp.resolve("seed");
        git.text(tmp, "init", "-q", "-b", "main", seed.toString());
        StringBuilder values = new StringBuilder("# staging values\n").append(padding);
        StringBuilder images = new StringBuilder("images:\n");
        for (int i = 0; i < services; i++) {
            write(seed, service(i) + "/main.go", "package main\n");
            values.append("s%02d:\n  image:\n    tag: 0.0.0  # staging_%s\n  replicas: 1\n".formatted(i, service(i)));
            images.append("  s%02d: \"0.0.0\" # staging_%s\n".formatted(i, service(i)));
        }
        write(seed, VALUES, values.toString());
        write(seed, IMAGES, images.toString());
        git.text(seed, "add", "-A");
        git.text(seed, "commit", "-q", "-m", "layout");
        Path remote = tmp.resolve("remote.git");
        git.text(tmp, "clone", "-q", "--bare", seed.toString(), remote.toString());
        return remote;
    }

    private Path clone(Path remote, String name) {
        Path clone = tmp.resolve(name);
        git.text(tmp, "clone", "-q", remote.toString(), clone.toString());
        git.text(clone, "config", "user.name", "Deployer " + name);
        git.text(clone, "config", "user.email", name + "@slipway.invalid");
        return clone;
    }

    private Process start(Path clone, Path log, String... args) throws IOException {
        return start("96m", clone, log, args);
    }

    private Process start(String heap, Path clone, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small, quick-starting JVMs: 16 of them share two cores
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx" + heap, "-jar", jar.toString(),
                "--repo", clone.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("SLIPWAY_GIT_TOKEN");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    @Test
    @DisplayName("16 processes deploying 16 services into the same values files through one remote: every deployment lands,"
            + " one commit each, no update lost")
    void sixteenDeployers() throws Exception {
        Path remote = remote(DEPLOYERS, "");
        String initial = git.text(remote, "rev-parse", "main");
        List<Path> clones = new ArrayList<>();
        for (int i = 0; i < DEPLOYERS; i++) {
            clones.add(clone(remote, "deployer-" + i));
        }
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < DEPLOYERS; i++) {
            processes.add(start(clones.get(i), tmp.resolve("deployer-" + i + ".log"), "deploy", "--service", service(i),
                    "--env", "staging", "--version", version(i), "--push", "--json"));
        }
        for (int i = 0; i < DEPLOYERS; i++) {
            Process p = processes.get(i);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                processes.forEach(Process::destroyForcibly);
                throw new AssertionError("deployer " + i + " did not finish within 5 minutes");
            }
            String log = Files.readString(tmp.resolve("deployer-" + i + ".log"));
            assertThat(p.exitValue()).as("deployer %d: %s", i, log).isZero();
            assertThat(log).contains("\"version\": \"" + version(i) + "\"").contains("\"commit\": \"");
        }

        String tip = git.text(remote, "rev-parse", "main");
        String values = git.text(remote, "show", tip + ":" + VALUES);
        String images = git.text(remote, "show", tip + ":" + IMAGES);
        for (int i = 0; i < DEPLOYERS; i++) {
            assertThat(values).contains("    tag: " + version(i) + "  # staging_" + service(i));
            assertThat(images).contains("  s%02d: \"%s\" # staging_%s".formatted(i, version(i), service(i)));
        }
        // one commit per deployment, a straight line on top of the initial commit, each naming its one service
        assertThat(git.text(remote, "rev-list", "--count", initial + ".." + tip)).isEqualTo(Integer.toString(DEPLOYERS));
        assertThat(git.text(remote, "rev-list", "--merges", "--count", tip)).isEqualTo("0");
        List<String> services = git.lines(remote, "log", "--format=%(trailers:key=Slipway-Service,valueonly,separator=%x2C)",
                initial + ".." + tip);
        assertThat(services).hasSize(DEPLOYERS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Stream.iterate(0, i -> i + 1).limit(DEPLOYERS).map(DeployContentionIT::service).toList());
        for (String line : git.lines(remote, "log", "--format=%H", initial + ".." + tip)) {
            assertThat(git.lines(remote, "diff-tree", "--no-commit-id", "--name-only", "-r", line))
                    .as("files of %s", line).containsExactly(IMAGES, VALUES);
        }
        assertThat(git.run(remote, "fsck", "--no-progress", "--no-dangling").ok()).isTrue();
    }

    @Test
    @DisplayName("a deployer killed at any point leaves every file whole: the old or the new content, locally and on the remote")
    void killedMidRun() throws Exception {
        // a large values file (about 3 MB) so that reading, verifying and writing take a while
        StringBuilder padding = new StringBuilder();
        for (int i = 0; padding.length() < 3_000_000; i++) {
            padding.append("filler%06d:\n  note: \"padding line %d of a large values file\"\n".formatted(i, i));
        }
        Path remote = remote(2, padding.toString());
        Path clone = clone(remote, "victim");
        String start = git.text(clone, "rev-parse", "HEAD");
        byte[] old = Files.readAllBytes(clone.resolve(VALUES));

        // one undisturbed run, for the expected content and the run time
        long began = System.nanoTime();
        Process calibration = start("512m", clone, tmp.resolve("calibration.log"), "deploy", "--service", service(0), "--env", "staging",
                "--version", version(0), "--push");
        assertThat(calibration.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(calibration.exitValue()).as(Files.readString(tmp.resolve("calibration.log"))).isZero();
        Duration runTime = Duration.ofNanos(System.nanoTime() - began);
        byte[] edited = Files.readAllBytes(clone.resolve(VALUES));
        assertThat(edited).isNotEqualTo(old);
        String deployed = git.text(remote, "rev-parse", "main");
        git.text(remote, "update-ref", "refs/heads/main", start);
        git.text(clone, "reset", "-q", "--hard", start);

        Map<String, Integer> outcomes = new TreeMap<>();
        int kills = 8;
        for (int k = 1; k <= kills; k++) {
            Process victim = start("512m", clone, tmp.resolve("victim-" + k + ".log"), "deploy", "--service", service(0), "--env",
                    "staging", "--version", version(0), "--push");
            long delay = runTime.toMillis() * k / (kills + 1);
            if (!victim.waitFor(delay, TimeUnit.MILLISECONDS)) {
                victim.destroyForcibly();
                victim.waitFor(1, TimeUnit.MINUTES);
                outcomes.merge("killed", 1, Integer::sum);
            } else {
                outcomes.merge("finished", 1, Integer::sum);
            }
            byte[] local = Files.readAllBytes(clone.resolve(VALUES));
            assertThat(local).as("the local values file after kill %d", k).satisfiesAnyOf(
                    bytes -> assertThat(bytes).isEqualTo(old), bytes -> assertThat(bytes).isEqualTo(edited));
            String remoteTip = git.text(remote, "rev-parse", "main");
            if (!remoteTip.equals(start)) {
                outcomes.merge("landed", 1, Integer::sum);
                assertThat(git.text(remote, "rev-parse", remoteTip + "^")).as("the landed commit's parent").isEqualTo(start);
                assertThat(git.text(remote, "rev-parse", remoteTip + "^{tree}")).as("the landed commit's tree")
                        .isEqualTo(git.text(remote, "rev-parse", deployed + "^{tree}"));
            }
            byte[] remoteValues = git.run(remote, "show", "main:" + VALUES).stdout();
            assertThat(remoteValues).as("the remote's values after kill %d", k).satisfiesAnyOf(
                    bytes -> assertThat(bytes).isEqualTo(old), bytes -> assertThat(bytes).isEqualTo(edited));
            assertThat(git.run(clone, "fsck", "--no-progress", "--no-dangling").ok()).isTrue();
            try (Stream<Path> files = Files.list(clone.resolve("kubernetes/staging"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("only the values files and hidden temporary files of an interrupted write")
                        .allMatch(name -> name.equals("values.yaml") || name.equals("images.yaml") || name.endsWith(".slipway-tmp"));
            }
            // back to the start for the next victim; a lock a killed JGit left behind is removed as a user would
            Files.deleteIfExists(clone.resolve(".git/index.lock"));
            Files.deleteIfExists(clone.resolve(".git/HEAD.lock"));
            Files.deleteIfExists(clone.resolve(".git/refs/heads/main.lock"));
            git.text(remote, "update-ref", "refs/heads/main", start);
            git.text(clone, "reset", "-q", "--hard", start);
            try (Stream<Path> files = Files.list(clone.resolve("kubernetes/staging"))) {
                for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".slipway-tmp")).toList()) {
                    Files.delete(p);
                }
            }
        }
        assertThat(outcomes.getOrDefault("killed", 0)).as("kills that interrupted a run: %s", outcomes).isGreaterThan(0);
        System.out.println("DeployContentionIT.killedMidRun: run time " + runTime.toMillis() + " ms, outcomes " + outcomes);
    }
}
