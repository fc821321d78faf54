package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.TagPattern;
import dev.slipway.api.Version;
import dev.slipway.core.PendingRelease;
import dev.slipway.core.ReleasePlan;
import dev.slipway.core.ServiceRelease;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.EnvironmentSource;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.spi.GitCommit;
import dev.slipway.spi.GitRepository;
import dev.slipway.spi.GitTag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Release plans and release tags from git history. A plan attributes each commit since a service's last
 * release tag to the services whose path filters match one of its changed files (a commit that changes no
 * file belongs to every service; merge commits and commits carrying {@code Slipway-*} trailers belong to
 * none), applies {@link ReleaseRules} and renders the CHANGELOG entries and the pull request. Tags: each
 * entry of the versions file that is newer than its service's tags is released at the first commit of the
 * branch's first-parent chain holding it.
 */
public final class ReleaseEngine {

    private static final Pattern SLIPWAY_TRAILER = Pattern.compile("(?i)Slipway-[A-Za-z0-9-]+: .*");

    private ReleaseEngine() {
    }

    /**
     * The branch release pull requests target and release tags are placed on: the branch that feeds the
     * first branch-fed environment, {@code main} when none does.
     *
     * @param config the configuration
     * @return the branch name
     */
    public static String releaseBranch(SlipwayConfig config) {
        return config.environments().stream().map(EnvironmentConfig::from)
                .filter(f -> f.kind() == EnvironmentSource.Kind.BRANCH).flatMap(f -> f.branch().stream())
                .findFirst().orElse("main");
    }

    /**
     * The release plan at a commit.
     *
     * @param repo the repository
     * @param config the configuration
     * @param services the services at the commit
     * @param head the commit planned from
     * @param date the release date for the CHANGELOG entries
     * @return the plan
     */
    public static ReleasePlan plan(GitRepository repo, SlipwayConfig config, List<ServiceConfig> services,
            CommitId head, LocalDate date) {
        VersionEngine.requireFullHistory(repo, "planning releases");
        List<GitTag> gitTags = repo.tags();
        Set<String> tagNames = new HashSet<>();
        gitTags.forEach(t -> tagNames.add(t.name()));
        TagIndex tags = new TagIndex(gitTags, services, config.versioning());
        CommitGraph graph = new CommitGraph(repo.walk(List.of(head), List.of(), false));
        Map<String, Version> recorded = versionsAt(repo, head);

        List<PendingRelease> pending = new ArrayList<>();
        Map<ServiceId, Optional<TagIndex.Release>> latest = new LinkedHashMap<>();
        for (ServiceConfig s : services) {
            Optional<TagIndex.Release> last = tags.releases(s.path()).stream().filter(r -> graph.contains(r.commit()))
                    .max(Comparator.comparing(r -> r.tag().version()));
            Version entry = recorded.get(s.path().path());
            if (entry != null) {
                ReleaseTag entryTag = s.effectiveTag(config.versioning()).format(s.path(), entry);
                boolean newer = last.isEmpty() || entry.compareTo(last.get().tag().version()) > 0;
                if (newer && !tagNames.contains(entryTag.name())) {
                    pending.add(new PendingRelease(s.path(), entry, entryTag));
                    continue;
                }
            }
            latest.put(s.path(), last);
        }

        // one walk with paths covers every service's range: it stops at a commit every last tag reaches
        Optional<CommitId> common = Optional.empty();
        boolean all = latest.values().stream().allMatch(Optional::isPresent) && !latest.isEmpty();
        if (all) {
            for (Optional<TagIndex.Release> r : latest.values()) {
                CommitId c = r.orElseThrow().commit();
                common = common.isEmpty() ? Optional.of(c) : repo.mergeBase(common.get(), c);
                if (common.isEmpty()) {
                    break;
                }
            }
        }
        List<GitCommit> walked = latest.isEmpty() ? List.of()
                : repo.walk(List.of(head), common.map(List::of).orElse(List.of()), true);
        Map<CommitId, GitCommit> byId = new HashMap<>();
        walked.forEach(c -> byId.put(c.id(), c));

        ServiceMatcher matcher = new ServiceMatcher(services, List.of());
        Map<CommitId, List<ServiceId>> owners = new HashMap<>();
        Map<CommitId, ConventionalCommit> parsed = new HashMap<>();
        for (GitCommit c : walked) {
            if (c.isMerge() || hasSlipwayTrailer(c.message())) {
                continue;
            }
            Optional<ConventionalCommit> cc = ConventionalCommit.parse(c.message());
            if (cc.isEmpty()) {
                continue;
            }
            parsed.put(c.id(), cc.get());
            owners.put(c.id(), c.changedPaths().isEmpty() ? services.stream().map(ServiceConfig::path).toList()
                    : matcher.changed(c.changedPaths()));
        }

        Optional<String> url = config.changelog().repositoryUrl().map(u -> {
            String s = u.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        });
        Map<CommitId, Set<CommitId>> excludedByTagCommit = new HashMap<>();
        List<ServiceRelease> releases = new ArrayList<>();
        for (ServiceConfig s : services) {
            if (!latest.containsKey(s.path())) {
                continue;
            }
            Optional<TagIndex.Release> last = latest.get(s.path());
            Set<CommitId> before = last.isEmpty() ? Set.of()
                    : excludedByTagCommit.computeIfAbsent(last.get().commit(), c -> ancestorsWithin(c, byId));
            List<ReleaseRules.Entry> entries = new ArrayList<>();
            List<ChangelogWriter.Item> items = new ArrayList<>();
            List<CommitId> ids = new ArrayList<>();
            for (GitCommit c : walked) {
                List<ServiceId> owned = owners.get(c.id());
                if (owned == null || before.contains(c.id()) || !owned.contains(s.path())) {
                    continue;
                }
                ConventionalCommit cc = parsed.get(c.id());
                entries.add(new ReleaseRules.Entry(c.id().hex(), cc));
                items.add(new ChangelogWriter.Item(c.id().hex(), firstLine(c.message()), cc));
                ids.add(c.id());
            }
            Optional<Version> current = last.map(r -> r.tag().version());
            Optional<ReleaseRules.Decision> decision = ReleaseRules.decide(current, entries, config.versioning());
            if (decision.isEmpty()) {
                continue;
            }
            Version next = decision.get().next();
            TagPattern pattern = s.effectiveTag(config.versioning());
            ReleaseTag tag = pattern.format(s.path(), next);
            Optional<ReleaseTag> previous = last.map(TagIndex.Release::tag);
            String changelog = ChangelogWriter.entry(next, date, url, previous.map(ReleaseTag::name), tag.name(), items);
            releases.add(new ServiceRelease(s.path(), current, next, decision.get().bump(), tag, previous, changelog, ids));
        }
        releases.sort(Comparator.comparing(ServiceRelease::service));
        pending.sort(Comparator.comparing(PendingRelease::service));
        String branch = releaseBranch(config);
        return releases.isEmpty()
                ? new ReleasePlan(head, "", "", ReleasePullRequest.branch(branch), releases, pending)
                : new ReleasePlan(head, ReleasePullRequest.title(branch, releases), ReleasePullRequest.body(releases),
                        ReleasePullRequest.branch(branch), releases, pending);
    }

