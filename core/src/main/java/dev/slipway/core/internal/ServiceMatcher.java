package dev.slipway.core.internal;

import dev.slipway.api.ServiceId;
import dev.slipway.core.config.ServiceConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which services a set of changed paths touches. Each service's filters are compiled once and indexed
 * by their literal directory prefix, so a path is only tested against the services whose filters can
 * match it: thousands of paths against a thousand services stay thousands of glob tests, not millions.
 *
 * <p>Filters apply in order and the last match wins ({@code !} excludes). A service's own directory
 * ({@code <path>/**} or the bare path) only claims files that no nested service directory holds: a file
 * belongs to the deepest service directory above it.
 */
public final class ServiceMatcher {

    /** A compiled filter; an own-directory filter ({@code S} or {@code S/**}) is decided by ownership, no regex. */
    private record Filter(Glob glob, boolean exclude, boolean ownDirectory, boolean bare) {
    }

    private final List<ServiceId> services = new ArrayList<>();
    private final List<List<Filter>> filters = new ArrayList<>();
    private final Map<String, Integer> directories = new HashMap<>();
    private final Map<String, List<Integer>> byPrefix = new HashMap<>();
    private final List<Integer> unanchored = new ArrayList<>();
    private final List<Glob> global = new ArrayList<>();

    /**
     * Compiles the filters.
     *
     * @param serviceConfigs the services with their filters
     * @param globalGlobs globs whose change marks every service changed
     */
    public ServiceMatcher(Collection<ServiceConfig> serviceConfigs, Collection<String> globalGlobs) {
        for (ServiceConfig s : serviceConfigs) {
            int i = services.size();
            services.add(s.path());
            directories.put(s.path().path(), i);
            List<Filter> fs = new ArrayList<>();
            boolean anchoredEverywhere = true;
            java.util.Set<String> prefixes = new java.util.HashSet<>();
            for (String text : s.paths()) {
                boolean exclude = text.startsWith("!");
                String pattern = exclude ? text.substring(1) : text;
                Glob glob = Glob.compile(pattern);
                boolean bare = pattern.equals(s.path().path());
                boolean own = bare || pattern.equals(s.path().path() + "/**");
                fs.add(new Filter(glob, exclude, own, bare));
                if (!exclude) {
                    String prefix = glob.literalPrefix();
                    if (prefix.isEmpty()) {
                        anchoredEverywhere = false;
                    } else {
                        prefixes.add(prefix);
                    }
                }
            }
            filters.add(List.copyOf(fs));
            if (anchoredEverywhere) {
                for (String prefix : prefixes) {
                    byPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(i);
                }
            } else {
                unanchored.add(i);
            }
        }
        for (String g : globalGlobs) {
            global.add(Glob.compile(g));
        }
    }

    /**
     * The services the paths touch.
     *
     * @param paths repo-relative paths that changed
     * @return the touched services, sorted; all of them when a global path changed
     */
    public List<ServiceId> changed(Collection<String> paths) {
        BitSet hit = new BitSet(services.size());
        List<Integer> candidates = new ArrayList<>();
        for (String path : paths) {
            for (Glob g : global) {
                if (g.matches(path)) {
                    return sorted(all());
                }
            }
            candidates.clear();
            candidates.addAll(unanchored);
            addCandidates(path, candidates);
            int owner = -2;
            for (int i : candidates) {
                if (!hit.get(i)) {
                    if (owner == -2) {
                        owner = owner(path);
                    }
                    if (matches(i, path, owner)) {
                        hit.set(i);
                    }
                }
            }
        }
        List<ServiceId> out = new ArrayList<>();
        hit.stream().forEach(i -> out.add(services.get(i)));
        return sorted(out);
    }

    /**
     * Whether one service's filters claim a path.
     *
     * @param service the service
     * @param path a repo-relative path
     * @return true if the last matching filter includes it
     */
    public boolean matches(ServiceId service, String path) {
        int i = services.indexOf(service);
        return i >= 0 && matches(i, path, owner(path));
    }

    private List<ServiceId> all() {
        return new ArrayList<>(services);
    }

    private static List<ServiceId> sorted(List<ServiceId> list) {
        return List.copyOf(new TreeSet<>(list));
    }

    private void addCandidates(String path, List<Integer> out) {
        List<Integer> exact = byPrefix.get(path);
        if (exact != null) {
            out.addAll(exact);
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            List<Integer> dir = byPrefix.get(path.substring(0, slash));
            if (dir != null) {
                out.addAll(dir);
            }
            List<Integer> dirSlash = byPrefix.get(path.substring(0, slash + 1));
            if (dirSlash != null) {
                out.addAll(dirSlash);
            }
        }
    }

    private boolean matches(int service, String path, int owner) {
        boolean matched = false;
        for (Filter f : filters.get(service)) {
            boolean hit = f.ownDirectory()
                    ? owner == service && (f.bare() || path.length() > services.get(service).path().length())
                    : f.glob().matches(path);
            if (hit) {
                matched = !f.exclude();
            }
        }
        return matched;
    }

    /** The deepest service directory holding the path, or -1. */
    private int owner(String path) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            Integer s = directories.get(path.substring(0, slash));
            if (s != null) {
                return s;
            }
        }
        Integer self = directories.get(path);
        return self == null ? -1 : self;
    }
}
