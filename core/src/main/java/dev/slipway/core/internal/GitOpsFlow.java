package dev.slipway.core.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.DeployResult;
import dev.slipway.core.DeployResult.Deployed;
import dev.slipway.core.Deployment;
import dev.slipway.core.WriteOptions;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.EnvironmentSource;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.manifest.AtomicFiles;
import dev.slipway.core.manifest.ManifestSource;
import dev.slipway.core.manifest.MarkerEdits;
import dev.slipway.core.manifest.MarkerIndex;
import dev.slipway.core.manifest.MarkerLocation;
import dev.slipway.spi.FileChange;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.PushResult;
import dev.slipway.spi.PushSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Applies deployments to manifests: set the versions at the markers, render, commit, push. The edit is a
 * pure function of a base (the work tree, HEAD, or the freshly fetched remote tip); a push the remote rejects
 * because it moved starts again from the new tip with the intent evaluated anew (never a textual rebase),
 * with full-jitter exponential back-off until {@code gitops.push-timeout}. A failure leaves the local branch
 * and work tree where they started, or at the remote tip, never half-edited.
 */
public final class GitOpsFlow {

    private static final System.Logger LOG = System.getLogger(GitOpsFlow.class.getName());

    /** What to deploy, computed from the base the edit applies to (a pure function of it). */
    @FunctionalInterface
    public interface Intent {
        /**
         * The deployments at a base.
         *
         * @param base the base
         * @return the request
         */
        Request at(Base base);
    }

    /**
     * What an intent sees.
     *
     * @param source the manifests
     * @param commit the commit they are read from; empty for the work tree
     * @param repository the repository (for history)
     */
    public record Base(ManifestSource source, Optional<CommitId> commit, GitRepository repository) {
    }

    /**
     * The deployments to apply at a base.
     *
     * @param deployments the deployments, at most one per service and environment
     * @param subject the commit subject; empty for {@code gitops.commit-message}
     * @param override the overridden rule and reason ({@code rule: reason}) recorded for every deployment
     * @param builtCommits the built commit of some deployments (others use the flow's default)
     */
    public record Request(List<Deployment> deployments, Optional<String> subject, Optional<String> override,
            Map<Deployment, CommitId> builtCommits) {

        /** Freezes the parts. */
        public Request {
            deployments = List.copyOf(deployments);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(override, "override");
            builtCommits = Map.copyOf(builtCommits);
        }

        /** Plain deployments with the configured message. */
        public static Request of(List<Deployment> deployments) {
            return new Request(deployments, Optional.empty(), Optional.empty(), Map.of());
        }
    }

    /** Waits between push attempts (tests pass one that does not sleep). */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The edits of one base. */
    record Plan(Request request, List<Deployed> deployed, Map<String, byte[]> changes) {
    }

    private final GitRepository repository;
    private final Path root;
    private final SlipwayConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Renderer renderer;

    /**
     * @param repository the open repository
     * @param root the work tree's root
     * @param config the configuration
     * @param clock the clock the push deadline is measured on
     * @param sleeper how to wait between attempts
     * @param random the back-off's jitter
     * @param renderTimeout how long one render process may run
     */
    public GitOpsFlow(GitRepository repository, Path root, SlipwayConfig config, Clock clock, Sleeper sleeper,
            RandomGenerator random, Duration renderTimeout) {
        this.repository = repository;
        this.root = root;
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = new Backoff(random);
        this.renderer = new Renderer(root, config.gitops(), renderTimeout);
    }

    /** The branch a flow pushes to by default: the one that feeds the first branch-fed environment. */
    public static String defaultBranch(SlipwayConfig config) {
        for (EnvironmentConfig e : config.environments()) {
            if (e.from().kind() == EnvironmentSource.Kind.BRANCH && e.from().branch().isPresent()) {
                return e.from().branch().get();
            }
        }
        return "main";
    }

    /**
     * Runs the flow.
     *
     * @param intent what to deploy at a base
     * @param options how far to go
     * @return what changed
     */
    public DeployResult run(Intent intent, WriteOptions options) {
        return switch (options.mode()) {
            case WORK_TREE -> workTree(intent);
            case COMMIT -> commit(intent, options);
            case PUSH -> renderer.active() ? pushRendering(intent, options) : push(intent, options);
        };
    }

    // --- the three modes ---------------------------------------------------------------------------