    /**
     * The new contents of the files a plan changes, built from their contents at the planned commit: each
     * released service's CHANGELOG with the new entry, and the versions file with the new versions.
     *
     * @param repo the repository
     * @param plan the plan
     * @return new text by repo-relative path, in {@link ReleasePlan#files()} order
     */
    public static Map<String, String> files(GitRepository repo, ReleasePlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        if (plan.isEmpty()) {
            return out;
        }
        Map<String, Version> versions = new TreeMap<>(versionsAt(repo, plan.commit()));
        for (ServiceRelease r : plan.releases()) {
            Optional<String> existing = repo.readFile(plan.commit(), r.changelogPath())
                    .map(b -> new String(b, StandardCharsets.UTF_8));
            out.put(r.changelogPath(), ChangelogWriter.prepend(existing, r.changelog()));
            versions.put(r.service().path(), r.next());
        }
        out.put(ReleasePlan.VERSIONS_FILE, VersionsFile.format(versions));
        return out;
    }

    /**
     * A release tag the versions file asks for.
     *
     * @param tag the tag
     * @param commit the commit it goes on
     * @param message the annotated tag's message: the release's CHANGELOG entry
     * @param exists whether the repository already has a tag of that name
     */
    public record WantedTag(ReleaseTag tag, CommitId commit, String message, boolean exists) {
    }

