package dev.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.slipway.api.internal.RefNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The machine's {@code git check-ref-format refs/tags/<name>} is the oracle for git's ref-name rules:
 * {@link RefNames#tagNameProblem} and {@link ReleaseTag} must accept exactly the names git accepts.
 */
class RefNamesGitOracleTest {

    /** Names that probe each rule of git-check-ref-format(1), and their neighbours that pass. */
    private static final List<String> TRICKY = List.of(
            "a..b", "a/.b", "x.lock", "a b", "a~b", "a^b", "a:b", "a?b", "a*b", "a[b", "a\\b", "a@{b", "@", "a.", "a//b",
            "a\tb", "a\u0001b", "a\u001fb", "a\u007fb", "a\nb", "", "/a", "a/", ".a", "a/.", "a/..", ".", "..", "...",
            "a/b.lock/c", "a.lock/b", ".lock", "a/.lock", "a.lock.b", "lock", "a.locks", "a.LOCK", "a/b.", "a..", "a.b.",
            "@{", "@{u}", "a@", "@a", "a@b", "{", "}", "a{b", "a}b", "a]b", "a!b", "a#b", "a$b", "a%b", "a&b", "a'b", "a\"b",
            "a;b", "a<b", "a>b", "a=b", "a|b", "a,b", "a`b", "a(b)", "a+b", "-a", "a-", "_", "a_b", "services/web@1.2.3",
            "@scope/pkg@1.2.3", "@sveltejs/kit@2.5.0", "x{version}y@1.2.3", "HEAD", "refs/heads/main", "a/b/c/d",
            "a\u00a0b", "\u00fcber", "\u65e5\u672c", "a\u2028b", "\ud83d\ude80");

    private static boolean nonAsciiArgumentsSurvive;

    @BeforeAll
    static void gitIsThere() {
        assumeThat(gitAccepts("refs/tags/v1")).as("the git CLI answers check-ref-format").isTrue();
        String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        nonAsciiArgumentsSurvive = Charset.forName(encoding).equals(StandardCharsets.UTF_8);
    }

    @Test
    void trickyNamesAreJudgedAsGitJudgesThem() {
        assertThat(mismatches(TRICKY)).isEmpty();
    }

    @Test
    void randomNamesFromTheRulesAlphabetAreJudgedAsGitJudgesThem() {
        String[] pieces = {"a", "b", "1", ".", ".", "/", "/", "@", "{", "}", ".lock", "lock", "-", "_", " ", "~", "^", ":",
            "?", "*", "[", "]", "\\", "\u0001", "\u007f", "\u00e9", "..", "@{"};
        Random random = new Random(20261126);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < 300) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            names.add(sb.toString());
        }
        assertThat(mismatches(new ArrayList<>(names))).isEmpty();
    }

    @Test
    void theSingleAtIsATagNameGitAccepts() {
        // git refuses the ref name "@" (it means HEAD), not refs/tags/@
        assertThat(gitAccepts("refs/tags/@")).isTrue();
        assertThat(RefNames.tagNameProblem("@")).isNull();
    }

    @Test
    void nulIsRefusedThoughNoProcessArgumentCanCarryIt() {
        assertThat(RefNames.tagNameProblem("a\u0000b")).isEqualTo("it contains a control character at index 1");
    }

    /** What RefNames and ReleaseTag say differently from git, one line per name. */
    private static List<String> mismatches(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!nonAsciiArgumentsSurvive && !name.chars().allMatch(c -> c < 0x80)) {
                continue;
            }
            boolean git = gitAccepts("refs/tags/" + name);
            String problem = RefNames.tagNameProblem(name);
            if (git != (problem == null)) {
                out.add(show(name) + ": git " + (git ? "accepts" : "refuses") + ", RefNames says " + problem);
            }
            ServiceId service;
            try {
                service = ServiceId.of(name);
            } catch (InvalidServiceIdException e) {
                continue;
            }
            // the whole chain: the default pattern's tag of that service
            String tagName = name + "@1.2.3";
            boolean gitTag = gitAccepts("refs/tags/" + tagName);
            boolean slipwayTag;
            try {
                slipwayTag = ReleaseTag.of(service, Version.of(1, 2, 3)).name().equals(tagName);
            } catch (InvalidReleaseTagException e) {
                slipwayTag = false;
            }
            if (gitTag != slipwayTag) {
                out.add(show(tagName) + ": git " + (gitTag ? "accepts" : "refuses") + ", ReleaseTag.of "
                        + (slipwayTag ? "accepts" : "refuses"));
            }
        }
        return out;
    }

    private static String show(String name) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    private static boolean gitAccepts(String refName) {
        ProcessBuilder pb = new ProcessBuilder("git", "check-ref-format", refName).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        try {
            Process process = pb.start();
            try (InputStream in = process.getInputStream()) {
                in.readAllBytes();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("git check-ref-format did not finish for " + show(refName));
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
