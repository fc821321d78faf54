package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ConventionalCommit;
import dev.slipway.api.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG entries against Release Please's own expectations: the cases of its
 * {@code __snapshots__/default-changelog-notes.js} and {@code __snapshots__/changelog.js}, rebuilt here with the
 * same inputs and the same expected text.
 */
class ChangelogWriterTest {

    static final String URL = "https://github.com/googleapis/java-asset";
    static final LocalDate DATE = LocalDate.of(1983, 10, 10);
    static final String HEADER = "## [1.2.3](" + URL + "/compare/v1.2.2...v1.2.3) (1983-10-10)\n";

    static ChangelogWriter.Item item(String sha, String message) {
        ConventionalCommit c = ConventionalCommit.parse(message).orElseThrow();
        return new ChangelogWriter.Item(sha, message.split("\n", 2)[0], c);
    }

    static String entry(ChangelogWriter.Item... items) {
        return ChangelogWriter.entry(Version.parse("1.2.3"), DATE, Optional.of(URL), Optional.of("v1.2.2"), "v1.2.3",
                List.of(items));
    }

    static String link(String sha) {
        return "([" + sha.substring(0, Math.min(7, sha.length())) + "](" + URL + "/commit/" + sha + "))";
    }

    @Nested
    @DisplayName("Release Please's default-changelog-notes snapshots")
    class Snapshots {

