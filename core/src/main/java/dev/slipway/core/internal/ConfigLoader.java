package dev.slipway.core.internal;

import dev.slipway.api.InvalidConfigurationException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import dev.slipway.api.BranchName;
import dev.slipway.core.config.CdConfig;
import dev.slipway.core.config.Changelog;
import dev.slipway.core.config.Changes;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.EnvironmentSource;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.config.Promotion;
import dev.slipway.core.config.PromotionWindow;
import dev.slipway.core.config.RegistryConfig;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.config.Versioning;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads {@code slipway.yaml} into {@link SlipwayConfig}: SnakeYAML Engine's composer gives nodes with
 * positions; every key and value is checked here, and every error names the source, line, column and fix.
 */
public final class ConfigLoader {

    /** The largest configuration file accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;

    /** How many nodes a configuration may visit, counting each alias expansion again. */
    static final int MAX_NODES = 20_000;

    static final int MAX_DEPTH = 32;

    /** The known keys of each section, in the order the file documents them. */
    public static final Map<String, List<String>> KEYS = keys();

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern BACKEND_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern IMAGE = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\\d+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final List<String> SECRET_WORDS = List.of("token", "password", "secret", "access-key",
            "secret-key", "credentials", "auth", "api-key", "username");

    private final String source;
    private int nodes;

