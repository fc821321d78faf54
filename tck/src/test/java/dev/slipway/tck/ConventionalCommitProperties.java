package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.ConventionalCommit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** The laws of {@link ConventionalCommit#parse(String)}: well-formed messages read back to their parts; nothing else throws. */
class ConventionalCommitProperties {

    private static final List<String> FRAGMENTS = List.of("feat", "FIX", "Feature", "revert", "Revert \"", "\"", "(", ")",
            "!", ":", " ", ": ", " #", "#", "\n", "\n\n", "\r\n", "\r", "\t", "BREAKING CHANGE", "BREAKING-CHANGE",
            "BREAKING CHANGES", "* ", "This reverts commit ", "abc1234", "1234567890abcdef1234567890abcdef12345678", ".",
            "Refs", "Signed-off-by", "-", "_", "fixup! ", "squash! ", "amend! ", "Merge branch ", "Merge pull request ",
            "x", "scope", "@org/x", "\u00e9", "\u2003", "\u0000", "\uD83D\uDE00");

    @Property
    void aWellFormedMessageParsesBackToItsParts(@ForAll("commits") ConventionalCommit commit) {
        String message = SlipwayArbitraries.commitMessage(commit);
        ConventionalCommit parsed = ConventionalCommit.parse(message).orElseThrow(() -> new AssertionError("not parsed: " + message));
        assertThat(parsed.type()).as(message).isEqualTo(commit.type());
        assertThat(parsed.scope()).as(message).isEqualTo(commit.scope());
        assertThat(parsed.isBreaking()).as(message).isEqualTo(commit.isBreaking());
        assertThat(parsed.description()).as(message).isEqualTo(commit.description());
        assertThat(parsed.body()).as(message).isEqualTo(commit.body());
        assertThat(parsed.footers()).as(message).isEqualTo(commit.footers());
        assertThat(parsed.revertedCommit()).as(message).isEqualTo(commit.revertedCommit());
        assertThat(parsed).isEqualTo(commit);
    }

    @Property
    void everyWayOfWritingACommitParsesToIt(@ForAll("writings") Tuple2<ConventionalCommit, String> written) {
        assertThat(ConventionalCommit.parse(written.get2())).as(written.get2()).contains(written.get1());
    }

    @Property
    void crlfMessagesParseLikeLfMessages(@ForAll("writings") Tuple2<ConventionalCommit, String> written) {
        String crlf = written.get2().replace("\n", "\r\n");
        assertThat(ConventionalCommit.parse(crlf)).as(crlf).contains(written.get1());
    }

    @Property
    void headerishStringsNeverThrowAndCrlfChangesNothing(@ForAll("headerish") String text) {
        Optional<ConventionalCommit> parsed = ConventionalCommit.parse(text);
        // the documented reading: \r\n is one line break, and so is a lone \r
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        assertThat(ConventionalCommit.parse(lf)).isEqualTo(parsed);
        assertThat(ConventionalCommit.parse(lf.replace("\n", "\r\n"))).isEqualTo(parsed);
        parsed.ifPresent(commit -> {
            assertThat(commit.type()).matches("[a-z0-9_]+");
            assertThat(commit.description()).doesNotContain("\n");
            assertThat(commit.description()).doesNotContain("\r");
            if (commit.revertedCommit().isPresent() && text.stripLeading().startsWith("Revert \"")) {
                assertThat(commit.isBreaking()).as("a git revert is not breaking").isFalse();
            }
        });
    }

    @Property
    void anyStringNeverThrows(@ForAll String text) {
        assertThat(ConventionalCommit.parse(text)).isNotNull();
    }

    @Property
    void anyStringAfterAHeaderNeverThrows(@ForAll("headers") String header, @ForAll String rest) {
        assertThat(ConventionalCommit.parse(header + "\n\n" + rest)).isPresent();
    }

    @Provide
    Arbitrary<ConventionalCommit> commits() {
        return SlipwayArbitraries.conventionalCommits();
    }

    @Provide
    Arbitrary<Tuple2<ConventionalCommit, String>> writings() {
        return SlipwayArbitraries.conventionalCommits()
                .flatMap(commit -> SlipwayArbitraries.commitMessages(commit).map(message -> Tuple.of(commit, message)));
    }

    @Provide
    Arbitrary<String> headerish() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> headers() {
        return SlipwayArbitraries.commitMessages().map(message -> message.lines().findFirst().orElseThrow())
                .filter(header -> !header.startsWith("Revert \""));
    }
}
