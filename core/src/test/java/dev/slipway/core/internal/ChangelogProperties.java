package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import dev.slipway.core.Bump;
import dev.slipway.core.ServiceRelease;
import dev.slipway.tck.SlipwayArbitraries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the CHANGELOG entries, the CHANGELOG file update and the pull request body over random inputs. */
class ChangelogProperties {

    private static final List<String> ORDER = List.of("⚠ BREAKING CHANGES", "Features", "Bug Fixes",
            "Performance Improvements", "Reverts", "Miscellaneous Chores", "Documentation", "Styles", "Code Refactoring",
            "Tests", "Build System", "Continuous Integration");

    @Provide
    Arbitrary<List<ChangelogWriter.Item>> items() {
        Arbitrary<ConventionalCommit> commit = SlipwayArbitraries.conventionalCommits();
        Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef").ofLength(40);
        return Combinators.combine(sha, commit).as((s, c) -> new ChangelogWriter.Item(s, "header", c)).list().ofMaxSize(12)
                .map(list -> {
                    // distinct ids, as in a history
                    List<ChangelogWriter.Item> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        ChangelogWriter.Item it = list.get(i);
                        out.add(new ChangelogWriter.Item(String.format("%07x", i) + "f".repeat(33), "header", it.commit()));
                    }
                    return out;
                });
    }

    static boolean visible(ConventionalCommit c) {
        return ReleaseRules.releasableType(c.type()) || c.isBreaking() || ReleaseRules.releaseAs(c).isPresent();
    }

    @Property(tries = 300)
    void everyVisibleCommitIsListedOnceAndSectionsKeepTheirOrder(@ForAll("items") List<ChangelogWriter.Item> items,
            @ForAll boolean linked) {
        Optional<String> url = linked ? Optional.of("https://github.com/acme/platform") : Optional.empty();
        String entry = ChangelogWriter.entry(Version.parse("1.2.3"), LocalDate.of(2024, 5, 1), url,
                Optional.of("s@1.2.2"), "s@1.2.3", items);
        assertThat(entry).startsWith(linked ? "## [1.2.3](https://github.com/acme/platform/compare/s@1.2.2...s@1.2.3) (2024-05-01)"
                : "## 1.2.3 (2024-05-01)");
        assertThat(entry).doesNotEndWith("\n").doesNotContain("\n\n\n\n");
        for (ChangelogWriter.Item it : items) {
            String shortSha = it.sha().substring(0, 7);
            int count = entry.split(Pattern.quote(shortSha), -1).length - 1;
            int expected = visible(it.commit()) ? (linked ? 2 : 1) : 0;   // linked: "[abc1234](.../commit/abc1234...)"
            assertThat(count).as(shortSha + " in\n" + entry).isEqualTo(expected);
        }
        List<String> titles = entry.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4)).toList();
        List<String> known = titles.stream().filter(ORDER::contains).toList();
        assertThat(known).isSortedAccordingTo((a, b) -> ORDER.indexOf(a) - ORDER.indexOf(b));
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(titles.contains("⚠ BREAKING CHANGES")).isEqualTo(items.stream().anyMatch(i -> i.commit().isBreaking()));
    }

    @Property(tries = 300)
    void anEntryPrependedToAChangelogIsFoundAgainAndOlderEntriesStay(@ForAll("items") List<ChangelogWriter.Item> items,
            @ForAll("changelogs") Optional<String> existing) {
        String entry = ChangelogWriter.entry(Version.parse("3.0.0"), LocalDate.of(2024, 5, 1), Optional.empty(),
                Optional.empty(), "s@3.0.0", items);
        String updated = ChangelogWriter.prepend(existing, entry);
        assertThat(updated).endsWith("\n").startsWith("# ");
        assertThat(ChangelogWriter.entryOf(updated, Version.parse("3.0.0"))).contains(entry);
        existing.flatMap(e -> ChangelogWriter.entryOf(e, Version.parse("2.0.0")))
                .ifPresent(old -> assertThat(ChangelogWriter.entryOf(updated, Version.parse("2.0.0"))).contains(old));
        if (existing.isPresent() && existing.get().contains("## 2.0.0")) {
            assertThat(updated.indexOf("## 3.0.0")).isLessThan(updated.indexOf("## 2.0.0"));
        }
    }

    @Provide
    Arbitrary<Optional<String>> changelogs() {
        return Arbitraries.of(Optional.empty(), Optional.of(""), Optional.of("# Changelog\n"),
                Optional.of("# Changelog\n\n## 2.0.0 (2023-01-01)\n\n* old\n"),
                Optional.of("# Changelog\n\n## [2.0.0](u) (2023-01-01)\n\n\n### Features\n\n* old\n\n### 1.0.1 (2022-01-01)\n\n* older\n"),
                Optional.of("# History\n\nPreamble text.\n\n## v2.0.0\n\n* old\n"),
                Optional.of("## Version 1.0.0, released 2020\n\nInitial.\n"));
    }

    @Property(tries = 300)
    void thePullRequestBodyReadsBackWithReleasePleasesPatterns(@ForAll("releases") List<ServiceRelease> releases) {
        String body = ReleasePullRequest.body(releases);
        List<String> lines = body.strip().lines().toList();
        int first = lines.indexOf("---");
        int last = lines.lastIndexOf("---");
        String content = String.join("\n", lines.subList(first + 1, last));
        Pattern summary = Pattern.compile("^(?<component>.*[^:]):? (?<version>\\d+\\.\\d+\\.\\d+.*)$");
        Matcher details = Pattern.compile("<details><summary>(.*?)</summary>\n\n(.*?)\n</details>", Pattern.DOTALL)
                .matcher(content);
        List<String> found = new ArrayList<>();
        while (details.find()) {
            Matcher m = summary.matcher(details.group(1));
            assertThat(m.matches()).isTrue();
            found.add(m.group("component") + "=" + m.group("version") + "=" + details.group(2));
        }
        assertThat(found).containsExactlyElementsOf(releases.stream()
                .map(r -> r.service() + "=" + r.next() + "=" + r.changelog()).toList());
        String title = ReleasePullRequest.title("main", releases);
        assertThat(title).isEqualTo(releases.size() == 1
                ? "chore(main): release " + releases.get(0).service() + " " + releases.get(0).next() : "chore: release main");
    }

    @Provide
    Arbitrary<List<ServiceRelease>> releases() {
        return Combinators.combine(SlipwayArbitraries.serviceIds(), SlipwayArbitraries.releaseVersions())
                .as((s, v) -> release(s, v)).list().ofMinSize(1).ofMaxSize(5);
    }

    static ServiceRelease release(ServiceId s, Version v) {
        return new ServiceRelease(s, Optional.empty(), v, Bump.INITIAL, ReleaseTag.of(s, v), Optional.empty(),
                "## " + v + " (2024-05-01)\n\n\n### Bug Fixes\n\n* x abc1234", List.of());
    }
}
