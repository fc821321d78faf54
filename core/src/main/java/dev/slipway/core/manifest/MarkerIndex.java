package dev.slipway.core.manifest;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ServiceId;
import dev.slipway.core.config.GitOps;
import dev.slipway.core.internal.Glob;
import dev.slipway.core.internal.MarkerMatcher;
import dev.slipway.core.internal.YamlFile;
import dev.slipway.core.internal.YamlStructure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;

/**
 * Where the marker comments of every (environment, service) pair are: an index built by reading each file
 * once.
 *
 * <p>The scan formats the marker of each given pair ({@code gitops.marker}, default
 * {@code {env}_{service}}) and looks for comments whose trimmed text equals one exactly
 * ({@code # staging_services/web} never matches {@code services/web-api}). Only files matching the
 * {@code gitops.files} globs are read (in order, {@code !} excludes, the last match wins). A file is parsed
 * only when its raw bytes hold a {@code #} followed by a marker; the parser then decides: text that looks
 * like a marker inside a block scalar or a quoted string is content, not a marker.
 *
 * <p>A marker on a line with no editable value is not a location but a {@link MarkerProblem};
 * {@link #requireLocations} turns problems and missing markers into errors.
 */
public final class MarkerIndex {

    private record Pair(String environment, ServiceId service) {
    }

    private final Map<Pair, List<MarkerLocation>> locations;
    private final List<MarkerLocation> all;
    private final List<MarkerProblem> problems;
    private final Set<String> files;
    private final Map<Pair, String> markerTexts;
    private final List<String> globs;
    private final int filesRead;

    private MarkerIndex(Map<Pair, List<MarkerLocation>> locations, List<MarkerLocation> all,
            List<MarkerProblem> problems, Set<String> files, Map<Pair, String> markerTexts, List<String> globs,
            int filesRead) {
        this.locations = locations;
        this.all = all;
        this.problems = problems;
        this.files = files;
        this.markerTexts = markerTexts;
        this.globs = globs;
        this.filesRead = filesRead;
    }