    private DeployResult workTree(Intent intent) {
        List<String> files = repository.workingTreeFiles();
        Plan plan = plan(new Base(ManifestSource.directory(root, files), Optional.empty(), repository), intent);
        if (plan.changes().isEmpty()) {
            return result(plan, List.of(), Optional.empty(), false, 1);
        }
        Map<String, Optional<byte[]>> originals = new LinkedHashMap<>();
        for (String path : plan.changes().keySet()) {
            originals.put(path, Optional.of(readWorkTree(path).orElseThrow()));
        }
        Set<String> changed = writeAndRender(plan, originals, Optional.empty());
        return result(plan, List.copyOf(changed), Optional.empty(), false, 1);
    }

    private DeployResult commit(Intent intent, WriteOptions options) {
        CommitId head = head();
        Plan plan = plan(new Base(CommitSource.of(repository, head), Optional.of(head), repository), intent);
        if (plan.changes().isEmpty()) {
            return result(plan, List.of(), Optional.empty(), false, 1);
        }
        requireClean(plan.changes().keySet(), "HEAD");
        Map<String, Optional<byte[]>> originals = originalsAt(head, plan.changes().keySet());
        Set<String> changed = writeAndRender(plan, originals, Optional.of(head));
        List<FileChange> changes = renderer.active() ? fromWorkTree(changed) : inMemory(plan);
        CommitId created;
        try {
            created = repository.createCommit(Optional.of(head), changes, message(plan, options, options.builtCommit().orElse(head)));
            repository.moveHead(head, created);
        } catch (RuntimeException e) {
            restore(originalsFor(changed, originals, head));
            throw e;
        }
        return result(plan, List.copyOf(changed), Optional.of(created), false, 1);
    }

    /** Push without rendering: the edit is built in memory on each fetched tip; the work tree moves only once it landed. */
    private DeployResult push(Intent intent, WriteOptions options) {
        String branch = options.branch().orElse(defaultBranch(config));
        Optional<CommitId> start = repository.resolve("HEAD");
        CommitId built = options.builtCommit().or(() -> start).orElse(null);
        Instant deadline = clock.instant().plus(config.gitops().pushTimeout());
        for (int attempt = 1; ; attempt++) {
            CommitId tip = fetch(options.remote(), branch);
            Plan plan = planAtTip(intent, tip, options.remote(), branch);
            if (plan.changes().isEmpty()) {
                return result(plan, List.of(), Optional.empty(), false, attempt);
            }
            CommitId created = repository.createCommit(Optional.of(tip), inMemory(plan), message(plan, options, built));
            PushResult pushed = pushOne(options.remote(), created, branch);
            if (pushed.isSuccess()) {
                start.ifPresent(h -> followLocally(h, created, branch));
                return result(plan, List.copyOf(plan.changes().keySet()), Optional.of(created), true, attempt);
            }
            rejectedOrRetry(pushed, options.remote(), branch, attempt, deadline, Optional.empty());
        }
    }

    /**
     * Push with rendering: the render command needs a work tree, so HEAD moves to each fetched tip (safely:
     * only a fast-forward, refusing to overwrite local changes), the edit and render happen there, the commit
     * is made and HEAD moves onto it, then it is pushed. When the remote moved, HEAD goes back to the new
     * tip and everything is done again; a failure leaves HEAD at the remote tip with a clean edit.
     */
    private DeployResult pushRendering(Intent intent, WriteOptions options) {
        String branch = options.branch().orElse(defaultBranch(config));
        CommitId start = head();
        CommitId built = options.builtCommit().orElse(start);
        Instant deadline = clock.instant().plus(config.gitops().pushTimeout());
        CommitId current = start;
        for (int attempt = 1; ; attempt++) {
            CommitId tip = fetch(options.remote(), branch);
            if (attempt == 1 && !repository.isAncestor(start, tip)) {
                throw new InvalidInputException(start.hex(), "HEAD (" + start.hex() + ") has commits the remote branch "
                        + options.remote() + "/" + branch + " (" + tip.hex() + ") lacks; with a render command, --push"
                        + " renders in the work tree at the remote tip: push or drop those commits first");
            }
            if (!current.equals(tip)) {
                repository.moveHead(current, tip);
                current = tip;
            }
            Plan plan = planAtTip(intent, tip, options.remote(), branch);
            if (plan.changes().isEmpty()) {
                return result(plan, List.of(), Optional.empty(), false, attempt);
            }
            requireClean(plan.changes().keySet(), "the remote tip");
            Map<String, Optional<byte[]>> originals = originalsAt(tip, plan.changes().keySet());
            Set<String> changed = writeAndRender(plan, originals, Optional.of(tip));
            CommitId created;
            try {
                created = repository.createCommit(Optional.of(tip), fromWorkTree(changed), message(plan, options, built));
                repository.moveHead(tip, created);
            } catch (RuntimeException e) {
                restore(originalsFor(changed, originals, tip));
                throw e;
            }
            current = created;
            PushResult pushed;
            try {
                pushed = pushOne(options.remote(), created, branch);
            } catch (RuntimeException e) {
                repository.moveHead(created, tip);
                throw e;
            }
            if (pushed.isSuccess()) {
                return result(plan, List.copyOf(changed), Optional.of(created), true, attempt);
            }
            try {
                rejectedOrRetry(pushed, options.remote(), branch, attempt, deadline, Optional.of(created));
            } catch (RuntimeException e) {
                repository.moveHead(created, tip);
                throw e;
            }
        }
    }

