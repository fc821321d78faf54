package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The prefix index never changes the answer: it equals testing every path against every service. */
class ServiceMatcherProperties {

    private static final List<String> SEGMENTS = List.of("services", "web", "web-api", "api", "libs", "common", "a",
            "docs", "x.md", "y.go");

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(SEGMENTS).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<List<String>> changedPaths() {
        return paths().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<ServiceConfig>> services() {
        Arbitrary<String> dir = Arbitraries.of(SEGMENTS).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
        Arbitrary<String> glob = Combinators.combine(Arbitraries.of("", "!"), paths(),
                Arbitraries.of("", "/**", "/*.md", "/*")).as((bang, p, suffix) -> bang + p + suffix);
        Arbitrary<ServiceConfig> service = Combinators.combine(dir, glob.list().ofMaxSize(3), Arbitraries.of(true, false))
                .as((d, extra, defaults) -> {
                    ServiceId id = ServiceId.of(d);
                    List<String> filters = new ArrayList<>(List.of(d + "/**"));
                    if (!defaults) {
                        filters.addAll(extra);
                    }
                    return new ServiceConfig(id, filters, Optional.empty(), Map.of(), Optional.empty());
                });
        return service.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            Map<ServiceId, ServiceConfig> unique = new LinkedHashMap<>();
            list.forEach(s -> unique.putIfAbsent(s.path(), s));
            return List.copyOf(unique.values());
        });
    }

    @Property(tries = 300)
    void indexEqualsBruteForce(@ForAll("services") List<ServiceConfig> services,
            @ForAll("changedPaths") List<String> changed) {
        ServiceMatcher matcher = new ServiceMatcher(services, List.of());
        TreeSet<ServiceId> expected = new TreeSet<>();
        for (ServiceConfig s : services) {
            for (String path : changed) {
                if (bruteForce(s, services, path)) {
                    expected.add(s.path());
                }
            }
        }
        assertThat(matcher.changed(changed)).containsExactlyElementsOf(expected);
    }

    /** The rules, spelt out without any index: last matching filter wins; own directory only for owned files. */
    private static boolean bruteForce(ServiceConfig s, List<ServiceConfig> all, String path) {
        ServiceId owner = null;
        for (ServiceConfig c : all) {
            if (!c.path().path().equals(path) && c.path().contains(path)
                    && (owner == null || c.path().path().length() > owner.path().length())) {
                owner = c.path();
            }
        }
        if (owner == null && all.stream().anyMatch(c -> c.path().path().equals(path))) {
            owner = ServiceId.of(path);
        }
        boolean matched = false;
        for (String f : s.paths()) {
            boolean exclude = f.startsWith("!");
            String pattern = exclude ? f.substring(1) : f;
            boolean own = pattern.equals(s.path().path()) || pattern.equals(s.path().path() + "/**");
            if (Glob.compile(pattern).matches(path) && (!own || s.path().equals(owner))) {
                matched = !exclude;
            }
        }
        return matched;
    }
}
