package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ReleaseTag;
import dev.slipway.api.ServiceId;
import dev.slipway.api.Version;
import dev.slipway.core.Bump;
import dev.slipway.core.ServiceRelease;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The release pull request in Release Please's layout (its src/util/pull-request-body.ts and -title.ts). */
class ReleasePullRequestTest {

    static ServiceRelease release(String service, String version, String changelog) {
        ServiceId id = ServiceId.of(service);
        Version v = Version.parse(version);
        return new ServiceRelease(id, Optional.empty(), v, Bump.INITIAL, ReleaseTag.of(id, v), Optional.empty(),
                changelog, List.of());
    }

    static final ServiceRelease WEB = release("services/web", "1.3.0", "## 1.3.0 (2024-05-01)\n\n\n### Features\n\n* x abc1234");
    static final ServiceRelease API = release("services/api", "0.1.0", "## 0.1.0 (2024-05-01)\n\n\n### Bug Fixes\n\n* y def5678");

    @Test
    @DisplayName("title: chore(main): release <service> <version> for one, chore: release main for several")
    void title() {
        assertThat(ReleasePullRequest.title("main", List.of(WEB))).isEqualTo("chore(main): release services/web 1.3.0");
        assertThat(ReleasePullRequest.title("main", List.of(API, WEB))).isEqualTo("chore: release main");
        assertThat(ReleasePullRequest.title("trunk", List.of(API, WEB))).isEqualTo("chore: release trunk");
    }

    @Test
    @DisplayName("body: header, ---, two blank lines, <details> blocks joined by a blank line, ---, footer")
    void body() {
        assertThat(ReleasePullRequest.body(List.of(API, WEB))).isEqualTo("""
                :robot: I have created a release *beep* *boop*
                ---


                <details><summary>services/api: 0.1.0</summary>

                ## 0.1.0 (2024-05-01)


                ### Bug Fixes

                * y def5678
                </details>

                <details><summary>services/web: 1.3.0</summary>

                ## 1.3.0 (2024-05-01)


                ### Features

                * x abc1234
                </details>

                ---
                """ + ReleasePullRequest.FOOTER);
    }

    @Test
    @DisplayName("one service gets its <details> block too (monorepo components)")
    void single() {
        assertThat(ReleasePullRequest.body(List.of(WEB)))
                .contains("---\n\n\n<details><summary>services/web: 1.3.0</summary>\n\n## 1.3.0").endsWith("---\n"
                        + ReleasePullRequest.FOOTER);
    }

    @Test
    @DisplayName("Release Please's reader parses it back: delimiters split, each summary matches its SUMMARY_PATTERN")
    void readBack() {
        String body = ReleasePullRequest.body(List.of(API, WEB));
        // splitBody: the first and last '---' lines delimit the notes
        List<String> lines = body.strip().lines().toList();
        int first = lines.indexOf("---");
        int last = lines.lastIndexOf("---");
        assertThat(first).isGreaterThan(0);
        assertThat(last).isGreaterThan(first);
        String content = String.join("\n", lines.subList(first + 1, last));
        Pattern summary = Pattern.compile("^(?<component>.*[^:]):? (?<version>\\d+\\.\\d+\\.\\d+.*)$");
        Matcher details = Pattern.compile("<details><summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL).matcher(content);
        List<String> found = new java.util.ArrayList<>();
        while (details.find()) {
            Matcher m = summary.matcher(details.group(1));
            assertThat(m.matches()).isTrue();
            found.add(m.group("component") + " " + m.group("version"));
            assertThat(details.group(2).strip()).startsWith("## " + m.group("version"));
        }
        assertThat(found).containsExactly("services/api 0.1.0", "services/web 1.3.0");
    }

    @Test
    @DisplayName("branch: slipway--branches--<branch>, stable across plans")
    void branch() {
        assertThat(ReleasePullRequest.branch("main")).isEqualTo("slipway--branches--main");
    }
}