    // --- steps ---------------------------------------------------------------------------------------

    private CommitId fetch(String remote, String branch) {
        return repository.fetch(remote, branch).orElseThrow(() -> new InvalidInputException(branch, "the remote "
                + remote + " has no branch " + branch + "; give the branch that feeds the environment (--branch)"));
    }

    private Plan planAtTip(Intent intent, CommitId tip, String remote, String branch) {
        try {
            return plan(new Base(CommitSource.of(repository, tip), Optional.of(tip), repository), intent);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.input(), "at the tip of " + remote + "/" + branch + " (" + tip.hex()
                    + "): " + e.getMessage(), e);
        }
    }

    private PushResult pushOne(String remote, CommitId commit, String branch) {
        List<PushResult> results = repository.push(remote, List.of(new PushSpec(commit.hex(), "refs/heads/" + branch)));
        if (results.size() != 1) {
            throw new BackendException("the git backend answered " + results.size() + " results for one pushed ref");
        }
        return results.get(0);
    }

    /** Returns after waiting when the remote moved and time remains; throws otherwise. */
    private void rejectedOrRetry(PushResult pushed, String remote, String branch, int attempt, Instant deadline,
            Optional<CommitId> created) {
        if (!pushed.remoteMoved()) {
            throw new BackendException("the remote " + remote + " refused the push to " + branch + " ("
                    + pushed.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + pushed.message().map(m -> ": " + m).orElse("") + "); nothing was pushed"
                    + (created.isPresent() ? ", and HEAD is back at the remote tip" : ""));
        }
        Duration wait = backoff.delay(attempt - 1);
        Instant now = clock.instant();
        if (!now.plus(wait).isBefore(deadline)) {
            throw new BackendException("the remote " + remote + " branch " + branch + " kept moving: " + attempt
                    + " attempts, each rebuilt on the new tip, did not land within gitops.push-timeout ("
                    + config.gitops().pushTimeout() + "); nothing was pushed; run it again or raise gitops.push-timeout");
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "the remote " + remote + " moved (" + pushed.status() + "); attempt "
                + (attempt + 1) + " after " + wait.toMillis() + " ms");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting to push again to " + remote, e);
        }
    }

    /** After a landed push: HEAD follows when it is on the pushed branch (or detached) and can fast-forward. */
    private void followLocally(CommitId head, CommitId created, String branch) {
        Optional<String> current = repository.currentBranch();
        if (current.isPresent() && !current.get().equals(branch)) {
            return;
        }
        try {
            if (repository.isAncestor(head, created)) {
                repository.moveHead(head, created);
            }
        } catch (InvalidInputException e) {
            LOG.log(System.Logger.Level.WARNING, "the deployment landed as " + created.hex() + "; HEAD stays at "
                    + head.hex() + ": " + e.getMessage());
        }
    }

    /** Writes the edits atomically and renders; on failure restores everything it touched. Returns the changed files. */
    private Set<String> writeAndRender(Plan plan, Map<String, Optional<byte[]>> originals, Optional<CommitId> head) {
        Set<String> written = new LinkedHashSet<>();
        Map<String, Optional<byte[]>> beforeRender = Map.of();
        try {
            for (Map.Entry<String, byte[]> e : plan.changes().entrySet()) {
                AtomicFiles.write(root.resolve(e.getKey()), e.getValue());
                written.add(e.getKey());
            }
            if (!renderer.active()) {
                return new TreeSet<>(written);
            }
            beforeRender = dirtyFiles();
            List<String> rendered = renderer.render(environments(plan), repository.workingTreeFiles());
            Set<String> changed = new TreeSet<>(written);
            changed.addAll(rendered);
            for (String path : repository.uncommittedChanges()) {
                Optional<byte[]> now = readWorkTree(path);
                Optional<byte[]> before = beforeRender.containsKey(path) ? beforeRender.get(path) : null;
                if (before == null || !sameContent(before, now)) {
                    changed.add(path);
                }
            }
            return changed;
        } catch (RuntimeException e) {
            Map<String, Optional<byte[]>> undo = new LinkedHashMap<>();
            for (String path : written) {
                undo.put(path, originals.get(path));
            }
            if (!beforeRender.isEmpty() || renderer.active()) {
                try {
                    for (String path : repository.uncommittedChanges()) {
                        if (undo.containsKey(path)) {
                            continue;
                        }
                        if (beforeRender.containsKey(path)) {
                            if (!sameContent(beforeRender.get(path), readWorkTree(path))) {
                                undo.put(path, beforeRender.get(path));
                            }
                        } else {
                            undo.put(path, head.flatMap(h -> repository.readFile(h, path)).or(
                                    () -> repository.resolve("HEAD").flatMap(h -> repository.readFile(h, path))));
                        }
                    }
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            try {
                restore(undo);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private List<EnvironmentConfig> environments(Plan plan) {
        Set<String> names = new LinkedHashSet<>();
        for (Deployed d : plan.deployed()) {
            if (d.changed()) {
                names.add(d.environment());
            }
        }
        List<EnvironmentConfig> out = new ArrayList<>();
        for (String name : names) {
            out.add(config.environment(name).orElseThrow());
        }
        return out;
    }

    /** The work tree's dirty files and their content (empty when deleted). */
    private Map<String, Optional<byte[]>> dirtyFiles() {
        Map<String, Optional<byte[]>> out = new HashMap<>();
        for (String path : repository.uncommittedChanges()) {
            out.put(path, readWorkTree(path));
        }
        return out;
    }

    private static boolean sameContent(Optional<byte[]> a, Optional<byte[]> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || Arrays.equals(a.get(), b.get()));
    }

    private Optional<byte[]> readWorkTree(String path) {
        Path file = root.resolve(path);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e, e);
        }
    }

    private void restore(Map<String, Optional<byte[]>> contents) {
        for (Map.Entry<String, Optional<byte[]>> e : contents.entrySet()) {
            Path file = root.resolve(e.getKey());
            if (e.getValue() == null) {
                continue;
            }
            if (e.getValue().isPresent()) {
                AtomicFiles.write(file, e.getValue().get());
            } else {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ex) {
                    throw new BackendException("cannot remove " + file + " while undoing a failed deployment: " + ex, ex);
                }
            }
        }
    }

    private Map<String, Optional<byte[]>> originalsAt(CommitId commit, Set<String> paths) {
        Map<String, Optional<byte[]>> out = new LinkedHashMap<>();
        for (String path : paths) {
            out.put(path, repository.readFile(commit, path));
        }
        return out;
    }

    /** What to write back for each changed file after a late failure: the edited files' originals, the rest at HEAD. */
    private Map<String, Optional<byte[]>> originalsFor(Set<String> changed, Map<String, Optional<byte[]>> originals,
            CommitId head) {
        Map<String, Optional<byte[]>> out = new LinkedHashMap<>();
        for (String path : changed) {
            out.put(path, originals.containsKey(path) ? originals.get(path) : repository.readFile(head, path));
        }
        return out;
    }

    private void requireClean(Set<String> paths, String where) {
        Set<String> dirty = new TreeSet<>(repository.uncommittedChanges());
        dirty.retainAll(paths);
        if (!dirty.isEmpty()) {
            throw new InvalidInputException(String.join(", ", dirty), "uncommitted changes in " + String.join(", ", dirty)
                    + ", which the deployment edits at " + where + "; commit, stash or discard them first (nothing was changed)");
        }
    }

    private List<FileChange> inMemory(Plan plan) {
        List<FileChange> out = new ArrayList<>();
        plan.changes().forEach((path, bytes) -> out.add(FileChange.write(path, bytes)));
        return out;
    }

    private List<FileChange> fromWorkTree(Set<String> paths) {
        List<FileChange> out = new ArrayList<>();
        for (String path : paths) {
            Optional<byte[]> bytes = readWorkTree(path);
            out.add(bytes.isPresent() ? FileChange.write(path, bytes.get()) : FileChange.delete(path));
        }
        return out;
    }

    private CommitId head() {
        return repository.resolve("HEAD").orElseThrow(() -> new InvalidInputException("HEAD",
                "the repository at " + root + " has no commit yet; commit the manifests first"));
    }

    // --- the pure part -------------------------------------------------------------------------------

    /** The edits at a base: a pure function of its manifests and the intent. */
    private Plan plan(Base base, Intent intent) {
        return plan(base.source(), intent.at(base), config);
    }

    /**
     * The new bytes of each file for the request's deployments at a source.
     *
     * @param source the manifests
     * @param request the deployments
     * @param config the configuration (marker pattern, files, environments)
     * @return the plan
     */
    static Plan plan(ManifestSource source, Request request, SlipwayConfig config) {
        Set<String> environments = new LinkedHashSet<>();
        Set<ServiceId> services = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (Deployment d : request.deployments()) {
            if (config.environment(d.environment()).isEmpty()) {
                throw new InvalidInputException(d.environment(), "unknown environment " + d.environment()
                        + "; configured environments: " + String.join(", ",
                                config.environments().stream().map(EnvironmentConfig::name).toList()));
            }
            if (!seen.add(d.service().path() + "\n" + d.environment())) {
                throw new InvalidInputException(d.service().path(), d.service() + " is deployed to " + d.environment()
                        + " twice in one request; give one version per service and environment");
            }
            environments.add(d.environment());
            services.add(d.service());
        }
        MarkerIndex index = MarkerIndex.scan(source, config.gitops(), environments, services);
        Map<String, byte[]> content = new TreeMap<>();
        List<Deployed> deployed = new ArrayList<>();
        for (Deployment d : request.deployments()) {
            List<MarkerLocation> locations = index.requireLocations(d.environment(), d.service());
            Map<String, List<MarkerLocation>> byFile = new LinkedHashMap<>();
            for (MarkerLocation l : locations) {
                byFile.computeIfAbsent(l.path(), p -> new ArrayList<>()).add(l);
            }
            for (Map.Entry<String, List<MarkerLocation>> e : byFile.entrySet()) {
                byte[] current = content.containsKey(e.getKey()) ? content.get(e.getKey()) : source.read(e.getKey());
                byte[] next = MarkerEdits.setValue(e.getKey(), current, e.getValue(), d.version());
                if (next != current) {
                    content.put(e.getKey(), next);
                }
            }
            List<String> previous = locations.stream().map(MarkerLocation::value).distinct().toList();
            boolean changed = locations.stream().anyMatch(l -> !l.value().equals(d.version()));
            deployed.add(new Deployed(d.service(), d.environment(), d.version(), previous,
                    new TreeSet<>(byFile.keySet()).stream().toList(), changed));
        }
        return new Plan(request, List.copyOf(deployed), content);
    }

    /** The commit message: subject, a list when several deployments, then one trailer group per deployment. */
    private String message(Plan plan, WriteOptions options, CommitId defaultBuilt) {
        List<Deployed> changed = plan.deployed().stream().filter(Deployed::changed).toList();
        String template = config.gitops().commitMessage();
        StringBuilder message = new StringBuilder();
        if (plan.request().subject().isPresent()) {
            message.append(plan.request().subject().get());
        } else {
            message.append(format(template, changed.get(0)));
            if (changed.size() > 1) {
                message.append(" (+").append(changed.size() - 1).append(" more)");
            }
        }
        message.append("\n\n");
        if (changed.size() > 1) {
            for (Deployed d : changed) {
                message.append("- ").append(format(template, d)).append('\n');
            }
            message.append('\n');
        }
        List<Trailers.Group> groups = new ArrayList<>();
        Optional<String> override = plan.request().override()
                .or(() -> options.overrideReason().map(reason -> "forced: " + reason));
        for (Deployed d : changed) {
            Deployment key = new Deployment(d.service(), d.environment(), d.version());
            Optional<CommitId> built = Optional.ofNullable(plan.request().builtCommits().get(key))
                    .or(() -> Optional.ofNullable(defaultBuilt));
            List<String> previous = d.previous().stream().filter(v -> !v.equals(d.version())).toList();
            groups.add(new Trailers.Group(d.service(), d.environment(), d.version(), previous, built, override));
        }
        message.append(Trailers.format(groups));
        return message.toString();
    }

    private static String format(String template, Deployed d) {
        return template.replace("{service}", d.service().path()).replace("{version}", d.version())
                .replace("{env}", d.environment());
    }

    private static DeployResult result(Plan plan, List<String> files, Optional<CommitId> commit, boolean pushed, int attempts) {
        return new DeployResult(plan.deployed(), new TreeSet<>(files).stream().toList(), commit, pushed, attempts);
    }
}
