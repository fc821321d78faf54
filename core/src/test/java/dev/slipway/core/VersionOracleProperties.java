package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import dev.slipway.core.git.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * Random histories (commits to services, side branches, merges, release tags of several services, some
 * annotated, some pre-release) where Slipway's versions must equal what the git CLI says:
 * {@code git tag --merged HEAD --list 'S@*'} for the highest release, {@code git rev-list --count TAG..HEAD}
 * for the count, {@code git diff --no-renames --name-only} for the changed services.
 */
class VersionOracleProperties {

    static final List<String> SERVICES = List.of("services/web", "services/web-api", "services/go");

    private Path dir;

    @AfterTry
    void cleanUp() throws IOException {
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One step of a history: 0 commit, 1 tag, 2 annotated tag, 3 branch off, 4 merge back, 5 pre-release tag. */
    record Step(int kind, int service) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Arbitraries.integers().between(0, 9).flatMap(k -> Arbitraries.integers()
                .between(0, SERVICES.size() - 1).map(s -> new Step(k <= 4 ? 0 : k - 4, s)));
        return step.list().ofMinSize(3).ofMaxSize(30);
    }

    @Property(tries = 25)
    void versionsEqualTheGitOracle(@ForAll("histories") List<Step> steps) throws IOException {
        dir = Files.createTempDirectory("slipway-oracle");
        GitFixture git = GitFixture.init(dir.resolve("repo"));
        git.commit("root", SERVICES.stream().map(s -> s + "/init").toArray(String[]::new));
        Map<String, Integer> patch = new HashMap<>();
        boolean onSide = false;
        int n = 0;
        for (Step step : steps) {
            String service = SERVICES.get(step.service());
            switch (step.kind()) {
                case 0 -> git.commit("c" + n, service + "/f" + n);
                case 1, 2, 5 -> {
                    int p = patch.merge(service, 1, Integer::sum);
                    String tag = service + "@1.0." + p + (step.kind() == 5 ? "-rc.1" : "");
                    if (step.kind() == 2) {
                        git.annotatedTag(tag);
                    } else {
                        git.tag(tag);
                    }
                }
                case 3 -> {
                    if (!onSide) {
                        git.git("checkout", "-q", "-b", "side" + n);
                        onSide = true;
                    }
                }
                default -> {
                    if (onSide) {
                        String side = git.git("rev-parse", "--abbrev-ref", "HEAD");
                        git.git("checkout", "-q", "main");
                        git.commit("m" + n, service + "/m" + n);
                        git.git("merge", "-q", "--no-ff", "-m", "merge " + side, side);
                        onSide = false;
                    }
                }
            }
            n++;
        }
        String head = git.head();
        List<BuildVersion> versions = Slipway.builder().repository(git.dir()).build().versions(Optional.empty());
        assertThat(versions).extracting(v -> v.service().path()).containsExactlyElementsOf(SERVICES.stream().sorted().toList());
        assertThat(versions).as("the oracle was asked").isNotEmpty();
        for (BuildVersion v : versions) {
            assertThat(v.version()).as(v.service().path()).isEqualTo(oracle(git, v.service(), head));
        }
    }

    /** What a careful shell script computes with the git CLI. */
    static Version oracle(GitFixture git, ServiceId service, String head) {
        Optional<Version> highest = Optional.empty();
        String highestTag = null;
        for (String tag : git.git("tag", "--merged", head, "--list", service.path() + "@*").lines().toList()) {
            String text = tag.substring(service.path().length() + 1);
            Version v = Version.parse(text);
            if (!v.isPrerelease() && (highest.isEmpty() || v.compareTo(highest.get()) > 0)) {
                highest = Optional.of(v);
                highestTag = tag;
            }
        }
        long count;
        Version base;
        if (highest.isPresent()) {
            base = highest.get().nextPatch();
            count = git.count(highestTag + ".." + head);
        } else {
            base = Version.of(0, 1, 0);
            List<String> all = new ArrayList<>(git.git("rev-list", head).lines().toList());
            count = all.stream().filter(c -> !git.git("ls-tree", "-d", "--name-only", c, service.path()).isEmpty()).count();
        }
        return Version.parse(base + "-rc" + String.format("%04d", count) + "-g" + head.substring(0, 7));
    }
}
