package dev.slipway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the processes the baselines and the generator need: git, bash and {@code java -jar slipway.jar}.
 * Every child sees the same environment, free of the user's and the system's git configuration
 * ({@code GIT_CONFIG_NOSYSTEM}, {@code GIT_CONFIG_GLOBAL=/dev/null}) and with the C locale, so a run
 * does not depend on whose machine it is.
 */
public final class Proc {

    private Proc() {
    }

    /** A finished process's output. */
    public record Result(int exit, String stdout, String stderr) {
    }

    /**
     * A process builder for a command in a directory with the isolated environment.
     *
     * @param dir the working directory
     * @param command the command
     * @return the builder
     */
    public static ProcessBuilder builder(Path dir, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        env.remove("GIT_DIR");
        env.remove("GIT_WORK_TREE");
        env.remove("GIT_INDEX_FILE");
        return pb;
    }

    /**
     * Runs a command to completion and captures both streams.
     *
     * @param dir the working directory
     * @param command the command
     * @return the result
     */
    public static Result capture(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile("slipway-bench-", ".err");
            try {
                Process p = builder(dir, command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                return new Result(exit, out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /**
     * Runs a command that must succeed and returns its standard output.
     *
     * @param dir the working directory
     * @param command the command
     * @return the standard output
     * @throws IllegalStateException if the command exits non-zero
     */
    public static String check(Path dir, String... command) {
        return check(dir, List.of(command));
    }

    /**
     * Runs a command that must succeed and returns its standard output.
     *
     * @param dir the working directory
     * @param command the command
     * @return the standard output
     * @throws IllegalStateException if the command exits non-zero
     */
    public static String check(Path dir, List<String> command) {
        Result r = capture(dir, command);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit() + " in " + dir + ": "
                    + r.stderr().strip());
        }
        return r.stdout();
    }

    /**
     * Runs a command for timing: its standard output is read and dropped (as a CI step that consumes it
     * would), standard error goes to a file that is shown only when the command fails.
     *
     * @param pb the prepared builder (see {@link #timed(Path, List, Path)})
     * @param errFile where standard error goes
     * @return the number of bytes the command wrote to standard output (so the work cannot be skipped)
     * @throws IllegalStateException if the command exits non-zero
     */
    public static long runTimed(ProcessBuilder pb, Path errFile) {
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            long n = p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", pb.command()) + " exited " + exit + ": "
                        + Files.readString(errFile).strip());
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A builder prepared for {@link #runTimed}: isolated environment, standard error to a file.
     *
     * @param dir the working directory
     * @param command the command
     * @param errFile where standard error goes
     * @return the builder
     */
    public static ProcessBuilder timed(Path dir, List<String> command, Path errFile) {
        return builder(dir, command).redirectError(errFile.toFile());
    }

    /**
     * A classpath resource as text.
     *
     * @param name the resource name, relative to this package
     * @return the text
     */
    public static String resource(String name) {
        try (var in = Proc.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The java launcher of the running JVM.
     *
     * @return its path
     */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