    /**
     * Scans once; only files matching gitops.files globs; finds marker comments of every (environment,
     * service) pair.
     *
     * @param source the files
     * @param gitops the marker pattern and the file globs
     * @param environments the environments' names
     * @param services the services
     * @return the index
     * @throws dev.slipway.api.BackendException if a file cannot be read
     * @throws ManifestEditException if a formatted marker is empty or spans lines
     */
    public static MarkerIndex scan(ManifestSource source, GitOps gitops, Collection<String> environments,
            Collection<ServiceId> services) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(gitops, "gitops");
        Map<String, List<Pair>> byText = new LinkedHashMap<>();
        Map<Pair, String> markerTexts = new LinkedHashMap<>();
        for (String env : environments) {
            for (ServiceId service : services) {
                String text = gitops.formatMarker(env, service.path()).trim();
                if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                    throw new ManifestEditException("slipway.yaml", 0, "gitops.marker \"" + gitops.marker()
                            + "\" gives the marker \"" + text + "\" for " + service + " in " + env
                            + "; a marker must be one non-empty line, such as {env}_{service}");
                }
                Pair pair = new Pair(env, service);
                markerTexts.put(pair, text);
                byText.computeIfAbsent(text, t -> new ArrayList<>()).add(pair);
            }
        }
        List<String> texts = List.copyOf(byText.keySet());
        MarkerMatcher matcher = new MarkerMatcher(texts);
        FileFilter filter = new FileFilter(gitops.files());

        Map<Pair, List<MarkerLocation>> locations = new HashMap<>();
        List<MarkerLocation> all = new ArrayList<>();
        List<MarkerProblem> problems = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        int read = 0;
        for (String path : source.paths()) {
            if (!filter.matches(path)) {
                continue;
            }
            byte[] bytes = source.read(path);
            read++;
            if (!matcher.matchesAny(bytes)) {
                continue;
            }
            YamlFile file;
            try {
                file = YamlFile.parse(path, bytes);
            } catch (ManifestEditException e) {
                for (int m : new LinkedHashSet<>(matcher.candidates(bytes))) {
                    for (Pair p : byText.get(texts.get(m))) {
                        problems.add(new MarkerProblem(path, e.line(), p.environment(), p.service(),
                                "the file holds the marker but cannot be read: " + e.getMessage()));
                    }
                }
                continue;
            }
            YamlStructure structure = new YamlStructure(file);
            List<Event> events = file.events();
            for (int i = 0; i < events.size(); i++) {
                if (!(events.get(i) instanceof CommentEvent c)) {
                    continue;
                }
                List<Pair> pairs = byText.get(c.getValue().trim());
                if (pairs == null) {
                    continue;
                }
                YamlStructure.Result result = structure.markedValue(i);
                for (Pair p : pairs) {
                    if (result instanceof YamlStructure.Slot s) {
                        MarkerLocation loc = new MarkerLocation(path, s.line() + 1, s.key(), s.value(),
                                p.environment(), p.service());
                        locations.computeIfAbsent(p, k -> new ArrayList<>()).add(loc);
                        all.add(loc);
                        files.add(path);
                    } else {
                        YamlStructure.Refusal r = (YamlStructure.Refusal) result;
                        problems.add(new MarkerProblem(path, r.line() + 1, p.environment(), p.service(), r.reason()));
                    }
                }
            }
        }
        locations.replaceAll((k, v) -> List.copyOf(v));
        return new MarkerIndex(Map.copyOf(locations), List.copyOf(all), List.copyOf(problems), Set.copyOf(files),
                markerTexts, gitops.files(), read);
    }

    /**
     * The values a service's marker marks in an environment.
     *
     * @param environment the environment's name
     * @param service the service
     * @return the locations in file order, then line order; empty when none
     */
    public List<MarkerLocation> locations(String environment, ServiceId service) {
        return locations.getOrDefault(new Pair(environment, service), List.of());
    }

    /**
     * The locations of a service in an environment, when there is at least one and no marker of the pair
     * sits on a line that cannot be edited.
     *
     * @param environment the environment's name
     * @param service the service
     * @return the locations, not empty
     * @throws ManifestEditException naming {@code path:line} and the reason for the first marker of the pair
     *     that cannot be edited
     * @throws InvalidInputException when there is no marker of the pair, saying which marker was looked for
     *     where
     */
    public List<MarkerLocation> requireLocations(String environment, ServiceId service) {
        Pair pair = new Pair(environment, service);
        for (MarkerProblem p : problems) {
            if (p.environment().equals(environment) && p.service().equals(service)) {
                throw p.toException();
            }
        }
        List<MarkerLocation> found = locations(environment, service);
        if (found.isEmpty()) {
            String text = markerTexts.get(pair);
            if (text == null) {
                throw new IllegalArgumentException(service + " in " + environment + " was not part of the scan");
            }
            throw new InvalidInputException(text, "no marker \"# " + text + "\" for " + service + " in "
                    + environment + " in the " + filesRead + " files matching gitops.files " + globs
                    + "; add it at the end of the value's line (tag: 1.2.3  # " + text + ")");
        }
        return found;
    }

    /**
     * Every location found, of every pair.
     *
     * @return the locations in file order, then line order
     */
    public List<MarkerLocation> all() {
        return all;
    }

    /**
     * The files holding at least one location.
     *
     * @return repo-relative paths
     */
    public Set<String> files() {
        return files;
    }

    /**
     * The markers found on lines that cannot be edited, and in files that cannot be parsed.
     *
     * @return the problems in file order
     */
    public List<MarkerProblem> problems() {
        return problems;
    }

    /** gitops.files: globs in order, '!' excludes, the last match wins. */
    private static final class FileFilter {
        private final Glob[] globs;
        private final boolean[] exclude;

        FileFilter(List<String> patterns) {
            globs = new Glob[patterns.size()];
            exclude = new boolean[patterns.size()];
            for (int i = 0; i < patterns.size(); i++) {
                String p = patterns.get(i);
                exclude[i] = p.startsWith("!");
                globs[i] = Glob.compile(exclude[i] ? p.substring(1) : p);
            }
        }

        boolean matches(String path) {
            for (int i = globs.length - 1; i >= 0; i--) {
                if (globs[i].matches(path)) {
                    return !exclude[i];
                }
            }
            return false;
        }
    }
}
