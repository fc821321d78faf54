package dev.slipway.core;

import java.util.function.Consumer;
import dev.slipway.core.internal.Demo;
import dev.slipway.spi.RevisionLineage;
import dev.slipway.spi.CdAppState;
import dev.slipway.core.promotion.PromotionRequest;
import dev.slipway.core.promotion.EnvironmentState;
import dev.slipway.core.promotion.DeployedVersion;
import dev.slipway.core.promotion.Decision;
import dev.slipway.core.internal.PromotionInput;
import dev.slipway.core.internal.PromotionEngine;
import dev.slipway.core.internal.PromotionBackends;
import dev.slipway.core.config.Promotion;
import dev.slipway.api.Version;
import dev.slipway.api.TagPattern;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageNotFoundException;
import dev.slipway.api.Digest;
import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.ImageTag;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.EnvironmentSource;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.internal.BackendDiscovery;
import dev.slipway.core.internal.ReleaseEngine;
import dev.slipway.core.internal.CommitSource;
import dev.slipway.core.internal.GitOpsFlow;
import dev.slipway.core.internal.History;
import dev.slipway.core.manifest.AtomicFiles;
import dev.slipway.core.manifest.ManifestSource;
import dev.slipway.core.manifest.MarkerIndex;
import dev.slipway.core.manifest.MarkerLocation;
import dev.slipway.core.internal.ServiceMatcher;
import dev.slipway.core.internal.VersionEngine;
import dev.slipway.core.config.CdConfig;
import dev.slipway.spi.Backend;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdBackend;
import dev.slipway.spi.CdClient;
import dev.slipway.spi.CdSettings;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.ImageRegistry;
import dev.slipway.spi.RegistryBackend;
import dev.slipway.spi.Sleeper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
    private static final String CD_ARTIFACT = "dev.slipway:slipway-spi-cd-argocd";
    /** Aliases of CD backend ids, as {@code --cd} and {@code cd.backend} accept them. */
    private static final Map<String, String> CD_ALIASES = Map.of("argocd", "cd-argocd");

    private final Path repository;
    private final SlipwayConfig config;
    private final Clock clock;
    private final Duration renderTimeout;
    private final RandomGenerator random;
    private final GitBackend git;
    private final RuntimeException gitMissing;
    private final RegistryBackend registryBackend;
    private final RuntimeException registryMissing;
    private final Object registryLock = new Object();
    private ImageRegistry openRegistry;
    private final CdBackend cdBackend;
    private final RuntimeException cdMissing;
    private final Map<String, String> environment;
    private final Sleeper sleeper;
    private final Object cdLock = new Object();
    private CdClient cdClient;
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
        this.renderTimeout = builder.renderTimeout;
        this.random = builder.random;
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
        RegistryBackend registry = builder.registry;
        RuntimeException registryProblem = null;
        Optional<String> registryId = config.registry().backend();
        if (registry == null && registryId.isPresent()) {
            if (builder.discoverBackends) {
                try {
                    registry = BackendDiscovery.select(BackendDiscovery.inventory(RegistryBackend.class,
                            () -> ServiceLoader.load(RegistryBackend.class)), registryId, false,
                            BackendDiscovery.artifact(registryId.get())).orElseThrow();
                } catch (InvalidInputException e) {
                    registryProblem = e;
                }
            } else {
                registryProblem = new InvalidInputException(registryId.get(), "registry.backend names '"
                        + registryId.get() + "', but discovery is off and no registry backend was handed to"
                        + " Slipway.builder().registry(...)");
            }
        }
        this.registryBackend = registry;
        this.registryMissing = registryProblem;
        this.environment = builder.environment;
        this.sleeper = builder.sleeper;
        CdBackend cd = builder.cd;
        RuntimeException cdProblem = null;
        Optional<String> cdId = builder.cdId.or(() -> config.cd().backend()).map(Slipway::cdAlias);
        if (cd == null && cdId.isPresent()) {
            if (builder.discoverBackends) {
                try {
                    cd = BackendDiscovery.select(BackendDiscovery.inventory(CdBackend.class,
                            () -> ServiceLoader.load(CdBackend.class)), cdId, false, CD_ARTIFACT).orElseThrow();
                } catch (InvalidInputException e) {
                    cdProblem = e;
                }
            } else {
                cdProblem = new InvalidInputException(cdId.get(), "the CD backend '" + cdId.get() + "' is named but"
                        + " discovery is off and none was handed to Slipway.builder().cd(...)");
            }
        }
        this.cdBackend = cd;
        this.cdMissing = cdProblem;
    }

    private static String cdAlias(String id) {
        String trimmed = id.strip();
        return CD_ALIASES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
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
     * The image registry, when one is configured ({@code registry.backend}) or was handed to the builder:
     * opened on first use with the {@code registry:} settings, kept open until {@link #close()}.
     *
     * @return the registry, or empty when none is configured
     * @throws InvalidInputException if {@code registry.backend} names a backend that is not on the class path
     *     (or discovery is off and none was handed in), or a setting is malformed for it
     */
    public Optional<ImageRegistry> registry() {
        if (registryMissing != null) {
            throw registryMissing;
        }
        if (registryBackend == null) {
            return Optional.empty();
        }
        synchronized (registryLock) {
            if (openRegistry == null) {
                openRegistry = Objects.requireNonNull(registryBackend.open(config.registry().settings()),
                        () -> registryBackend.getClass().getName() + ".open returned null");
            }
            return Optional.of(openRegistry);
        }
    }

    /**
     * The CD backend's client, when a CD backend is in use: one handed to {@link Builder#cd(CdBackend)}, or
     * the provider named by {@link Builder#cd(String)} ({@code --cd}) or {@code cd.backend}. A provider on the
     * class path is never used unless named. The client is opened on first call (no network I/O) with the
     * {@code cd} section, the environment, the clock and the sleeper of this facade, and kept until
     * {@link #close()}.
     *
     * @return the client, or empty when no CD backend is named or handed in
     * @throws InvalidInputException if the named backend is not on the class path, or its settings (server,
     *     credentials) are incomplete
     */
    public Optional<CdClient> cd() {
        if (cdBackend == null) {
            if (cdMissing != null) {
                throw cdMissing;
            }
            return Optional.empty();
        }
        synchronized (cdLock) {
            if (cdClient == null) {
                cdClient = cdBackend.open(cdSettings());
            }
            return Optional.of(cdClient);
        }
    }

    /**
     * Waits until a CD application runs a commit, or a later commit of this repository that descends from
     * it, Synced and Healthy ({@link CdClient#awaitLive}, rules {@code CD-8} to {@code CD-10}). Descent is
     * decided by this repository's history: a revision the repository does not have (pushed by someone
     * after the last fetch) does not count, so fetch before waiting on a busy branch.
     *
     * @param app the CD application
     * @param commit the commit pushed
     * @param deadline when to give up, on this facade's clock
     * @return the state in which the commit is live
     * @throws InvalidInputException if no CD backend is named or handed in
     * @throws dev.slipway.spi.CdNotLiveException if the application fails at the commit or the deadline passes
     */
    public CdAppState awaitLive(String app, CommitId commit, Instant deadline) {
        Objects.requireNonNull(commit, "commit");
        CdClient client = cd().orElseThrow(() -> new InvalidInputException("cd.backend", "no CD backend to wait on:"
                + " name one with cd.backend in slipway.yaml or --cd (cd-argocd, alias argocd)"));
        return withRepository(repo -> client.awaitLive(app, commit, deadline, revision -> {
            if (!revision.matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}")) {
                return false;
            }
            Optional<CommitId> later = repo.resolve(revision.toLowerCase(Locale.ROOT));
            return later.isPresent() && repo.isAncestor(commit, later.get());
        }));
    }

    /**
     * The settings a CD backend is opened with: the {@code cd} section, this facade's environment, clock and
     * sleeper.
     *
     * @return the settings
     */
    public CdSettings cdSettings() {
        CdConfig cd = config.cd();
        return CdSettings.builder().server(cd.server()).plaintext(cd.plaintext()).insecure(cd.insecure())
                .project(cd.project()).appNamespace(cd.appNamespace()).environment(environment).clock(clock)
                .sleeper(sleeper).build();
    }

    /**
     * Every backend provider on the class path (or module path), with the ones that failed to load.
     *
     * @return the adapters, by SPI then id
     * @throws InvalidInputException if two providers of one SPI share an id
     */
    public static List<Adapter> adapters() {
        List<Adapter> out = new ArrayList<>();
        list(out, BackendDiscovery.inventory(GitBackend.class, () -> ServiceLoader.load(GitBackend.class)));
        list(out, BackendDiscovery.inventory(RegistryBackend.class, () -> ServiceLoader.load(RegistryBackend.class)));
        list(out, BackendDiscovery.inventory(CdBackend.class, () -> ServiceLoader.load(CdBackend.class)));
        out.sort(Comparator.comparing(Adapter::spi).thenComparing(a -> a.id().orElse("")));
        return out;
    }

    private static void list(List<Adapter> out, BackendDiscovery.Inventory<?> inventory) {
        String spi = inventory.spi().getSimpleName();
        inventory.providers().forEach((id, provider) -> {
            Class<?> type = provider.getClass();
            Optional<String> location = Optional.ofNullable(type.getProtectionDomain().getCodeSource())
                    .map(source -> source.getLocation().getPath());
            out.add(new Adapter(spi, Optional.of(id), type.getName(),
                    Optional.ofNullable(type.getPackage().getImplementationVersion()), location, Optional.empty()));
        });
        inventory.broken().forEach(problem -> out.add(new Adapter(spi, Optional.empty(), "(failed to load)",
                Optional.empty(), Optional.empty(), Optional.of(problem))));
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
            List<String> paths = withoutMarkerFiles(repo, repo.changedPaths(compared, headCommit), compared, headCommit,
                    services);
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
            for (Path target : writes.keySet()) {
                try {
                    Files.createDirectories(target.getParent());   // .slipway/ on the first release
                } catch (IOException e) {
                    throw new BackendException("cannot create " + target.getParent() + ": " + e, e);
                }
            }
            AtomicFiles.writeAll(writes);
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

    /**
     * The flow of a push to a branch, as the reference kit's CI runs it: the services whose files changed
     * between {@code base} and {@code head} ({@link #changed}), the staging version of each at {@code head}
     * ({@link #versions}), and one deployment of each to every environment fed by that branch
     * ({@code from: branch <name>}). Nothing is written: the host builds and pushes the images, then deploys.
     *
     * @param branch the branch pushed to, such as {@code main}
     * @param base the commit before the push (a push event's {@code before}; 40 zeros for a new branch)
     * @param head the commit pushed, {@code HEAD} when empty
     * @return the plan; without builds when no service changed
     * @throws InvalidInputException for an unknown revision, unrelated histories, a shallow or partial clone
     */
    public FlowPlan onPush(String branch, String base, Optional<String> head) {
        Objects.requireNonNull(branch, "branch");
        ChangedServices changed = changed(base, head);
        List<EnvironmentConfig> fed = config.environments().stream()
                .filter(e -> e.from().kind() == EnvironmentSource.Kind.BRANCH && e.from().branch().orElseThrow().equals(branch))
                .toList();
        List<ServiceConfig> services = changed.services().isEmpty() ? List.of() : withRepository(repo ->
                servicesAt(repo, changed.head()).stream().filter(s -> changed.services().contains(s.path())).toList());
        List<BuildVersion> builds = services.isEmpty() ? List.of() : withRepository(repo ->
                VersionEngine.staging(repo, config, services, changed.head()).stream()
                        .sorted(Comparator.comparing(BuildVersion::service)).toList());
        List<PlannedDeployment> deployments = new ArrayList<>();
        for (BuildVersion b : builds) {
            Optional<String> image = services.stream().filter(s -> s.path().equals(b.service())).findFirst()
                    .flatMap(ServiceConfig::image);
            for (EnvironmentConfig e : fed) {
                deployments.add(new PlannedDeployment(b.service(), e.name(), b.version().toString(), b.commit(), image));
            }
        }
        String range = (changed.base().isZero() ? "new branch" : changed.base().abbreviate(7)) + ".."
                + changed.head().abbreviate(7);
        return new FlowPlan("push to " + branch + " (" + range + ")", builds, deployments);
    }

    /**
     * The flow of a release tag, as the reference kit's CI runs it: the tag's service is built at the tag's
     * commit with exactly the tag's version, and deployed to every environment fed by release tags
     * ({@code from: release-tag}).
     *
     * @param tag the tag, such as {@code services/web@0.2.3} or {@code refs/tags/services/web@0.2.3}
     * @return the plan with one build
     * @throws InvalidInputException if the tag is no release tag of a configured service, or does not exist
     */
    public FlowPlan onReleaseTag(String tag) {
        Objects.requireNonNull(tag, "tag");
        String name = tag.startsWith("refs/tags/") ? tag.substring("refs/tags/".length()) : tag;
        return withRepository(repo -> {
            CommitId commit = repo.resolve("refs/tags/" + name).orElseThrow(() -> new InvalidInputException(tag,
                    "the tag " + name + " does not exist in this repository; fetch tags (git fetch --tags) or check its"
                            + " name"));
            List<ServiceConfig> services = servicesAt(repo, commit);
            ReleaseTag release = services.stream().flatMap(s -> s.effectiveTag(config.versioning())
                    .match(name, s.path()).stream()).findFirst()
                    .orElseThrow(() -> new InvalidInputException(tag, name + " is not a release tag of any service"
                            + " (expected " + config.versioning().tag().pattern() + " with a release version X.Y.Z);"
                            + " known services: " + String.join(", ", services.stream().map(s -> s.path().path()).toList())));
            BuildVersion build = VersionEngine.release(config, release, commit);
            List<PlannedDeployment> deployments = new ArrayList<>();
            Optional<String> image = services.stream().filter(s -> s.path().equals(release.service())).findFirst()
                    .flatMap(ServiceConfig::image);
            for (EnvironmentConfig e : config.environments()) {
                if (e.from().kind() == EnvironmentSource.Kind.RELEASE_TAG) {
                    deployments.add(new PlannedDeployment(release.service(), e.name(), build.version().toString(),
                            commit, image));
                }
            }
            return new FlowPlan("release tag " + name, List.of(build), deployments);
        });
    }

    /**
     * Changed paths without the files that hold Slipway markers: those are configuration written by
     * deployments, not changes of a service (a deployment commit must not make its service "changed").
     */
    private List<String> withoutMarkerFiles(GitRepository repo, List<String> paths, CommitId base, CommitId head,
            List<ServiceConfig> services) {
        if (paths.isEmpty() || services.isEmpty() || config.environments().isEmpty()) {
            return paths;
        }
        ManifestSource changedFiles = new ManifestSource() {
            @Override
            public List<String> paths() {
                return paths;
            }

            @Override
            public byte[] read(String path) {
                return repo.readFile(head, path).or(() -> repo.readFile(base, path)).orElse(new byte[0]);
            }
        };
        MarkerIndex index = MarkerIndex.scan(changedFiles, config.gitops(),
                config.environments().stream().map(EnvironmentConfig::name).toList(),
                services.stream().map(ServiceConfig::path).toList());
        if (index.files().isEmpty()) {
            return paths;
        }
        return paths.stream().filter(p -> !index.files().contains(p)).toList();
    }

    /**
     * Sets a version at every marker of a service in an environment ({@code # staging_services/web}), renders,
     * and, as the options say, commits and pushes. Setting the version the markers already hold changes nothing
     * and makes no commit.
     *
     * @param service the service
     * @param environment the environment's name
     * @param version the version, a valid image tag
     * @param options the work tree only, a commit, or a push (retried while the remote moves)
     * @return what changed
     * @throws InvalidInputException for an unknown service or environment, no marker of the pair, a marker on
     *     a line that cannot be edited, an invalid version, local changes in a file to edit, (with a push) a
     *     marker that disappeared at the remote tip, or an image the registry lacks (when a registry backend is
     *     configured, {@code registry.require-image} is on and the service names its image)
     * @throws dev.slipway.api.BackendException if rendering fails, the remote refuses, or it kept moving until
     *     {@code gitops.push-timeout}
     */
    public DeployResult deploy(ServiceId service, String environment, String version, WriteOptions options) {
        return deploy(List.of(new Deployment(service, environment, version)), options);
    }

    /**
     * Several deployments in one edit and one commit (several services, several environments).
     *
     * @param deployments at most one per service and environment
     * @param options how far to go
     * @return what changed
     * @throws InvalidInputException as {@link #deploy(ServiceId, String, String, WriteOptions)} does
     * @throws dev.slipway.api.BackendException as {@link #deploy(ServiceId, String, String, WriteOptions)} does
     */
    public DeployResult deploy(List<Deployment> deployments, WriteOptions options) {
        List<Deployment> list = List.copyOf(deployments);
        Objects.requireNonNull(options, "options");
        if (list.isEmpty()) {
            throw new InvalidInputException("", "nothing to deploy: give at least one service, environment and version");
        }
        return withRepository(repo -> flow(repo).run(base -> {
            List<ServiceId> known = knownServices(repo, base);
            for (Deployment d : list) {
                if (!known.contains(d.service())) {
                    throw unknownService(d.service(), known.stream().map(ServiceConfig::of).toList());
                }
            }
            for (Deployment d : list) {
                requireImage(serviceAt(repo, base, d.service()), d.version());
            }
            return GitOpsFlow.Request.of(list);
        }, options));
    }

    /**
     * Rolls a service back in an environment: to the previous distinct version its history records (skipping
     * versions that were themselves rolled back), or to {@code to} when it ran there before. History comes from
     * the {@code Slipway-*} trailers, else from the marker's value in the files' history. The commit says
     * {@code fix: rollback <name> to <version>}, as the kit does by hand. With a push, the history and the current
     * version are read at the freshly fetched remote tip.
     *
     * @param service the service
     * @param environment the environment
     * @param to the version to go back to; empty for the previous one
     * @param options how far to go; with an override reason, a {@code to} that never ran there is accepted
     *     (recorded as {@code Slipway-Override: rollback-history: <reason>})
     * @return what changed
     * @throws InvalidInputException when there is no earlier version, or {@code to} never ran there and no
     *     override was given
     */
    public DeployResult rollback(ServiceId service, String environment, Optional<String> to, WriteOptions options) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(options, "options");
        to.ifPresent(ImageTag::of);
        return withRepository(repo -> flow(repo).run(base -> {
            List<ServiceId> known = knownServices(repo, base);
            if (!known.contains(service)) {
                throw unknownService(service, known.stream().map(ServiceConfig::of).toList());
            }
            if (config.environment(environment).isEmpty()) {
                throw new InvalidInputException(environment, "unknown environment " + environment + "; configured environments: "
                        + String.join(", ", config.environments().stream().map(EnvironmentConfig::name).toList()));
            }
            CommitId at = base.commit().orElseGet(() -> resolve(repo, "HEAD"));
            List<DeploymentRecord> records = History.of(repo, at, service, environment, config);
            List<String> current = MarkerIndex.scan(base.source(), config.gitops(), List.of(environment), List.of(service))
                    .requireLocations(environment, service).stream().map(MarkerLocation::value).distinct().toList();
            String target;
            Optional<String> override = Optional.empty();
            if (to.isPresent()) {
                target = to.get();
                boolean ranThere = records.stream().anyMatch(r -> r.version().equals(target)) || current.contains(target);
                if (!ranThere) {
                    if (options.overrideReason().isEmpty()) {
                        throw new InvalidInputException(target, target + " never ran in " + environment + " for " + service
                                + " (its history has " + (records.isEmpty() ? "no deployments"
                                        : String.join(", ", records.stream().map(DeploymentRecord::version).distinct().toList()))
                                + "); roll back to one of those, or deploy it, or give --force --reason TEXT");
                    }
                    override = Optional.of("rollback-history: " + options.overrideReason().get());
                }
            } else {
                Set<String> rolledBack = new HashSet<>();
                records.stream().filter(DeploymentRecord::rollback).forEach(r -> rolledBack.addAll(r.previous()));
                target = records.stream().map(DeploymentRecord::version)
                        .filter(v -> !current.contains(v) && !rolledBack.contains(v)).findFirst()
                        .orElseThrow(() -> new InvalidInputException(service.path(), "no earlier version of " + service
                                + " in " + environment + " to roll back to: its history (" + (records.isEmpty() ? "empty"
                                        : String.join(", ", records.stream().map(DeploymentRecord::version).toList()))
                                + ") has nothing before " + String.join(", ", current) + "; give --to VERSION"));
            }
            Map<Deployment, CommitId> built = new HashMap<>();
            Deployment deployment = new Deployment(service, environment, target);
            records.stream().filter(r -> r.version().equals(target) && r.builtCommit().isPresent()).findFirst()
                    .ifPresent(r -> built.put(deployment, r.builtCommit().get()));
            String name = service.path().substring(service.path().lastIndexOf('/') + 1);
            return new GitOpsFlow.Request(List.of(deployment), Optional.of("fix: rollback " + name + " to " + target),
                    override, built);
        }, options));
    }

    /**
     * The versions a service ran in an environment, newest first, as the history of a revision records them
     * (trailers first, the marker's file history as fallback).
     *
     * @param service the service
     * @param environment the environment
     * @param revision the revision to read from, {@code HEAD} when empty
     * @return the records, newest first
     */
    public List<DeploymentRecord> history(ServiceId service, String environment, Optional<String> revision) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        return withRepository(repo -> History.of(repo, resolve(repo, revision.orElse("HEAD")), service, environment, config));
    }

    /**
     * The version every service has in every environment at {@code HEAD}, from the manifests' markers, with the
     * CD application's state where a CD backend is in use and the service names an application there.
     *
     * @return the status
     */
    public EnvironmentStatus status() {
        return withRepository(repo -> status(repo, resolve(repo, "HEAD"), "HEAD"));
    }

    /**
     * The version every service has in every environment at the tip of a remote branch, freshly fetched, when
     * the repository has that remote (or it is a URL or path); at {@code HEAD} otherwise.
     *
     * @param remote the remote ({@code origin})
     * @param branch the branch; empty for the branch that feeds the first branch-fed environment
     * @return the status
     * @throws dev.slipway.api.BackendException if the remote cannot be reached
     */
    public EnvironmentStatus status(String remote, Optional<String> branch) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(branch, "branch");
        return withRepository(repo -> {
            boolean reachable = repo.remotes().contains(remote) || remote.contains("/") || remote.contains(":");
            if (!reachable) {
                return status(repo, resolve(repo, "HEAD"), "HEAD");
            }
            String name = branch.orElse(GitOpsFlow.defaultBranch(config));
            CommitId tip = repo.fetch(remote, name).orElseThrow(() -> new InvalidInputException(name, "the remote "
                    + remote + " has no branch " + name + "; give the branch that feeds the environments (--branch)"));
            return status(repo, tip, remote + "/" + name);
        });
    }

    private EnvironmentStatus status(GitRepository repo, CommitId commit, String source) {
        List<ServiceConfig> services = servicesAt(repo, commit);
        List<String> environments = config.environments().stream().map(EnvironmentConfig::name).toList();
        MarkerIndex index = MarkerIndex.scan(CommitSource.of(repo, commit), config.gitops(), environments,
                services.stream().map(ServiceConfig::path).toList());
        List<EnvironmentStatus.ServiceStatus> out = new ArrayList<>();
        for (ServiceConfig s : services.stream().sorted(Comparator.comparing(ServiceConfig::path)).toList()) {
            Map<String, EnvironmentStatus.Deployed> byEnvironment = new LinkedHashMap<>();
            for (String e : environments) {
                List<MarkerLocation> locations = index.locations(e, s.path());
                List<String> values = locations.stream().map(MarkerLocation::value).distinct().toList();
                Optional<CdAppState> state = Optional.ofNullable(s.cd().get(e)).flatMap(app -> cd().map(c -> c.state(app)));
                byEnvironment.put(e, new EnvironmentStatus.Deployed(
                        values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values)),
                        locations.stream().map(MarkerLocation::path).distinct().sorted().toList(), state));
            }
            out.add(new EnvironmentStatus.ServiceStatus(s.path(), byEnvironment));
        }
        return new EnvironmentStatus(commit, source, out);
    }

    /**
     * Waits until the CD backend runs a pushed deployment ({@code --wait}): for every service and environment the
     * deployment changed whose service names a CD application there ({@code services[].cd}), until the application
     * is Synced and Healthy at the deployment's commit or a commit that descends from it (others may push after
     * us), refreshing or syncing it as Argo CD needs.
     *
     * @param result a deployment made with a push
     * @param options the options it was made with (the remote is fetched when the CD system runs a newer commit)
     * @param timeout how long to wait, on the facade's clock
     * @return the live state of each application waited for, in the deployment's order
     * @throws InvalidInputException if no CD backend is in use, or the deployment was not pushed
     * @throws dev.slipway.spi.CdNotLiveException if an application is Degraded or Missing at the commit, its sync
     *     failed, or the timeout passed
     */
    public List<CdAppState> awaitLive(DeployResult result, WriteOptions options, Duration timeout) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeout, "timeout");
        CdClient client = cd().orElseThrow(() -> new InvalidInputException("--wait", "--wait needs a CD backend: name"
                + " one with cd.backend in slipway.yaml or --cd"));
        if (result.commit().isEmpty()) {
            return List.of();
        }
        if (!result.pushed()) {
            throw new InvalidInputException("--wait", "--wait waits for the CD system to run a pushed commit; give --push");
        }
        CommitId commit = result.commit().get();
        java.time.Instant deadline = clock.instant().plus(timeout);
        List<CdAppState> out = new ArrayList<>();
        for (DeployResult.Deployed d : result.deployments()) {
            Optional<String> app = config.service(d.service()).or(() -> effectiveConfig().service(d.service()))
                    .map(s -> s.cd().get(d.environment()));
            if (app.isEmpty() || !d.changed()) {
                continue;
            }
            out.add(withRepository(repo -> client.awaitLive(app.get(), commit, deadline, lineage(repo, commit, options))));
        }
        return out;
    }

    /** Descent from a commit, fetching the remote once when the CD system names a commit not known here. */
    private RevisionLineage lineage(GitRepository repo, CommitId commit, WriteOptions options) {
        boolean[] fetched = {false};
        return revision -> {
            CommitId r;
            try {
                r = CommitId.of(revision);
            } catch (InvalidInputException e) {
                return false;
            }
            if (repo.resolve(r.hex()).isEmpty() && !fetched[0]) {
                fetched[0] = true;
                repo.fetch(options.remote(), options.branch().orElse(GitOpsFlow.defaultBranch(config)));
            }
            return repo.resolve(r.hex()).isPresent() && repo.isAncestor(commit, r);
        };
    }

    /**
     * Promotes a version of a service to an environment: evaluates the environment's promotion rules
     * ({@code environments[].promotion}) against what the environments ran, and unless the request is a dry run
     * or a rule refused (and no override was given), deploys it as {@link #deploy} does, recording the built
     * commit and any override in the commit's trailers. With {@link PromotionRequest#retag()} the verified source
     * image is first given the candidate's tag, so the target gets exactly the digest the source ran. When a
     * registry backend is configured and {@code registry.require-image} is on, a version whose image the registry
     * lacks is refused before any manifest is written.
     *
     * <p>The environments' state is read where the deployment lands: at the freshly fetched remote tip with a
     * push (and for a dry run with push options), else at {@code HEAD}. With a push that has to be retried
     * because the remote moved, the decision is made again on the new tip.
     *
     * @param request the service, the target, the version (default: the service's newest release), approvers,
     *     dry run, retag and override
     * @param options how far the deployment goes (ignored for a dry run, except where the state is read); an
     *     override reason in them ({@code --force --reason}) forces the request
     * @return the decision, and the deployment when one was made
     * @throws InvalidInputException for an unknown service or environment, an environment without a promotion
     *     policy, a service without releases (and no version given), a missing image, or a retag without a
     *     registry
     * @throws dev.slipway.api.BackendException if git, the registry or the CD backend fails
     */
    public PromotionResult promote(PromotionRequest request, WriteOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        EnvironmentConfig target = config.environment(request.target()).orElseThrow(() -> new InvalidInputException(
                request.target(), "unknown environment " + request.target() + "; configured environments: "
                        + String.join(", ", config.environments().stream().map(EnvironmentConfig::name).toList())));
        Promotion policy = target.promotion().orElseThrow(() -> new InvalidInputException(request.target(),
                "the environment " + request.target() + " has no promotion policy (it is fed by " + target.from()
                        + "); deploy to it with slipway deploy, or give it one in slipway.yaml"
                        + " (environments[].promotion: { from: ..., rules: [...] })"));
        if (request.retag() && registry().isEmpty()) {
            throw new InvalidInputException("--retag", "--retag copies the verified image in the registry, but no registry"
                    + " backend is configured; name one with registry.backend in slipway.yaml");
        }
        // an override given with the options (--force --reason) is the request's; it is recorded with the rules it
        // overrides, never as a plain forced deployment
        PromotionRequest req = request.force().isEmpty() && options.overrideReason().isPresent()
                ? request.withForce(options.overrideReason().get()) : request;
        WriteOptions write = new WriteOptions(options.mode(), options.remote(), options.branch(), Optional.empty(),
                options.builtCommit());
        boolean retag = req.retag() || (config.registry().retag() && registry().isPresent());
        Decision[] last = new Decision[1];
        Digest[] retagged = new Digest[1];
        if (req.dryRun()) {
            return withRepository(repo -> {
                CommitId at = stateCommit(repo, write);
                GitOpsFlow.Base base = new GitOpsFlow.Base(CommitSource.of(repo, at), Optional.of(at), repo);
                Decision d = decide(repo, base, req, policy, retag);
                return new PromotionResult(d, Optional.empty(), Optional.empty());
            });
        }
        try {
            DeployResult result = withRepository(repo -> flow(repo).run(base -> {
                Decision d = decide(repo, base, req, policy, retag);
                last[0] = d;
                if (!d.allowed()) {
                    throw new Denied(d);
                }
                ServiceConfig service = serviceAt(repo, base, req.service());
                if (retag) {
                    retagged[0] = retag(service, d);
                }
                requireImage(service, d.version());
                Deployment deployment = new Deployment(req.service(), req.target(), d.version());
                Map<Deployment, CommitId> built = new HashMap<>();
                d.built().ifPresent(c -> built.put(deployment, c));
                return new GitOpsFlow.Request(List.of(deployment), Optional.empty(), d.overrideTrailer(), built);
            }, write));
            return new PromotionResult(last[0], Optional.of(result), Optional.ofNullable(retagged[0]));
        } catch (Denied denied) {
            return new PromotionResult(denied.decision, Optional.empty(), Optional.empty());
        }
    }

    /** Ends a promotion flow whose decision refused it. */
    private static final class Denied extends RuntimeException {

        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        private final Decision decision;

        Denied(Decision decision) {
            super("promotion denied", null, false, false);
            this.decision = decision;
        }
    }

    /** Where a promotion reads the environments' state: the fetched remote tip with a push, else HEAD. */
    private CommitId stateCommit(GitRepository repo, WriteOptions options) {
        if (options.mode() == WriteOptions.Mode.PUSH) {
            String remote = options.remote();
            boolean reachable = repo.remotes().contains(remote) || remote.contains("/") || remote.contains(":");
            if (reachable) {
                String name = options.branch().orElse(GitOpsFlow.defaultBranch(config));
                return repo.fetch(remote, name).orElseThrow(() -> new InvalidInputException(name, "the remote " + remote
                        + " has no branch " + name + "; give the branch that feeds the environments (--branch)"));
            }
        }
        return resolve(repo, "HEAD");
    }

    private ServiceConfig serviceAt(GitRepository repo, GitOpsFlow.Base base, ServiceId service) {
        List<ServiceConfig> services = base.commit().isPresent() ? servicesAt(repo, base.commit().get())
                : effectiveConfig().services().orElse(List.of());
        return services.stream().filter(s -> s.path().equals(service)).findFirst()
                .orElseThrow(() -> unknownService(service, services));
    }

    /** The decision on a promotion at a base: the environments' state from its history and markers. */
    private Decision decide(GitRepository repo, GitOpsFlow.Base base, PromotionRequest request, Promotion policy,
            boolean retag) {
        ServiceConfig service = serviceAt(repo, base, request.service());
        CommitId at = base.commit().orElseGet(() -> resolve(repo, "HEAD"));
        String version = request.version().orElseGet(() -> newestRelease(repo, service));
        List<String> environments = List.of(policy.from(), request.target());
        MarkerIndex index = MarkerIndex.scan(base.source(), config.gitops(), environments, List.of(service.path()));
        Map<String, EnvironmentState> states = new HashMap<>();
        for (String env : environments) {
            List<String> current = index.locations(env, service.path()).stream().map(MarkerLocation::value).distinct()
                    .toList();
            List<DeployedVersion> history = new ArrayList<>();
            for (DeploymentRecord r : History.of(repo, at, service.path(), env, config)) {
                history.add(new DeployedVersion(r.version(), r.builtCommit(), Optional.of(r.commit()),
                        Optional.of(r.time()), r.rollback()));
            }
            if (!current.isEmpty()) {
                String now = String.join(", ", current);
                if (history.isEmpty() || !history.get(0).version().equals(now)) {
                    history.add(0, DeployedVersion.of(now));
                }
            }
            states.put(env, new EnvironmentState(env, history));
        }
        SlipwayConfig effective = config.services().isPresent() ? config : config.withServices(servicesAt(repo, at));
        PromotionInput input = new PromotionInput(effective, service, request.target(), policy, policy.effectiveRules(),
                version, states, repo, new PromotionBackends(registry(), cd()), clock, request.approvers(), retag);
        return PromotionEngine.decide(input, request.force());
    }

    /** The newest release tag of a service (by version precedence). */
    private String newestRelease(GitRepository repo, ServiceConfig service) {
        TagPattern pattern = service.effectiveTag(config.versioning());
        return repo.tags().stream().flatMap(t -> pattern.match(t.name(), service.path()).stream())
                .map(ReleaseTag::version).filter(v -> !v.isPrerelease()).max(Version.PRECEDENCE)
                .map(Version::toString)
                .orElseThrow(() -> new InvalidInputException(service.path().path(), service.path() + " has no release"
                        + " tag yet (" + pattern.pattern() + "); cut a release (slipway release-plan, slipway release) or"
                        + " give --version"));
    }

    /** Gives the candidate's tag the image the source verified. */
    private Digest retag(ServiceConfig service, Decision d) {
        ImageRegistry registry = registry().orElseThrow();
        ImageRepository image = ImageRepository.of(service.image().orElseThrow(() -> new InvalidInputException(
                service.path().path(), "--retag needs the image of " + service.path()
                        + " (services[].image in slipway.yaml)")));
        String from = d.verifiedBy().orElseThrow(() -> new InvalidInputException(d.version(), "--retag copies the image "
                + d.source().orElse("the source") + " verified, but it ran no version with the code of " + d.version()));
        return registry.retag(image, ImageTag.of(from), ImageTag.of(d.version()));
    }

    /**
     * Refuses a version whose image the registry lacks, when a registry backend is configured,
     * {@code registry.require-image} is on and the service names its image.
     */
    private void requireImage(ServiceConfig service, String version) {
        if (!config.registry().requireImage() || service.image().isEmpty()) {
            return;
        }
        Optional<ImageRegistry> registry = registry();
        if (registry.isEmpty()) {
            return;
        }
        ImageRepository image = ImageRepository.of(service.image().get());
        ImageTag tag = ImageTag.of(version);
        if (registry.get().digest(image, tag).isEmpty()) {
            throw new ImageNotFoundException(image, tag, config.registry().url().map(java.net.URI::toString)
                    .or(() -> config.registry().backend()).orElse(registryBackend.id()));
        }
    }

    /** The services a base knows: at its commit, or (for the work tree) the configured or discovered ones. */
    private List<ServiceId> knownServices(GitRepository repo, GitOpsFlow.Base base) {
        List<ServiceConfig> services = base.commit().isPresent() ? servicesAt(repo, base.commit().get())
                : effectiveConfig().services().orElse(List.of());
        return services.stream().map(ServiceConfig::path).toList();
    }

    private GitOpsFlow flow(GitRepository repo) {
        return new GitOpsFlow(repo, repository.toAbsolutePath().normalize(), config, clock, sleeper::sleep, random, renderTimeout);
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
     * Closes the repositories this facade keeps open between calls, and the registry client. The facade
     * stays usable: a later call opens them again.
     */
    @Override
    public void close() {
        synchronized (cdLock) {
            if (cdClient != null) {
                cdClient.close();
                cdClient = null;
            }
        }
        closed = true;
        for (GitRepository repo = idle.pollFirst(); repo != null; repo = idle.pollFirst()) {
            repo.close();
        }
        synchronized (registryLock) {
            if (openRegistry != null) {
                openRegistry.close();
                openRegistry = null;
            }
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
     * Runs the demo: builds a throwaway monorepo shaped like the reference kit ({@code services/go-backend},
     * {@code services/web}, Helm values with markers under {@code kubernetes/}) and its bare remote in
     * {@code directory}, then walks the whole flow through this facade with the in-memory registry and CD
     * backends: commits pushed to main, staging deployments, a release plan and its merge, release tags, a
     * promotion refused (unverified) and one allowed, a rollback, and the final status table, narrating each step.
     * The git backend is found as {@link Builder#build()} finds it.
     *
     * @param directory an empty or missing directory; the monorepo goes to {@code platform/}, the remote to
     *     {@code remote.git/}
     * @param narration receives the narration, one line at a time
     * @return where the demo left the repositories, and how long it took
     * @throws InvalidInputException if the directory is not empty, or no git backend is found
     */
    public static DemoRun demo(Path directory, Consumer<String> narration) {
        GitBackend git = BackendDiscovery.select(BackendDiscovery.inventory(GitBackend.class,
                () -> ServiceLoader.load(GitBackend.class)), Optional.empty(), true, GIT_ARTIFACT).orElseThrow();
        return demo(directory, git, narration);
    }

    /**
     * Runs the demo ({@link #demo(Path, Consumer)}) with a given git backend.
     *
     * @param directory an empty or missing directory
     * @param git the git backend that creates and writes the repositories
     * @param narration receives the narration, one line at a time
     * @return where the demo left the repositories, and how long it took
     * @throws InvalidInputException if the directory is not empty
     */
    public static DemoRun demo(Path directory, GitBackend git, Consumer<String> narration) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(narration, "narration");
        return Demo.run(directory, git, narration, Clock.systemUTC());
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
        private Duration renderTimeout = Duration.ofMinutes(10);
        private RandomGenerator random = new RandomGenerator() {
            @Override
            public long nextLong() {
                return ThreadLocalRandom.current().nextLong();
            }
        };
        private GitBackend git;
        private RegistryBackend registry;
        private CdBackend cd;
        private Optional<String> cdId = Optional.empty();
        private Map<String, String> environment = System.getenv();
        private Sleeper sleeper = Sleeper.system();
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
         * A registry backend to use instead of the one {@code registry.backend} names (for example an
         * {@link dev.slipway.core.memory.InMemoryRegistry}, or an adapter built in code with the host's own
         * credentials). It is opened with the {@code registry:} settings; an instance handed in is used even
         * when the configuration names no backend.
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder registry(RegistryBackend backend) {
            this.registry = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * A CD backend to use instead of the one {@code cd.backend} names (for example the in-memory
         * {@link dev.slipway.core.memory.InMemoryCdBackend}).
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder cd(CdBackend backend) {
            this.cd = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * The id of the CD backend to discover, overriding {@code cd.backend} (the CLI's {@code --cd});
         * {@code argocd} is an alias of {@code cd-argocd}.
         *
         * @param id the backend id
         * @return this builder
         */
        public Builder cd(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new InvalidInputException(id, "the CD backend id is blank; give one such as cd-argocd (or argocd)");
            }
            this.cdId = Optional.of(id);
            return this;
        }

        /**
         * The environment backends read credentials and defaults from (default: the process environment),
         * such as {@code ARGOCD_SERVER} and {@code ARGOCD_AUTH_TOKEN}.
         *
         * @param variables the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /**
         * How waits and back-offs pause: CD waits and push retries (default: blocking the thread); tests pass one
         * that advances their clock.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "value");
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
         * How long one render process ({@code gitops.render}, {@code kubectl kustomize}) may run before it is
         * killed and the deployment fails (default 10 minutes).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder renderTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the render timeout must be positive, not " + timeout);
            }
            this.renderTimeout = timeout;
            return this;
        }

        /** The push flow's back-off jitter (tests: a seeded generator). */
        Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
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
