package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.ConventionalCommit.Footer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConventionalCommitTest {

    private static final String SHA = "1234567890abcdef1234567890abcdef12345678";

    private static ConventionalCommit parsed(String message) {
        Optional<ConventionalCommit> commit = ConventionalCommit.parse(message);
        assertThat(commit).as("parses: %s", message).isPresent();
        return commit.orElseThrow();
    }

    @Nested
    @DisplayName("the header")
    class HeaderRules {

        @Test
        @DisplayName("type and description, no scope, no body, no footers")
        void plain() {
            ConventionalCommit c = parsed("feat: add login");
            assertThat(c.type()).isEqualTo("feat");
            assertThat(c.scope()).isEmpty();
            assertThat(c.isBreaking()).isFalse();
            assertThat(c.description()).isEqualTo("add login");
            assertThat(c.body()).isEmpty();
            assertThat(c.footers()).isEmpty();
            assertThat(c.isRevert()).isFalse();
            assertThat(c.revertedCommit()).isEmpty();
            assertThat(c).isEqualTo(new ConventionalCommit("feat", Optional.empty(), false, "add login", Optional.empty(),
                    List.of(), Optional.empty()));
        }

        @Test
        @DisplayName("the type is lower-cased; digits and underscores are word characters")
        void typeLowerCased() {
            assertThat(parsed("FEAT: x").type()).isEqualTo("feat");
            assertThat(parsed("Fix: x").type()).isEqualTo("fix");
            assertThat(parsed("ci_2: x").type()).isEqualTo("ci_2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a/b,c", "ng:list", "@org/x", "*", "a (b) c", "f(g(h))", " api ", "x!"})
        @DisplayName("the scope is what stands inside the outer parentheses")
        void scopes(String scope) {
            ConventionalCommit c = parsed("fix(" + scope + "): y");
            assertThat(c.scope()).contains(scope);
            assertThat(c.description()).isEqualTo("y");
            assertThat(c.type()).isEqualTo("fix");
        }

        @Test
        @DisplayName("empty parentheses mean no scope")
        void emptyScope() {
            assertThat(parsed("fix(): y").scope()).isEmpty();
            assertThat(parsed("fix( ): y").scope()).isEmpty();
        }

        @Test
        @DisplayName("! before the colon is breaking, with and without scope")
        void bang() {
            assertThat(parsed("feat!: drop v1").isBreaking()).isTrue();
            ConventionalCommit scoped = parsed("feat(api)!: drop v1");
            assertThat(scoped.isBreaking()).isTrue();
            assertThat(scoped.scope()).contains("api");
            assertThat(scoped.description()).isEqualTo("drop v1");
        }

        @Test
        @DisplayName("an empty description is still a header")
        void emptyDescription() {
            assertThat(parsed("feat: ").description()).isEmpty();
            assertThat(parsed("feat(x)!: \n\nbody").description()).isEmpty();
        }

        @Test
        @DisplayName("the description runs to the end of the line, colons and all")
        void descriptionWithColons() {
            assertThat(parsed("fix: a: b (c)!").description()).isEqualTo("a: b (c)!");
        }

        @ParameterizedTest
        @ValueSource(strings = {"feat add", "feat:add", "feat:", "feat :x", "my-type: x", "my type: x", "(x): y",
                ": x", "feat(x: y", "feat(x)) : y", "feat((x): y", "feat!!: x", "feat(x)y: z", "feat!(x): y",
                "", "   ", "\n\n", "just some text", "feat\n: x", " feat: x"})
        @DisplayName("other headers are not conventional")
        void notConventional(String message) {
            assertThat(ConventionalCommit.parse(message)).isEmpty();
        }
    }

    @Nested
    @DisplayName("body and footers")
    class BodyAndFooters {

        @Test
        @DisplayName("the body follows one blank line")
        void body() {
            ConventionalCommit c = parsed("fix: x\n\nfirst line\nsecond line");
            assertThat(c.body()).contains("first line\nsecond line");
            assertThat(c.footers()).isEmpty();
        }

        @Test
        @DisplayName("a body of several paragraphs, then footers")
        void paragraphsThenFooters() {
            ConventionalCommit c = parsed("feat(api): x\n\npara one\nstill one\n\npara two\n\n\npara three\n\n"
                    + "Reviewed-by: Z\nRefs #133");
            assertThat(c.body()).contains("para one\nstill one\n\npara two\n\n\npara three");
            assertThat(c.footers()).containsExactly(new Footer("Reviewed-by", "Z"), new Footer("Refs", "133"));
        }

        @Test
        @DisplayName("both footer forms: 'Token: value' and 'Token #value'")
        void footerForms() {
            ConventionalCommit c = parsed("fix: x\n\nSigned-off-by: A <a@b.c>\nFixes #42\nCo_authored: yes: really");
            assertThat(c.body()).isEmpty();
            assertThat(c.footers()).containsExactly(new Footer("Signed-off-by", "A <a@b.c>"), new Footer("Fixes", "42"),
                    new Footer("Co_authored", "yes: really"));
        }

        @Test
        @DisplayName("a footer value runs over continuation lines until the next footer line")
        void continuation() {
            ConventionalCommit c = parsed("fix: x\n\nbody\n\nBREAKING CHANGE: the config moved\n  see the docs\nand more\n"
                    + "Refs: 1\n\nAcked-by: B\nline");
            assertThat(c.body()).contains("body");
            assertThat(c.footers()).containsExactly(new Footer("BREAKING CHANGE", "the config moved\n  see the docs\nand more"),
                    new Footer("Refs", "1"), new Footer("Acked-by", "B\nline"));
            assertThat(c.isBreaking()).isTrue();
        }

        @Test
        @DisplayName("footer-looking lines followed by a blank line and a plain paragraph are body")
        void footerLookingBody() {
            ConventionalCommit c = parsed("fix: x\n\nNote: this is body\nRefs: 1\n\nplain paragraph");
            assertThat(c.body()).contains("Note: this is body\nRefs: 1\n\nplain paragraph");
            assertThat(c.footers()).isEmpty();
        }

        @Test
        @DisplayName("a last paragraph that starts with text is body even if a later line looks like a footer")
        void trailersOnlyWhenTheParagraphStartsWithOne() {
            ConventionalCommit c = parsed("fix: x\n\nsome text\nRefs: 1");
            assertThat(c.body()).contains("some text\nRefs: 1");
            assertThat(c.footers()).isEmpty();
        }

        @Test
        @DisplayName("footers right after the header, without a body")
        void footersWithoutBody() {
            ConventionalCommit c = parsed("chore: x\n\nRefs: 7");
            assertThat(c.body()).isEmpty();
            assertThat(c.footers()).containsExactly(new Footer("Refs", "7"));
        }

        @Test
        @DisplayName("the footers list is immutable")
        void immutableFooters() {
            List<Footer> footers = parsed("chore: x\n\nRefs: 7").footers();
            assertThatThrownBy(() -> footers.add(new Footer("A", "b"))).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("breaking changes")
    class Breaking {

        @ParameterizedTest
        @ValueSource(strings = {"BREAKING CHANGE: drop v1", "BREAKING-CHANGE: drop v1", "* BREAKING CHANGE: drop v1",
                "* BREAKING-CHANGE: drop v1", "BREAKING CHANGE:"})
        @DisplayName("a BREAKING CHANGE: line in upper case, optionally after a '* ' bullet")
        void breakingLines(String line) {
            assertThat(parsed("feat: x\n\n" + line).isBreaking()).isTrue();
            assertThat(parsed("feat: x\n\nsome body\n\n" + line + "\n\nmore body").isBreaking()).isTrue();
        }

        @Test
        @DisplayName("a squash-merge body with a bulleted breaking change")
        void squashBody() {
            ConventionalCommit c = parsed("feat(api): v2 (#12)\n\n* feat: add v2\n\n* BREAKING CHANGE: drop v1\n\n* docs: x");
            assertThat(c.isBreaking()).isTrue();
            assertThat(c.footers()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"BREAKING CHANGES: drop v1", "breaking change: drop v1", "Breaking Change: drop v1",
                "BREAKING CHANGE drop v1", "BREAKING-CHANGE drop v1", "  BREAKING CHANGE: indented", "- BREAKING CHANGE: x",
                "see BREAKING CHANGE: inline", "BREAKING CHANGE #1", "BREAKING_CHANGE: x", "*BREAKING CHANGE: x"})
        @DisplayName("other spellings are not breaking")
        void notBreaking(String line) {
            ConventionalCommit c = parsed("feat: x\n\n" + line);
            assertThat(c.isBreaking()).isFalse();
            assertThat(c.footers()).noneMatch(Footer::isBreakingChange);
        }

        @Test
        @DisplayName("BREAKING CHANGE is the footer token with a space")
        void breakingFooter() {
            Footer footer = parsed("feat: x\n\nBREAKING CHANGE: gone").footers().get(0);
            assertThat(footer).isEqualTo(new Footer("BREAKING CHANGE", "gone"));
            assertThat(footer.isBreakingChange()).isTrue();
            assertThat(new Footer("BREAKING-CHANGE", "x").isBreakingChange()).isTrue();
            assertThat(new Footer("Refs", "x").isBreakingChange()).isFalse();
            assertThat(parsed("feat: x\n\nOTHER CHANGE: gone").footers()).isEmpty();
        }
    }

    @Nested
    @DisplayName("types and aliases")
    class Types {

        @Test
        void featureAndFix() {
            assertThat(parsed("feat: x").isFeature()).isTrue();
            assertThat(parsed("Feature: x").isFeature()).isTrue();
            assertThat(parsed("FEATURE: x").type()).isEqualTo("feature");
            assertThat(parsed("fix: x").isFeature()).isFalse();
            assertThat(parsed("Fix: x").isFix()).isTrue();
            assertThat(parsed("fixes: x").isFix()).isFalse();
            assertThat(parsed("feat: x").isFix()).isFalse();
        }
    }

    @Nested
    @DisplayName("reverts, merges and fixups")
    class GitMessages {

        @Test
        @DisplayName("git's revert reads as type revert with the reverted header and commit")
        void gitRevert() {
            ConventionalCommit c = parsed("Revert \"feat!: x\"\n\nThis reverts commit " + SHA + ".\n");
            assertThat(c.type()).isEqualTo("revert");
            assertThat(c.isRevert()).isTrue();
            assertThat(c.description()).isEqualTo("feat!: x");
            assertThat(c.revertedCommit()).contains(SHA);
            assertThat(c.isBreaking()).isFalse();
            assertThat(c.scope()).isEmpty();
            assertThat(c.body()).contains("This reverts commit " + SHA + ".");
        }

        @Test
        @DisplayName("an abbreviated sha, more body, and a revert of a revert")
        void abbreviatedAndNested() {
            ConventionalCommit c = parsed("Revert \"Revert \"fix: y\"\"\n\nThis reverts commit abc1234.\n\nBecause.");
            assertThat(c.description()).isEqualTo("Revert \"fix: y\"");
            assertThat(c.revertedCommit()).contains("abc1234");
            assertThat(c.body()).contains("This reverts commit abc1234.\n\nBecause.");
        }

        @Test
        @DisplayName("a revert header without the reverts line is not conventional")
        void revertWithoutSha() {
            assertThat(ConventionalCommit.parse("Revert \"feat: x\"")).isEmpty();
            assertThat(ConventionalCommit.parse("Revert \"feat: x\"\n\nThis reverts commit xyz.")).isEmpty();
        }

        @Test
        @DisplayName("a conventional revert: commit picks up the reverted commit too")
        void conventionalRevert() {
            ConventionalCommit c = parsed("revert: feat: x\n\nThis reverts commit " + SHA + ".");
            assertThat(c.isRevert()).isTrue();
            assertThat(c.revertedCommit()).contains(SHA);
            assertThat(parsed("feat: x\n\nThis reverts commit " + SHA + ".").revertedCommit()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Merge branch 'main' into feature/x", "Merge pull request #12 from a/b\n\nfeat: x",
                "Merge remote-tracking branch 'origin/main'", "Merge branch 'feat: x'", "fixup! feat: x", "squash! fix: y",
                "amend! feat(api): z", "fixup! fixup! feat: x", "WIP", "Update README.md"})
        @DisplayName("merges, fixups and free text are not conventional")
        void notConventional(String message) {
            assertThat(ConventionalCommit.parse(message)).isEmpty();
        }
    }

    @Nested
    @DisplayName("whitespace and line endings")
    class Whitespace {

        private static final String MESSAGE = "feat(api)!: x\n\nbody one\n\nbody two\n\nBREAKING CHANGE: a\n b\nRefs #3\n";

        @Test
        @DisplayName("CRLF messages parse exactly like LF ones")
        void crlf() {
            assertThat(parsed(MESSAGE.replace("\n", "\r\n"))).isEqualTo(parsed(MESSAGE));
            assertThat(parsed("Revert \"x\"\r\n\r\nThis reverts commit abcd.\r\n")).isEqualTo(parsed("Revert \"x\"\n\nThis reverts commit abcd.\n"));
        }

        @Test
        @DisplayName("leading and trailing blank lines and trailing whitespace are ignored")
        void blankLinesAndTrailingWhitespace() {
            String padded = "\n  \n" + MESSAGE.replace("\n", " \t\n") + "\n\n  \n";
            assertThat(parsed(padded)).isEqualTo(parsed(MESSAGE));
            ConventionalCommit c = parsed(MESSAGE);
            assertThat(c.body()).contains("body one\n\nbody two");
            assertThat(c.footers()).containsExactly(new Footer("BREAKING CHANGE", "a\n b"), new Footer("Refs", "3"));
        }
    }

    @Nested
    @DisplayName("the record validates its parts")
    class Validation {

        @Test
        void nullMessage() {
            assertThatThrownBy(() -> ConventionalCommit.parse(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void invalidParts() {
            Optional<String> none = Optional.empty();
            assertThatThrownBy(() -> new ConventionalCommit("Feat", none, false, "x", none, List.of(), none))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"Feat\"");
            assertThatThrownBy(() -> new ConventionalCommit("my-type", none, false, "x", none, List.of(), none))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new ConventionalCommit("feat", Optional.of(" "), false, "x", none, List.of(), none))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new ConventionalCommit("feat", none, false, "x\ny", none, List.of(), none))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new ConventionalCommit("feat", none, false, "x", Optional.of("\n"), List.of(), none))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new ConventionalCommit("feat", none, false, "x", none, List.of(), Optional.of("abcd")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("revert");
            assertThatThrownBy(() -> new ConventionalCommit("revert", none, false, "x", none, List.of(), Optional.of("xyz")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new Footer("Signed off", "x")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new Footer("", "x")).isInstanceOf(InvalidInputException.class);
        }
    }
}
