package dev.slipway.core;

import static dev.slipway.core.git.GitOpsWorld.PRODUCTION;
import static dev.slipway.core.git.GitOpsWorld.STAGING;
import static dev.slipway.core.git.GitOpsWorld.STAGING_VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.BackendException;
import dev.slipway.api.CommitId;
import dev.slipway.api.InvalidImageTagException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.git.GitOpsWorld;
import dev.slipway.core.git.InterceptingBackend;
import dev.slipway.spi.PushResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy flow end to end on real repositories with a bare remote, the git CLI as the oracle. */
class DeployTest {

    static final ServiceId WEB = ServiceId.of("services/web");
    static final ServiceId API = ServiceId.of("services/api");
    static final String V2 = "0.1.1-rc0002-gbbbbbbb";
    static final String V3 = "0.1.1-rc0003-gccccccc";

    @TempDir
    Path tmp;

    GitOpsWorld world;
    List<Duration> slept;

    @BeforeEach
    void world() {
        world = GitOpsWorld.create(tmp);
        slept = new ArrayList<>();
    }

    Slipway.Builder builder(Path repository) {
        return Slipway.builder().repository(repository).sleeper(slept::add).random(new SplittableRandom(7));
    }

    Slipway slipway() {
        return builder(world.work()).build();
    }

    String git(String... args) {
        return world.git(world.work(), args);
    }

    static String stagingWith(String web) {
        return STAGING_VALUES.replace("0.1.0-rc0001-gaaaaaaa", web);
    }

    @Nested
    @DisplayName("the work tree and a commit")
    class Local {

        @Test
        @DisplayName("without --commit only the value bytes of the work tree change; nothing is committed")
        void workTree() {
            String head = git("rev-parse", "HEAD");
            DeployResult result = slipway().deploy(WEB, "staging", V2, WriteOptions.workTree());
            assertThat(GitOpsWorld.read(world.work(), STAGING)).isEqualTo(stagingWith(V2));
            assertThat(result.files()).containsExactly(STAGING);
            assertThat(result.commit()).isEmpty();
            assertThat(result.single()).isEqualTo(new DeployResult.Deployed(WEB, "staging", V2,
                    List.of("0.1.0-rc0001-gaaaaaaa"), List.of(STAGING), true));
            assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
            assertThat(git("status", "--porcelain")).isEqualTo(" M " + STAGING);
        }

        @Test
        @DisplayName("with --commit: one commit on HEAD's branch, message from the template, trailers git parses, clean status")
        void commit() {
            String head = git("rev-parse", "HEAD");
            DeployResult result = slipway().deploy(WEB, "staging", V2, WriteOptions.commit());
            String created = git("rev-parse", "HEAD");
            assertThat(result.commit()).contains(CommitId.of(created));
            assertThat(git("rev-parse", "HEAD^")).isEqualTo(head);
            assertThat(git("status", "--porcelain")).isEmpty();
            assertThat(git("log", "-1", "--format=%s")).isEqualTo("chore(deploy): services/web " + V2 + " to staging");
            assertThat(git("log", "-1", "--format=%(trailers:only,unfold)")).isEqualTo("""
                    Slipway-Service: services/web
                    Slipway-Environment: staging
                    Slipway-Version: %s
                    Slipway-Previous: 0.1.0-rc0001-gaaaaaaa
                    Slipway-Commit: %s
                    """.formatted(V2, head));
            assertThat(git("show", "--name-only", "--format=", "HEAD")).isEqualTo(STAGING);
            assertThat(git("show", "HEAD:" + STAGING) + "\n").isEqualTo(stagingWith(V2));
            assertThat(git("log", "-1", "--format=%an <%ae>|%cn <%ce>"))
                    .isEqualTo("Slipway Deployer <deployer@slipway.invalid>|Slipway Deployer <deployer@slipway.invalid>");
        }

        @Test
        @DisplayName("setting the version the markers already hold changes nothing and makes no commit")
        void sameVersion() {
            slipway().deploy(WEB, "staging", V2, WriteOptions.commit());
            String head = git("rev-parse", "HEAD");
            DeployResult again = slipway().deploy(WEB, "staging", V2, WriteOptions.commit());
            assertThat(again.changed()).isFalse();
            assertThat(again.files()).isEmpty();
            assertThat(again.commit()).isEmpty();
            assertThat(again.single().changed()).isFalse();
            assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        }

