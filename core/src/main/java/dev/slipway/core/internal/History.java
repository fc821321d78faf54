package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import dev.slipway.api.StagingScheme;
import dev.slipway.api.StagingVersion;
import dev.slipway.core.DeploymentRecord;
import dev.slipway.core.config.SlipwayConfig;
import dev.slipway.core.manifest.ManifestSource;
import dev.slipway.core.manifest.MarkerIndex;
import dev.slipway.core.manifest.MarkerLocation;
import dev.slipway.spi.GitCommit;
import dev.slipway.spi.GitRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versions a service ran in an environment, newest first: from the {@code Slipway-*} trailers of the
 * commits reachable from a base, or, when no commit carries them, from the marker's value along the base's
 * first-parent history (commits made by hand, as the kit's rollbacks are). History older than the first
 * Slipway deployment comes from the files too.
 */
public final class History {

    /** The subject prefix of a rollback commit (the kit's {@code fix: rollback go-backend to 0.2.2-rc0028}). */
    public static final String ROLLBACK_PREFIX = "fix: rollback ";

    private History() {
    }

    /** The records, newest first. */
    public static List<DeploymentRecord> of(GitRepository repository, CommitId base, ServiceId service, String environment,
            SlipwayConfig config) {
        List<GitCommit> commits = repository.walk(List.of(base), List.of(), false);
        List<DeploymentRecord> records = new ArrayList<>();
        for (GitCommit commit : commits) {
            for (Trailers.Group g : Trailers.parse(commit.message())) {
                if (g.service().equals(service) && g.environment().equals(environment)) {
                    records.add(new DeploymentRecord(g.version(), g.previous(), commit.id(), g.builtCommit(),
                            commit.commitTime(), isRollback(commit.message()), DeploymentRecord.Source.TRAILERS));
                }
            }
        }
        if (records.isEmpty()) {
            return fromFiles(repository, base, service, environment, config);
        }
        // what ran before the first Slipway deployment: the file history below it
        CommitId oldest = records.get(records.size() - 1).commit();
        commits.stream().filter(c -> c.id().equals(oldest)).findFirst()
                .filter(c -> !c.parents().isEmpty())
                .ifPresent(c -> records.addAll(fromFiles(repository, c.parents().get(0), service, environment, config)));
        return List.copyOf(records);
    }

    static boolean isRollback(String message) {
        return message.startsWith(ROLLBACK_PREFIX);
    }

    private static List<DeploymentRecord> fromFiles(GitRepository repository, CommitId base, ServiceId service,
            String environment, SlipwayConfig config) {
        MarkerIndex atBase = MarkerIndex.scan(CommitSource.of(repository, base), config.gitops(), List.of(environment),
                List.of(service));
        List<String> paths = atBase.locations(environment, service).stream().map(MarkerLocation::path).distinct().toList();
        if (paths.isEmpty()) {
            return List.of();
        }
        Map<CommitId, GitCommit> byId = new HashMap<>();
        for (GitCommit c : repository.walk(List.of(base), List.of(), true)) {
            byId.put(c.id(), c);
        }
        Map<CommitId, Optional<String>> values = new HashMap<>();
        List<DeploymentRecord> records = new ArrayList<>();
        for (GitCommit c = byId.get(base); c != null; c = c.parents().isEmpty() ? null : byId.get(c.parents().get(0))) {
            if (c.changedPaths().stream().noneMatch(Set.copyOf(paths)::contains)) {
                continue;
            }
            Optional<String> value = value(repository, c.id(), paths, service, environment, config, values);
            Optional<String> before = c.parents().isEmpty() ? Optional.empty()
                    : value(repository, c.parents().get(0), paths, service, environment, config, values);
            if (value.isPresent() && !value.equals(before)) {
                records.add(new DeploymentRecord(value.get(), before.map(List::of).orElse(List.of()), c.id(),
                        builtCommit(repository, value.get(), config.versioning().prerelease()), c.commitTime(),
                        isRollback(c.message()), DeploymentRecord.Source.FILES));
            }
        }
        return List.copyOf(records);
    }

    /** The marker's value at a commit (the first location's), empty when the marker is not there. */
    private static Optional<String> value(GitRepository repository, CommitId commit, List<String> paths, ServiceId service,
            String environment, SlipwayConfig config, Map<CommitId, Optional<String>> cache) {
        Optional<String> cached = cache.get(commit);
        if (cached != null) {
            return cached;
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : paths) {
            repository.readFile(commit, path).ifPresent(bytes -> files.put(path, bytes));
        }
        Optional<String> value;
        try {
            MarkerIndex index = MarkerIndex.scan(ManifestSource.of(files), config.gitops(), List.of(environment), List.of(service));
            value = index.locations(environment, service).stream().map(MarkerLocation::value).findFirst();
        } catch (RuntimeException e) {
            value = Optional.empty();
        }
        cache.put(commit, value);
        return value;
    }

    /** The commit a staging version names with its {@code -gSHA}, when the repository resolves it unambiguously. */
    static Optional<CommitId> builtCommit(GitRepository repository, String version, StagingScheme scheme) {
        try {
            StagingVersion staging = scheme.parseVersion(version);
            return repository.resolve(staging.sha());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
