package dev.slipway.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.api.InvalidServiceIdException;
import dev.slipway.api.ServiceId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The laws of {@link ServiceId}: round trip, parse-or-throw against the documented rules, whole-segment containment. */
class ServiceIdProperties {

    @Property
    void ofPathIsIdentity(@ForAll("ids") ServiceId id) {
        assertThat(ServiceId.of(id.path())).isEqualTo(id);
        assertThat(ServiceId.of(id.toString())).isEqualTo(id);
        assertThat(String.join("/", id.segments())).isEqualTo(id.path());
        assertThat(id.segments().get(id.segments().size() - 1)).isEqualTo(id.name());
    }

    @Property(tries = 3000)
    void anyStringIsAServiceIdExactlyWhenTheDocumentedRulesSayOrThrows(@ForAll("pathish") String path) {
        String problem = documentedProblem(path);
        try {
            ServiceId id = ServiceId.of(path);
            assertThat(problem).as("accepted \"%s\"", path).isNull();
            assertThat(id.path()).isEqualTo(path);
        } catch (InvalidServiceIdException e) {
            assertThat(problem).as("refused \"%s\": %s", path, e.getMessage()).isNotNull();
            assertThat(e.input()).isEqualTo(path);
            assertThat(e.getMessage()).startsWith("invalid service path \"" + path + "\": ")
                    .endsWith("; expected a repo-relative directory such as services/go-backend");
        }
    }

    @Property
    void containsIsOnWholeSegments(@ForAll("ids") ServiceId id, @ForAll("segments") String more) {
        assertThat(id.contains(id.path())).isTrue();
        assertThat(id.contains(id.path() + "/" + more)).isTrue();
        // a sibling whose last segment merely starts with ours
        assertThat(id.contains(id.path() + more)).isFalse();
        assertThat(ServiceId.of(id.path() + more).contains(id.path() + "/" + more)).isFalse();
        // the parent directory is not inside the service
        if (id.segments().size() > 1) {
            assertThat(id.contains(id.path().substring(0, id.path().lastIndexOf('/')))).isFalse();
        }
    }

    @Property
    void orderIsConsistentWithEquals(@ForAll("ids") ServiceId a, @ForAll("ids") ServiceId b) {
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    /** The rules ServiceId documents, written out independently; null when the path is acceptable. */
    private static String documentedProblem(String path) {
        if (path.isEmpty()) {
            return "empty";
        }
        if (path.chars().anyMatch(c -> c == '\\' || c < 0x20 || c == 0x7f)) {
            return "backslash or control character";
        }
        if (path.startsWith("/") || (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0)))) {
            return "absolute";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "segment";
            }
        }
        return null;
    }

    @Provide
    Arbitrary<ServiceId> ids() {
        return SlipwayArbitraries.serviceIds();
    }

    @Provide
    Arbitrary<String> segments() {
        return net.jqwik.api.Arbitraries.strings().withChars("abz09-_.@").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.equals(".") && !s.equals(".."));
    }

    @Provide
    Arbitrary<String> pathish() {
        return NearMisses.of(SlipwayArbitraries.serviceIds().map(ServiceId::path), "ab/.\\:C@- \t\u0000\u007f\u00e9");
    }
}
