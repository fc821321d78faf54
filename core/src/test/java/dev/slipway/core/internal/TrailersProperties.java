package dev.slipway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.CommitId;
import dev.slipway.api.ServiceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The trailer groups survive a commit message, and the back-off stays within its bounds. */
class TrailersProperties {

    @Provide
    Arbitrary<Trailers.Group> groups() {
        Arbitrary<ServiceId> services = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith("-")).list().ofMinSize(1).ofMaxSize(3)
                .map(parts -> ServiceId.of(String.join("/", parts)));
        Arbitrary<String> versions = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', '-', '_')
                .ofMinLength(1).ofMaxLength(20).filter(v -> Character.isLetterOrDigit(v.charAt(0)) && !v.equals("none"));
        Arbitrary<String> envs = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<Optional<CommitId>> commits = Arbitraries.strings().withChars("0123456789abcdef").ofLength(40)
                .map(CommitId::of).optional();
        Arbitrary<Optional<String>> overrides = Arbitraries.strings().alpha().withChars(' ', ':').ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank()).map(s -> "rule: " + s.strip()).optional();
        return Combinators.combine(services, envs, versions, versions.list().ofMaxSize(2), commits, overrides)
                .as(Trailers.Group::new);
    }

    @Provide
    Arbitrary<List<Trailers.Group>> groupLists() {
        return groups().list().ofMaxSize(4);
    }

    @Property
    void formatThenParseGivesTheGroupsBack(@ForAll("groupLists") List<Trailers.Group> groups) {
        String message = "chore(deploy): something\n\n- a body line: with a colon\n\n" + Trailers.format(groups);
        List<Trailers.Group> parsed = Trailers.parse(message);
        assertThat(parsed).isEqualTo(groups.stream().map(g -> new Trailers.Group(g.service(), g.environment(), g.version(),
                g.previous().stream().map(String::strip).toList(), g.builtCommit(), g.override())).toList());
        // a CRLF message reads the same
        assertThat(Trailers.parse(message.replace("\n", "\r\n"))).isEqualTo(parsed);
    }

    @Property
    void backoffIsFullJitterCappedAtTwoSeconds(@ForAll @IntRange(min = 0, max = 40) int retry, @ForAll long seed) {
        Duration bound = Backoff.bound(retry);
        assertThat(bound).isEqualTo(Duration.ofMillis(Math.min(2000, 50L << Math.min(retry, 20))));
        Duration delay = new Backoff(new SplittableRandom(seed)).delay(retry);
        assertThat(delay).isBetween(Duration.ZERO, bound);
    }
}
