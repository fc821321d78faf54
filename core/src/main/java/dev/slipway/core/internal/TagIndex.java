package dev.slipway.core.internal;

import dev.slipway.api.CommitId;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.TagPattern;
import dev.slipway.core.config.ServiceConfig;
import dev.slipway.core.config.Versioning;
import dev.slipway.spi.GitTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release tags of every service, read from one listing of the repository's tags: each tag is matched
 * once per distinct tag pattern, and belongs to a service only when it matches that service's pattern
 * exactly (pre-release and malformed versions never match).
 */
final class TagIndex {

    /** A release tag and the commit it points to. */
    record Release(ReleaseTag tag, CommitId commit) {
    }

    private final Map<ServiceId, List<Release>> releases = new HashMap<>();

    TagIndex(List<GitTag> tags, List<ServiceConfig> services, Versioning versioning) {
        Map<TagPattern, Map<ServiceId, ServiceConfig>> withService = new HashMap<>();
        List<ServiceConfig> literal = new ArrayList<>();
        for (ServiceConfig s : services) {
            TagPattern p = s.effectiveTag(versioning);
            if (p.hasService()) {
                withService.computeIfAbsent(p, k -> new HashMap<>()).put(s.path(), s);
            } else {
                literal.add(s);
            }
            releases.put(s.path(), new ArrayList<>());
        }
        for (GitTag tag : tags) {
            for (Map.Entry<TagPattern, Map<ServiceId, ServiceConfig>> e : withService.entrySet()) {
                Optional<ReleaseTag> r = e.getKey().match(tag.name());
                if (r.isPresent() && e.getValue().containsKey(r.get().service())) {
                    releases.get(r.get().service()).add(new Release(r.get(), tag.commit()));
                }
            }
            for (ServiceConfig s : literal) {
                s.effectiveTag(versioning).match(tag.name(), s.path())
                        .ifPresent(r -> releases.get(s.path()).add(new Release(r, tag.commit())));
            }
        }
    }

    /** The service's release tags, in no particular order. */
    List<Release> releases(ServiceId service) {
        return releases.getOrDefault(service, List.of());
    }
}
