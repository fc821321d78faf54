package dev.slipway.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.slipway.api.InvalidConfigurationException;
import dev.slipway.core.internal.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Keeps {@code slipway.schema.json} in step with {@link ConfigLoader}: the same keys per section, the same
 * defaults, the same rule names, and the same verdict on a set of valid and invalid files.
 *
 * <p>YAML is read into JSON nodes as an editor's YAML language server reads it: YAML 1.2 with the core
 * schema (SnakeYAML Engine's {@link CoreSchema}), so {@code yes} is a string and {@code True} a boolean.
 * Jackson's YAML module is not used for this: it follows YAML 1.1, where {@code yes} and {@code on} are
 * booleans and {@code 010} is octal, which neither the loader nor the editors do.
 */
class ConfigSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RULES_POINTER = "/properties/environments/items/properties/promotion/properties/rules";

    /** Where each section of {@link ConfigLoader#KEYS} is described in the schema. */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("", ""),
            Map.entry("versioning", "/properties/versioning"),
            Map.entry("services", "/properties/services/items"),
            Map.entry("environments", "/properties/environments/items"),
            Map.entry("promotion", "/properties/environments/items/properties/promotion"),
            Map.entry("windows", "/properties/environments/items/properties/promotion/properties/windows/items"),
            Map.entry("changes", "/properties/changes"),
            Map.entry("changelog", "/properties/changelog"),
            Map.entry("gitops", "/properties/gitops"),
            Map.entry("registry", "/properties/registry"),
            Map.entry("cd", "/properties/cd"));

    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schemaNode = JSON.readTree(SlipwayConfig.jsonSchema());
        schema = factory().getSchema(schemaNode, config());
    }

    /** A draft 2020-12 factory that may read only its bundled meta-schemas, never the network. */
    private static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    }

    private static SchemaValidatorsConfig config() {
        // JDK regular expressions (the default); the patterns are written to mean the same in ECMA 262
        return SchemaValidatorsConfig.builder().build();
    }

    // ---------------------------------------------------------------- the file itself

    @Test
    @DisplayName("jsonSchema() returns the resource shipped next to SlipwayConfig, as UTF-8")
    void jsonSchemaIsTheResource() throws IOException {
        try (InputStream in = SlipwayConfig.class.getResourceAsStream("slipway.schema.json")) {
            assertThat(in).isNotNull();
            assertThat(SlipwayConfig.jsonSchema()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("the schema declares draft 2020-12, its $id, a title and a description, and describes a mapping")
    void schemaIdentity() {
        assertThat(schemaNode.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaNode.path("$id").asText()).isEqualTo("https://slipway.dev/schema/slipway.schema.json");
        assertThat(schemaNode.path("title").asText()).isEqualTo(SlipwayConfig.FILE_NAME);
        assertThat(schemaNode.path("description").asText()).isNotBlank();
        assertThat(schemaNode.path("type").asText()).isEqualTo("object");
    }

    @Test
    @DisplayName("the schema is valid against the draft 2020-12 meta-schema (bundled, read offline)")
    void schemaIsValidAgainstTheMetaSchema() {
        JsonSchema meta = factory().getSchema(SchemaLocation.of(SchemaId.V202012), config());
        assertThat(meta.validate(schemaNode)).isEmpty();
    }

    @Test
    @DisplayName("a schema with a wrong keyword value fails the meta-schema check (the check is not vacuous)")
    void metaSchemaCheckCatchesErrors() {
        ObjectNode broken = schemaNode.deepCopy();
        ((ObjectNode) broken.at("/properties/versioning")).put("additionalProperties", "no");
        JsonSchema meta = factory().getSchema(SchemaLocation.of(SchemaId.V202012), config());
        assertThat(meta.validate(broken)).isNotEmpty();
    }

    // ---------------------------------------------------------------- keys

    @Test
    @DisplayName("every section of the loader has exactly its known keys in the schema, in the same order")
    void keysMatchTheLoader() {
        assertThat(SECTIONS.keySet()).as("sections mapped to the schema; map a new section of ConfigLoader.KEYS")
                .containsExactlyInAnyOrderElementsOf(ConfigLoader.KEYS.keySet());
        for (Map.Entry<String, List<String>> e : ConfigLoader.KEYS.entrySet()) {
            JsonNode section = at(SECTIONS.get(e.getKey()));
            List<String> names = new ArrayList<>();
            section.path("properties").properties().forEach(p -> names.add(p.getKey()));
            assertThat(names).as("the keys of section '%s'", e.getKey()).containsExactlyElementsOf(e.getValue());
        }
    }

    @Test
    @DisplayName("every mapping the schema describes with fixed keys is a section of the loader")
    void noSchemaObjectWithoutALoaderSection() {
        Set<String> objects = new TreeSet<>();
        walk(schemaNode, "", (pointer, node) -> {
            if (node.has("properties")) {
                objects.add(pointer);
            }
        });
        assertThat(objects).containsExactlyInAnyOrderElementsOf(SECTIONS.values());
    }

    @Test
    @DisplayName("every mapping with fixed keys refuses unknown keys")
    void unknownKeysAreRefusedEverywhere() {
        walk(schemaNode, "", (pointer, node) -> {
            if (node.has("properties")) {
                assertThat(node.get("additionalProperties")).as(pointer + "/additionalProperties").isNotNull();
                assertThat(node.get("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean())
                        .as(pointer + " has additionalProperties: false").isTrue();
            }
        });
    }

    @Test
    @DisplayName("every key has a description and a type")
    void everyKeyIsDescribedAndTyped() {
        walk(schemaNode, "", (pointer, node) -> {
            if (!pointer.matches(".*/properties/[^/]+")) {
                return;
            }
            assertThat(node.path("description").asText()).as(pointer + "/description").isNotBlank();
            JsonNode typed = node.has("$ref") ? at(node.get("$ref").asText().substring(1)) : node;
            assertThat(typed.has("type")).as(pointer + " has a type").isTrue();
        });
    }

    @Test
    @DisplayName("the required keys are the ones the loader requires")
    void requiredKeys() {
        assertThat(texts(at(SECTIONS.get("services")).path("required"))).containsExactly("path");
        assertThat(texts(at(SECTIONS.get("environments")).path("required"))).containsExactly("name", "from");
        assertThat(texts(at(SECTIONS.get("promotion")).path("required"))).containsExactly("from");
        assertThat(texts(at(SECTIONS.get("windows")).path("required"))).containsExactly("kind");
        for (String section : List.of("", "versioning", "changes", "changelog", "gitops", "registry", "cd")) {
            assertThat(at(SECTIONS.get(section)).has("required")).as("section '%s' requires nothing", section).isFalse();
        }
    }

    // ---------------------------------------------------------------- defaults and rules

    @Test
    @DisplayName("the schema's defaults are the embedded defaults, and every embedded default is in the schema")
    void defaultsAreTheEmbeddedDefaults() {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (Map.Entry<String, Object> section : SlipwayConfig.defaults().toTree().entrySet()) {
            if (section.getValue() instanceof Map<?, ?> keys) {
                for (Map.Entry<?, ?> key : keys.entrySet()) {
                    expected.put("/properties/" + section.getKey() + "/properties/" + key.getKey(),
                            JSON.valueToTree(key.getValue()));
                }
            } else {
                expected.put("/properties/" + section.getKey(), JSON.valueToTree(section.getValue()));
            }
        }
        // a promotion written without rules has none (the loader's default for that key)
        expected.put(RULES_POINTER, JSON.createArrayNode());
        // a promotion written without ignore globs ignores the release bookkeeping
        expected.put(RULES_POINTER.replace("/rules", "/ignore"), JSON.valueToTree(Promotion.DEFAULT_IGNORE));

        Map<String, JsonNode> actual = new LinkedHashMap<>();
        walk(schemaNode, "", (pointer, node) -> {
            if (node.has("default")) {
                actual.put(pointer, node.get("default"));
            }
        });
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    @DisplayName("a promotion without rules has no rules, as the schema's default says")
    void promotionRulesDefault() {
        SlipwayConfig c = SlipwayConfig.parse("""
                environments:
                  - name: staging
                    from: branch main
                  - name: production
                    from: release-tag
                    promotion: { from: staging }
                """, "test");
        assertThat(c.environment("production").orElseThrow().promotion().orElseThrow().rules()).isEmpty();
        assertThat(at(RULES_POINTER).get("default")).isEqualTo(JSON.createArrayNode());
    }

    @Test
    @DisplayName("the promotion rules are exactly Promotion.RULES")
    void rulesAreThePromotionRules() {
        assertThat(texts(at(RULES_POINTER + "/items/enum"))).containsExactlyElementsOf(Promotion.RULES);
    }

    // ---------------------------------------------------------------- verdicts

    static Stream<Arguments> valid() {
        String design = resource("design-example.yaml");
        return Stream.of(
                Arguments.of("the full example of DESIGN.md", design),
                Arguments.of("the DESIGN.md example written back by toYaml()", SlipwayConfig.parse(design, "design").toYaml()),
                Arguments.of("the embedded default written by toYaml()", SlipwayConfig.defaults().toYaml()),
                Arguments.of("an empty mapping", "{}\n"),
                Arguments.of("a minimal configuration", """
                        services:
                          - path: services/web
                        """),
                Arguments.of("a per-service tag override", """
                        versioning:
                          tag: "{service}/v{version}"
                        services:
                          - path: services/web
                          - path: packages/kit
                            tag: "@sveltejs/kit@{version}"
                          - path: packages/cli
                            tag: "cli-{version}"
                        """),
                Arguments.of("sections left empty", """
                        versioning:
                        changes:
                        changelog:
                        gitops:
                        registry:
                        cd:
                        """),
                Arguments.of("custom versioning", """
                        versioning:
                          tag: "{version}@{service}"
                          prerelease: "dev{count:06}x{sha:12}"
                          initial: 1.0.0
                          bump-minor-pre-major: true
                          bump-patch-for-minor-pre-major: true
                        """),
                Arguments.of("three environments, a manual one and a soak", """
                        environments:
                          - name: dev-1
                            from: branch release/1.x
                            cluster: dev
                          - name: qa
                            from: manual
                          - name: prod
                            from: release-tag
                            promotion:
                              from: qa
                              rules: [soak, approvals, freeze, healthy-in-source]
                              soak: 1h30m
                        services:
                          - path: services/api
                            paths: ["services/api/**", "!services/api/docs/**", "libs/{a,b}/[a-z]*.go"]
                            image: registry.example.com:5000/team/api
                            cd: { dev-1: api-dev, prod: api }
                        """),
                Arguments.of("approvals, deny and allow windows, ignore globs", """
                        environments:
                          - name: staging
                            from: branch main
                          - name: production
                            from: release-tag
                            promotion:
                              from: staging
                              rules: [release-version, verified-in-source]
                              approvals: 2
                              ignore: ["**/CHANGELOG.md", ".slipway/versions.json", "**/*.md"]
                              windows:
                                - kind: deny
                                  schedule: "0 22 * * fri"
                                  duration: 2d12h
                                  reason: no weekend deploys
                                - kind: deny
                                  start: 2024-12-20
                                  end: "2025-01-02T08:00:00Z"
                                  time-zone: Europe/Berlin
                                - kind: allow
                                  schedule: "0 8 * * mon-fri"
                                  duration: 10h
                                  time-zone: America/New_York
                        """),
                Arguments.of("gitops with a render command", """
                        gitops:
                          marker: "deploy:{env}:{service}"
                          files: []
                          render: [make, "render-{env}", "--cluster={cluster}"]
                          render-dir: kubernetes/rendered
                          commit-message: "deploy {service}@{version} ({env})"
                          push-timeout: 90s
                        changes:
                          global: [".github/workflows/**", Makefile]
                        """),
                Arguments.of("ECR with an endpoint and Argo CD over a URL", """
                        registry:
                          backend: registry-ecr
                          region: eu-central-1
                          endpoint: http://127.0.0.1:4566
                          retag: true
                        cd:
                          backend: argocd
                          server: https://argocd.example.com/
                          insecure: true
                          project: platform
                          app-namespace: argocd
                        changelog:
                          repository-url: https://github.com/acme/platform/
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("a valid configuration passes both the schema and the loader")
    void validConfigurationsPassBoth(String name, String yaml) {
        assertThat(validate(yaml)).as("schema errors for: " + name).isEmpty();
        assertThatCode(() -> SlipwayConfig.parse(yaml, name)).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // unknown keys
                Arguments.of("an unknown top-level key", "versionning: {}\n"),
                Arguments.of("a snake_case key", "gitops: { push_timeout: 5m }\n"),
                Arguments.of("an unknown key in a service", "services: [ { path: services/web, name: web } ]\n"),
                Arguments.of("an unknown key in a promotion", """
                        environments:
                          - name: staging
                            from: branch main
                          - name: production
                            from: release-tag
                            promotion: { from: staging, wait: 5m }
                        """),
                Arguments.of("a token in cd", "cd: { backend: cd-argocd, token: abc }\n"),
                Arguments.of("a password in registry", "registry: { backend: registry-oci, password: hunter2 }\n"),
                // types
                Arguments.of("a section that is a list", "versioning: [tag]\n"),
                Arguments.of("a section that is text", "gitops: yes\n"),
                Arguments.of("a quoted boolean", "registry: { retag: \"false\" }\n"),
                Arguments.of("a non-boolean plaintext", "cd: { plaintext: yes }\n"),
                Arguments.of("a non-boolean bump flag", "versioning: { bump-minor-pre-major: 1 }\n"),
                Arguments.of("a list where text is expected", "environments: [ { name: [staging], from: manual } ]\n"),
                Arguments.of("a null where text is expected", "versioning: { initial: }\n"),
                Arguments.of("services[].cd that is a list", "services: [ { path: services/web, cd: [staging] } ]\n"),
                Arguments.of("a CD application that is a list",
                        "services: [ { path: services/web, cd: { staging: [a, b] } } ]\n"),
                // strings where lists are expected
                Arguments.of("services as text", "services: services/web\n"),
                Arguments.of("paths as text", "services: [ { path: services/web, paths: \"services/web/**\" } ]\n"),
                Arguments.of("render as one string", "gitops: { render: \"make render\" }\n"),
                Arguments.of("changes.global as text", "changes: { global: \".github/**\" }\n"),
                Arguments.of("rules as text", """
                        environments:
                          - name: a
                            from: branch main
                          - name: b
                            from: release-tag
                            promotion: { from: a, rules: release-version }
                        """),
                // empty lists
                Arguments.of("no services", "services: []\n"),
                Arguments.of("no environments", "environments: []\n"),
                Arguments.of("empty paths", "services: [ { path: services/web, paths: [] } ]\n"),
                Arguments.of("an empty render command", "gitops: { render: [] }\n"),
                // required keys
                Arguments.of("a service without a path", "services: [ { paths: [\"services/web/**\"] } ]\n"),
                Arguments.of("an environment without a name", "environments: [ { from: manual } ]\n"),
                Arguments.of("an environment without from", "environments: [ { name: staging } ]\n"),
                Arguments.of("a promotion without from", """
                        environments:
                          - name: a
                            from: branch main
                          - name: b
                            from: release-tag
                            promotion: { rules: [release-version] }
                        """),
                // environments
                Arguments.of("an upper-case environment name", "environments: [ { name: Staging, from: manual } ]\n"),
                Arguments.of("an environment name with '_'", "environments: [ { name: stag_ing, from: manual } ]\n"),
                Arguments.of("from a bare branch name", "environments: [ { name: staging, from: main } ]\n"),
                Arguments.of("from 'branch' without a name", "environments: [ { name: staging, from: branch } ]\n"),
                Arguments.of("from a branch with '..'", "environments: [ { name: staging, from: branch a..b } ]\n"),
                Arguments.of("from a branch ending in .lock", "environments: [ { name: staging, from: branch x.lock } ]\n"),
                Arguments.of("from a branch with ':'", "environments: [ { name: staging, from: \"branch a:b\" } ]\n"),
                Arguments.of("from 'tag'", "environments: [ { name: production, from: tag } ]\n"),
                // durations
                Arguments.of("a duration without a unit", "gitops: { push-timeout: 5 }\n"),
                Arguments.of("a duration in words", "gitops: { push-timeout: 5min }\n"),
                Arguments.of("a duration with a space", "gitops: { push-timeout: 1h 30m }\n"),
                Arguments.of("a zero duration", "gitops: { push-timeout: 0s }\n"),
                Arguments.of("a zero soak", """
                        environments:
                          - name: a
                            from: branch main
                          - name: b
                            from: release-tag
                            promotion: { from: a, soak: 0m0s }
                        """),
                // rules
                Arguments.of("an unknown rule", """
                        environments:
                          - name: a
                            from: branch main
                          - name: b
                            from: release-tag
                            promotion: { from: a, rules: [release-version, smoke-test] }
                        """),
                Arguments.of("a rule listed twice", """
                        environments:
                          - name: a
                            from: branch main
                          - name: b
                            from: release-tag
                            promotion: { from: a, rules: [soak, soak] }
                        """),
                // approvals and windows
                Arguments.of("zero approvals", promotion("approvals: 0")),
                Arguments.of("approvals as text", promotion("approvals: \"2\"")),
                Arguments.of("a window without a kind", promotion("windows: [ { schedule: \"@daily\", duration: 1h } ]")),
                Arguments.of("a window of an unknown kind",
                        promotion("windows: [ { kind: freeze, schedule: \"@daily\", duration: 1h } ]")),
                Arguments.of("a window with a schedule and no duration",
                        promotion("windows: [ { kind: deny, schedule: \"@daily\" } ]")),
                Arguments.of("a window with a start and no end", promotion("windows: [ { kind: deny, start: 2024-12-20 } ]")),
                Arguments.of("a window with both a schedule and dates", promotion(
                        "windows: [ { kind: deny, schedule: \"@daily\", duration: 1h, start: 2024-12-20, end: 2024-12-21 } ]")),
                Arguments.of("a window with an unknown key",
                        promotion("windows: [ { kind: deny, schedule: \"@daily\", duration: 1h, every: day } ]")),
                Arguments.of("windows as a mapping", promotion("windows: { kind: deny }")),
                // services
                Arguments.of("a service path with '..'", "services: [ { path: services/../web } ]\n"),
                Arguments.of("an absolute service path", "services: [ { path: /srv/web } ]\n"),
                Arguments.of("a service path with a trailing '/'", "services: [ { path: services/web/ } ]\n"),
                Arguments.of("paths that only exclude", "services: [ { path: services/web, paths: [\"!**/*.md\"] } ]\n"),
                Arguments.of("an absolute glob", "services: [ { path: services/web, paths: [\"/services/web/**\"] } ]\n"),
                Arguments.of("a glob with '!!'", "changes: { global: [\"!!x\"] }\n"),
                Arguments.of("a glob ending in '/'", "gitops: { files: [\"kubernetes/\"] }\n"),
                Arguments.of("an image with a tag", "services: [ { path: services/web, image: ghcr.io/acme/web:1.0 } ]\n"),
                Arguments.of("an image with a digest",
                        "services: [ { path: services/web, image: \"ghcr.io/acme/web@sha256:abc\" } ]\n"),
                Arguments.of("an upper-case image", "services: [ { path: services/web, image: ghcr.io/Acme/web } ]\n"),
                // versioning
                Arguments.of("a tag pattern without {version}", "versioning: { tag: \"{service}-release\" }\n"),
                Arguments.of("adjacent placeholders", "versioning: { tag: \"{service}{version}\" }\n"),
                Arguments.of("an unknown tag placeholder", "versioning: { tag: \"{name}@{version}\" }\n"),
                Arguments.of("a per-service tag without {version}", "services: [ { path: services/web, tag: web } ]\n"),
                Arguments.of("a prerelease with dots", "versioning: { prerelease: \"rc.{count:4}.g{sha:7}\" }\n"),
                Arguments.of("a prerelease of digits only", "versioning: { prerelease: \"{count:4}{sha:7}\" }\n"),
                Arguments.of("sha before count", "versioning: { prerelease: \"g{sha:7}-rc{count:4}\" }\n"),
                Arguments.of("a count too wide", "versioning: { prerelease: \"rc{count:19}-g{sha:7}\" }\n"),
                Arguments.of("a sha too short", "versioning: { prerelease: \"rc{count:4}-g{sha:3}\" }\n"),
                Arguments.of("an initial version with 'v'", "versioning: { initial: v1.0.0 }\n"),
                Arguments.of("a pre-release initial version", "versioning: { initial: 1.0.0-rc.1 }\n"),
                Arguments.of("an initial version with two parts", "versioning: { initial: \"1.0\" }\n"),
                // gitops
                Arguments.of("a marker without {service}", "gitops: { marker: \"{env}\" }\n"),
                Arguments.of("a marker with '#'", "gitops: { marker: \"{env}#{service}\" }\n"),
                Arguments.of("a marker with {version}", "gitops: { marker: \"{env}_{service}_{version}\" }\n"),
                Arguments.of("a blank commit message", "gitops: { commit-message: \"  \" }\n"),
                Arguments.of("an unknown commit-message placeholder", "gitops: { commit-message: \"deploy {app}\" }\n"),
                Arguments.of("an unbalanced commit message", "gitops: { commit-message: \"deploy {service\" }\n"),
                Arguments.of("a render argument with {service}", "gitops: { render: [make, \"{service}\"] }\n"),
                Arguments.of("an absolute render-dir", "gitops: { render-dir: /tmp/rendered }\n"),
                // registry, cd, changelog
                Arguments.of("a backend id with upper case", "registry: { backend: Registry-OCI }\n"),
                Arguments.of("a backend id with '_'", "cd: { backend: cd_argocd }\n"),
                Arguments.of("a region that is not an AWS region", "registry: { region: useast1 }\n"),
                Arguments.of("a registry url that is not http(s)", "registry: { url: \"ftp://ghcr.io\" }\n"),
                Arguments.of("an endpoint without a scheme", "registry: { endpoint: \"127.0.0.1:4566\" }\n"),
                Arguments.of("a repository url with credentials",
                        "changelog: { repository-url: \"https://user:pass@github.com/acme/platform\" }\n"),
                Arguments.of("a cd server with a space", "cd: { server: \"argocd example.com\" }\n"),
                Arguments.of("a cd server URL that is not http(s)", "cd: { server: \"grpc://argocd.example.com\" }\n"),
                Arguments.of("plaintext and insecure together", "cd: { plaintext: true, insecure: true }\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("an invalid configuration is refused by both the schema and the loader")
    void invalidConfigurationsFailBoth(String name, String yaml) {
        assertThat(validate(yaml)).as("schema errors for: " + name).isNotEmpty();
        assertThatThrownBy(() -> SlipwayConfig.parse(yaml, name)).isInstanceOf(InvalidConfigurationException.class);
    }

    /**
     * Where the schema cannot follow the loader, pinned so that a change on either side is noticed (and this
     * list shrinks rather than grows).
     */
    static Stream<Arguments> knownDifferences() {
        return Stream.of(
                // the loader takes any scalar as text; the schema asks editors for a string
                Arguments.of("a numeric environment name", "environments: [ { name: 1, from: manual } ]\n", false, true),
                Arguments.of("a numeric CD application", "services: [ { path: services/web, cd: { staging: 1 } } ]\n",
                        false, true),
                // cross references a schema cannot check
                Arguments.of("promotion from an unknown environment", """
                        environments:
                          - name: a
                            from: branch main
                          - name: b
                            from: release-tag
                            promotion: { from: c }
                        """, true, false),
                Arguments.of("a CD application for an unknown environment",
                        "services: [ { path: services/web, cd: { qa: web-qa } } ]\n", true, false),
                Arguments.of("an environment listed twice",
                        "environments: [ { name: a, from: manual }, { name: a, from: manual } ]\n", true, false),
                Arguments.of("an unbalanced glob", "changes: { global: [\"libs/{a,b\"] }\n", true, false),
                // values a schema can only call strings
                Arguments.of("an invalid cron schedule",
                        promotion("windows: [ { kind: deny, schedule: \"61 * * * *\", duration: 1h } ]"), true, false),
                Arguments.of("a cron schedule that never fires",
                        promotion("windows: [ { kind: deny, schedule: \"0 0 30 feb *\", duration: 1h } ]"), true, false),
                Arguments.of("an unknown time zone", promotion(
                        "windows: [ { kind: deny, schedule: \"@daily\", duration: 1h, time-zone: Mars/Olympus } ]"),
                        true, false),
                Arguments.of("a window that ends before it starts",
                        promotion("windows: [ { kind: deny, start: 2025-01-02, end: 2024-12-20 } ]"), true, false),
                Arguments.of("an invalid date", promotion("windows: [ { kind: deny, start: 2024-13-01, end: 2025-01-01 } ]"),
                        true, false),
                // a rule that needs a setting
                Arguments.of("the soak rule without a soak", promotion("rules: [soak]"), true, false));
    }

    /** Two environments, the second promoted from the first with the given extra promotion keys. */
    static String promotion(String keys) {
        return """
                environments:
                  - name: a
                    from: branch main
                  - name: b
                    from: release-tag
                    promotion: { from: a, %s }
                """.formatted(keys);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownDifferences")
    @DisplayName("the known differences between the schema and the loader stay as documented")
    void knownDifferences(String name, String yaml, boolean schemaAccepts, boolean loaderAccepts) {
        assertThat(validate(yaml).isEmpty()).as("the schema accepts: " + name).isEqualTo(schemaAccepts);
        boolean loaded;
        try {
            SlipwayConfig.parse(yaml, name);
            loaded = true;
        } catch (InvalidConfigurationException e) {
            loaded = false;
        }
        assertThat(loaded).as("the loader accepts: " + name).isEqualTo(loaderAccepts);
    }

    // ---------------------------------------------------------------- helpers

    private static Set<ValidationMessage> validate(String yaml) {
        Object data = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
        return schema.validate(JSON.valueToTree(data));
    }

    private static JsonNode at(String pointer) {
        JsonNode node = schemaNode.at(pointer);
        assertThat(node.isMissingNode()).as("the schema has " + pointer).isFalse();
        return node;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Visits every schema that describes a part of the file: the root, each property, array items, map values
     * and the shared definitions; not the applicators ({@code not}, {@code contains}) nor the values of
     * {@code default} and {@code examples}.
     */
    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        visitor.accept(pointer, node);
        for (String container : List.of("properties", "$defs")) {
            JsonNode children = node.path(container);
            for (Map.Entry<String, JsonNode> child : children.properties()) {
                walk(child.getValue(), pointer + "/" + container + "/" + child.getKey(), visitor);
            }
        }
        for (String single : List.of("items", "additionalProperties")) {
            if (node.path(single).isObject()) {
                walk(node.get(single), pointer + "/" + single, visitor);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = ConfigSchemaTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