        @Test
        @DisplayName("several services and environments in one commit: one trailer group per deployment, in order")
        void several() {
            DeployResult result = slipway().deploy(List.of(Deployment.of(WEB, "staging", V2),
                    Deployment.of(API, "staging", "0.2.0"), Deployment.of(WEB, "production", "0.1.1")), WriteOptions.commit());
            assertThat(result.files()).containsExactly(PRODUCTION, STAGING);
            assertThat(git("rev-list", "--count", "HEAD")).isEqualTo("2");
            assertThat(git("log", "-1", "--format=%s")).isEqualTo("chore(deploy): services/web " + V2 + " to staging (+2 more)");
            assertThat(world.git().lines(world.work(), "log", "-1", "--format=%(trailers:key=Slipway-Service,key=Slipway-Environment,valueonly)"))
                    .containsExactly("services/web", "staging", "services/api", "staging", "services/web", "production");
            assertThat(GitOpsWorld.read(world.work(), STAGING)).contains("tag: \"0.2.0\"  # staging_services/api");
        }

        @Test
        @DisplayName("with --commit, uncommitted changes in a file the deployment edits are refused and nothing changes")
        void dirtyFile() {
            world.write(world.work(), STAGING, STAGING_VALUES + "# a local note\n");
            String head = git("rev-parse", "HEAD");
            assertThatThrownBy(() -> slipway().deploy(WEB, "staging", V2, WriteOptions.commit()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(STAGING).hasMessageContaining("uncommitted");
            assertThat(GitOpsWorld.read(world.work(), STAGING)).isEqualTo(STAGING_VALUES + "# a local note\n");
            assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        }

        @Test
        @DisplayName("an unknown service or environment, no marker, or an invalid version is refused before any write")
        void refusals() {
            Slipway slipway = slipway();
            assertThatThrownBy(() -> slipway.deploy(ServiceId.of("services/nope"), "staging", V2, WriteOptions.commit()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown service services/nope");
            assertThatThrownBy(() -> slipway.deploy(WEB, "qa", V2, WriteOptions.commit()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown environment qa");
            world.write(world.work(), "services/worker/main.go", "package main\n");
            git("add", "-A");
            git("commit", "-q", "-m", "worker");
            assertThatThrownBy(() -> slipway.deploy(ServiceId.of("services/worker"), "staging", V2, WriteOptions.commit()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("# staging_services/worker");
            assertThatThrownBy(() -> slipway.deploy(WEB, "staging", "1.0.0+build", WriteOptions.commit()))
                    .isInstanceOf(InvalidImageTagException.class);
            assertThat(git("status", "--porcelain")).isEmpty();
        }
    }

    @Nested
    @DisplayName("--push")
    class Push {

        @Test
        @DisplayName("the edit is applied on the freshly fetched remote tip, keeping what others pushed; HEAD follows")
        void onTheRemoteTip() {
            String theirs = world.otherWriterCommits("docs", "README.md", "hello\n");
            DeployResult result = slipway().deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty()));
            String tip = world.git(world.remote(), "rev-parse", "main");
            assertThat(result.commit()).contains(CommitId.of(tip));
            assertThat(result.pushed()).isTrue();
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(world.git(world.remote(), "rev-parse", "main^")).isEqualTo(theirs);
            assertThat(world.remoteFile(STAGING)).isEqualTo(stagingWith(V2));
            assertThat(git("rev-parse", "HEAD")).isEqualTo(tip);
            assertThat(git("status", "--porcelain")).isEmpty();
            assertThat(slept).isEmpty();
        }

        @Test
        @DisplayName("when the remote moved before the push lands, the edit is rebuilt on the new tip (no lost update)")
        void retriesOnAMovedRemote() {
            Path other = world.clone("api-deployer");
            InterceptingBackend backend = new InterceptingBackend((attempt, push) -> {
                if (attempt == 1) {
                    // another deployer lands an api version in the same file between our fetch and our push
                    builder(other).git(new dev.slipway.git.jgit.JGitBackend()).discoverBackends(false).build()
                            .deploy(API, "staging", "0.2.0", WriteOptions.push("origin", Optional.empty()));
                }
                return push.get();
            });
            DeployResult result = builder(world.work()).git(backend).discoverBackends(false).build()
                    .deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty()));
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(backend.pushes()).isEqualTo(2);
            assertThat(slept).hasSize(1);
            assertThat(slept.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(50));
            String remoteValues = world.remoteFile(STAGING);
            assertThat(remoteValues).isEqualTo(stagingWith(V2).replace("tag: \"0.1.0\"", "tag: \"0.2.0\""));
            assertThat(world.git().lines(world.remote(), "log", "--format=%s", "main"))
                    .startsWith("chore(deploy): services/web " + V2 + " to staging",
                            "chore(deploy): services/api 0.2.0 to staging");
        }

        @Test
        @DisplayName("a marker that disappeared at the new tip is a clear error; the local branch stays where it was")
        void realConflict() {
            String start = git("rev-parse", "HEAD");
            InterceptingBackend backend = new InterceptingBackend((attempt, push) -> {
                if (attempt == 1) {
                    world.otherWriterCommits("web leaves staging", STAGING, STAGING_VALUES.replace("   # staging_services/web", ""));
                }
                return push.get();
            });
            assertThatThrownBy(() -> builder(world.work()).git(backend).discoverBackends(false).build()
                    .deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty())))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("origin/main")
                    .hasMessageContaining("# staging_services/web");
            assertThat(git("rev-parse", "HEAD")).isEqualTo(start);
            assertThat(git("status", "--porcelain")).isEmpty();
            assertThat(world.remoteFile(STAGING)).doesNotContain("staging_services/web");
        }

        @Test
        @DisplayName("a remote that keeps moving is given up when gitops.push-timeout passes, with jittered back-off")
        void givesUp() {
            InterceptingBackend backend = new InterceptingBackend((attempt, push) ->
                    List.of(new PushResult("refs/heads/main", PushResult.Status.REJECTED_REMOTE_CHANGED, Optional.of("failed to lock"))));
            Clock ticking = new Clock() {
                private Instant now = Instant.parse("2026-01-01T00:00:00Z");

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public synchronized Instant instant() {
                    now = now.plusMillis(700);
                    return now;
                }
            };
            String start = git("rev-parse", "HEAD");
            String remoteTip = world.git(world.remote(), "rev-parse", "main");
            SlipwayConfig config = SlipwayConfig.parse("gitops:\n  push-timeout: 10s\n", "test");
            assertThatThrownBy(() -> builder(world.work()).git(backend).discoverBackends(false).config(config).clock(ticking)
                    .build().deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty())))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("kept moving")
                    .hasMessageContaining("push-timeout");
            assertThat(backend.pushes()).as("one push per 700 ms tick within 10 s").isBetween(10, 15);
            for (int i = 0; i < slept.size(); i++) {
                assertThat(slept.get(i)).as("wait %d", i).isBetween(Duration.ZERO, Duration.ofMillis(Math.min(2000, 50L << i)));
            }
            assertThat(git("rev-parse", "HEAD")).isEqualTo(start);
            assertThat(world.git(world.remote(), "rev-parse", "main")).isEqualTo(remoteTip);
            assertThat(git("status", "--porcelain")).isEmpty();
        }

