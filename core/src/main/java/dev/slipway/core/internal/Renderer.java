package dev.slipway.core.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.manifest.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders manifests after an edit: the configured command ({@code gitops.render}, {@code {cluster}} and
 * {@code {env}} filled from the environment) and the built-in Kustomize renderer ({@code gitops.render-dir}:
 * {@code kubectl kustomize} of every kustomization directory that has a path segment named like the
 * environment, written to {@code <render-dir>/<directory>.yaml}). Each process runs in the repository's root
 * with a timeout; its output is captured and shown only when it fails, and a failure is a
 * {@link BackendException}.
 */
public final class Renderer {

    /** How much of a failing command's output an error message quotes. */
    private static final int OUTPUT_TAIL = 4000;
    private static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final Path root;
    private final GitOps gitops;
    private final Duration timeout;

    /**
     * @param root the repository's root directory
     * @param gitops the gitops section
     * @param timeout how long one render process may run
     */
    public Renderer(Path root, GitOps gitops, Duration timeout) {
        this.root = root;
        this.gitops = gitops;
        this.timeout = timeout;
    }

    /** Whether anything renders. */
    public boolean active() {
        return !gitops.render().isEmpty() || gitops.renderDir().isPresent();
    }

    /**
     * Renders for each environment, in order.
     *
     * @param environments the environments deployed to
     * @param files the work tree's files (to find kustomization directories)
     * @return the files the built-in renderer wrote (the command's changes are found by comparing the work tree)
     */
    public List<String> render(List<EnvironmentConfig> environments, List<String> files) {
        List<String> written = new ArrayList<>();
        for (EnvironmentConfig environment : environments) {
            if (!gitops.render().isEmpty()) {
                run(command(environment), environment);
            }
            if (gitops.renderDir().isPresent()) {
                written.addAll(kustomize(environment, files, gitops.renderDir().get()));
            }
        }
        return written;
    }

    /** The render command for an environment, placeholders filled. */
    List<String> command(EnvironmentConfig environment) {
        List<String> command = new ArrayList<>();
        for (String arg : gitops.render()) {
            if (arg.contains("{cluster}") && environment.cluster().isEmpty()) {
                throw new InvalidInputException(environment.name(), "gitops.render uses {cluster}, but the environment "
                        + environment.name() + " has no cluster; set environments[].cluster for it in slipway.yaml");
            }
            command.add(arg.replace("{cluster}", environment.cluster().orElse("")).replace("{env}", environment.name()));
        }
        return command;
    }

    private List<String> kustomize(EnvironmentConfig environment, List<String> files, String renderDir) {
        Set<String> directories = new LinkedHashSet<>();
        for (String file : files) {
            int slash = file.lastIndexOf('/');
            String name = file.substring(slash + 1);
            String dir = slash < 0 ? "" : file.substring(0, slash);
            if (!KUSTOMIZATION_FILES.contains(name) || dir.isEmpty() || dir.equals(renderDir)
                    || dir.startsWith(renderDir + "/")) {
                continue;
            }
            if (List.of(dir.split("/")).contains(environment.name())) {
                directories.add(dir);
            }
        }
        List<String> written = new ArrayList<>();
        for (String dir : directories) {
            byte[] rendered = run(List.of("kubectl", "kustomize", dir), environment);
            String target = renderDir + "/" + dir + ".yaml";
            Path file = root.resolve(target);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new BackendException("cannot create " + file.getParent() + " for the rendered manifests: " + e, e);
            }
            AtomicFiles.write(file, rendered);
            written.add(target);
        }
        return written;
    }

    /** Runs one process; its standard output on success. */
    private byte[] run(List<String> command, EnvironmentConfig environment) {
        String shown = String.join(" ", command);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BackendException("cannot run the render command `" + shown + "` for " + environment.name()
                    + " in " + root + ": " + e.getMessage() + "; install it or fix gitops.render", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process does not read its input
        }
        Drain out = new Drain(process.getInputStream(), Integer.MAX_VALUE);
        Drain err = new Drain(process.getErrorStream(), OUTPUT_TAIL * 4);
        out.start();
        err.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while the render command `" + shown + "` ran", e);
        }
        if (!finished) {
            kill(process);
            throw new BackendException("the render command `" + shown + "` for " + environment.name()
                    + " did not finish within " + timeout + "; nothing was committed" + tail(out, err));
        }
        out.await();
        err.await();
        if (process.exitValue() != 0) {
            throw new BackendException("the render command `" + shown + "` for " + environment.name()
                    + " failed with exit code " + process.exitValue() + "; nothing was committed" + tail(out, err));
        }
        return out.bytes();
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Drain out, Drain err) {
        String text = (new String(out.bytes(), StandardCharsets.UTF_8) + new String(err.bytes(), StandardCharsets.UTF_8)).strip();
        if (text.isEmpty()) {
            return " (no output)";
        }
        if (text.length() > OUTPUT_TAIL) {
            text = "..." + text.substring(text.length() - OUTPUT_TAIL);
        }
        return "; its output:\n" + text;
    }

    /** Reads a stream to its end on its own thread, keeping at most the last {@code limit} bytes. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream in, int limit) {
            super("slipway-render-output");
            this.in = in;
            this.limit = limit;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (kept) {
                        kept.write(buffer, 0, n);
                        if (kept.size() > limit * 2L && limit < Integer.MAX_VALUE / 2) {
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            kept.write(all, all.length - limit, limit);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        void await() {
            try {
                join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        byte[] bytes() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }
}
