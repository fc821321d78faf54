package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ConventionalCommit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ConventionalCommit#parse} is a hand-written scanner for speed; the regular-expression implementation
 * it replaced ({@link RegexConventionalCommitParser}) is the oracle: both give equal results for every message.
 */
class ConventionalCommitScannerProperties {

    /** Whole lines that hit the scanner's branches: headers, footers, breaking lines, reverts, whitespace. */
    private static final List<String> LINES = List.of("feat: x", "Feat(api)!: y ", "fix(a(b)c): z", "fix(: z", "fix(): e",
            "feat( ): e", "feat!:", "feat!: ", "feat:  padded  ", "chore(ng:list)!: q", "Revert \"feat: x\"", "Revert \"\"",
            "Revert \"x", "This reverts commit abcd.", "This reverts commit 0123456789abcdef0123456789abcdef01234567",
            "This reverts commit abc", "This reverts commit abcdefg", "This reverts commit abcd, and more",
            "This reverts commit " + "a".repeat(65), "BREAKING CHANGE: gone", "BREAKING CHANGE:", "BREAKING CHANGE:x",
            "BREAKING-CHANGE: gone", "BREAKING CHANGE #1", "BREAKING-CHANGE #1", "BREAKING #1", "* BREAKING CHANGE: b",
            "*BREAKING CHANGE: b", "BREAKING CHANGES: no", "breaking change: no", "Refs: #12", "Refs #12", "Refs #",
            "Signed-off-by: A <a@b.c>", "Token:", "Token: ", "a-b_c: v", "-: v", "not: a footer line?", "plain text",
            "  indented: x", "", " ", "\t", "\u00a0", "\u2003", "\u3000", "trailing \t ", "fixup! fix: x", "squash! x: y",
            "amend! x: y", "Merge branch 'x'", "Merge: x", "\u00e9t\u00e9: x", "x\u2028: y");

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> separator = Arbitraries.of("\n", "\n", "\n", "\n\n", "\r\n", "\r", "\n \n", "\n\t\n");
        Arbitrary<String> line = Arbitraries.of(LINES);
        return Arbitraries.lazyOf(() -> line.list().ofMinSize(1).ofMaxSize(9).flatMap(lines ->
                separator.list().ofSize(lines.size()).map(seps -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < lines.size(); i++) {
                        sb.append(lines.get(i)).append(seps.get(i));
                    }
                    return sb.toString();
                })));
    }

    @Property(tries = 3000)
    void theScannerEqualsTheRegexImplementationOnLineSoups(@ForAll("messages") String message) {
        assertThat(ConventionalCommit.parse(message)).as(message).isEqualTo(RegexConventionalCommitParser.parse(message));
    }

    @Property
    void theScannerEqualsTheRegexImplementationOnWrittenCommits(@ForAll("commits") String message) {
        assertThat(ConventionalCommit.parse(message)).as(message).isEqualTo(RegexConventionalCommitParser.parse(message));
    }

    @Provide
    Arbitrary<String> commits() {
        return SlipwayArbitraries.commitMessages();
    }

    @Property
    void theScannerEqualsTheRegexImplementationOnArbitraryStrings(@ForAll String text) {
        assertThat(ConventionalCommit.parse(text)).as(text).isEqualTo(RegexConventionalCommitParser.parse(text));
    }
}
