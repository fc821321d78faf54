package dev.slipway.core;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.internal.AtomicWrite;
import dev.slipway.core.internal.BackendDiscovery;
import dev.slipway.core.internal.ReleaseEngine;
import dev.slipway.core.internal.ServiceMatcher;
import dev.slipway.core.internal.VersionEngine;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.PushResult;
import dev.slipway.spi.PushSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The one entry point a host embeds: a repository, its configuration and its backends, and the flows
 * of the release process as methods that return plans and results.
 *
 * <pre>{@code
 * Slipway slipway = Slipway.builder().repository(Path.of(".")).build();
 * SlipwayConfig config = slipway.effectiveConfig();
 * }</pre>
 *
 * <p>Instances are safe to share between threads. Between calls the facade keeps a few repositories open,
 * so a long-running host reuses parsed history and pack indexes; {@link #close()} releases them.
 */
public final class Slipway implements AutoCloseable {

    private static final String GIT_ARTIFACT = "dev.slipway:slipway-spi-git-jgit";

    private final Path repository;
    private final SlipwayConfig config;
    private final Clock clock;
    private final GitBackend git;
    private final RuntimeException gitMissing;
    /** Open repositories between calls: a warm host keeps parsed history and pack indexes. */
    private final ConcurrentLinkedDeque<GitRepository> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    private volatile CompiledFilters filters;

    private record CompiledFilters(List<ServiceConfig> services, List<String> global, ServiceMatcher matcher) {
    }

    private static final int MAX_IDLE = 4;

    private Slipway(Builder builder) {
        this.repository = builder.repository;
        this.clock = builder.clock;
        this.config = builder.config != null ? builder.config
                : builder.configFile != null ? SlipwayConfig.load(builder.configFile)
                : SlipwayConfig.forRepository(repository);
        GitBackend found = builder.git;
        RuntimeException missing = null;
        if (found == null && builder.discoverBackends) {
            try {
                found = BackendDiscovery.select(BackendDiscovery.inventory(GitBackend.class,
                        () -> ServiceLoader.load(GitBackend.class)), Optional.empty(), true, GIT_ARTIFACT).orElseThrow();
            } catch (InvalidInputException e) {
                missing = e;
            }
        } else if (found == null) {
            missing = new InvalidInputException("GitBackend", "no git backend: discovery is off and none was handed to"
                    + " Slipway.builder().git(...)");
        }
        this.git = found;
        this.gitMissing = missing;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The repository's root directory.
     *
     * @return the root
     */
    public Path repository() {
        return repository;
    }

    /**
     * The configuration as loaded (or the embedded default), before service discovery.
     *
     * @return the configuration
     */
    public SlipwayConfig config() {
        return config;
    }

    /**
     * The effective configuration: the loaded configuration with every default filled in and, when it
     * does not list services, the services discovered in the working tree ({@code services/*}).
     *
     * @return the effective configuration
     */
    public SlipwayConfig effectiveConfig() {
        return config.withDiscoveredServices(repository);
    }

    /**
     * The git backend in use.
     *
     * @return the backend
     * @throws InvalidInputException if none was handed in and discovery found none (or several)
     */
    public GitBackend git() {
        if (git == null) {
            throw gitMissing;
        }
        return git;
    }

    /**
     * Every backend provider on the class path (or module path), with the ones that failed to load.
     *
     * @return the adapters, by SPI then id
     * @throws InvalidInputException if two providers of one SPI share an id
     */
    public static List<Adapter> adapters() {
        BackendDiscovery.Inventory<GitBackend> git = BackendDiscovery.inventory(GitBackend.class,
                () -> ServiceLoader.load(GitBackend.class));
        List<Adapter> out = new ArrayList<>();
        git.providers().forEach((id, provider) -> {
            Class<?> type = provider.getClass();
            Optional<String> location = Optional.ofNullable(type.getProtectionDomain().getCodeSource())
                    .map(source -> source.getLocation().getPath());
            out.add(new Adapter("GitBackend", Optional.of(id), type.getName(),
                    Optional.ofNullable(type.getPackage().getImplementationVersion()), location, Optional.empty()));
        });
        git.broken().forEach(problem -> out.add(new Adapter("GitBackend", Optional.empty(), "(failed to load)",
                Optional.empty(), Optional.empty(), Optional.of(problem))));
        out.sort(Comparator.comparing(Adapter::spi).thenComparing(a -> a.id().orElse("")));
        return out;
    }

    /**
     * The version CI builds for one service at a revision: the release version when the revision names a
     * release tag of the service ({@code services/web@1.2.3} or {@code refs/tags/services/web@1.2.3}), else
     * the staging version {@code X.Y.Z-rcNNNN-gSHA}.
     *
     * @param service the service
     * @param revision the revision, {@code HEAD} when empty
     * @return the version
     * @throws InvalidInputException for an unknown service or revision, a shallow or partial clone, or a
     *     count that does not fit the scheme
     */
    public BuildVersion version(ServiceId service, Optional<String> revision) {
        Objects.requireNonNull(service, "service");
        return withRepository(repo -> {
            CommitId commit = resolve(repo, revision.orElse("HEAD"));
            List<ServiceConfig> services = servicesAt(repo, commit);
            ServiceConfig s = services.stream().filter(c -> c.path().equals(service)).findFirst()
                    .orElseThrow(() -> unknownService(service, services));
            return versions(repo, commit, List.of(s), revision).get(0);
        });
    }

    /**
     * The versions CI builds for every service at a revision, computed together (one tag listing, one
     * history walk). A revision that names a release tag gives that service its release version.
     *
     * @param revision the revision, {@code HEAD} when empty
     * @return the versions, sorted by service
     * @throws InvalidInputException for an unknown revision, a shallow or partial clone, or a count that does
     *     not fit the scheme
     */
    public List<BuildVersion> versions(Optional<String> revision) {
        return withRepository(repo -> {
            CommitId commit = resolve(repo, revision.orElse("HEAD"));
            return versions(repo, commit, servicesAt(repo, commit), revision);
        });
    }

    /** Release version for the service whose release tag the revision names, staging versions for the rest. */
    private List<BuildVersion> versions(GitRepository repo, CommitId commit, List<ServiceConfig> services,
            Optional<String> revision) {
        Optional<ReleaseTag> tag = revision.flatMap(r -> services.stream()
                .flatMap(s -> releaseTag(repo, r, s).stream()).findFirst());
        ServiceId released = tag.map(ReleaseTag::service).orElse(null);
        List<ServiceConfig> staging = services.stream().filter(s -> !s.path().equals(released)).toList();
        List<BuildVersion> out = new ArrayList<>(staging.isEmpty() ? List.of()
                : VersionEngine.staging(repo, config, staging, commit));
        tag.ifPresent(t -> out.add(VersionEngine.release(config, t, commit)));
        out.sort(Comparator.comparing(BuildVersion::service));
        return out;
    }

    /**
     * The services whose path filters match the files changed between two commits. A base that is not an
     * ancestor of head is replaced by their merge base; an all-zero base (a new branch) changes every service;
     * a change to a {@code changes.global} path changes every service.
     *
     * @param base the base revision, or 40 zeros
     * @param head the head revision, {@code HEAD} when empty
     * @return the changed services and the commits compared
     * @throws InvalidInputException for an unknown revision (naming a commit a shallow clone lacks) or
     *     unrelated histories
     */
    public ChangedServices changed(String base, Optional<String> head) {
        Objects.requireNonNull(base, "base");
        return withRepository(repo -> {
            CommitId headCommit = resolve(repo, head.orElse("HEAD"));
            List<ServiceConfig> services = servicesAt(repo, headCommit);
            if (!base.isEmpty() && base.chars().allMatch(c -> c == '0')) {
                return new ChangedServices(CommitId.ZERO, headCommit,
                        services.stream().map(ServiceConfig::path).sorted().toList());
            }
            CommitId baseCommit = resolve(repo, base);
            CommitId compared = baseCommit;
            if (!repo.isAncestor(baseCommit, headCommit)) {
                compared = repo.mergeBase(baseCommit, headCommit).orElseThrow(() -> new InvalidInputException(base,
                        "the base " + base + " and the head " + head.orElse("HEAD") + " share no history"
                                + (repo.isShallow() ? " in this shallow clone; fetch more history (fetch-depth: 0)" : "")
                                + "; compare commits of one branch's history"));
            }
            List<String> paths = repo.changedPaths(compared, headCommit);
            return new ChangedServices(compared, headCommit, matcher(services).changed(paths));
        });
    }

    /**
     * The release plan at {@code HEAD}: for every service with releasable commits since its last release tag,
     * the next version (Conventional Commits, Release Please's rules) and CHANGELOG entry, and the release pull
     * request's title, body and branch. Services whose release the versions file records and no tag marks yet
     * are {@link ReleasePlan#pending() pending} and get nothing more until {@link #release} tags them. Dates
     * come from the facade's clock, in UTC.
     *
     * @return the plan (empty when nothing is to be released)
     * @throws InvalidInputException for a repository without commits, a shallow or partial clone, an invalid
     *     versions file, or an invalid {@code Release-As} footer
     */
    public ReleasePlan releasePlan() {
        return withRepository(repo -> {
            CommitId head = resolve(repo, "HEAD");
            return ReleaseEngine.plan(repo, config, servicesAt(repo, head), head,
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
    }

    /**
     * Computes the release plan at {@code HEAD} and writes it into the working tree: the new entry at the top
     * of each released service's {@code CHANGELOG.md} (created with {@code # Changelog} when missing) and the
     * new versions in {@code .slipway/versions.json}. The files are built from their content at {@code HEAD},
     * so writing the same plan twice gives the same files; a file whose working-tree content differs from both
     * {@code HEAD}'s and the new content (an uncommitted edit) is refused rather than overwritten. All files
     * are written to temporary files first and then renamed, so an error leaves none half-written.
     *
     * @return the plan written (nothing is written when it is empty)
     * @throws InvalidInputException as {@link #releasePlan()}, or when a file to write has uncommitted changes
     * @throws dev.slipway.api.BackendException if a file cannot be written
     */
    public ReleasePlan writeReleasePlan() {
        return withRepository(repo -> {
            CommitId head = resolve(repo, "HEAD");
            ReleasePlan plan = ReleaseEngine.plan(repo, config, servicesAt(repo, head), head,
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            Map<Path, byte[]> writes = new LinkedHashMap<>();
            for (Map.Entry<String, String> f : ReleaseEngine.files(repo, plan).entrySet()) {
                byte[] next = f.getValue().getBytes(StandardCharsets.UTF_8);
                Path target = repository.resolve(f.getKey());
                Optional<byte[]> atHead = repo.readFile(head, f.getKey());
                Optional<byte[]> now = readIfFile(target);
                boolean clean = now.isEmpty() ? atHead.isEmpty()
                        : atHead.isPresent() && Arrays.equals(now.get(), atHead.get());
                if (!clean && !(now.isPresent() && Arrays.equals(now.get(), next))) {
                    throw new InvalidInputException(f.getKey(), f.getKey() + " has uncommitted changes; the release plan"
                            + " is written from HEAD's content, so commit or discard them (git checkout -- " + f.getKey()
                            + ") and run again");
                }
                writes.put(target, next);
            }
            AtomicWrite.writeAll(writes);
            return plan;
        });
    }

    /**
     * Creates the release tags of merged release plans: for each entry of {@code .slipway/versions.json} on the
     * release branch (the branch that feeds the staging environment, {@code main} by default; {@code HEAD} when
     * no such local branch exists) that is newer than its service's release tags, an annotated tag
     * {@code <service>@<version>} (the service's tag pattern) at the first commit of the branch's first-parent
     * chain holding that entry (the squash commit, the merge commit, or the rebased commit that changed it), with
     * the release's CHANGELOG entry as message. Idempotent: existing tags are left as they are, so a second call
     * creates none.
     *
     * @param push whether to push the tags of the versions file's entries (created now or before) to the remote
     * @param remote the remote to push to ({@code origin}, or a URL or path)
     * @return the tags created, sorted by name
     * @throws InvalidInputException for a shallow or partial clone, an invalid versions file, or a tag that
     *     exists at another commit
     * @throws BackendException if the remote cannot be reached or rejects a tag
     */
    public List<CreatedTag> release(boolean push, String remote) {
        Objects.requireNonNull(remote, "remote");
        return withRepository(repo -> {
            String branch = ReleaseEngine.releaseBranch(config);
            CommitId tip = repo.resolve("refs/heads/" + branch).orElseGet(() -> resolve(repo, "HEAD"));
            List<ReleaseEngine.WantedTag> wanted = ReleaseEngine.wantedTags(repo, config, servicesAt(repo, tip), tip);
            List<CreatedTag> created = new ArrayList<>();
            for (ReleaseEngine.WantedTag w : wanted) {
                if (!w.exists()) {
                    repo.createTag(w.tag().name(), w.commit(), w.message());
                    created.add(new CreatedTag(w.tag(), w.commit()));
                }
            }
            if (push && !wanted.isEmpty()) {
                List<PushSpec> specs = wanted.stream().map(w -> PushSpec.of(w.tag().refName())).toList();
                List<PushResult> results = repo.push(remote, specs);
                List<String> rejected = new ArrayList<>();
                for (PushResult r : results) {
                    if (!r.isSuccess()) {
                        rejected.add(r.destination() + " (" + r.status() + r.message().map(m -> ": " + m).orElse("") + ")");
                    }
                }
                if (!rejected.isEmpty()) {
                    throw new BackendException("the remote " + remote + " rejected " + String.join(", ", rejected)
                            + "; a tag of that name exists there at another commit: compare it with the local tag"
                            + " (git ls-remote --tags " + remote + ") and remove the wrong one");
                }
            }
            return created;
        });
    }

    private static Optional<byte[]> readIfFile(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new BackendException("could not read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Runs work on an open repository, reusing one a previous call left open. */
    private <T> T withRepository(Function<GitRepository, T> work) {
        GitRepository repo = idle.pollFirst();
        if (repo == null) {
            repo = git().open(repository);
        }
        boolean reusable = false;
        try {
            T result = work.apply(repo);
            reusable = true;
            return result;
        } finally {
            if (reusable && !closed && idle.size() < MAX_IDLE) {
                idle.offerFirst(repo);
                if (closed && idle.remove(repo)) {
                    repo.close();
                }
            } else {
                repo.close();
            }
        }
    }

    /** The compiled filters of these services, kept while the services stay the same. */
    private ServiceMatcher matcher(List<ServiceConfig> services) {
        CompiledFilters f = filters;
        if (f == null || !f.services().equals(services) || !f.global().equals(config.changes().global())) {
            f = new CompiledFilters(services, config.changes().global(),
                    new ServiceMatcher(services, config.changes().global()));
            filters = f;
        }
        return f.matcher();
    }

    /**
     * Closes the repositories this facade keeps open between calls. The facade stays usable: a later call
     * opens the repository again.
     */
    @Override
    public void close() {
        closed = true;
        for (GitRepository repo = idle.pollFirst(); repo != null; repo = idle.pollFirst()) {
            repo.close();
        }
        closed = false;
    }

    private static CommitId resolve(GitRepository repo, String revision) {
        return repo.resolve(revision).orElseThrow(() -> new InvalidInputException(revision, "unknown revision '"
                + revision + "'" + (repo.isShallow()
                        ? ": this is a shallow clone that may lack it; fetch more history (fetch-depth: 0)"
                        : (revision.equals("HEAD") ? ": the repository has no commit yet" : "; give a commit, branch or tag"))));
    }

    /** The services at a commit: the configured ones, or the directories services/* of its tree. */
    private List<ServiceConfig> servicesAt(GitRepository repo, CommitId commit) {
        if (config.services().isPresent()) {
            return config.services().get();
        }
        return config.withDiscoveredServices(repo.subdirectories(commit, SlipwayConfig.SERVICES_DIRECTORY))
                .services().orElseThrow();
    }

    private Optional<ReleaseTag> releaseTag(GitRepository repo, String revision, ServiceConfig service) {
        String name = revision.startsWith("refs/tags/") ? revision.substring("refs/tags/".length()) : revision;
        return service.effectiveTag(config.versioning()).match(name, service.path())
                .filter(t -> repo.resolve(t.refName()).isPresent());
    }

    private static InvalidInputException unknownService(ServiceId service, List<ServiceConfig> services) {
        return new InvalidInputException(service.path(), "unknown service " + service + "; known services: "
                + (services.isEmpty() ? "none (configure services in slipway.yaml or add directories under services/)"
                        : String.join(", ", services.stream().map(s -> s.path().path()).toList())));
    }

    /**
     * The clock the flows read time from.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Builds a {@link Slipway}.
     */
    public static final class Builder {

        private Path repository = Path.of("");
        private SlipwayConfig config;
        private Path configFile;
        private Clock clock = Clock.systemUTC();
        private GitBackend git;
        private boolean discoverBackends = true;

        private Builder() {
        }

        /**
         * The repository's root directory (default: the current directory).
         *
         * @param root the root
         * @return this builder
         */
        public Builder repository(Path root) {
            this.repository = Objects.requireNonNull(root, "root");
            return this;
        }

        /**
         * A configuration to use instead of reading {@code slipway.yaml}.
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(SlipwayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.configFile = null;
            return this;
        }

        /**
         * A configuration file to read instead of {@code slipway.yaml} at the repository root.
         *
         * @param file the file
         * @return this builder
         */
        public Builder config(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            this.config = null;
            return this;
        }

        /**
         * A git backend to use instead of discovering one.
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder git(GitBackend backend) {
            this.git = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Whether backends are found with {@link ServiceLoader} (default true). When false, only instances
         * handed to this builder are used.
         *
         * @param discover whether to discover backends
         * @return this builder
         */
        public Builder discoverBackends(boolean discover) {
            this.discoverBackends = discover;
            return this;
        }

        /**
         * The clock the flows read time from (default: the system clock, UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Loads the configuration and builds the facade.
         *
         * @return the facade
         * @throws InvalidInputException if the repository is not a directory
         * @throws dev.slipway.api.InvalidConfigurationException if the configuration is invalid
         */
        public Slipway build() {
            if (!Files.isDirectory(repository)) {
                String shown = repository.toString().isEmpty() ? "." : repository.toString();
                throw new InvalidInputException(shown, "the repository " + shown
                        + (Files.exists(repository) ? " is not a directory" : " does not exist")
                        + "; give the repository's root directory (--repo DIR)");
            }
            return new Slipway(this);
        }
    }
}