        @Test
        @DisplayName("a refusal that is not the remote moving fails at once with the remote's message")
        void otherRefusal() {
            InterceptingBackend backend = new InterceptingBackend((attempt, push) ->
                    List.of(new PushResult("refs/heads/main", PushResult.Status.REJECTED_OTHER, Optional.of("protected branch"))));
            assertThatThrownBy(() -> builder(world.work()).git(backend).discoverBackends(false).build()
                    .deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty())))
                    .isInstanceOf(BackendException.class).hasMessageContaining("protected branch");
            assertThat(backend.pushes()).isEqualTo(1);
        }

        @Test
        @DisplayName("from a detached HEAD (a tag-triggered job) the edit lands on the remote branch's tip")
        void detachedHead() {
            String first = git("rev-parse", "HEAD");
            world.otherWriterCommits("more", "services/web/more.go", "package main\n");
            git("checkout", "-q", "--detach", first);
            slipway().deploy(WEB, "production", "0.1.1", WriteOptions.push("origin", Optional.empty()));
            assertThat(world.remoteFile(PRODUCTION)).contains("tag: 0.1.1 # production_services/web");
            assertThat(world.git(world.remote(), "show", "main:services/web/more.go")).isEqualTo("package main");
            assertThat(world.git().run(world.work(), "symbolic-ref", "-q", "HEAD").ok()).isFalse();
        }

        @Test
        @DisplayName("the same version already at the remote tip: no commit, no push")
        void nothingToPush() {
            slipway().deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty()));
            String tip = world.git(world.remote(), "rev-parse", "main");
            DeployResult again = slipway().deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty()));
            assertThat(again.commit()).isEmpty();
            assertThat(again.pushed()).isFalse();
            assertThat(world.git(world.remote(), "rev-parse", "main")).isEqualTo(tip);
        }
    }

    @Nested
    @DisplayName("rendering")
    class Rendering {

        SlipwayConfig render(String command) {
            return SlipwayConfig.parse("""
                    environments:
                      - name: staging
                        from: branch main
                        cluster: staging-eks
                      - name: production
                        from: release-tag
                    gitops:
                      render: ["sh", "-c", %s]
                    """.formatted(command), "test");
        }

        @Test
        @DisplayName("the render command runs after the edit with {cluster} filled; its output joins the same commit")
        void renderJoinsTheCommit() {
            SlipwayConfig config = render("\"mkdir -p rendered && grep -h tag: kubernetes/staging/values.yaml > rendered/$0.txt\", \"{cluster}\"");
            DeployResult result = builder(world.work()).config(config).build().deploy(WEB, "staging", V2, WriteOptions.commit());
            assertThat(result.files()).containsExactly(STAGING, "rendered/staging-eks.txt");
            assertThat(git("show", "--name-only", "--format=", "HEAD").lines()).containsExactly(STAGING, "rendered/staging-eks.txt");
            assertThat(git("show", "HEAD:rendered/staging-eks.txt")).contains(V2);
            assertThat(git("status", "--porcelain")).isEmpty();
        }

        @Test
        @DisplayName("a failing render aborts with its output and exit code: no commit, the edited file restored")
        void renderFails() {
            SlipwayConfig config = render("\"echo rendered > side.txt; echo cannot render >&2; exit 3\"");
            String head = git("rev-parse", "HEAD");
            assertThatThrownBy(() -> builder(world.work()).config(config).build().deploy(WEB, "staging", V2, WriteOptions.commit()))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("exit code 3")
                    .hasMessageContaining("cannot render");
            assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
            assertThat(git("status", "--porcelain")).isEmpty();
            assertThat(GitOpsWorld.read(world.work(), STAGING)).isEqualTo(STAGING_VALUES);
        }

        @Test
        @DisplayName("a render that outlives its timeout is killed and fails the deployment")
        void renderTimesOut() {
            SlipwayConfig config = render("\"sleep 30\"");
            assertThatThrownBy(() -> builder(world.work()).config(config).renderTimeout(Duration.ofMillis(300)).build()
                    .deploy(WEB, "staging", V2, WriteOptions.workTree()))
                    .isInstanceOf(BackendException.class).hasMessageContaining("did not finish within");
            assertThat(GitOpsWorld.read(world.work(), STAGING)).isEqualTo(STAGING_VALUES);
        }

        @Test
        @DisplayName("with --push and a render command, the work tree moves to the remote tip, renders there, and lands")
        void pushRendering() {
            world.otherWriterCommits("docs", "README.md", "hello\n");
            SlipwayConfig config = render("\"mkdir -p rendered && grep -h tag: kubernetes/staging/values.yaml > rendered/{env}.txt\"");
            DeployResult result = builder(world.work()).config(config).build()
                    .deploy(WEB, "staging", V2, WriteOptions.push("origin", Optional.empty()));
            String tip = world.git(world.remote(), "rev-parse", "main");
            assertThat(result.commit()).contains(CommitId.of(tip));
            assertThat(world.remoteFile("rendered/staging.txt")).contains(V2);
            assertThat(world.remoteFile("README.md")).isEqualTo("hello\n");
            assertThat(git("rev-parse", "HEAD")).isEqualTo(tip);
            assertThat(git("status", "--porcelain")).isEmpty();
        }

        @Test
        @DisplayName("the built-in renderer writes kubectl kustomize output of the environment's overlays to render-dir")
        void kustomize() {
            world.write(world.work(), "kubernetes/web/base/kustomization.yaml", "resources: [deployment.yaml]\n");
            world.write(world.work(), "kubernetes/web/base/deployment.yaml", """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: web
                    spec:
                      template:
                        spec:
                          containers:
                            - name: web
                              image: ghcr.io/acme/web
                    """);
            world.write(world.work(), "kubernetes/web/staging/kustomization.yaml", """
                    resources: [../base]
                    images:
                      - name: ghcr.io/acme/web
                        newTag: 0.1.0 # staging_services/web
                    """);
            git("add", "-A");
            git("commit", "-q", "-m", "kustomize overlay");
            SlipwayConfig config = SlipwayConfig.parse("gitops:\n  render-dir: kubernetes/rendered\n", "test");
            DeployResult result = builder(world.work()).config(config).build().deploy(WEB, "staging", V2, WriteOptions.commit());
            assertThat(result.files()).contains("kubernetes/rendered/kubernetes/web/staging.yaml",
                    "kubernetes/web/staging/kustomization.yaml", STAGING);
            assertThat(git("show", "HEAD:kubernetes/rendered/kubernetes/web/staging.yaml"))
                    .contains("image: ghcr.io/acme/web:" + V2);
        }
    }
}
