package dev.slipway.core.internal;

import dev.slipway.core.manifest.ManifestEditException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;

/**
 * Replaces the bytes of scalar values (and at most one inserted {@code key: value} line), then parses the
 * result and checks that the event stream equals the original's except for the edited values: same
 * structure, keys, other values, styles, anchors, tags and comments. Any other difference refuses the
 * edit.
 */
public final class ScalarRewriter {

    /**
     * A value to replace.
     *
     * @param event the index of its scalar event in the original file
     * @param newValue the value it gets
     */
    public record Replacement(int event, String newValue) {
    }

    /**
     * Lines to insert: {@code key: value} pairs at the given byte offset, as keys of a block mapping.
     *
     * @param offset where the bytes go (a line start, or the end of a file without a final newline)
     * @param text the bytes to insert, line breaks included
     * @param mapping the index of the mapping's start event (in the original and the new file alike)
     * @param pairs the keys and values, in the order of the lines
     */
    public record Insertion(int offset, byte[] text, int mapping, List<Map.Entry<String, String>> pairs) {
    }

    private ScalarRewriter() {
    }

    /**
     * The content with the values replaced and the line inserted, verified.
     *
     * @param file the original file
     * @param replacements values to replace (distinct events)
     * @param insertion a line to insert, or null
     * @param line a 1-based line to name in errors
     * @return the new content; {@code file.bytes()} itself when nothing changes
     * @throws ManifestEditException if the result would not parse back as the original with the new values
     */
    public static byte[] rewrite(YamlFile file, List<Replacement> replacements, Insertion insertion, int line) {
        List<Event> events = file.events();
        record Span(int start, int end, byte[] text) {
        }
        List<Span> spans = new ArrayList<>();
        Map<Integer, String> expected = new HashMap<>();
        Map<Integer, ScalarStyle> expectedStyle = new HashMap<>();
        for (Replacement r : replacements) {
            ScalarEvent s = (ScalarEvent) events.get(r.event());
            if (s.getValue().equals(r.newValue())) {
                continue;
            }
            String text = YamlScalars.format(r.newValue(), s.getScalarStyle());
            int start = file.byteOffset(s.getStartMark().orElseThrow().getIndex());
            int end = file.byteOffset(s.getEndMark().orElseThrow().getIndex());
            spans.add(new Span(start, end, text.getBytes(StandardCharsets.UTF_8)));
            expected.put(r.event(), r.newValue());
            expectedStyle.put(r.event(), YamlScalars.resultingStyle(r.newValue(), s.getScalarStyle()));
        }
        if (insertion != null) {
            spans.add(new Span(insertion.offset(), insertion.offset(), insertion.text()));
        }
        if (spans.isEmpty()) {
            return file.bytes();
        }
        spans.sort(Comparator.comparingInt(Span::start));
        byte[] in = file.bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at) {
                throw new IllegalArgumentException("overlapping edits in " + file.path());
            }
            out.write(in, at, s.start() - at);
            out.write(s.text(), 0, s.text().length);
            at = s.end();
        }
        out.write(in, at, in.length - at);
        byte[] result = out.toByteArray();

        YamlFile edited;
        try {
            edited = YamlFile.parse(file.path(), result);
        } catch (ManifestEditException e) {
            throw new ManifestEditException(file.path(), line, "the edited file would not parse ("
                    + e.getMessage() + "); nothing was written");
        }
        verify(file, edited, expected, expectedStyle, insertion, line);
        return result;
    }

    private static void verify(YamlFile before, YamlFile after, Map<Integer, String> expected,
            Map<Integer, ScalarStyle> expectedStyle, Insertion insertion, int line) {
        List<Event> a = before.events();
        List<Event> b = after.events();
        int shift = 0;
        for (int i = 0; i < a.size(); i++) {
            int j = i + shift;
            if (j >= b.size()) {
                throw refused(before, line, "the edited file ends early");
            }
            String expect = expected.get(i);
            if (expect != null) {
                if (!(b.get(j) instanceof ScalarEvent s) || !s.getValue().equals(expect)
                        || s.getScalarStyle() != expectedStyle.get(i) || !sameNode(a.get(i), s)) {
                    throw refused(before, lineOf(a.get(i)), "the edited value would not read back as \""
                            + expect + "\"");
                }
                continue;
            }
            if (same(a.get(i), b.get(j))) {
                continue;
            }
            if (insertion != null && shift == 0 && inserted(after, j, insertion) && same(a.get(i),
                    b.get(j + 2 * insertion.pairs().size()))) {
                shift = 2 * insertion.pairs().size();
                continue;
            }
            throw refused(before, lineOf(a.get(i)), "the edit would change " + describe(a.get(i)) + " into "
                    + describe(b.get(j)));
        }
        if (a.size() + shift != b.size() || (insertion != null && shift != 2 * insertion.pairs().size())) {
            throw refused(before, line, "the edited file holds other nodes than the original");
        }
    }

    /** Whether the new file holds the inserted pairs, as keys of the mapping, from event {@code j} on. */
    private static boolean inserted(YamlFile after, int j, Insertion insertion) {
        List<Event> b = after.events();
        int n = insertion.pairs().size();
        if (j + 2 * n >= b.size()) {
            return false;
        }
        YamlStructure structure = new YamlStructure(after);
        for (int k = 0; k < n; k++) {
            Map.Entry<String, String> pair = insertion.pairs().get(k);
            int key = j + 2 * k;
            if (!(b.get(key) instanceof ScalarEvent ks) || !(b.get(key + 1) instanceof ScalarEvent vs)
                    || !ks.getValue().equals(pair.getKey()) || !vs.getValue().equals(pair.getValue())
                    || structure.role(key) != YamlStructure.KEY || structure.parent(key) != insertion.mapping()
                    || vs.getAnchor().isPresent() || vs.getTag().isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static ManifestEditException refused(YamlFile file, int line, String what) {
        return new ManifestEditException(file.path(), line, what + "; nothing was written (please report this"
                + " file: Slipway edits only the value bytes)");
    }

    private static int lineOf(Event e) {
        return e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static boolean sameNode(Event a, NodeEvent b) {
        return a instanceof NodeEvent n && n.getAnchor().equals(b.getAnchor())
                && (!(a instanceof ScalarEvent s) || s.getTag().equals(((ScalarEvent) b).getTag()));
    }

    private static boolean same(Event a, Event b) {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof ScalarEvent s) {
            ScalarEvent t = (ScalarEvent) b;
            return s.getValue().equals(t.getValue()) && s.getScalarStyle() == t.getScalarStyle()
                    && s.getTag().equals(t.getTag()) && s.getAnchor().equals(t.getAnchor())
                    && s.getImplicit().canOmitTagInPlainScalar() == t.getImplicit().canOmitTagInPlainScalar()
                    && s.getImplicit().canOmitTagInNonPlainScalar() == t.getImplicit().canOmitTagInNonPlainScalar();
        }
        if (a instanceof AliasEvent s) {
            return s.getAlias().equals(((AliasEvent) b).getAlias());
        }
        if (a instanceof CollectionStartEvent s) {
            CollectionStartEvent t = (CollectionStartEvent) b;
            return s.getAnchor().equals(t.getAnchor()) && s.getTag().equals(t.getTag())
                    && s.getFlowStyle() == t.getFlowStyle() && s.isImplicit() == t.isImplicit();
        }
        if (a instanceof CommentEvent s) {
            CommentEvent t = (CommentEvent) b;
            return s.getCommentType() == t.getCommentType() && s.getValue().equals(t.getValue());
        }
        if (a instanceof DocumentStartEvent s) {
            DocumentStartEvent t = (DocumentStartEvent) b;
            return s.isExplicit() == t.isExplicit() && s.getTags().equals(t.getTags())
                    && s.getSpecVersion().map(v -> v.getMajor() + "." + v.getMinor())
                            .equals(t.getSpecVersion().map(v -> v.getMajor() + "." + v.getMinor()));
        }
        if (a instanceof DocumentEndEvent s) {
            return s.isExplicit() == ((DocumentEndEvent) b).isExplicit();
        }
        return true; // stream start/end, collection ends
    }

    private static String describe(Event e) {
        if (e instanceof ScalarEvent s) {
            return "the value \"" + s.getValue() + "\"";
        }
        if (e instanceof CommentEvent c) {
            return "the comment \"" + c.getValue().strip() + "\"";
        }
        return Objects.toString(e.getEventId()).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