    /**
     * The release tags the versions file at a branch tip records: one per entry that is not older than its
     * service's release tags, placed at the first commit of the tip's first-parent chain that holds the entry.
     *
     * @param repo the repository
     * @param config the configuration
     * @param services the services at the tip
     * @param tip the branch tip
     * @return the tags, sorted by name; those that exist already are marked
     */
    public static List<WantedTag> wantedTags(GitRepository repo, SlipwayConfig config, List<ServiceConfig> services,
            CommitId tip) {
        VersionEngine.requireFullHistory(repo, "placing release tags");
        Map<String, Version> recorded = versionsAt(repo, tip);
        if (recorded.isEmpty()) {
            return List.of();
        }
        List<GitTag> gitTags = repo.tags();
        Map<String, GitTag> byName = new HashMap<>();
        gitTags.forEach(t -> byName.put(t.name(), t));
        Map<String, ServiceConfig> known = new HashMap<>();
        services.forEach(s -> known.put(s.path().path(), s));
        List<ServiceConfig> all = new ArrayList<>(services);
        for (String key : recorded.keySet()) {
            if (!known.containsKey(key)) {
                all.add(ServiceConfig.of(ServiceId.of(key)));
            }
        }
        TagIndex tags = new TagIndex(gitTags, all, config.versioning());
        Map<String, Map<String, Version>> cache = new HashMap<>();
        List<WantedTag> out = new ArrayList<>();
        for (ServiceConfig s : all) {
            Version v = recorded.get(s.path().path());
            if (v == null) {
                continue;
            }
            ReleaseTag tag = s.effectiveTag(config.versioning()).format(s.path(), v);
            GitTag existing = byName.get(tag.name());
            if (existing != null) {
                out.add(new WantedTag(tag, existing.commit(), "", true));
                continue;
            }
            boolean superseded = tags.releases(s.path()).stream().anyMatch(r -> r.tag().version().compareTo(v) >= 0);
            if (superseded) {
                continue;
            }
            CommitId at = tip;
            while (true) {
                Optional<CommitId> parent = repo.resolve(at.hex() + "^1");
                if (parent.isEmpty() || !v.equals(versionsAt(repo, parent.get(), cache).get(s.path().path()))) {
                    break;
                }
                at = parent.get();
            }
            String message = repo.readFile(at, s.path().path() + "/CHANGELOG.md")
                    .flatMap(b -> ChangelogWriter.entryOf(new String(b, StandardCharsets.UTF_8), v))
                    .orElse("Release " + s.path() + " " + v);
            out.add(new WantedTag(tag, at, message, false));
        }
        out.sort(Comparator.comparing(w -> w.tag().name()));
        return out;
    }

    /** The versions file at a commit (empty when absent). */
    static Map<String, Version> versionsAt(GitRepository repo, CommitId commit) {
        return repo.readFile(commit, ReleasePlan.VERSIONS_FILE)
                .map(b -> VersionsFile.parse(ReleasePlan.VERSIONS_FILE + " at " + commit.abbreviate(7),
                        new String(b, StandardCharsets.UTF_8)))
                .orElse(Map.of());
    }

    private static Map<String, Version> versionsAt(GitRepository repo, CommitId commit,
            Map<String, Map<String, Version>> cache) {
        Optional<String> blob = repo.treeId(commit, ReleasePlan.VERSIONS_FILE);
        if (blob.isEmpty()) {
            return Map.of();
        }
        return cache.computeIfAbsent(blob.get(), b -> versionsAt(repo, commit));
    }

    /**
     * Whether a message carries a {@code Slipway-*} trailer in its last paragraph: a commit Slipway made
     * (a deployment, a rollback), which no release is about.
     *
     * @param message the commit message
     * @return true for a Slipway commit
     */
    public static boolean hasSlipwayTrailer(String message) {
        String[] lines = message.replace("\r\n", "\n").strip().split("\n");
        for (int i = lines.length - 1; i > 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                return false;
            }
            if (SLIPWAY_TRAILER.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The commits of the walk a commit reaches (itself included), following parents within the walk only. */
    private static Set<CommitId> ancestorsWithin(CommitId start, Map<CommitId, GitCommit> walked) {
        Set<CommitId> seen = new HashSet<>();
        Deque<CommitId> todo = new ArrayDeque<>();
        if (walked.containsKey(start)) {
            todo.push(start);
            seen.add(start);
        }
        while (!todo.isEmpty()) {
            for (CommitId p : walked.get(todo.pop()).parents()) {
                if (walked.containsKey(p) && seen.add(p)) {
                    todo.push(p);
                }
            }
        }
        return seen;
    }

    private static String firstLine(String message) {
        String m = message.replace("\r\n", "\n").strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
