package dev.slipway.git.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.tck.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JGitBackend#isolate()} keeps JGit out of the user's home. Each case runs {@link IsolationProbe} in a
 * JVM of its own, since JGit's state (its SystemReader, its per-file-system timestamp cache) is
 * process-wide, with {@code HOME}, {@code XDG_CONFIG_HOME} and {@code user.home} pointing at a fresh
 * directory. Tests may run as root, for whom a read-only directory is writable, so the isolated case also
 * checks that the directory stays empty.
 */
class JGitIsolationTest {

    @TempDir
    Path scratch;

    private Path repository;
    private String head;

    @BeforeEach
    void createRepository() throws IOException {
        GitCli git = new GitCli(scratch.resolve("git-home"));
        repository = scratch.resolve("repo");
        git.text(scratch, "init", "-q", repository.toString());
        Files.writeString(repository.resolve("README.md"), "hello\n");
        git.text(repository, "add", "README.md");
        git.text(repository, "commit", "-q", "-m", "first");
        git.text(repository, "tag", "-a", "-m", "v1", "v1");
        head = git.text(repository, "rev-parse", "HEAD");
    }

    @Test
    @Tag("GIT-2")
    @DisplayName("GIT-2: isolated, JGit reads a repository and writes nothing: not into a read-only home, not into the repository")
    void isolatedJGitWritesNothing() throws Exception {
        Path home = Files.createDirectory(scratch.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
        Map<String, String> before = snapshot(repository);

        ProbeRun run = probe(home, "isolate");

        assertThat(run.exitCode()).as("probe output: %s", run.output()).isZero();
        assertThat(run.output()).contains("HEAD=" + head, "count=1", "isolated=true");
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries).as("entries written into the read-only home").isEmpty();
        }
        assertThat(snapshot(repository)).as("the repository, file by file").isEqualTo(before);
    }

    @Test
    @DisplayName("without isolation, JGit saves its file-system measurements into ~/.config/jgit/config")
    void withoutIsolationJGitWritesIntoTheHome() throws Exception {
        // the hazard isolate() removes, shown so that the test above cannot pass for want of a write to catch
        Path home = Files.createDirectory(scratch.resolve("home"));

        ProbeRun run = probe(home, "default");

        assertThat(run.exitCode()).as("probe output: %s", run.output()).isZero();
        assertThat(run.output()).contains("HEAD=" + head, "isolated=false");
        assertThat(home.resolve(".config/jgit/config")).exists();
    }

    private ProbeRun probe(Path home, String mode) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Duser.home=" + home, "-cp", classPath,
                IsolationProbe.class.getName(), repository.toString(), mode)
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("LANG", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish in 60 s: " + output);
        }
        return new ProbeRun(process.exitValue(), output);
    }

    private record ProbeRun(int exitCode, String output) {
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.put(root.relativize(path).toString(), attributes.size() + " " + attributes.lastModifiedTime().toInstant());
            }
        }
        return entries;
    }
}
