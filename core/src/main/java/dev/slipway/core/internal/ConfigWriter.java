package dev.slipway.core.internal;

import dev.slipway.core.config.CdConfig;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.config.Promotion;
import dev.slipway.core.config.PromotionWindow;
import dev.slipway.core.config.RegistryConfig;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.config.Versioning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a {@link SlipwayConfig} back as the tree of {@code slipway.yaml} (kebab-case keys, defaults
 * filled in) and as YAML text that the loader reads back to an equal configuration.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    /**
     * The configuration as ordered maps and lists.
     *
     * @param c the configuration
     * @return the tree
     */
    public static Map<String, Object> tree(SlipwayConfig c) {
        Map<String, Object> root = new LinkedHashMap<>();
        Versioning v = c.versioning();
        Map<String, Object> versioning = new LinkedHashMap<>();
        versioning.put("tag", v.tag().pattern());
        versioning.put("prerelease", v.prerelease().pattern());
        versioning.put("initial", v.initial().toString());
        versioning.put("bump-minor-pre-major", v.bumpMinorPreMajor());
        versioning.put("bump-patch-for-minor-pre-major", v.bumpPatchForMinorPreMajor());
        root.put("versioning", versioning);
        c.services().ifPresent(services -> {
            List<Object> list = new ArrayList<>();
            for (ServiceConfig s : services) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", s.path().path());
                m.put("paths", List.copyOf(s.paths()));
                s.image().ifPresent(i -> m.put("image", i));
                if (!s.cd().isEmpty()) {
                    Map<String, Object> cd = new LinkedHashMap<>();
                    c.environments().forEach(e -> {
                        String app = s.cd().get(e.name());
                        if (app != null) {
                            cd.put(e.name(), app);
                        }
                    });
                    m.put("cd", cd);
                }
                s.tag().ifPresent(t -> m.put("tag", t.pattern()));
                list.add(m);
            }
            root.put("services", list);
        });
        List<Object> environments = new ArrayList<>();
        for (EnvironmentConfig e : c.environments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("from", e.from().toString());
            e.cluster().ifPresent(cl -> m.put("cluster", cl));
            e.promotion().ifPresent(p -> m.put("promotion", promotion(p)));
            environments.add(m);
        }
        root.put("environments", environments);
        root.put("changes", new LinkedHashMap<>(Map.of("global", List.copyOf(c.changes().global()))));
        Map<String, Object> changelog = new LinkedHashMap<>();
        c.changelog().repositoryUrl().ifPresent(u -> changelog.put("repository-url", u.toString()));
        root.put("changelog", changelog);
        GitOps g = c.gitops();
        Map<String, Object> gitops = new LinkedHashMap<>();
        gitops.put("marker", g.marker());
        gitops.put("files", List.copyOf(g.files()));
        if (!g.render().isEmpty()) {
            gitops.put("render", List.copyOf(g.render()));
        }
        g.renderDir().ifPresent(d -> gitops.put("render-dir", d));
        gitops.put("commit-message", g.commitMessage());
        gitops.put("push-timeout", duration(g.pushTimeout()));
        root.put("gitops", gitops);
        RegistryConfig r = c.registry();
        Map<String, Object> registry = new LinkedHashMap<>();
        put(registry, "backend", r.backend());
        r.url().ifPresent(u -> registry.put("url", u.toString()));
        put(registry, "credentials", r.credentials());
        put(registry, "region", r.region());
        r.endpoint().ifPresent(u -> registry.put("endpoint", u.toString()));
        registry.put("retag", r.retag());
        registry.put("require-image", r.requireImage());
        root.put("registry", registry);
        CdConfig d = c.cd();
        Map<String, Object> cd = new LinkedHashMap<>();
        put(cd, "backend", d.backend());
        put(cd, "server", d.server());
        cd.put("plaintext", d.plaintext());
        cd.put("insecure", d.insecure());
        put(cd, "project", d.project());
        put(cd, "app-namespace", d.appNamespace());
        root.put("cd", cd);
        return root;
    }

    private static Map<String, Object> promotion(Promotion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.from());
        m.put("rules", List.copyOf(p.rules()));
        p.soak().ifPresent(s -> m.put("soak", duration(s)));
        p.approvals().ifPresent(n -> m.put("approvals", n));
        if (!p.windows().isEmpty()) {
            List<Object> windows = new ArrayList<>();
            for (PromotionWindow w : p.windows()) {
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("kind", w.kind().text());
                put(wm, "schedule", w.schedule());
                w.duration().ifPresent(d -> wm.put("duration", duration(d)));
                w.start().ifPresent(t -> wm.put("start", t.toString()));
                w.end().ifPresent(t -> wm.put("end", t.toString()));
                wm.put("time-zone", w.timeZone().getId());
                put(wm, "reason", w.reason());
                windows.add(wm);
            }
            m.put("windows", windows);
        }
        m.put("ignore", List.copyOf(p.ignore()));
        return m;
    }

    private static void put(Map<String, Object> m, String key, Optional<String> value) {
        value.ifPresent(v -> m.put(key, v));
    }

    /**
     * A duration in the configuration's notation, such as {@code 1h30m} or {@code 250ms}.
     *
     * @param d a positive duration
     * @return the text
     */
    public static String duration(Duration d) {
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        long millis = d.toMillisPart();
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (minutes > 0) {
            sb.append(minutes).append('m');
        }
        if (seconds > 0) {
            sb.append(seconds).append('s');
        }
        if (millis > 0 || sb.length() == 0) {
            sb.append(millis).append("ms");
        }
        return sb.toString();
    }

    /**
     * The configuration as YAML text.
     *
     * @param c the configuration
     * @return the text
     */
    public static String yaml(SlipwayConfig c) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(120)
                .build();
        return new Dump(settings).dumpToString(tree(c));
    }
}
