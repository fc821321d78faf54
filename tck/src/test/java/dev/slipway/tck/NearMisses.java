package dev.slipway.tck;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Strings one to three edits away from valid ones: where parsers mistake invalid input for valid. */
final class NearMisses {

    private enum Edit { INSERT, DELETE, REPLACE, DOUBLE }

    private record Step(Edit edit, int position, char c) {
    }

    private NearMisses() {
    }

    /**
     * Valid texts with one to three edits (insert, delete, replace, double a character) using characters
     * of an alphabet, mixed with the valid texts themselves and with short strings of that alphabet.
     */
    static Arbitrary<String> of(Arbitrary<String> valid, String alphabet) {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Edit.class), Arbitraries.integers().between(0, 200),
                Arbitraries.of(alphabet.toCharArray())).as(Step::new);
        Arbitrary<String> edited = Combinators.combine(valid, step.list().ofMinSize(1).ofMaxSize(3)).as(NearMisses::apply);
        Arbitrary<String> soup = Arbitraries.strings().withChars(alphabet).ofMaxLength(24);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, edited),
                net.jqwik.api.Tuple.of(2, valid),
                net.jqwik.api.Tuple.of(2, soup),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings()));
    }

    private static String apply(String text, List<Step> steps) {
        StringBuilder sb = new StringBuilder(text);
        for (Step step : steps) {
            int at = sb.length() == 0 ? 0 : step.position() % (sb.length() + 1);
            switch (step.edit()) {
                case INSERT -> sb.insert(at, step.c());
                case DELETE -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
                case REPLACE -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, step.c());
                    } else {
                        sb.append(step.c());
                    }
                }
                case DOUBLE -> {
                    if (at < sb.length()) {
                        sb.insert(at, sb.charAt(at));
                    }
                }
                default -> throw new AssertionError(step);
            }
        }
        return sb.toString();
    }
}