        @Test
        @DisplayName("should build default release notes: breaking notes, Features, Bug Fixes; docs hidden")
        void defaults() {
            assertThat(entry(item("sha1", "feat: some feature"), item("sha2", "fix!: some bugfix"),
                    item("sha3", "docs: some documentation"))).isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * some bugfix

                    ### Features

                    * some feature ([sha1](https://github.com/googleapis/java-asset/commit/sha1))


                    ### Bug Fixes

                    * some bugfix ([sha2](https://github.com/googleapis/java-asset/commit/sha2))""");
        }

        @Test
        @DisplayName("should handle BREAKING CHANGE body")
        void breakingBody() {
            String sha = "78abf20625d3ff86d627b5c6e0cacd06";
            assertThat(entry(item(sha, "feat: some feature\n\nBREAKING CHANGE: this is actually a breaking change")))
                    .isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * this is actually a breaking change

                    ### Features

                    * some feature\s""" + link(sha));
        }

        @Test
        @DisplayName("should handle bug links: a closing footer adds ', closes [#123](...)'")
        void bugLinks() {
            String sha = "71489e63ad212c54598f5bdcbedec5f6";
            assertThat(entry(item(sha, "fix: some fix\n\nFixes #123"))).isEqualTo(HEADER + "\n\n### Bug Fixes\n\n"
                    + "* some fix " + link(sha) + ", closes [#123](" + URL + "/issues/123)");
        }

        @Test
        @DisplayName("should handle inline bug links: #1234 in the description is linked")
        void inlineBugLinks() {
            String sha = "6f2163be093d8a8dd90232d06b45c07e";
            assertThat(entry(item(sha, "fix: some bugfix (#1234)"))).isEqualTo(HEADER + "\n\n### Bug Fixes\n\n"
                    + "* some bugfix ([#1234](" + URL + "/issues/1234)) " + link(sha));
        }

        @Test
        @DisplayName("should handle a breaking change with reference: the note links (#1234) too")
        void breakingWithReference() {
            String sha = "749cd8b9edc6103a2f40a34ca45c31c5";
            assertThat(entry(item(sha, "fix!: some bugfix (#1234)"))).isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * some bugfix ([#1234](https://github.com/googleapis/java-asset/issues/1234))

                    ### Bug Fixes

                    * some bugfix ([#1234](https://github.com/googleapis/java-asset/issues/1234))\s""" + link(sha));
        }

        @Test
        @DisplayName("should handle html tags: < and > are escaped")
        void htmlTags() {
            String sha = "383fb14708ae91f7bb7e64bf0bacab38";
            assertThat(entry(item(sha, "feat: render all imagesets as <picture>"))).isEqualTo(HEADER
                    + "\n\n### Features\n\n* render all imagesets as &lt;picture&gt; " + link(sha));
        }

        @Test
        @DisplayName("should handle multi-line breaking change, if prefixed with list")
        void multiLineList() {
            String sha = "a931c2d29e9849c6989dfd4712226699";
            assertThat(entry(item(sha, "chore: upgrade to Node 7\n\nBREAKING CHANGE: we were on Node 6\n"
                    + "- deleted API foo\n- deleted API bar"))).isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * we were on Node 6
                        - deleted API foo
                        - deleted API bar

                    ### Miscellaneous Chores

                    * upgrade to Node 7\s""" + link(sha));
        }

        @Test
        @DisplayName("should handle multi-line breaking changes: continuation lines join with spaces")
        void multiLine() {
            String sha = "8916be74596394c27516696b957fd0d7";
            assertThat(entry(item(sha, "chore: upgrade to Node 7\n\nBREAKING CHANGE: we were on Node 6\nsecond line\n"
                    + "third line"))).contains("* we were on Node 6 second line third line\n\n### Miscellaneous Chores");
        }

        @Test
        @DisplayName("should not include content two newlines after BREAKING CHANGE")
        void twoNewlines() {
            String sha = "66925b06f59fc4fdd3031c498e1b0098";
            assertThat(entry(item(sha, "chore: upgrade to Node 7\n\nBREAKING CHANGE: we were on Node 6\n\n"
                    + "more text that is not part of it"))).isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * we were on Node 6

                    ### Miscellaneous Chores

                    * upgrade to Node 7\s""" + link(sha));
        }

        @Test
        @DisplayName("should handle git trailers: a BREAKING CHANGE footer among Signed-off-by")
        void trailers() {
            String sha = "c538c973dc84b83ee6b699cf6433f0b3";
            assertThat(entry(item(sha, "fix: some fix\n\nBREAKING CHANGE: this is actually a breaking change\n"
                    + "Signed-off-by: A Person <a@example.com>"))).isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * this is actually a breaking change

                    ### Bug Fixes

                    * some fix\s""" + link(sha));
        }

        @Test
        @DisplayName("a scoped breaking note and entry read **scope:** (the meta-commits snapshot)")
        void scoped() {
            String sha = "3cf10aa5f94cd40a1d0d08e573eb737f";
            assertThat(entry(item(sha, "feat(recaptchaenterprise)!: migrate microgenerator\n\n"
                    + "BREAKING CHANGE: for some reason this migration is breaking."),
                    item(sha, "fix: fixes bug #733"), item(sha, "fix(securitycenter): fixes security center.")))
                    .isEqualTo(HEADER + """


                    ### ⚠ BREAKING CHANGES

                    * **recaptchaenterprise:** for some reason this migration is breaking.

                    ### Features

                    * **recaptchaenterprise:** migrate microgenerator\s""" + link(sha) + """



                    ### Bug Fixes

                    * fixes bug [#733](https://github.com/googleapis/java-asset/issues/733)\s""" + link(sha) + """

                    * **securitycenter:** fixes security center.\s""" + link(sha));
        }
    }

    @Nested
    @DisplayName("header and links")
    class Header {

        @Test
        @DisplayName("without a repository URL: plain header, short sha without a link, #123 unlinked")
        void noUrl() {
            String text = ChangelogWriter.entry(Version.parse("0.2.0"), DATE, Optional.empty(), Optional.of("x@0.1.0"),
                    "x@0.2.0", List.of(item("0123456789abcdef0123456789abcdef01234567", "feat(api): add #5\n\nCloses #6")));
            assertThat(text).isEqualTo("## 0.2.0 (1983-10-10)\n\n\n### Features\n\n"
                    + "* **api:** add #5 0123456, closes #6");
        }

        @Test
        @DisplayName("with a repository URL but no previous tag (first release): plain header, linked entries")
        void firstRelease() {
            String sha = "0123456789abcdef0123456789abcdef01234567";
            String text = ChangelogWriter.entry(Version.parse("0.1.0"), DATE, Optional.of(URL), Optional.empty(),
                    "services/web@0.1.0", List.of(item(sha, "fix: x")));
            assertThat(text).isEqualTo("## 0.1.0 (1983-10-10)\n\n\n### Bug Fixes\n\n* x (["
                    + "0123456](" + URL + "/commit/" + sha + "))");
        }

        @Test
        @DisplayName("monorepo tags stay as they are in the compare link")
        void compareLink() {
            String text = ChangelogWriter.entry(Version.parse("1.3.0"), DATE, Optional.of(URL),
                    Optional.of("services/web@1.2.0"), "services/web@1.3.0", List.of(item("abcdef1", "feat: x")));
            assertThat(text).startsWith("## [1.3.0](" + URL + "/compare/services/web@1.2.0...services/web@1.3.0)"
                    + " (1983-10-10)\n\n\n### Features\n\n");
        }
    }

    @Nested
    @DisplayName("sections")
    class Sections {

        @Test
        @DisplayName("order: Features, Bug Fixes, Performance Improvements, Reverts, whatever the commit order")
        void order() {
            String text = entry(item("4444444", "revert: undo x"), item("3333333", "perf: faster"),
                    item("2222222", "fix: broken"), item("1111111", "Feature: new"));
            assertThat(sectionTitles(text)).containsExactly("Features", "Bug Fixes", "Performance Improvements", "Reverts");
        }

        @Test
        @DisplayName("git reverts (Revert \"...\") land in Reverts with the reverted header as text")
        void gitRevert() {
            String text = entry(item("4444444", "Revert \"feat: x\"\n\nThis reverts commit 1234567."));
            assertThat(text).endsWith("### Reverts\n\n* feat: x " + link("4444444"));
        }

        @Test
        @DisplayName("hidden types (chore, docs, ...) show only when breaking; unknown breaking types under their name")
        void hidden() {
            String text = entry(item("1111111", "chore: tidy"), item("2222222", "docs: words"),
                    item("3333333", "fix: real"), item("4444444", "refactor!: rename"), item("5555555", "meta!: odd"));
            assertThat(sectionTitles(text)).containsExactly("⚠ BREAKING CHANGES", "Bug Fixes", "Code Refactoring", "meta");
            assertThat(text).doesNotContain("tidy", "words");
        }

        @Test
        @DisplayName("a Release-As commit of a hidden type is shown: it is why the version moved")
        void releaseAs() {
            assertThat(entry(item("1f64add37f426e87ce1b777616a137ec", "chore: correct release\n\nRelease-As: v3.0.0")))
                    .isEqualTo(HEADER + "\n\n### Miscellaneous Chores\n\n* correct release " + link("1f64add37f426e87ce1b777616a137ec"));
        }

        @Test
        @DisplayName("within a section: unscoped first, then by scope, then by description")
        void sorted() {
            String text = entry(item("1111111", "fix(b): zzz"), item("2222222", "fix(a): yyy"), item("3333333", "fix: xxx"),
                    item("4444444", "fix(a): aaa"));
            List<String> lines = text.lines().filter(l -> l.startsWith("* ")).map(l -> l.substring(0, l.indexOf(" (["))).toList();
            assertThat(lines).containsExactly("* xxx", "* **a:** aaa", "* **a:** yyy", "* **b:** zzz");
        }

        @Test
        @DisplayName("a commit with a ! and no footer gives its description as the breaking note; one note per footer")
        void notes() {
            assertThat(ChangelogWriter.notes(ConventionalCommit.parse("feat!: drop v1").orElseThrow()))
                    .containsExactly("drop v1");
            assertThat(ChangelogWriter.notes(ConventionalCommit.parse(
                    "feat: x\n\nBREAKING CHANGE: one\nBREAKING-CHANGE: two").orElseThrow())).containsExactly("one", "two");
            assertThat(ChangelogWriter.notes(ConventionalCommit.parse(
                    "feat: squash (#9)\n\n* feat: x\n\n* BREAKING CHANGE: the api moved\n\nmore").orElseThrow()))
                    .containsExactly("the api moved");
            assertThat(ChangelogWriter.notes(ConventionalCommit.parse("feat: x").orElseThrow())).isEmpty();
        }

        List<String> sectionTitles(String text) {
            List<String> out = new ArrayList<>();
            text.lines().filter(l -> l.startsWith("### ")).forEach(l -> out.add(l.substring(4)));
            return out;
        }
    }

    @Nested
    @DisplayName("escaping")
    class Escaping {

        @Test
        @DisplayName("< and > are escaped outside code spans, as Release Please's htmlEscape does")
        void escape() {
            assertThat(ChangelogWriter.htmlEscape("a <b> c")).isEqualTo("a &lt;b&gt; c");
            assertThat(ChangelogWriter.htmlEscape("use `List<String>` not <T>")).isEqualTo("use `List<String>` not &lt;T&gt;");
            assertThat(ChangelogWriter.htmlEscape("``a `<x>` b`` <")).isEqualTo("``a `<x>` b`` &lt;");
            assertThat(ChangelogWriter.htmlEscape("unclosed `<x>")).isEqualTo("unclosed `&lt;x&gt;");
        }
    }

    @Nested
    @DisplayName("CHANGELOG.md updates (Release Please's changelog.js snapshots)")
    class Prepend {

        static final String NEW = "## 2.0.0\n\n* added a new foo to bar.";

        @Test
        @DisplayName("populates a new CHANGELOG if none exists")
        void create() {
            assertThat(ChangelogWriter.prepend(Optional.empty(), NEW)).isEqualTo("# Changelog\n\n" + NEW + "\n");
            assertThat(ChangelogWriter.prepend(Optional.of("\n"), NEW)).isEqualTo("# Changelog\n\n" + NEW + "\n");
        }

        @Test
        @DisplayName("inserts content at appropriate location if CHANGELOG exists (before ## v0.8.2)")
        void insert() {
            String preamble = "# Changelog\n\n[npm history][1]\n\n[1]: https://www.npmjs.com/package/dialogflow?activeTab=versions\n";
            String old = "## v0.8.2\n\n03-13-2019 16:30 PDT\n\n### Bug Fixes\n- fix: throw on invalid credentials\n";
            assertThat(ChangelogWriter.prepend(Optional.of(preamble + "\n" + old), NEW))
                    .isEqualTo(preamble + "\n" + NEW + "\n\n" + old);
        }

        @Test
        @DisplayName("inserts before a ### [0.3.3](...) header (last release was a patch)")
        void patchHeader() {
            String preamble = "# Changelog\n\n[npm history][1]\n";
            String old = "### [0.3.3](https://www.github.com/googleapis/nodejs-os-login/compare/v0.3.2...v0.3.3) (2019-04-30)\n\n\n"
                    + "### Bug Fixes\n\n* include header\n";
            assertThat(ChangelogWriter.prepend(Optional.of(preamble + "\n" + old), NEW))
                    .isEqualTo(preamble + "\n" + NEW + "\n\n" + old);
        }

        @Test
        @DisplayName("prepends CHANGELOG entries if a different style is found (no title: # Changelog on top)")
        void otherStyle() {
            String old = "## Version 1.0.0-alpha01, released 2022-06-25\n\nSecond alpha release.\n\n"
                    + "## Version 1.0.0-alpha00, released 2022-06-24\n\nInitial release.\n";
            assertThat(ChangelogWriter.prepend(Optional.of(old), "## 1.0.0\n\n* added a new foo to bar."))
                    .isEqualTo("# Changelog\n\n## 1.0.0\n\n* added a new foo to bar.\n\n" + old);
        }

        @Test
        @DisplayName("a titled file without entries keeps its preamble on top and gets the entry below it")
        void titled() {
            assertThat(ChangelogWriter.prepend(Optional.of("# Changelog\n\nAll notable changes.\n"), NEW))
                    .isEqualTo("# Changelog\n\nAll notable changes.\n\n" + NEW + "\n");
        }

        @Test
        @DisplayName("the entry of a version is found again (what a release tag's message holds)")
        void entryOf() {
            String file = ChangelogWriter.prepend(Optional.of("# Changelog\n\n## [1.0.0](u) (2020-01-01)\n\n* old\n"),
                    "## [1.1.0](u) (2021-01-01)\n\n\n### Features\n\n* new");
            assertThat(ChangelogWriter.entryOf(file, Version.parse("1.1.0")))
                    .contains("## [1.1.0](u) (2021-01-01)\n\n\n### Features\n\n* new");
            assertThat(ChangelogWriter.entryOf(file, Version.parse("1.0.0"))).contains("## [1.0.0](u) (2020-01-01)\n\n* old");
            assertThat(ChangelogWriter.entryOf(file, Version.parse("1.0.1"))).isEmpty();
            assertThat(ChangelogWriter.entryOf("## 1.0.10 (x)\n", Version.parse("1.0.1"))).isEmpty();
        }
    }
}
