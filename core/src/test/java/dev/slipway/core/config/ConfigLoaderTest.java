package dev.slipway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidConfigurationException;
import dev.slipway.api.ServiceId;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    static final String FULL = """
            versioning:
              tag: "{service}@{version}"
              prerelease: "rc{count:5}-g{sha:8}"
              initial: 1.0.0
              bump-minor-pre-major: true
              bump-patch-for-minor-pre-major: true
            services:
              - path: services/go-backend
                paths: ["services/go-backend/**", "libs/common/**", "!**/*.md"]
                image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/go-backend
                cd: { staging: go-backend-helm, production: go-backend-helm-prod }
              - path: packages/kit
                tag: "@sveltejs/kit@{version}"
            environments:
              - name: staging
                from: branch main
                cluster: staging-eks
              - name: production
                from: release-tag
                promotion: { from: staging, rules: [release-version, verified-in-source, image-exists], soak: 1h30m }
            changes:
              global: [".github/workflows/**"]
            changelog:
              repository-url: https://github.com/acme/platform/
            gitops:
              marker: "{env}_{service}"
              files: ["kubernetes/**/*.yaml"]
              render: ["mise", "run", "//kubernetes/src/services:render-all", "{cluster}"]
              render-dir: kubernetes/rendered
              commit-message: "chore(deploy): {service} {version} to {env}"
              push-timeout: 2m
            registry:
              backend: registry-oci
              url: https://ghcr.io
              credentials: docker-config
              region: us-east-1
              endpoint: http://127.0.0.1:4566
              retag: true
            cd:
              backend: argocd
              server: argocd.example.com:443
              plaintext: true
              project: default
              app-namespace: argocd
            """;

    static SlipwayConfig parse(String yaml) {
        return SlipwayConfig.parse(yaml, "slipway.yaml");
    }

    static InvalidConfigurationException error(String yaml) {
        try {
            parse(yaml);
        } catch (InvalidConfigurationException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Nested
    @DisplayName("a full configuration")
    class Full {

        final SlipwayConfig c = parse(FULL);

        @Test
        @DisplayName("loads every key into the records")
        void everyKey() {
            assertThat(c.versioning()).isEqualTo(new Versioning(TagPattern.DEFAULT, StagingScheme.of(5, 8),
                    Version.of(1, 0, 0), true, true));
            List<ServiceConfig> services = c.services().orElseThrow();
            assertThat(services).hasSize(2);
            ServiceConfig go = services.get(0);
            assertThat(go.path()).isEqualTo(ServiceId.of("services/go-backend"));
            assertThat(go.paths()).containsExactly("services/go-backend/**", "libs/common/**", "!**/*.md");
            assertThat(go.image()).contains("123456789012.dkr.ecr.us-east-1.amazonaws.com/go-backend");
            assertThat(go.cd()).isEqualTo(Map.of("staging", "go-backend-helm", "production", "go-backend-helm-prod"));
            ServiceConfig kit = services.get(1);
            assertThat(kit.paths()).containsExactly("packages/kit/**");
            assertThat(kit.effectiveTag(c.versioning()).pattern()).isEqualTo("@sveltejs/kit@{version}");
            assertThat(c.environments()).extracting(EnvironmentConfig::name).containsExactly("staging", "production");
            assertThat(c.environment("staging").orElseThrow().from()).isEqualTo(EnvironmentSource.branch("main"));
            assertThat(c.environment("staging").orElseThrow().cluster()).contains("staging-eks");
            Promotion p = c.environment("production").orElseThrow().promotion().orElseThrow();
            assertThat(p).isEqualTo(new Promotion("staging", List.of("release-version", "verified-in-source",
                    "image-exists"), Optional.of(Duration.ofMinutes(90))));
            assertThat(c.changes().global()).containsExactly(".github/workflows/**");
            assertThat(c.changelog().repositoryUrl()).contains(URI.create("https://github.com/acme/platform"));
            assertThat(c.gitops()).isEqualTo(new GitOps("{env}_{service}", List.of("kubernetes/**/*.yaml"),
                    List.of("mise", "run", "//kubernetes/src/services:render-all", "{cluster}"),
                    Optional.of("kubernetes/rendered"), "chore(deploy): {service} {version} to {env}",
                    Duration.ofMinutes(2)));
            assertThat(c.registry()).isEqualTo(new RegistryConfig(Optional.of("registry-oci"),
                    Optional.of(URI.create("https://ghcr.io")), Optional.of("us-east-1"),
                    Optional.of(URI.create("http://127.0.0.1:4566")), true, Optional.of("docker-config")));
            assertThat(c.cd()).isEqualTo(new CdConfig(Optional.of("cd-argocd"), Optional.of("argocd.example.com:443"),
                    true, false, Optional.of("default"), Optional.of("argocd")));
        }

        @Test
        @DisplayName("writes back to YAML that loads to an equal configuration")
        void roundTrip() {
            assertThat(parse(c.toYaml())).isEqualTo(c);
        }

        @Test
        @DisplayName("formats markers from the pattern")
        void marker() {
            assertThat(c.gitops().formatMarker("staging", "services/go-backend")).isEqualTo("staging_services/go-backend");
        }
    }

    @Nested
    @DisplayName("defaults")
    class Defaults {

        @Test
        @DisplayName("no file at all gives the embedded default")
        void embedded(@TempDir Path repo) {
            SlipwayConfig c = SlipwayConfig.forRepository(repo);
            assertThat(c).isEqualTo(SlipwayConfig.defaults());
            assertThat(c.services()).isEmpty();
            assertThat(c.versioning().initial()).isEqualTo(Version.of(0, 1, 0));
            assertThat(c.versioning().tag()).isEqualTo(TagPattern.DEFAULT);
            assertThat(c.gitops().marker()).isEqualTo("{env}_{service}");
            assertThat(c.environments()).extracting(e -> e.name() + " " + e.from())
                    .containsExactly("staging branch main", "production release-tag");
            assertThat(c.environment("production").orElseThrow().promotion().orElseThrow().rules())
                    .containsExactly("release-version", "verified-in-source", "no-downgrade");
        }

        @Test
        @DisplayName("an empty file, or one holding only comments, is the embedded default")
        void emptyFile() {
            assertThat(parse("")).isEqualTo(SlipwayConfig.defaults());
            assertThat(parse("# nothing yet\n")).isEqualTo(SlipwayConfig.defaults());
        }

        @Test
        @DisplayName("each omitted section gets its default while present ones are kept")
        void perSection() {
            SlipwayConfig c = parse("versioning:\n  initial: 1.0.0\n");
            assertThat(c.versioning().initial()).isEqualTo(Version.of(1, 0, 0));
            assertThat(c.versioning().prerelease()).isEqualTo(StagingScheme.DEFAULT);
            assertThat(c.gitops()).isEqualTo(GitOps.DEFAULT);
            assertThat(c.environments()).isEqualTo(SlipwayConfig.defaults().environments());
            assertThat(c.services()).isEmpty();
        }

        @Test
        @DisplayName("YAML 1.2 core nulls and booleans are understood: ~ is an empty section, True is true")
        void yaml12Core() {
            assertThat(parse("versioning: ~\ngitops: null\n")).isEqualTo(SlipwayConfig.defaults());
            assertThat(parse("cd:\n  plaintext: True\n").cd().plaintext()).isTrue();
        }

        @Test
        @DisplayName("an empty section is that section's default")
        void emptySection() {
            assertThat(parse("gitops:\nregistry: {}\n")).isEqualTo(SlipwayConfig.defaults());
        }

        @Test
        @DisplayName("default environments add healthy-in-source and image-exists when CD and registry backends are named")
        void defaultRulesFollowBackends() {
            SlipwayConfig c = parse("registry:\n  backend: registry-ecr\ncd:\n  backend: cd-argocd\n");
            assertThat(c.environment("production").orElseThrow().promotion().orElseThrow().rules())
                    .containsExactly("release-version", "verified-in-source", "no-downgrade", "healthy-in-source",
                            "image-exists");
        }

        @Test
        @DisplayName("the default writes back to YAML that loads to an equal configuration")
        void defaultRoundTrip() {
            SlipwayConfig d = SlipwayConfig.defaults();
            assertThat(parse(d.toYaml())).isEqualTo(d);
        }

        @Test
        @DisplayName("the tree of the default has every section with kebab-case keys")
        void tree() {
            Map<String, Object> tree = SlipwayConfig.defaults().toTree();
            assertThat(tree).containsOnlyKeys("versioning", "environments", "changes", "changelog", "gitops",
                    "registry", "cd");
            assertThat(tree.get("versioning")).isEqualTo(Map.of("tag", "{service}@{version}",
                    "prerelease", "rc{count:4}-g{sha:7}", "initial", "0.1.0", "bump-minor-pre-major", false,
                    "bump-patch-for-minor-pre-major", false));
            @SuppressWarnings("unchecked")
            Map<String, Object> gitops = (Map<String, Object>) tree.get("gitops");
            assertThat(gitops).containsEntry("push-timeout", "5m").containsEntry("files", List.of("**/*.yaml", "**/*.yml"));
        }
    }

    @Nested
    @DisplayName("service discovery")
    class Discovery {

        @Test
        @DisplayName("without services, every directory services/* is a service with services/<name>/**, sorted, dot-directories and files ignored")
        void discovers(@TempDir Path repo) throws IOException {
            Files.createDirectories(repo.resolve("services/web"));
            Files.createDirectories(repo.resolve("services/go-backend/cmd"));
            Files.createDirectories(repo.resolve("services/.cache"));
            Files.writeString(repo.resolve("services/README.md"), "x");
            Files.createDirectories(repo.resolve("libs/common"));
            SlipwayConfig c = SlipwayConfig.forRepository(repo).withDiscoveredServices(repo);
            assertThat(c.services().orElseThrow()).containsExactly(
                    ServiceConfig.of(ServiceId.of("services/go-backend")), ServiceConfig.of(ServiceId.of("services/web")));
            assertThat(c.services().orElseThrow().get(0).paths()).containsExactly("services/go-backend/**");
        }

        @Test
        @DisplayName("a repository without services/ has no services")
        void none(@TempDir Path repo) {
            assertThat(SlipwayConfig.defaults().withDiscoveredServices(repo).services()).contains(List.of());
        }

        @Test
        @DisplayName("a present services list replaces discovery")
        void listed(@TempDir Path repo) throws IOException {
            Files.createDirectories(repo.resolve("services/web"));
            Files.writeString(repo.resolve("slipway.yaml"), "services:\n  - path: apps/api\n");
            SlipwayConfig c = SlipwayConfig.forRepository(repo).withDiscoveredServices(repo);
            assertThat(c.services().orElseThrow()).extracting(s -> s.path().path()).containsExactly("apps/api");
        }
    }

    @Nested
    @DisplayName("files")
    class Files_ {

        @Test
        @DisplayName("a missing --config file is an error naming it")
        void missing(@TempDir Path dir) {
            Path file = dir.resolve("nope.yaml");
            assertThatThrownBy(() -> SlipwayConfig.load(file)).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage(file + ": the configuration file does not exist; check the path given with --config");
        }

        @Test
        @DisplayName("a file larger than 1 MiB is refused before parsing")
        void huge(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("slipway.yaml");
            Files.writeString(file, "# " + "x".repeat(1 << 20) + "\n");
            assertThatThrownBy(() -> SlipwayConfig.load(file)).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("more than the 1048576");
        }

        @Test
        @DisplayName("a file that is not UTF-8 is refused")
        void notUtf8(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("slipway.yaml");
            Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
            assertThatThrownBy(() -> SlipwayConfig.load(file)).hasMessage(file + ": the file is not UTF-8 text; save it as UTF-8");
        }

        @Test
        @DisplayName("a byte order mark and CRLF line ends are accepted")
        void bomCrlf(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("slipway.yaml");
            Files.write(file, "\uFEFFversioning:\r\n  initial: 2.0.0\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(SlipwayConfig.load(file).versioning().initial()).isEqualTo(Version.of(2, 0, 0));
        }
    }

    @Nested
    @DisplayName("errors name file, line, column and the fix")
    class Errors {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            unknown key with a suggestion       | versioning:\\n  prerelase: x\\n                | slipway.yaml:2:3: unknown key 'prerelase' in versioning; did you mean prerelease? (known keys: tag, prerelease, initial, bump-minor-pre-major, bump-patch-for-minor-pre-major)
            camelCase key                       | versioning:\\n  bumpMinorPreMajor: true\\n      | slipway.yaml:2:3: unknown key 'bumpMinorPreMajor' in versioning; keys are kebab-case: write bump-minor-pre-major (known keys: tag, prerelease, initial, bump-minor-pre-major, bump-patch-for-minor-pre-major)
            unknown top-level key               | version: 1\\n                                    | slipway.yaml:1:1: unknown key 'version' at the top level; did you mean versioning? (known keys: versioning, services, environments, changes, changelog, gitops, registry, cd)
            duplicate key                       | gitops: {}\\ngitops: {}\\n                       | slipway.yaml:2:1: the key 'gitops' appears twice in the configuration (first at line 1); keep one
            duplicate nested key                | cd:\\n  server: a\\n  server: b\\n               | slipway.yaml:3:3: the key 'server' appears twice in cd (first at line 2); keep one
            wrong type: list for a section      | versioning: [1]\\n                               | slipway.yaml:1:13: versioning must be a mapping, not a list
            wrong type: mapping for text        | versioning:\\n  initial: {a: 1}\\n               | slipway.yaml:2:12: versioning.initial must be text, not a mapping; a value that starts with '{' must be quoted, such as "{service}@{version}"
            wrong type: boolean                 | registry:\\n  retag: yes\\n                      | slipway.yaml:2:10: registry.retag must be true or false, not 'yes'
            quoted boolean                      | cd:\\n  insecure: "true"\\n                      | slipway.yaml:2:13: cd.insecure must be true or false, not 'true'
            missing value                       | versioning:\\n  initial:\\n                      | slipway.yaml:2:11: versioning.initial must be text, not nothing (no value)
            not a mapping at the top            | - a\\n                                           | slipway.yaml:1:1: the configuration must be a mapping of sections (versioning, services, ...), not a list
            bad initial version                 | versioning:\\n  initial: v1.0.0\\n               | slipway.yaml:2:12: invalid version "v1.0.0": a 'v' prefix is not part of SemVer; write 1.0.0 (SemVer 2.0.0: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD])
            pre-release initial version         | versioning:\\n  initial: 1.0.0-rc.1\\n           | slipway.yaml:2:12: versioning.initial must be a release X.Y.Z such as 0.1.0, not 1.0.0-rc.1
            bad tag pattern                     | versioning:\\n  tag: "{service}-{ver}"\\n         | slipway.yaml:2:8: invalid release tag pattern "{service}-{ver}": unknown placeholder {ver}; only {service} and {version} exist; the default is {service}@{version} (quote the value: "{service}@{version}")
            bad prerelease scheme               | versioning:\\n  prerelease: "rc.{count:4}.g{sha:7}"\\n | slipway.yaml:2:15: invalid pre-release scheme "rc.{count:4}.g{sha:7}": it contains '.'; the pre-release must be a single identifier so it sorts by count (write rc{count:4}-g{sha:7}, not rc.{count:4}.g{sha:7}); the default is rc{count:4}-g{sha:7} (quote the value: "rc{count:4}-g{sha:7}")
            duplicate service                   | services:\\n  - path: services/a\\n  - path: services/a\\n | slipway.yaml:3:11: the service services/a is listed twice (first at line 2); merge the two entries
            bad service path                    | services:\\n  - path: ../a\\n                   | slipway.yaml:2:11: invalid service path "../a": it has a '..' segment; write the normalized path; expected a repo-relative directory such as services/go-backend
            service without path                | services:\\n  - image: ghcr.io/a\\n             | slipway.yaml:2:5: services[0] lacks the required key 'path'
            empty services                      | services: []\\n                                  | slipway.yaml:1:11: services is an empty list; list at least one service, or remove the key to discover every directory services/*
            bad glob                            | services:\\n  - path: a\\n    paths: ["a/[b"]\\n | slipway.yaml:3:13: invalid glob 'a/[b': the '[' at index 2 is not closed by ']'
            absolute glob                       | changes:\\n  global: ["/x/**"]\\n                | slipway.yaml:2:12: invalid glob '/x/**': the pattern starts with '/'; patterns are relative to the repository root, write it without the leading '/'
            only excludes                       | services:\\n  - path: a\\n    paths: ["!a/*.md"]\\n | slipway.yaml:3:12: the paths of a only exclude ('!'); add at least one include such as a/**
            image with tag                      | services:\\n  - path: a\\n    image: ghcr.io/acme/a:1.0\\n | slipway.yaml:3:12: image names the repository only, without a tag or digest (Slipway computes the tag); write ghcr.io/acme/a
            bad image                           | services:\\n  - path: a\\n    image: ghcr.io/Acme/A\\n | slipway.yaml:3:12: 'ghcr.io/Acme/A' is not an image repository such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/go-backend or ghcr.io/acme/web (lower case, components separated by '/')
            cd app of unknown environment       | services:\\n  - path: a\\n    cd: {qa: app}\\n   | slipway.yaml:3:10: the environment 'qa' is not configured; known: staging, production
            services sharing a literal tag      | versioning:\\n  tag: "v{version}"\\nservices:\\n  - path: a\\n  - path: b\\n | slipway.yaml:5:11: the services a and b would own the same release tags (v{version}); give each its own tag pattern
            bad environment name                | environments:\\n  - name: Prod\\n    from: manual\\n | slipway.yaml:2:11: the environment name 'Prod' must match [a-z0-9-]+ (lower-case letters, digits, '-'), such as staging
            duplicate environment               | environments:\\n  - {name: a, from: manual}\\n  - {name: a, from: manual}\\n | slipway.yaml:3:12: the environment a is listed twice (first at line 2)
            bad from                            | environments:\\n  - name: a\\n    from: tags\\n     | slipway.yaml:3:11: from is 'tags'; expected 'branch <name>' (such as branch main), 'release-tag' or 'manual'
            bad branch                          | environments:\\n  - name: a\\n    from: branch a..b\\n | slipway.yaml:3:11: invalid branch name "a..b": it contains '..' (git check-ref-format rules); name a branch such as main
            unknown rule                        | environments:\\n  - {name: a, from: manual}\\n  - name: b\\n    from: manual\\n    promotion: {from: a, rules: [release-versoin]}\\n | slipway.yaml:5:34: unknown promotion rule 'release-versoin'; did you mean release-version?; known rules: release-version, verified-in-source, healthy-in-source, soak, image-exists, no-downgrade, freeze, approvals
            promotion from unknown environment  | environments:\\n  - name: b\\n    from: manual\\n    promotion: {from: x}\\n | slipway.yaml:4:23: promotion.from names the environment 'x', which is not configured; known: b
            promotion from itself               | environments:\\n  - name: b\\n    from: manual\\n    promotion: {from: b}\\n | slipway.yaml:4:23: the environment b cannot be promoted from itself
            promotion cycle                     | environments:\\n  - {name: a, from: manual, promotion: {from: b}}\\n  - {name: b, from: manual, promotion: {from: a}}\\n | slipway.yaml:2:47: promotions form a cycle (a <- b <- a); the first environment must not be promoted from another
            bad duration                        | gitops:\\n  push-timeout: 5 minutes\\n         | slipway.yaml:2:17: gitops.push-timeout is '5 minutes'; expected a duration such as 30s, 5m, 1h30m or 2d (units ms, s, m, h, d)
            zero duration                       | gitops:\\n  push-timeout: 0s\\n                | slipway.yaml:2:17: gitops.push-timeout must be longer than zero
            marker without env                  | gitops:\\n  marker: "{service}"\\n             | slipway.yaml:2:11: '{service}' lacks {env}; markers must tell environments and services apart, such as {env}_{service}
            unknown placeholder                 | gitops:\\n  commit-message: "deploy {svc}"\\n  | slipway.yaml:2:19: unknown placeholder {svc} in 'deploy {svc}'; known: {service}, {version}, {env}
            render as a string                  | gitops:\\n  render: make render\\n             | slipway.yaml:2:11: render is a command as a list of arguments, such as ["mise", "run", "//kubernetes/src/services:render-all", "{cluster}"]; a single string is not split
            bad URL                             | changelog:\\n  repository-url: github.com/acme\\n | slipway.yaml:2:19: changelog.repository-url is 'github.com/acme'; expected an http(s) URL such as https://github.com/acme/platform
            bad region                          | registry:\\n  region: US-EAST-1\\n               | slipway.yaml:2:11: 'US-EAST-1' is not an AWS region such as us-east-1
            bad backend id                      | registry:\\n  backend: Registry OCI\\n           | slipway.yaml:2:12: registry.backend is 'Registry OCI'; expected a backend id such as registry-oci
            plaintext and insecure              | cd:\\n  plaintext: true\\n  insecure: true\\n  | slipway.yaml:3:13: plaintext and insecure exclude each other: plaintext uses no TLS, insecure uses TLS without verifying the certificate; keep one
            two documents                       | gitops: {}\\n---\\ncd: {}\\n                     | slipway.yaml:3:1: the file holds 2 YAML documents; a configuration is one document (remove the extra '---')
            """)
        void message(String what, String yaml, String message) {
            InvalidConfigurationException e = error(yaml.replace("\\n", "\n"));
            assertThat(e).hasMessage(message);
            assertThat(e.source()).isEqualTo("slipway.yaml");
            assertThat(e.line()).isPositive();
        }

        static Stream<Arguments> moreMessages() {
            return Stream.of(
                Arguments.of("huge duration", "gitops:\n  push-timeout: 99999999999999999999s\n",
                        "slipway.yaml:2:17: gitops.push-timeout is '99999999999999999999s', too long a duration; use at most a few days"),
                Arguments.of("overflowing duration", "gitops:\n  push-timeout: 999999999999999999d\n",
                        "slipway.yaml:2:17: gitops.push-timeout is '999999999999999999d', too long a duration; use at most a few days"),
                Arguments.of("entry named by its index", "services:\n  - path: a\n  - path: b\n    paths: \"b/**\"\n",
                        "slipway.yaml:4:12: services[1].paths must be a list of path globs such as services/go-backend/**, not 'b/**'"),
                Arguments.of("unknown key in an entry", "environments:\n  - name: a\n    from: manual\n    promote: {}\n",
                        "slipway.yaml:4:5: unknown key 'promote' in environments[0]; did you mean promotion? (known keys: name, from, cluster, promotion)"),
                Arguments.of("registry secret", "registry:\n  password: x\n",
                        "slipway.yaml:2:3: unknown key 'password' in registry; secrets are never read from slipway.yaml: registry credentials come from the environment or docker's config.json (OCI), or the AWS credential chain (ECR) (known keys: backend, url, credentials, region, endpoint, retag, require-image)"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("moreMessages")
        @DisplayName("entries are named by their index; durations and secrets")
        void moreMessage(String what, String yaml, String message) {
            assertThat(error(yaml)).hasMessage(message);
        }

        @Test
        @DisplayName("a secret in registry or cd is refused without echoing it")
        void secrets() {
            InvalidConfigurationException e = error("cd:\n  server: a\n  auth-token: s3cr3t-value\n");
            assertThat(e).hasMessage("slipway.yaml:3:3: unknown key 'auth-token' in cd; secrets are never read from"
                    + " slipway.yaml: the Argo CD token comes from the ARGOCD_AUTH_TOKEN environment variable (known keys: backend, server, plaintext, insecure,"
                    + " project, app-namespace)");
            assertThat(e.getMessage()).doesNotContain("s3cr3t-value");
            InvalidConfigurationException url = error("registry:\n  url: https://bob:hunter2@ghcr.io\n");
            assertThat(url.getMessage()).contains("must not carry credentials").doesNotContain("hunter2");
            assertThat(url.input()).doesNotContain("hunter2");
            InvalidConfigurationException pasted = error("registry:\n  credentials: ghp_S3cretToken123\n");
            assertThat(pasted).hasMessage("slipway.yaml:2:16: registry.credentials names a credentials source, such as env,"
                    + " docker-config, anonymous or ecr; this value is not one (not shown: it may be a secret, and secrets"
                    + " never go in slipway.yaml)");
            assertThat(pasted.input()).isEqualTo("(hidden)");
        }

        @Test
        @DisplayName("registry.url is an origin; registry.credentials a source name, handed to the backend in its settings")
        void registrySettings() {
            assertThat(error("registry:\n  url: https://ghcr.io/v2/acme\n")).hasMessage("slipway.yaml:2:8: registry.url is"
                    + " 'https://ghcr.io/v2/acme'; give the registry's origin only, such as https://ghcr.io (the API lives at"
                    + " /v2/, and the repository is each service's image)");
            SlipwayConfig c = parse("registry:\n  backend: registry-oci\n  url: http://127.0.0.1:5000/\n  credentials: ecr\n");
            assertThat(c.registry().settings()).isEqualTo(dev.slipway.spi.RegistrySettings.NONE
                    .withUrl(URI.create("http://127.0.0.1:5000/")).withCredentials("ecr"));
        }

        @Test
        @DisplayName("a YAML bomb (aliases expanding exponentially) is refused")
        void yamlBomb() {
            String bomb = """
                    a: &a ["x","x","x","x","x","x","x","x","x"]
                    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                    f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                    """;
            assertThat(error(bomb)).hasMessageStartingWith("slipway.yaml: invalid YAML: ")
                    .hasMessageContaining("a YAML bomb is refused");
        }

        @Test
        @DisplayName("aliases that expand to many nodes within the alias limit are still refused")
        void manyNodes() {
            StringBuilder sb = new StringBuilder("changes:\n  global: &g [");
            for (int i = 0; i < 2000; i++) {
                sb.append(i == 0 ? "" : ",").append("\"a").append(i).append("/**\"");
            }
            sb.append("]\ngitops:\n  files: *g\nservices:\n");
            for (int i = 0; i < 15; i++) {
                sb.append("  - path: s").append(i).append("\n    paths: *g\n");
            }
            assertThat(error(sb.toString())).hasMessageContaining("expands to more than 20000 nodes")
                    .hasMessageContaining("a YAML bomb is refused");
        }

        @Test
        @DisplayName("invalid YAML gives the position and a hint to quote braces")
        void invalidYaml() {
            assertThat(error("versioning:\n  tag: {service}@{version}\n"))
                    .hasMessageStartingWith("slipway.yaml:2:17: invalid YAML: ")
                    .hasMessageEndingWith("quote values that start with '{', '[', '*', '&' or '@')");
        }
    }
}
