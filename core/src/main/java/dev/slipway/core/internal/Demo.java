package dev.slipway.core.internal;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.ImageRepository;
import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.BuildVersion;
import dev.slipway.core.CreatedTag;
import dev.slipway.core.DemoRun;
import dev.slipway.core.DeployResult;
import dev.slipway.core.EnvironmentStatus;
import dev.slipway.core.FlowPlan;
import dev.slipway.core.PlannedDeployment;
import dev.slipway.core.PromotionResult;
import dev.slipway.core.ReleasePlan;
import dev.slipway.core.ServiceRelease;
import dev.slipway.core.Slipway;
import dev.slipway.core.WriteOptions;
import dev.slipway.core.memory.InMemoryCdBackend;
import dev.slipway.core.memory.InMemoryRegistry;
import dev.slipway.core.promotion.PromotionRequest;
import dev.slipway.spi.CdAppState;
import dev.slipway.spi.CdHealth;
import dev.slipway.spi.CdNotLiveException;
import dev.slipway.spi.CdOperation;
import dev.slipway.spi.CdOperationPhase;
import dev.slipway.spi.CdSyncStatus;
import dev.slipway.spi.FileChange;
import dev.slipway.spi.GitBackend;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.PushResult;
import dev.slipway.spi.PushSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code slipway demo}: the reference kit's whole flow on a throwaway monorepo and bare remote, with the
 * in-memory registry playing the image registry (CI's builds push to it) and the in-memory CD backend playing
 * Argo CD (it syncs each pushed deployment). Every step goes through the {@link Slipway} facade and is narrated.
 */
public final class Demo {

    /** The remote's directory under the demo directory. */
    public static final String REMOTE = "remote.git";
    /** The monorepo's directory under the demo directory. */
    public static final String PLATFORM = "platform";

    private static final ServiceId GO_BACKEND = ServiceId.of("services/go-backend");
    private static final ServiceId WEB = ServiceId.of("services/web");
    private static final Map<ServiceId, String> IMAGES = Map.of(GO_BACKEND, "ghcr.io/acme/go-backend", WEB,
            "ghcr.io/acme/web");
    private static final Map<String, String> APPS = Map.of(
            "services/go-backend staging", "go-backend-helm", "services/go-backend production", "go-backend-helm-prod",
            "services/web staging", "web-helm", "services/web production", "web-helm-prod");
    private static final WriteOptions PUSH = WriteOptions.push("origin", Optional.empty());
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final Path root;
    private final Path remote;
    private final Path work;
    private final GitBackend git;
    private final Consumer<String> out;
    private final Clock clock;
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final InMemoryCdBackend cd = new InMemoryCdBackend();
    private Slipway slipway;
    private int step;

    private Demo(Path root, GitBackend git, Consumer<String> out, Clock clock) {
        this.root = root;
        this.remote = root.resolve(REMOTE);
        this.work = root.resolve(PLATFORM);
        this.git = git;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Runs the demo.
     *
     * @param directory an empty or missing directory to build it in
     * @param git the git backend that creates and writes the repositories
     * @param narration receives the narration, one line at a time
     * @param clock the clock of the facade (the in-memory Argo CD's times come from it)
     * @return what the demo did
     * @throws InvalidInputException if the directory is not empty
     */
    public static DemoRun run(Path directory, GitBackend git, Consumer<String> narration, Clock clock) {
        Path root = directory.toAbsolutePath().normalize();
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new InvalidInputException(directory.toString(), "the demo directory " + directory
                        + " is a file; give an empty or new directory (--dir DIR)");
            }
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException(directory.toString(), "the demo directory " + directory
                            + " is not empty; give an empty or new directory (--dir DIR), the demo writes a monorepo"
                            + " and its remote there");
                }
            } catch (IOException e) {
                throw new BackendException("cannot list the demo directory " + directory + ": " + e.getMessage(), e);
            }
        }
        Demo demo = new Demo(root, git, narration, clock);
        long start = System.nanoTime();
        try {
            demo.play();
        } finally {
            if (demo.slipway != null) {
                demo.slipway.close();
            }
        }
        return new DemoRun(demo.work, demo.remote, demo.step, Duration.ofNanos(System.nanoTime() - start));
    }

    // ---------------------------------------------------------------- the story

    private void play() {
        say("Slipway demo: the reference kit's release flow, on a throwaway monorepo in " + root);
        say("(the image registry and Argo CD are Slipway's in-memory backends; git is real)");

        step("Create a monorepo shaped like the reference kit, and its bare remote");
        CommitId scaffold = create();
        detail("services/go-backend and services/web; their Helm values under kubernetes/src/services/*-helm/");
        detail("markers such as `version: 0.0.0 # staging_services/go-backend` say what each environment runs");
        detail("pushed " + abbreviate(scaffold) + " to " + root.relativize(remote) + " (main)");
        slipway = Slipway.builder().repository(work).git(git).discoverBackends(false).registry(registry).cd(cd)
                .environment(Map.of()).clock(clock).sleeper(d -> { }).build();
        for (String app : APPS.values()) {
            String version = "0.0.0";
            ServiceId service = app.startsWith("web") ? WEB : GO_BACKEND;
            registry.push(ImageRepository.of(IMAGES.get(service)), ImageTag.of(version));
            argo(app, scaffold, IMAGES.get(service) + ":" + version, CdHealth.HEALTHY);
        }

        step("A developer pushes two features to main; CI builds them and deploys to staging");
        CommitId before = head();
        commit("feat(go-backend): add a /healthz endpoint", Map.of("services/go-backend/cmd/main.go",
                DemoFiles.goMain(DemoFiles.healthRoute())));
        commit("feat(web): show the build version", Map.of("services/web/src/index.js",
                DemoFiles.webIndex("Welcome to the platform")));
        FlowPlan features = slipway.onPush("main", before.hex(), Optional.empty());
        detail("slipway changed + version: " + features.trigger() + " -> " + builds(features));
        for (PlannedDeployment d : features.deployments()) {
            ci(d);
        }

        step("A fix lands on main; CI is still building it, so staging keeps the earlier web build");
        CommitId beforeFix = head();
        commit("fix(web): greet in plain words", Map.of("services/web/src/index.js",
                DemoFiles.webIndex("Hello, welcome to the platform")));
        FlowPlan fix = slipway.onPush("main", beforeFix.hex(), Optional.empty());
        detail(fix.trigger() + " -> " + builds(fix) + " (building...)");

        step("The release PR: slipway release-plan, then its merge (a squash commit on main)");
        ReleasePlan plan = slipway.releasePlan();
        detail("PR \"" + plan.title() + "\" on branch " + plan.branch());
        for (ServiceRelease r : plan.releases()) {
            detail(r.service() + ": " + r.current().map(Object::toString).orElse("unreleased") + " -> " + r.next()
                    + " (" + r.bump().label() + ")");
        }
        slipway.writeReleasePlan();
        CommitId merged = commitFiles(plan.title(), plan.files());
        detail("merged as " + abbreviate(merged) + ": " + String.join(", ", plan.files()));

        step("slipway release: tag the merged release, push the tags; CI builds the release images");
        for (CreatedTag t : slipway.release(true, "origin")) {
            FlowPlan tagged = slipway.onReleaseTag(t.tag().name());
            PlannedDeployment d = tagged.deployments().get(0);
            if (d.service().equals(WEB)) {
                registry.push(ImageRepository.of(d.image().orElseThrow()), ImageTag.of(d.version()));
                detail("tag " + t.tag().name() + " at " + abbreviate(t.commit()) + "; CI built and pushed "
                        + d.imageReference().orElseThrow());
            } else {
                detail("tag " + t.tag().name() + " at " + abbreviate(t.commit()) + "; no rebuild: promote --retag"
                        + " reuses the image staging verified");
            }
        }

        step("slipway promote --service services/web --to production: refused");
        PromotionResult refused = slipway.promote(PromotionRequest.of(WEB, "production"), PUSH);
        decision(refused);
        detail("exit code 5: staging never ran the fix that web 0.1.0 ships");

        step("slipway promote --service services/go-backend --to production --retag: allowed");
        PromotionResult backend = slipway.promote(PromotionRequest.of(GO_BACKEND, "production").withRetag(true), PUSH);
        decision(backend);
        backend.retagged().ifPresent(d -> detail("retag: ghcr.io/acme/go-backend:" + backend.decision().version()
                + " now names " + d + ", the digest staging ran"));
        deployed(backend.deploy().orElseThrow(), "go-backend-helm-prod", IMAGES.get(GO_BACKEND) + ":"
                + backend.decision().version());

        step("CI finishes the fix's build and deploys it to staging; Argo CD syncs it");
        for (PlannedDeployment d : fix.deployments()) {
            ci(d);
        }

        step("slipway promote --service services/web --to production: allowed now");
        PromotionResult web = slipway.promote(PromotionRequest.of(WEB, "production"), PUSH);
        decision(web);
        deployed(web.deploy().orElseThrow(), "web-helm-prod", IMAGES.get(WEB) + ":" + web.decision().version());

        step("A bad change reaches staging, Argo CD reports it Degraded, and slipway rollback undoes it");
        CommitId beforeBanner = head();
        commit("feat(web): a new banner", Map.of("services/web/src/index.js",
                DemoFiles.webIndex("*** BIG BANNER *** welcome")));
        FlowPlan banner = slipway.onPush("main", beforeBanner.hex(), Optional.empty());
        for (PlannedDeployment d : banner.deployments()) {
            ci(d, CdHealth.DEGRADED);
        }
        DeployResult rollback = slipway.rollback(WEB, "staging", Optional.empty(), PUSH);
        String to = rollback.single().version();
        detail("slipway rollback --service services/web --env staging --push: \"fix: rollback web to " + to + "\", "
                + abbreviate(rollback.commit().orElseThrow()));
        deployed(rollback, "web-helm", IMAGES.get(WEB) + ":" + to);

        step("slipway status: what every environment runs, with Argo CD's view");
        EnvironmentStatus status = slipway.status("origin", Optional.empty());
        status.table().lines().forEach(this::detail);
    }

    // ---------------------------------------------------------------- CI and Argo CD, played

    /** CI builds and pushes the image of a planned deployment, deploys it with a push, and Argo CD syncs it. */
    private void ci(PlannedDeployment d) {
        ci(d, CdHealth.HEALTHY);
    }

    private void ci(PlannedDeployment d, CdHealth health) {
        String image = d.imageReference().orElseThrow();
        registry.push(ImageRepository.of(d.image().orElseThrow()), ImageTag.of(d.version()));
        DeployResult result = slipway.deploy(d.service(), d.environment(), d.version(), PUSH.withBuiltCommit(d.commit()));
        detail("CI pushed " + image + "; slipway deploy --env " + d.environment() + " --push: GitOps commit "
                + abbreviate(result.commit().orElseThrow()));
        String app = APPS.get(d.service() + " " + d.environment());
        argo(app, result.commit().orElseThrow(), image, health);
        try {
            for (CdAppState live : slipway.awaitLive(result, PUSH, WAIT)) {
                detail("deploy --wait: Argo CD " + live.name() + " is " + live.sync() + ", " + live.health() + " at "
                        + abbreviate(result.commit().orElseThrow()));
            }
        } catch (CdNotLiveException e) {
            detail("deploy --wait: " + e.getMessage());
        }
    }

    /** Argo CD's sync of a pushed deployment, then the wait for it. */
    private void deployed(DeployResult result, String app, String image) {
        CommitId commit = result.commit().orElseThrow();
        detail("GitOps commit " + abbreviate(commit) + " pushed: " + String.join(", ", result.files()));
        argo(app, commit, image, CdHealth.HEALTHY);
        for (CdAppState live : slipway.awaitLive(result, PUSH, WAIT)) {
            detail("--wait: Argo CD " + live.name() + " is " + live.sync() + ", " + live.health() + " at "
                    + abbreviate(commit));
        }
    }

    /** What the in-memory Argo CD reports once it synced an application to a commit. */
    private void argo(String app, CommitId commit, String image, CdHealth health) {
        Instant now = clock.instant();
        cd.app(app).report(CdAppState.builder(app).sync(CdSyncStatus.SYNCED).health(health).revision(commit.hex())
                .operation(new CdOperation(CdOperationPhase.SUCCEEDED, "successfully synced (all tasks run)",
                        List.of(commit.hex()), Optional.of(now.minusSeconds(2)), Optional.of(now.minusSeconds(1))))
                .reconciledAt(now).images(List.of(image)).autoSync(true).build());
    }

    private void decision(PromotionResult result) {
        result.decision().describe().lines().forEach(this::detail);
    }

    // ---------------------------------------------------------------- git

    /** The bare remote and the monorepo, its identity and origin, an empty root commit, then the scaffold. */
    private CommitId create() {
        git.init(remote, true, "main");
        git.init(work, false, "main");
        // the demo commits as itself, also on machines without a git identity, and knows its remote as origin
        String config = "[user]\n\tname = Slipway Demo\n\temail = demo@slipway.invalid\n[remote \"origin\"]\n\turl = "
                + remote.toString().replace("\\", "/") + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n";
        try {
            Files.writeString(work.resolve(".git/config"), config, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new BackendException("cannot configure the demo repository " + work + ": " + e.getMessage(), e);
        }
        try (GitRepository repo = git.open(work)) {
            // HEAD has no commit yet: an empty root commit becomes main through a push to the repository itself,
            // then the scaffold is checked out on top of it like any other commit
            CommitId empty = repo.createCommit(Optional.empty(), List.of(), "chore: start the platform monorepo");
            requireSuccess(repo.push(work.toString(), List.of(new PushSpec(empty.hex(), "refs/heads/main"))));
            List<FileChange> files = new ArrayList<>();
            DemoFiles.scaffold().forEach((path, bytes) -> files.add(FileChange.write(path, bytes)));
            CommitId scaffold = repo.createCommit(Optional.of(empty), files, "chore: scaffold the platform monorepo");
            repo.moveHead(empty, scaffold);
            requireSuccess(repo.push("origin", List.of(PushSpec.of("refs/heads/main"))));
            return scaffold;
        }
    }

    private CommitId head() {
        try (GitRepository repo = git.open(work)) {
            return repo.resolve("HEAD").orElseThrow();
        }
    }

    /** A developer's commit on main, pushed. */
    private CommitId commit(String message, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, DemoFiles.bytes(text)));
        CommitId c = commitBytes(message, bytes);
        detail("git commit -m \"" + message + "\" && git push: " + abbreviate(c));
        return c;
    }

    /** Commits work-tree files as they are (what release-plan --write wrote), pushed. */
    private CommitId commitFiles(String message, List<String> paths) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String path : paths) {
            try {
                bytes.put(path, Files.readAllBytes(work.resolve(path)));
            } catch (IOException e) {
                throw new BackendException("cannot read " + path + " of the demo repository: " + e.getMessage(), e);
            }
        }
        return commitBytes(message, bytes);
    }

    private CommitId commitBytes(String message, Map<String, byte[]> files) {
        try (GitRepository repo = git.open(work)) {
            CommitId head = repo.resolve("HEAD").orElseThrow();
            List<FileChange> changes = new ArrayList<>();
            files.forEach((path, bytes) -> changes.add(FileChange.write(path, bytes)));
            CommitId c = repo.createCommit(Optional.of(head), changes, message);
            repo.moveHead(head, c);
            requireSuccess(repo.push("origin", List.of(PushSpec.of("refs/heads/main"))));
            return c;
        }
    }

    private static void requireSuccess(List<PushResult> results) {
        for (PushResult r : results) {
            if (!r.isSuccess()) {
                throw new BackendException("the demo's push to " + r.destination() + " was refused: " + r.status()
                        + r.message().map(m -> " (" + m + ")").orElse(""));
            }
        }
    }

    // ---------------------------------------------------------------- narration

    private static String builds(FlowPlan plan) {
        List<String> out = new ArrayList<>();
        for (BuildVersion b : plan.builds()) {
            out.add(b.service() + " " + b.version());
        }
        return out.isEmpty() ? "nothing to build" : String.join(", ", out);
    }

    private static String abbreviate(CommitId c) {
        return c.abbreviate(7);
    }

    private void say(String line) {
        out.accept(line);
    }

    private void step(String title) {
        step++;
        out.accept("");
        out.accept("==> " + step + ". " + title);
    }

    private void detail(String line) {
        out.accept("    " + line);
    }
}
