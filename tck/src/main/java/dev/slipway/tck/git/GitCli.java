package dev.slipway.tck.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the git command line in a hermetic environment: the oracle of the git contract kit and the
 * builder of its repositories. Nothing of the caller's environment reaches git but {@code PATH}: the
 * home directory is a private one, the system configuration is off, author, committer and dates are
 * fixed (each invocation advances the date by one minute, so histories are reproducible), messages
 * are in the C locale, and signing, automatic gc and hooks are off.
 *
 * <p>Adapter authors may use it to build repositories for their own tests.
 */
public final class GitCli {

    /** The author and committer name of every commit the kit creates. */
    public static final String NAME = "Slipway Kit";

    /** The author and committer e-mail of every commit the kit creates. */
    public static final String EMAIL = "kit@slipway.invalid";

    /** The first commit date (seconds since the epoch, UTC) the kit uses. */
    public static final long EPOCH = 1_700_000_000L;

    private static final List<String> FIXED_CONFIG = List.of(
            "-c", "init.defaultBranch=main",
            "-c", "commit.gpgsign=false",
            "-c", "tag.gpgsign=false",
            "-c", "core.autocrlf=false",
            "-c", "core.fsmonitor=false",
            "-c", "gc.auto=0",
            "-c", "maintenance.auto=false",
            "-c", "advice.detachedHead=false",
            "-c", "protocol.file.allow=always");

    private final Path home;
    private long clock = EPOCH;

    /**
     * Creates a runner whose git sees {@code home} as the user's home directory (created if missing).
     *
     * @param home an empty directory private to this runner
     */
    public GitCli(Path home) {
        this.home = Objects.requireNonNull(home, "home").toAbsolutePath();
        try {
            Files.createDirectories(this.home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The home directory git sees.
     *
     * @return the home directory
     */
    public Path home() {
        return home;
    }

    /**
     * Runs git and waits for it, whatever its exit code.
     *
     * @param directory the working directory
     * @param stdin bytes for git's standard input (empty for none)
     * @param args the arguments after {@code git}
     * @return the exit code and output
     */
    public Result run(Path directory, byte[] stdin, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(FIXED_CONFIG);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_ATTR_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
        String date = "@" + nextDate() + " +0000";
        env.put("GIT_AUTHOR_NAME", NAME);
        env.put("GIT_AUTHOR_EMAIL", EMAIL);
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_NAME", NAME);
        env.put("GIT_COMMITTER_EMAIL", EMAIL);
        env.put("GIT_COMMITTER_DATE", date);
        try {
            Process process = builder.start();
            Pump err = new Pump(process.getErrorStream());
            Thread feeder = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException ignored) {
                    // git stopped reading; its exit code tells why
                }
            }, "git-stdin");
            feeder.setDaemon(true);
            err.start();
            feeder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in 120 s");
            }
            err.join();
            feeder.join();
            return new Result(command, process.exitValue(), out,
                    new String(err.bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git (is it installed and on PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    /**
     * Runs git with no input and waits for it, whatever its exit code.
     *
     * @param directory the working directory
     * @param args the arguments after {@code git}
     * @return the exit code and output
     */
    public Result run(Path directory, String... args) {
        return run(directory, new byte[0], Arrays.asList(args));
    }

    /**
     * Runs git, requires success, and gives its standard output as text without the final newline.
     *
     * @param directory the working directory
     * @param args the arguments after {@code git}
     * @return standard output
     * @throws IllegalStateException if git exits with a non-zero code
     */
    public String text(Path directory, String... args) {
        return run(directory, args).requireSuccess().text();
    }

    /**
     * Runs git, requires success, and gives the non-empty lines of its standard output.
     *
     * @param directory the working directory
     * @param args the arguments after {@code git}
     * @return the lines
     * @throws IllegalStateException if git exits with a non-zero code
     */
    public List<String> lines(Path directory, String... args) {
        return run(directory, args).requireSuccess().lines();
    }

    private synchronized long nextDate() {
        long date = clock;
        clock += 60;
        return date;
    }

    /**
     * The outcome of one git invocation.
     *
     * @param command the command line that ran
     * @param exitCode git's exit code
     * @param stdout standard output, as bytes
     * @param stderr standard error, as text
     */
    public record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {

        /**
         * Freezes the parts.
         */
        public Result {
            command = List.copyOf(command);
            stdout = stdout.clone();
        }

        /**
         * Standard output, as bytes.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] stdout() {
            return stdout.clone();
        }

        /**
         * Whether git exited with code 0.
         *
         * @return true on success
         */
        public boolean ok() {
            return exitCode == 0;
        }

        /**
         * This result, if git succeeded.
         *
         * @return this
         * @throws IllegalStateException naming the command and its error output otherwise
         */
        public Result requireSuccess() {
            if (!ok()) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ": " + stderr);
            }
            return this;
        }

        /**
         * Standard output as UTF-8 text without its final newline.
         *
         * @return the text
         */
        public String text() {
            String text = new String(stdout, StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }

        /**
         * The non-empty lines of standard output.
         *
         * @return the lines
         */
        public List<String> lines() {
            return text().lines().filter(line -> !line.isEmpty()).toList();
        }
    }

    /** Drains a stream on its own thread, so git never blocks on a full pipe. */
    private static final class Pump extends Thread {
        private final InputStream in;
        private byte[] bytes = new byte[0];

        Pump(InputStream in) {
            super("git-stderr");
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                bytes = ("(cannot read git's error output: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
