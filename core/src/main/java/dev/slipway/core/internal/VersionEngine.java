package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.CountOverflowException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.Version;
import dev.slipway.core.BuildVersion;
import dev.slipway.core.config.EnvironmentConfig;
import dev.slipway.core.config.EnvironmentSource;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.spi.GitRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes build versions. Staging at commit C: base = the service's highest release tag reachable from
 * C plus one patch, count = {@code git rev-list --count TAG..C}; without a tag, base = the initial version
 * and count = the commits reachable from C whose tree holds the service's directory. All services share
 * one tag listing and one history walk.
 */
public final class VersionEngine {

    private VersionEngine() {
    }

    /**
     * Refuses repositories whose history cannot be counted.
     *
     * @param repo the repository
     * @param what what was asked, for the message
     */
    public static void requireFullHistory(GitRepository repo, String what) {
        if (repo.isShallow()) {
            throw new InvalidInputException("shallow clone", "this repository is a shallow clone, so " + what
                    + " would count commits that are not there; fetch the whole history (git fetch --unshallow, or"
                    + " fetch-depth: 0 in actions/checkout) and run again");
        }
        if (repo.isPartial()) {
            throw new InvalidInputException("partial clone", "this repository is a partial clone (objects are"
                    + " fetched on demand), so " + what + " cannot read its history reliably; clone without --filter"
                    + " (or filter: none in actions/checkout) and run again");
        }
    }

    /**
     * The staging versions of some services at a commit.
     *
     * @param repo the repository
     * @param config the configuration
     * @param services the services (configured or discovered at the commit)
     * @param commit the commit built
     * @return the versions, in the order of {@code services}
     */
    public static List<BuildVersion> staging(GitRepository repo, SlipwayConfig config, List<ServiceConfig> services,
            CommitId commit) {
        requireFullHistory(repo, "computing versions");
        StagingScheme scheme = config.versioning().prerelease();
        TagIndex tags = new TagIndex(repo.tags(), services, config.versioning());
        CommitGraph graph = new CommitGraph(repo.walk(List.of(commit), List.of(), false));
        String environment = environment(config, EnvironmentSource.Kind.BRANCH, "staging");
        Map<ServiceId, BuildVersion> out = new LinkedHashMap<>();
        List<ServiceConfig> untagged = new ArrayList<>();
        for (ServiceConfig s : services) {
            Optional<TagIndex.Release> latest = tags.releases(s.path()).stream()
                    .filter(r -> graph.contains(r.commit()))
                    .max(Comparator.comparing(r -> r.tag().version()));
            if (latest.isEmpty()) {
                untagged.add(s);
                continue;
            }
            Version base = latest.get().tag().version().nextPatch();
            long count = graph.size() - graph.ancestors(latest.get().commit());
            out.put(s.path(), version(scheme, s.path(), environment, base, count, commit, tags));
        }
        if (!untagged.isEmpty()) {
            Map<String, Long> counts = repo.countCommitsHolding(commit,
                    untagged.stream().map(s -> s.path().path()).toList());
            for (ServiceConfig s : untagged) {
                long count = counts.getOrDefault(s.path().path(), 0L);
                out.put(s.path(), version(scheme, s.path(), environment, config.versioning().initial(), count, commit, tags));
            }
        }
        return services.stream().map(s -> out.get(s.path())).toList();
    }

    private static BuildVersion version(StagingScheme scheme, ServiceId service, String environment, Version base,
            long count, CommitId commit, TagIndex tags) {
        Version version;
        try {
            version = scheme.version(base, count, commit.hex()).toVersion();
        } catch (CountOverflowException e) {
            throw new CountOverflowException(service, base, count, scheme.countWidth());
        }
        Optional<ReleaseTag> atCommit = tags.releases(service).stream().filter(r -> r.commit().equals(commit))
                .map(TagIndex.Release::tag).max(Comparator.comparing(ReleaseTag::version));
        return new BuildVersion(service, environment, version, base, count, commit, atCommit);
    }

    /**
     * The release version a release tag gives.
     *
     * @param config the configuration
     * @param tag the tag
     * @param commit the commit it points to
     * @return the version
     */
    public static BuildVersion release(SlipwayConfig config, ReleaseTag tag, CommitId commit) {
        String environment = environment(config, EnvironmentSource.Kind.RELEASE_TAG, "production");
        return new BuildVersion(tag.service(), environment, tag.version(), tag.version(), 0, commit, Optional.of(tag));
    }

    private static String environment(SlipwayConfig config, EnvironmentSource.Kind kind, String fallback) {
        return config.environments().stream().filter(e -> e.from().kind() == kind).map(EnvironmentConfig::name)
                .findFirst().orElse(fallback);
    }
}
