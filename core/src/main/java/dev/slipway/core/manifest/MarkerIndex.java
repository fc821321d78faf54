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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
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
 * <p>A source that allows concurrent reads ({@link ManifestSource#concurrentReads()}) is scanned on the
 * common fork-join pool; the index is the same, in the same order, either way.
 *
 * <p>A marker on a line with no editable value is not a location but a {@link MarkerProblem};
 * {@link #requireLocations} turns problems and missing markers into errors.
 */
public final class MarkerIndex {

    /** Sources that allow concurrent reads are scanned in parallel from this many files on. */
    private static final int PARALLEL_FROM = 64;

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

        List<String> selected = new ArrayList<>();
        for (String path : source.paths()) {
            if (filter.matches(path)) {
                selected.add(path);
            }
        }
        FileScan[] scans = new FileScan[selected.size()];
        RuntimeException[] failures = new RuntimeException[selected.size()];
        IntConsumer work = i -> {
            try {
                scans[i] = scanFile(selected.get(i), source.read(selected.get(i)), matcher, texts, byText);
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        };
        if (source.concurrentReads() && selected.size() >= PARALLEL_FROM) {
            IntStream.range(0, selected.size()).parallel().forEach(work);
        } else {
            IntStream.range(0, selected.size()).forEach(work);
        }

        Map<Pair, List<MarkerLocation>> locations = new HashMap<>();
        List<MarkerLocation> all = new ArrayList<>();
        List<MarkerProblem> problems = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        for (int i = 0; i < scans.length; i++) {
            if (failures[i] != null) {
                throw failures[i];
            }
            FileScan scan = scans[i];
            if (scan == null) {
                continue;
            }
            for (int k = 0; k < scan.locations().size(); k++) {
                MarkerLocation loc = scan.locations().get(k);
                locations.computeIfAbsent(scan.pairs().get(k), p -> new ArrayList<>()).add(loc);
                all.add(loc);
                files.add(loc.path());
            }
            problems.addAll(scan.problems());
        }
        int read = selected.size();
        locations.replaceAll((k, v) -> List.copyOf(v));
        return new MarkerIndex(Map.copyOf(locations), List.copyOf(all), List.copyOf(problems),
                Collections.unmodifiableSet(files),
                markerTexts, gitops.files(), read);
    }

    /** What one file holds: locations with their pairs (in file order), and problems; null when nothing. */
    private record FileScan(List<MarkerLocation> locations, List<Pair> pairs, List<MarkerProblem> problems) {
    }

    private static FileScan scanFile(String path, byte[] bytes, MarkerMatcher matcher, List<String> texts,
            Map<String, List<Pair>> byText) {
        if (!matcher.matchesAny(bytes)) {
            return null;
        }
        List<MarkerLocation> locations = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        List<MarkerProblem> problems = new ArrayList<>();
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
            return new FileScan(locations, pairs, problems);
        }
        YamlStructure structure = new YamlStructure(file);
        List<Event> events = file.events();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof CommentEvent c)) {
                continue;
            }
            List<Pair> found = byText.get(c.getValue().trim());
            if (found == null) {
                continue;
            }
            YamlStructure.Result result = structure.markedValue(i);
            for (Pair p : found) {
                if (result instanceof YamlStructure.Slot s) {
                    locations.add(new MarkerLocation(path, s.line() + 1, s.key(), s.value(), p.environment(),
                            p.service()));
                    pairs.add(p);
                } else {
                    YamlStructure.Refusal r = (YamlStructure.Refusal) result;
                    problems.add(new MarkerProblem(path, r.line() + 1, p.environment(), p.service(), r.reason()));
                }
            }
        }
        return new FileScan(locations, pairs, problems);
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
        /** For {@code **}{@code /*.ext} patterns: the suffix {@code .ext} that decides alone; else null. */
        private final String[] suffixes;
        private final boolean[] exclude;

        FileFilter(List<String> patterns) {
            globs = new Glob[patterns.size()];
            suffixes = new String[patterns.size()];
            exclude = new boolean[patterns.size()];
            for (int i = 0; i < patterns.size(); i++) {
                String p = patterns.get(i);
                exclude[i] = p.startsWith("!");
                String glob = exclude[i] ? p.substring(1) : p;
                globs[i] = Glob.compile(glob);
                String rest = glob.startsWith("**/*.") ? glob.substring(4) : null;
                if (rest != null && rest.chars().noneMatch(c -> "*?[]{}/".indexOf(c) >= 0)) {
                    suffixes[i] = rest;
                }
            }
        }

        boolean matches(String path) {
            for (int i = globs.length - 1; i >= 0; i--) {
                if (suffixes[i] != null ? path.endsWith(suffixes[i]) : globs[i].matches(path)) {
                    return !exclude[i];
                }
            }
            return false;
        }
    }
}