    private ConfigLoader(String source) {
        this.source = source;
    }

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("", List.of("versioning", "services", "environments", "changes", "changelog", "gitops", "registry", "cd"));
        k.put("versioning", List.of("tag", "prerelease", "initial", "bump-minor-pre-major", "bump-patch-for-minor-pre-major"));
        k.put("services", List.of("path", "paths", "image", "cd", "tag"));
        k.put("environments", List.of("name", "from", "cluster", "promotion"));
        k.put("promotion", List.of("from", "rules", "soak", "approvals", "windows", "ignore"));
        k.put("windows", List.of("kind", "schedule", "duration", "start", "end", "time-zone", "reason"));
        k.put("changes", List.of("global"));
        k.put("changelog", List.of("repository-url"));
        k.put("gitops", List.of("marker", "files", "render", "render-dir", "commit-message", "push-timeout"));
        k.put("registry", List.of("backend", "url", "credentials", "region", "endpoint", "retag", "require-image"));
        k.put("cd", List.of("backend", "server", "plaintext", "insecure", "project", "app-namespace"));
        return java.util.Collections.unmodifiableMap(k);
    }

    /**
     * The embedded default configuration.
     *
     * @return the default
     */
    public static SlipwayConfig defaults() {
        return new SlipwayConfig(Versioning.DEFAULT, Optional.empty(),
                defaultEnvironments(RegistryConfig.DEFAULT, CdConfig.DEFAULT), Changes.DEFAULT, Changelog.DEFAULT,
                GitOps.DEFAULT, RegistryConfig.DEFAULT, CdConfig.DEFAULT);
    }

    /**
     * The default environments: staging fed by main, production fed by release tags and promoted from
     * staging; {@code healthy-in-source} joins the rules when a CD backend is named, {@code image-exists}
     * when a registry backend is.
     */
    static List<EnvironmentConfig> defaultEnvironments(RegistryConfig registry, CdConfig cd) {
        List<String> rules = new ArrayList<>(List.of("release-version", "verified-in-source", "no-downgrade"));
        if (cd.backend().isPresent()) {
            rules.add("healthy-in-source");
        }
        if (registry.backend().isPresent()) {
            rules.add("image-exists");
        }
        return List.of(
                new EnvironmentConfig("staging", EnvironmentSource.branch("main"), Optional.empty(), Optional.empty()),
                new EnvironmentConfig("production", EnvironmentSource.releaseTag(), Optional.empty(),
                        Optional.of(new Promotion("staging", rules, Optional.empty()))));
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @return the configuration
     */
    public static SlipwayConfig load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidConfigurationException(name, 0, 0, name, "the file is " + size
                        + " bytes, more than the " + MAX_BYTES + " a configuration may have; is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigurationException(name, 0, 0, name,
                    "the configuration file does not exist; check the path given with --config");
        } catch (IOException e) {
            throw new InvalidConfigurationException(name, 0, 0, name,
                    "cannot read the configuration file (" + e.getMessage() + "); check its permissions");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidConfigurationException(name, 0, 0, name, "the file is not UTF-8 text; save it as UTF-8");
        }
        return parse(text, name);
    }

    /**
     * Parses configuration text.
     *
     * @param yaml the text
     * @param source the name errors give
     * @return the configuration
     */
    public static SlipwayConfig parse(String yaml, String source) {
        return new ConfigLoader(source).read(yaml);
    }

    private SlipwayConfig read(String yaml) {
        int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw error(null, source, "the configuration is " + bytes + " bytes long, more than "
                    + MAX_BYTES + "; is it the right file?");
        }
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        List<Node> documents = compose(text);
        if (documents.size() > 1) {
            throw error(documents.get(1), "---", "the file holds " + documents.size()
                    + " YAML documents; a configuration is one document (remove the extra '---')");
        }
        if (documents.isEmpty() || isNull(documents.get(0))) {
            return defaults();
        }
        Section root = section(documents.get(0), "", "", "a mapping of sections (versioning, services, ...)");
        Versioning versioning = root.has("versioning") ? versioning(root.section("versioning")) : Versioning.DEFAULT;
        Changes changes = root.has("changes") ? changes(root.section("changes")) : Changes.DEFAULT;
        Changelog changelog = root.has("changelog") ? changelog(root.section("changelog")) : Changelog.DEFAULT;
        GitOps gitops = root.has("gitops") ? gitops(root.section("gitops")) : GitOps.DEFAULT;
        RegistryConfig registry = root.has("registry") ? registry(root.section("registry")) : RegistryConfig.DEFAULT;
        CdConfig cd = root.has("cd") ? cd(root.section("cd")) : CdConfig.DEFAULT;
        List<EnvironmentConfig> environments = root.has("environments")
                ? environments(root.node("environments")) : defaultEnvironments(registry, cd);
        Optional<List<ServiceConfig>> services = root.has("services")
                ? Optional.of(services(root.node("services"), versioning, environments)) : Optional.empty();
        return new SlipwayConfig(versioning, services, environments, changes, changelog, gitops, registry, cd);
    }

    private List<Node> compose(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(20)
                .setCodePointLimit(MAX_BYTES)
                .setParseComments(false)
                .setSchema(new CoreSchema())
                .build();
        List<Node> documents = new ArrayList<>();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            while (composer.hasNext()) {
                documents.add(composer.next());
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String hint = problem.contains("aliases") ? "; anchors and aliases may not expand into large documents"
                    : " (this is not valid YAML; check indentation and quote values that start with '{', '[', '*', '&' or '@')";
            throw new InvalidConfigurationException(source, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, source, "invalid YAML: " + problem + hint);
        } catch (YamlEngineException e) {
            String problem = e.getMessage();
            String hint = problem != null && problem.contains("aliases")
                    ? "; anchors and aliases may not expand into large documents (a YAML bomb is refused)" : "";
            throw new InvalidConfigurationException(source, 0, 0, source, "invalid YAML: " + problem + hint);
        }
        return documents;
    }

    // ---------------------------------------------------------------- sections

    private Versioning versioning(Section s) {
        Versioning d = Versioning.DEFAULT;
        TagPattern tag = s.has("tag") ? tagPattern(s, "tag") : d.tag();
        StagingScheme pre = d.prerelease();
        if (s.has("prerelease")) {
            String text = s.string("prerelease");
            try {
                pre = StagingScheme.parse(text);
            } catch (InvalidInputException e) {
                throw error(s.node("prerelease"), text, e.getMessage()
                        + "; the default is rc{count:4}-g{sha:7} (quote the value: \"rc{count:4}-g{sha:7}\")");
            }
        }
        Version initial = d.initial();
        if (s.has("initial")) {
            String text = s.string("initial");
            try {
                initial = Version.parse(text);
            } catch (InvalidInputException e) {
                throw error(s.node("initial"), text, e.getMessage());
            }
            if (initial.isPrerelease() || !initial.build().isEmpty()) {
                throw error(s.node("initial"), text, "versioning.initial must be a release X.Y.Z such as 0.1.0, not "
                        + text);
            }
        }
        boolean minor = s.has("bump-minor-pre-major") ? s.bool("bump-minor-pre-major") : d.bumpMinorPreMajor();
        boolean patch = s.has("bump-patch-for-minor-pre-major")
                ? s.bool("bump-patch-for-minor-pre-major") : d.bumpPatchForMinorPreMajor();
        return new Versioning(tag, pre, initial, minor, patch);
    }

    private TagPattern tagPattern(Section s, String key) {
        String text = s.string(key);
        try {
            return TagPattern.parse(text);
        } catch (InvalidInputException e) {
            throw error(s.node(key), text, e.getMessage() + "; the default is {service}@{version}"
                    + " (quote the value: \"{service}@{version}\")");
        }
    }

    private List<ServiceConfig> services(Node node, Versioning versioning, List<EnvironmentConfig> environments) {
        List<Node> items = sequence(node, "services", "a list of services, each with a path");
        if (items.isEmpty()) {
            throw error(node, "services", "services is an empty list; list at least one service, or remove the key"
                    + " to discover every directory services/*");
        }
        List<ServiceConfig> out = new ArrayList<>();
        Map<ServiceId, Node> seen = new HashMap<>();
        Map<String, ServiceId> literalTags = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Section s = section(item, "services", "services[" + i + "]", "a service (a mapping with at least 'path')");
            ServiceId path = serviceId(s, "path");
            Node previous = seen.putIfAbsent(path, s.node("path"));
            if (previous != null) {
                throw error(s.node("path"), path.path(), "the service " + path + " is listed twice (first at line "
                        + line(previous) + "); merge the two entries");
            }
            List<String> paths = s.has("paths") ? globs(s, "paths", false) : ServiceConfig.defaultPaths(path);
            if (s.has("paths") && paths.stream().noneMatch(p -> !p.startsWith("!"))) {
                throw error(s.node("paths"), "paths", "the paths of " + path + " only exclude ('!'); add at least one"
                        + " include such as " + path + "/**");
            }
            Optional<String> image = Optional.empty();
            if (s.has("image")) {
                String text = s.string("image");
                image = Optional.of(image(s.node("image"), text));
            }
            Map<String, String> cd = new LinkedHashMap<>();
            if (s.has("cd")) {
                Section apps = section(s.node("cd"), null, s.path("cd"), "a mapping from environment name to CD application");
                for (NodeTuple t : apps.tuples()) {
                    String env = apps.keyText(t);
                    if (environments.stream().noneMatch(e -> e.name().equals(env))) {
                        throw error(t.getKeyNode(), env, "the environment '" + env + "' is not configured; known: "
                                + names(environments));
                    }
                    cd.put(env, apps.string(env));
                }
            }
            Optional<TagPattern> tag = s.has("tag") ? Optional.of(tagPattern(s, "tag")) : Optional.empty();
            TagPattern effective = tag.orElse(versioning.tag());
            if (!effective.hasService()) {
                ServiceId other = literalTags.putIfAbsent(effective.pattern(), path);
                if (other != null) {
                    throw error(s.node(s.has("tag") ? "tag" : "path"), effective.pattern(), "the services " + other
                            + " and " + path + " would own the same release tags (" + effective.pattern()
                            + "); give each its own tag pattern");
                }
            }
            s.finish();
            out.add(new ServiceConfig(path, paths, image, cd, tag));
        }
        return out;
    }

    private String image(Node node, String text) {
        int lastSlash = text.lastIndexOf('/');
        int colon = text.indexOf(':', lastSlash + 1);
        if (text.contains("@") || colon >= 0) {
            throw error(node, text, "image names the repository only, without a tag or digest (Slipway computes the"
                    + " tag); write " + text.substring(0, text.contains("@") ? text.indexOf('@') : colon));
        }
        if (!IMAGE.matcher(text).matches()) {
            throw error(node, text, "'" + text + "' is not an image repository such as"
                    + " 123456789012.dkr.ecr.us-east-1.amazonaws.com/go-backend or ghcr.io/acme/web (lower case,"
                    + " components separated by '/')");
        }
        return text;
    }

    private List<EnvironmentConfig> environments(Node node) {
        List<Node> items = sequence(node, "environments", "a list of environments, each with a name and from");
        if (items.isEmpty()) {
            throw error(node, "environments", "environments is an empty list; list at least one environment, or"
                    + " remove the key for the default staging and production");
        }
        List<EnvironmentConfig> out = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        Map<String, Node> promotionFrom = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Section s = section(item, "environments", "environments[" + i + "]", "an environment (a mapping with name and from)");
            String name = s.string("name");
            if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                throw error(s.node("name"), name, "the environment name '" + name
                        + "' must match [a-z0-9-]+ (lower-case letters, digits, '-'), such as staging");
            }
            Node previous = seen.putIfAbsent(name, s.node("name"));
            if (previous != null) {
                throw error(s.node("name"), name, "the environment " + name + " is listed twice (first at line "
                        + line(previous) + ")");
            }
            EnvironmentSource from = source(s);
            Optional<String> cluster = s.has("cluster") ? Optional.of(s.string("cluster")) : Optional.empty();
            Optional<Promotion> promotion = Optional.empty();
            if (s.has("promotion")) {
                Section p = s.section("promotion");
                String sourceEnv = p.string("from");
                List<String> rules = p.has("rules") ? rules(p) : List.of();
                Optional<Duration> soak = p.has("soak") ? Optional.of(duration(p, "soak")) : Optional.empty();
                if (soak.isEmpty() && rules.contains("soak")) {
                    throw error(p.node("rules"), "soak", "the rule soak needs a duration: add soak: 30m (or how long"
                            + " the source must have run the code) to the promotion of " + name);
                }
                OptionalInt approvals = p.has("approvals") ? OptionalInt.of(count(p, "approvals", 1, 100))
                        : OptionalInt.empty();
                List<PromotionWindow> windows = p.has("windows") ? windows(p) : List.of();
                List<String> ignore = p.has("ignore") ? globs(p, "ignore", true) : Promotion.DEFAULT_IGNORE;
                p.finish();
                promotion = Optional.of(new Promotion(sourceEnv, rules, soak, approvals, windows, ignore));
                promotionFrom.put(name, p.node("from"));
            }
            s.finish();
            out.add(new EnvironmentConfig(name, from, cluster, promotion));
        }
        for (EnvironmentConfig env : out) {
            if (env.promotion().isEmpty()) {
                continue;
            }
            String from = env.promotion().get().from();
            Node at = promotionFrom.get(env.name());
            if (from.equals(env.name())) {
                throw error(at, from, "the environment " + env.name() + " cannot be promoted from itself");
            }
            if (!seen.containsKey(from)) {
                throw error(at, from, "promotion.from names the environment '" + from + "', which is not configured;"
                        + " known: " + String.join(", ", seen.keySet()));
            }
            // follow the chain: a cycle would make every promotion wait for itself
            List<String> chain = new ArrayList<>(List.of(env.name()));
            String cursor = from;
            while (cursor != null) {
                if (chain.contains(cursor)) {
                    chain.add(cursor);
                    throw error(at, from, "promotions form a cycle (" + String.join(" <- ", chain)
                            + "); the first environment must not be promoted from another");
                }
                chain.add(cursor);
                String c = cursor;
                cursor = out.stream().filter(e -> e.name().equals(c)).findFirst()
                        .flatMap(EnvironmentConfig::promotion).map(Promotion::from).orElse(null);
            }
        }
        return out;
    }

    private EnvironmentSource source(Section s) {
        String text = s.string("from").trim();
        if (text.equals("release-tag")) {
            return EnvironmentSource.releaseTag();
        }
        if (text.equals("manual")) {
            return EnvironmentSource.manual();
        }
        if (text.startsWith("branch ") || text.equals("branch")) {
            String branch = text.substring("branch".length()).trim();
            if (branch.isEmpty()) {
                throw error(s.node("from"), text, "'" + text + "' names no branch; write for example: from: branch main");
            }
            try {
                return EnvironmentSource.branch(BranchName.of(branch).name());
            } catch (InvalidInputException e) {
                throw error(s.node("from"), text, e.getMessage());
            }
        }
        throw error(s.node("from"), text, "from is '" + text
                + "'; expected 'branch <name>' (such as branch main), 'release-tag' or 'manual'");
    }

    private List<String> rules(Section p) {
        List<String> rules = new ArrayList<>();
        for (Node n : sequence(p.node("rules"), "promotion.rules", "a list of rule names")) {
            String rule = scalar(n, "promotion.rules", "a rule name");
            if (!Promotion.RULES.contains(rule)) {
                throw error(n, rule, "unknown promotion rule '" + rule + "'" + suggestion(rule, Promotion.RULES)
                        + "; known rules: " + String.join(", ", Promotion.RULES));
            }
            if (rules.contains(rule)) {
                throw error(n, rule, "the rule " + rule + " is listed twice");
            }
            rules.add(rule);
        }
        return rules;
    }

    private List<PromotionWindow> windows(Section p) {
        List<PromotionWindow> out = new ArrayList<>();
        List<Node> items = sequence(p.node("windows"), p.path("windows"), "a list of windows, each with a kind");
        for (int i = 0; i < items.size(); i++) {
            Section w = section(items.get(i), "windows", p.path("windows") + "[" + i + "]",
                    "a window (a mapping with kind, and schedule and duration, or start and end)");
            String kindText = w.string("kind");
            PromotionWindow.Kind kind = switch (kindText) {
                case "allow" -> PromotionWindow.Kind.ALLOW;
                case "deny" -> PromotionWindow.Kind.DENY;
                default -> throw error(w.node("kind"), kindText, w.path("kind") + " is '" + kindText
                        + "'; expected allow or deny");
            };
            ZoneId zone = PromotionWindow.UTC;
            if (w.has("time-zone")) {
                String z = w.string("time-zone");
                try {
                    zone = ZoneId.of(z);
                } catch (DateTimeException e) {
                    throw error(w.node("time-zone"), z, w.path("time-zone") + " is '" + z
                            + "'; expected a time zone such as UTC, Europe/Berlin or America/New_York");
                }
            }
            boolean recurring = w.has("schedule") || w.has("duration");
            boolean range = w.has("start") || w.has("end");
            if (recurring == range) {
                throw error(items.get(i), "window", (recurring ? "a window has either schedule and duration or"
                        + " start and end, not both" : "a window needs schedule and duration (a cron schedule such as"
                        + " '0 22 * * fri' and how long it stays open) or start and end (dates such as 2024-12-20)")
                        + " (" + p.path("windows") + "[" + i + "])");
            }
            Optional<String> schedule = Optional.empty();
            Optional<Duration> length = Optional.empty();
            Optional<java.time.Instant> start = Optional.empty();
            Optional<java.time.Instant> end = Optional.empty();
            if (recurring) {
                String cron = w.string("schedule");
                try {
                    Cron.parse(cron);
                } catch (InvalidInputException e) {
                    throw error(w.node("schedule"), cron, e.getMessage());
                }
                schedule = Optional.of(cron);
                length = Optional.of(duration(w, "duration"));
            } else {
                start = Optional.of(instant(w, "start", zone, false));
                end = Optional.of(instant(w, "end", zone, true));
                if (!start.get().isBefore(end.get())) {
                    throw error(w.node("end"), w.string("end"), w.path("end") + " must come after start ("
                            + w.string("start") + ")");
                }
            }
            Optional<String> reason = w.has("reason") ? Optional.of(w.string("reason")) : Optional.empty();
            w.finish();
            out.add(new PromotionWindow(kind, schedule, length, start, end, zone, reason));
        }
        return out;
    }

    /** A date (the day's first instant, or for an end the next day's), a local date-time, or one with an offset. */
    private java.time.Instant instant(Section s, String key, ZoneId zone, boolean endOfDay) {
        String text = s.string(key);
        try {
            if (text.length() == 10) {
                java.time.LocalDate date = java.time.LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw error(s.node(key), text, s.path(key) + " is '" + text + "'; expected a date such as 2024-12-20 or a"
                    + " date-time such as 2024-12-20T18:00 or 2024-12-20T18:00:00Z");
        }
    }

    private int count(Section s, String key, int min, int max) {
        Node n = s.node(key);
        if (n instanceof ScalarNode sc && sc.getScalarStyle() == ScalarStyle.PLAIN && Tag.INT.equals(sc.getTag())) {
            try {
                int v = Integer.parseInt(sc.getValue());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(n, describe(n), s.path(key) + " must be a whole number from " + min + " to " + max + ", not "
                + describe(n));
    }

    private Changes changes(Section s) {
        List<String> global = s.has("global") ? globs(s, "global", true) : List.of();
        s.finish();
        return new Changes(global);
    }

    private Changelog changelog(Section s) {
        Optional<URI> url = Optional.empty();
        if (s.has("repository-url")) {
            url = Optional.of(httpUrl(s, "repository-url", "https://github.com/acme/platform"));
            String text = url.get().toString();
            if (text.endsWith("/")) {
                url = Optional.of(URI.create(text.replaceAll("/+$", "")));
            }
        }
        s.finish();
        return new Changelog(url);
    }

    private GitOps gitops(Section s) {
        GitOps d = GitOps.DEFAULT;
        String marker = d.marker();
        if (s.has("marker")) {
            marker = template(s, "marker", List.of("env", "service"), List.of("env", "service"));
            if (marker.contains("#")) {
                throw error(s.node("marker"), marker, "the marker must not contain '#'; it is the text after '# '");
            }
        }
        List<String> files = s.has("files") ? globs(s, "files", true) : d.files();
        List<String> render = d.render();
        if (s.has("render")) {
            Node n = s.node("render");
            if (n instanceof ScalarNode sc && !isNull(n)) {
                throw error(n, sc.getValue(), "render is a command as a list of arguments, such as [\"mise\", \"run\","
                        + " \"//kubernetes/src/services:render-all\", \"{cluster}\"]; a single string is not split");
            }
            render = new ArrayList<>();
            for (Node arg : sequence(n, "gitops.render", "a command as a list of arguments")) {
                String text = scalar(arg, "gitops.render", "an argument");
                checkPlaceholders(arg, text, List.of("cluster", "env"), List.of());
                render.add(text);
            }
            if (render.isEmpty()) {
                throw error(n, "render", "render is an empty command; remove the key or give the command's arguments");
            }
        }
        Optional<String> renderDir = Optional.empty();
        if (s.has("render-dir")) {
            String dir = s.string("render-dir");
            try {
                renderDir = Optional.of(ServiceId.of(dir).path());
            } catch (InvalidInputException e) {
                throw error(s.node("render-dir"), dir, "render-dir must be a repo-relative directory such as"
                        + " kubernetes/rendered: " + e.getMessage().replaceFirst("^invalid service path \"[^\"]*\": ", ""));
            }
        }
        String message = s.has("commit-message")
                ? template(s, "commit-message", List.of("service", "version", "env"), List.of()) : d.commitMessage();
        if (message.isBlank()) {
            throw error(s.node("commit-message"), message, "commit-message is blank; give a template such as"
                    + " \"chore(deploy): {service} {version} to {env}\"");
        }
        Duration timeout = s.has("push-timeout") ? duration(s, "push-timeout") : d.pushTimeout();
        s.finish();
        return new GitOps(marker, files, render, renderDir, message, timeout);
    }

    private RegistryConfig registry(Section s) {
        Optional<String> backend = s.has("backend") ? Optional.of(backendId(s, "backend", "registry-oci")) : Optional.empty();
        Optional<URI> url = s.has("url") ? Optional.of(httpUrl(s, "url", "https://ghcr.io")) : Optional.empty();
        if (url.isPresent() && (url.get().getRawQuery() != null || url.get().getRawFragment() != null
                || !(url.get().getRawPath() == null || url.get().getRawPath().isEmpty() || url.get().getRawPath().equals("/")))) {
            throw error(s.node("url"), url.get().toString(), "registry.url is '" + url.get() + "'; give the registry's origin"
                    + " only, such as https://ghcr.io (the API lives at /v2/, and the repository is each service's image)");
        }
        Optional<String> credentials = Optional.empty();
        if (s.has("credentials")) {
            String name = s.string("credentials");
            if (!RegistryConfig.CREDENTIALS_NAME.matcher(name).matches()) {
                throw error(s.node("credentials"), "(hidden)", "registry.credentials names a credentials source, such as"
                        + " env, docker-config, anonymous or ecr; this value is not one (not shown: it may be a secret,"
                        + " and secrets never go in " + SlipwayConfig.FILE_NAME + ")");
            }
            credentials = Optional.of(name);
        }
        Optional<String> region = Optional.empty();
        if (s.has("region")) {
            String r = s.string("region");
            if (!AWS_REGION.matcher(r).matches()) {
                throw error(s.node("region"), r, "'" + r + "' is not an AWS region such as us-east-1");
            }
            region = Optional.of(r);
        }
        Optional<URI> endpoint = s.has("endpoint")
                ? Optional.of(httpUrl(s, "endpoint", "http://127.0.0.1:4566")) : Optional.empty();
        boolean retag = s.has("retag") && s.bool("retag");
        boolean requireImage = !s.has("require-image") || s.bool("require-image");
        s.finish();
        return new RegistryConfig(backend, url, region, endpoint, retag, credentials, requireImage);
    }

    private CdConfig cd(Section s) {
        Optional<String> backend = Optional.empty();
        if (s.has("backend")) {
            String id = backendId(s, "backend", "cd-argocd");
            backend = Optional.of(id.equals("argocd") ? "cd-argocd" : id);
        }
        Optional<String> server = Optional.empty();
        if (s.has("server")) {
            String text = s.string("server");
            if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
                throw error(s.node("server"), text, "server must be host[:port] or a URL, such as argocd.example.com:443");
            }
            if (text.contains("://")) {
                httpUrl(s, "server", "https://argocd.example.com");
            }
            server = Optional.of(text);
        }
        boolean plaintext = s.has("plaintext") && s.bool("plaintext");
        boolean insecure = s.has("insecure") && s.bool("insecure");
        if (plaintext && insecure) {
            throw error(s.node("insecure"), "insecure", "plaintext and insecure exclude each other: plaintext uses no"
                    + " TLS, insecure uses TLS without verifying the certificate; keep one");
        }
        Optional<String> project = s.has("project") ? Optional.of(s.string("project")) : Optional.empty();
        Optional<String> ns = s.has("app-namespace") ? Optional.of(s.string("app-namespace")) : Optional.empty();
        s.finish();
        return new CdConfig(backend, server, plaintext, insecure, project, ns);
    }

    // ---------------------------------------------------------------- value readers

    private ServiceId serviceId(Section s, String key) {
        String text = s.string(key);
        try {
            return ServiceId.of(text);
        } catch (InvalidInputException e) {
            throw error(s.node(key), text, e.getMessage());
        }
    }

    private List<String> globs(Section s, String key, boolean allowEmpty) {
        Node n = s.node(key);
        List<String> out = new ArrayList<>();
        for (Node item : sequence(n, s.path(key), "a list of path globs such as services/go-backend/**")) {
            String text = scalar(item, s.path(key), "a path glob");
            String glob = text.startsWith("!") ? text.substring(1) : text;
            if (glob.startsWith("!")) {
                throw error(item, text, "'" + text + "' starts with '!!'; one '!' excludes");
            }
            String problem = Glob.problem(glob);
            if (problem != null) {
                throw error(item, text, "invalid glob '" + text + "': " + problem);
            }
            out.add(text);
        }
        if (out.isEmpty() && !allowEmpty) {
            throw error(n, key, s.path(key) + " is an empty list; give at least one glob or remove the key");
        }
        return out;
    }

    private String template(Section s, String key, List<String> allowed, List<String> required) {
        String text = s.string(key);
        checkPlaceholders(s.node(key), text, allowed, required);
        return text;
    }

    private void checkPlaceholders(Node node, String text, List<String> allowed, List<String> required) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (!allowed.contains(name)) {
                throw error(node, text, "unknown placeholder {" + name + "} in '" + text + "'; known: "
                        + String.join(", ", allowed.stream().map(a -> "{" + a + "}").toList()));
            }
            found.add(name);
        }
        String stripped = PLACEHOLDER.matcher(text).replaceAll("");
        if (stripped.contains("{") || stripped.contains("}")) {
            throw error(node, text, "unbalanced '{' or '}' in '" + text + "'");
        }
        for (String r : required) {
            if (!found.contains(r)) {
                throw error(node, text, "'" + text + "' lacks {" + r + "}; markers must tell environments and"
                        + " services apart, such as {env}_{service}");
            }
        }
    }

    private Duration duration(Section s, String key) {
        String text = s.string(key);
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (at < text.length() && m.find(at) && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                at = m.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(s.node(key), text, s.path(key) + " is '" + text + "', too long a duration; use at most a few days");
        }
        if (text.isEmpty() || at != text.length()) {
            throw error(s.node(key), text, s.path(key) + " is '" + text
                    + "'; expected a duration such as 30s, 5m, 1h30m or 2d (units ms, s, m, h, d)");
        }
        if (total.isZero()) {
            throw error(s.node(key), text, s.path(key) + " must be longer than zero");
        }
        return total;
    }

    private URI httpUrl(Section s, String key, String example) {
        String text = s.string(key);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                if (uri.getUserInfo() != null) {
                    throw error(s.node(key), "(a URL with credentials)", s.path(key) + " must not carry credentials"
                            + " (user:password@); they come from the environment, never from " + SlipwayConfig.FILE_NAME);
                }
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw error(s.node(key), text, s.path(key) + " is '" + text + "'; expected an http(s) URL such as " + example);
    }

    private String backendId(Section s, String key, String example) {
        String id = s.string(key);
        if (!BACKEND_ID.matcher(id).matches()) {
            throw error(s.node(key), id, s.path(key) + " is '" + id + "'; expected a backend id such as " + example);
        }
        return id;
    }

    // ---------------------------------------------------------------- node helpers

    private Section section(Node node, String keySet, String name, String expected) {
        count(node);
        if (!(node instanceof MappingNode m)) {
            throw error(node, describe(node), (name.isEmpty() ? "the configuration" : name) + " must be "
                    + expected + ", not " + describe(node));
        }
        Section s = new Section(keySet, name, m);
        s.checkKeys();
        return s;
    }

    private List<Node> sequence(Node node, String name, String expected) {
        count(node);
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, describe(node), name + " must be " + expected + ", not " + describe(node));
        }
        return seq.getValue();
    }

    private String scalar(Node node, String name, String expected) {
        count(node);
        if (node instanceof ScalarNode sc && !isNull(node)) {
            return sc.getValue();
        }
        String hint = "";
        if (node instanceof MappingNode && node.getStartMark().isPresent()) {
            hint = "; a value that starts with '{' must be quoted, such as \"{service}@{version}\"";
        }
        throw error(node, describe(node), name + " must be " + expected + ", not " + describe(node) + hint);
    }

    private void count(Node node) {
        if (++nodes > MAX_NODES) {
            throw error(node, source, "the configuration expands to more than " + MAX_NODES
                    + " nodes (anchors and aliases repeated many times?); a YAML bomb is refused");
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode sc && Tag.NULL.equals(sc.getTag())
                && sc.getScalarStyle() == ScalarStyle.PLAIN;
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing (no value)";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int column(Node node) {
        return node == null ? 0 : node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    private InvalidConfigurationException error(Node node, String input, String problem) {
        return new InvalidConfigurationException(source, line(node), column(node), input, problem);
    }

    private static String names(List<EnvironmentConfig> environments) {
        return String.join(", ", environments.stream().map(EnvironmentConfig::name).toList());
    }

    /** A "did you mean" for a misspelt or camel-cased key, or the empty string. */
    static String suggestion(String key, List<String> known) {
        String kebab = key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
        if (!kebab.equals(key) && known.contains(kebab)) {
            return "; keys are kebab-case: write " + kebab;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? "; did you mean " + best + "?" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A mapping of the file with its path for messages; keys are checked once, values on demand. */
    private final class Section {

        private final String keySet;
        private final String name;
        private final MappingNode node;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Section(String keySet, String name, MappingNode node) {
            this.keySet = keySet;
            this.name = name;
            this.node = node;
            if (depth(name) > MAX_DEPTH) {
                throw error(node, name, "the configuration nests too deep");
            }
        }

        private static int depth(String name) {
            return name.split("\\.").length;
        }

        String path(String key) {
            return name.isEmpty() ? key : name + "." + key;
        }

        List<NodeTuple> tuples() {
            return node.getValue();
        }

        String keyText(NodeTuple t) {
            Node k = t.getKeyNode();
            count(k);
            if (!(k instanceof ScalarNode sc) || isNull(k)) {
                throw error(k, describe(k), "keys of " + (name.isEmpty() ? "the configuration" : name)
                        + " must be plain names, not " + describe(k));
            }
            return sc.getValue();
        }

        /** Checks duplicates (always) and unknown keys (for sections with a fixed key set). */
        void checkKeys() {
            List<String> known = keySet == null ? null : KEYS.get(keySet);
            for (NodeTuple t : node.getValue()) {
                String key = keyText(t);
                NodeTuple previous = entries.putIfAbsent(key, t);
                if (previous != null) {
                    throw error(t.getKeyNode(), key, "the key '" + key + "' appears twice in "
                            + (name.isEmpty() ? "the configuration" : name) + " (first at line "
                            + line(previous.getKeyNode()) + "); keep one");
                }
                if (known != null && !known.contains(key)) {
                    throw error(t.getKeyNode(), key, unknownKey(key, known));
                }
            }
        }

        private String unknownKey(String key, List<String> known) {
            String where = name.isEmpty() ? "at the top level" : "in " + name;
            String secret = SECRET_WORDS.stream().anyMatch(w -> key.toLowerCase(Locale.ROOT).contains(w))
                    ? "; secrets are never read from " + SlipwayConfig.FILE_NAME + ": " + credentialSource() : "";
            return "unknown key '" + key + "' " + where + suggestion(key, known) + secret + " (known keys: "
                    + String.join(", ", known) + ")";
        }

        private String credentialSource() {
            return switch (keySet == null ? "" : keySet) {
                case "cd" -> "the Argo CD token comes from the ARGOCD_AUTH_TOKEN environment variable";
                case "registry" -> "registry credentials come from the environment or docker's config.json (OCI),"
                        + " or the AWS credential chain (ECR)";
                default -> "they come from the environment";
            };
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        Node node(String key) {
            NodeTuple t = entries.get(key);
            if (t == null) {
                throw error(node, path(key), (name.isEmpty() ? "the configuration" : name)
                        + " lacks the required key '" + key + "'");
            }
            return t.getValueNode();
        }

        Section section(String key) {
            Node n = node(key);
            String childKeys = KEYS.containsKey(key) ? key : null;
            if (isNull(n)) {
                return new Section(childKeys, path(key),
                        new MappingNode(Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.AUTO));
            }
            return ConfigLoader.this.section(n, childKeys, path(key), "a mapping");
        }

        String string(String key) {
            return scalar(node(key), path(key), "text");
        }

        boolean bool(String key) {
            Node n = node(key);
            if (n instanceof ScalarNode sc && sc.getScalarStyle() == ScalarStyle.PLAIN && Tag.BOOL.equals(sc.getTag())) {
                return Boolean.parseBoolean(sc.getValue().toLowerCase(Locale.ROOT));
            }
            throw error(n, describe(n), path(key) + " must be true or false, not " + describe(n));
        }

        void finish() {
            // every key was checked against the known set on construction
        }
    }
}
