package dev.slipway.core.manifest;

import dev.slipway.api.ImageTag;
import dev.slipway.api.InvalidInputException;
import dev.slipway.core.internal.ScalarRewriter;
import dev.slipway.core.internal.YamlFile;
import dev.slipway.core.internal.YamlScalars;
import dev.slipway.core.internal.YamlStructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;

/**
 * Sets an image's {@code newTag} or {@code digest} in a kustomization file, in place.
 *
 * <p>Unlike {@code kustomize edit set image}, which rewrites the file (re-sorting the entries and dropping
 * inline comments), this changes only the bytes of the value:
 * <ol>
 * <li>The entry of the top-level {@code images:} list whose {@code name} equals the image name is edited;
 *     its other fields, their order, comments and every other byte of the file stay as they were. Quoting
 *     follows {@link MarkerEdits}' rules.</li>
 * <li>A field the entry lacks is added as a line after the entry's last line, indented like its keys
 *     (block-style entries only; a flow-style entry {@code {name: x}} must already hold the field).</li>
 * <li>No entry with that name, several, or no {@code images:} list: refused, naming the file and the names
 *     present. Setting only a tag on an entry pinned by a non-empty {@code digest} is refused (the digest
 *     would win and the tag change nothing): pass the digest too.</li>
 * <li>The result is verified by parsing it again, as {@link MarkerEdits} does.</li>
 * </ol>
 */
public final class Kustomization {

    /** OCI image-spec digest grammar: algorithm ":" encoded. */
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    private Kustomization() {
    }

    /**
     * Sets {@code newTag} and/or {@code digest} of the {@code images:} entry named {@code imageName}.
     *
     * @param path the file's repo-relative path, for messages
     * @param content the file's bytes
     * @param imageName the entry's {@code name} (the image as the manifests name it)
     * @param newTag the tag to set, a valid image tag; empty to leave the tag alone
     * @param digest the digest to set ({@code sha256:<64 hex>}); empty to leave the digest alone
     * @return the new bytes; {@code content} itself when the entry already holds these values
     * @throws InvalidInputException if neither is given, the tag or the digest is invalid
     * @throws ManifestEditException if the file has no such entry, or the edit cannot be made in place
     */
    public static byte[] setImage(String path, byte[] content, String imageName, Optional<String> newTag,
            Optional<String> digest) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(imageName, "imageName");
        if (newTag.isEmpty() && digest.isEmpty()) {
            throw new InvalidInputException(imageName, "set image " + imageName + ": give a new tag, a digest or both");
        }
        newTag.ifPresent(ImageTag::of);
        digest.ifPresent(Kustomization::checkDigest);

        YamlFile file = YamlFile.parse(path, content);
        YamlStructure structure = new YamlStructure(file);
        List<Event> events = file.events();
        int images = imagesList(file, structure);
        if (images < 0) {
            throw new ManifestEditException(path, 0, "no top-level images: list; add one with an entry"
                    + " \"- name: " + imageName + "\"");
        }
        int listLine = structure.line(images) + 1;
        if (!(events.get(images) instanceof SequenceStartEvent)) {
            throw new ManifestEditException(path, listLine, "images: is not a list of entries (- name: ...)");
        }
        List<Map<String, Integer>> entries = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = images + 1; !(events.get(i) instanceof CollectionEndEvent && structure.parent(i) == images);) {
            Event e = events.get(i);
            if (e instanceof CommentEvent) {
                i++;
                continue;
            }
            int end = end(events, i);
            if (e instanceof MappingStartEvent) {
                Map<String, Integer> fields = fields(events, structure, i, end);
                Integer name = fields.get("name");
                if (name != null && events.get(name) instanceof ScalarEvent n) {
                    names.add(n.getValue());
                    if (n.getValue().equals(imageName)) {
                        entries.add(fields);
                        starts.add(i);
                    }
                }
            }
            i = end + 1;
        }
        if (entries.isEmpty()) {
            throw new ManifestEditException(path, listLine, "no images: entry with name: " + imageName
                    + (names.isEmpty() ? " (the list is empty)" : " (names present: " + String.join(", ", names) + ")")
                    + "; add \"- name: " + imageName + "\" or check the image name");
        }
        if (entries.size() > 1) {
            throw new ManifestEditException(path, structure.line(starts.get(1)) + 1, "several images: entries"
                    + " have name: " + imageName + "; keep one");
        }
        Map<String, Integer> entry = entries.get(0);
        int start = starts.get(0);
        int entryLine = structure.line(start) + 1;
        Integer existingDigest = entry.get("digest");
        if (digest.isEmpty() && existingDigest != null && events.get(existingDigest) instanceof ScalarEvent d
                && !d.getValue().isEmpty()) {
            throw new ManifestEditException(path, structure.line(existingDigest) + 1, "the images: entry " + imageName
                    + " pins digest " + d.getValue() + ", which wins over any tag: pass the new digest too, or"
                    + " remove the digest from the entry");
        }

        List<ScalarRewriter.Replacement> replacements = new ArrayList<>();
        List<Map.Entry<String, String>> missing = new ArrayList<>();
        Map<String, Optional<String>> wanted = new LinkedHashMap<>();
        wanted.put("newTag", newTag);
        wanted.put("digest", digest);
        for (Map.Entry<String, Optional<String>> w : wanted.entrySet()) {
            if (w.getValue().isEmpty()) {
                continue;
            }
            Integer v = entry.get(w.getKey());
            if (v == null) {
                missing.add(Map.entry(w.getKey(), w.getValue().get()));
                continue;
            }
            int line = structure.line(v) + 1;
            if (!(events.get(v) instanceof ScalarEvent s)) {
                throw new ManifestEditException(path, line, w.getKey() + " of " + imageName + " is not a single value");
            }
            if (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED
                    || s.getAnchor().isPresent() || s.getTag().isPresent()
                    || s.getEndMark().orElseThrow().getLine() + 1 != line) {
                throw new ManifestEditException(path, line, w.getKey() + " of " + imageName + " is not a single-line"
                        + " plain or quoted value (a block scalar, an anchor or a tag); write it as " + w.getKey()
                        + ": value");
            }
            replacements.add(new ScalarRewriter.Replacement(v, w.getValue().get()));
        }
        ScalarRewriter.Insertion insertion = missing.isEmpty() ? null
                : insertion(file, structure, start, entry, missing, imageName);
        return ScalarRewriter.rewrite(file, replacements, insertion, entryLine);
    }

    private static void checkDigest(String digest) {
        if (!DIGEST.matcher(digest).matches() || (digest.startsWith("sha256:") && !SHA256.matcher(digest).matches())) {
            throw new InvalidInputException(digest, "invalid digest \"" + digest + "\": expected algorithm:hex, such"
                    + " as sha256: followed by 64 lower-case hex digits");
        }
    }

    /** The value event of the top-level images key in the first document that has one, or -1. */
    private static int imagesList(YamlFile file, YamlStructure structure) {
        List<Event> events = file.events();
        for (int i = 0; i < events.size(); i++) {
            if (structure.role(i) == YamlStructure.KEY && events.get(i) instanceof ScalarEvent s
                    && s.getValue().equals("images") && structure.parent(i) >= 0
                    && structure.role(structure.parent(i)) == YamlStructure.ROOT) {
                int v = i + 1;
                while (events.get(v) instanceof CommentEvent) {
                    v++;
                }
                return v;
            }
        }
        return -1;
    }

    /** The index of the event that ends the node starting at {@code start}. */
    private static int end(List<Event> events, int start) {
        if (!(events.get(start) instanceof CollectionStartEvent)) {
            return start;
        }
        int depth = 0;
        for (int i = start; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof CollectionStartEvent) {
                depth++;
            } else if (e instanceof CollectionEndEvent && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced events");
    }

    /** The entry's keys to their value events. */
    private static Map<String, Integer> fields(List<Event> events, YamlStructure structure, int start, int end) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = start + 1; i < end; i++) {
            if (structure.role(i) == YamlStructure.KEY && structure.parent(i) == start
                    && events.get(i) instanceof ScalarEvent k) {
                int v = i + 1;
                while (events.get(v) instanceof CommentEvent) {
                    v++;
                }
                out.putIfAbsent(k.getValue(), v);
                i = end(events, v);
            }
        }
        return out;
    }

    private static ScalarRewriter.Insertion insertion(YamlFile file, YamlStructure structure, int start,
            Map<String, Integer> entry, List<Map.Entry<String, String>> missing, String imageName) {
        List<Event> events = file.events();
        String path = file.path();
        int entryLine = structure.line(start) + 1;
        if (((CollectionStartEvent) events.get(start)).isFlow()) {
            throw new ManifestEditException(path, entryLine, "the images: entry " + imageName + " is written in flow"
                    + " style ({...}) without " + missing.get(0).getKey() + "; add the field by hand once");
        }
        int last = -1;
        for (int v : entry.values()) {
            last = Math.max(last, v);
        }
        Event lastValue = events.get(last);
        if (!(lastValue instanceof ScalarEvent s) || s.getScalarStyle() == ScalarStyle.LITERAL
                || s.getScalarStyle() == ScalarStyle.FOLDED
                || s.getEndMark().orElseThrow().getLine() != s.getStartMark().orElseThrow().getLine()) {
            throw new ManifestEditException(path, entryLine, "the images: entry " + imageName + " ends with a value"
                    + " that spans lines; add " + missing.get(0).getKey() + " by hand once");
        }
        int firstKey = start + 1;
        while (!(structure.role(firstKey) == YamlStructure.KEY && structure.parent(firstKey) == start)) {
            firstKey++;
        }
        int column = events.get(firstKey).getStartMark().orElseThrow().getColumn();
        byte[] bytes = file.bytes();
        int offset = file.byteOffset(lastValue.getEndMark().orElseThrow().getIndex());
        while (offset < bytes.length && bytes[offset] != '\n' && bytes[offset] != '\r') {
            offset++;
        }
        String lineBreak;
        StringBuilder text = new StringBuilder();
        if (offset < bytes.length) {
            boolean crlf = bytes[offset] == '\r' && offset + 1 < bytes.length && bytes[offset + 1] == '\n';
            lineBreak = crlf ? "\r\n" : bytes[offset] == '\r' ? "\r" : "\n";
            offset += lineBreak.length();
        } else {
            lineBreak = firstLineBreak(bytes);
            text.append(lineBreak);
        }
        for (int i = 0; i < missing.size(); i++) {
            Map.Entry<String, String> m = missing.get(i);
            text.append(" ".repeat(column)).append(m.getKey()).append(": ")
                    .append(YamlScalars.format(m.getValue(), ScalarStyle.PLAIN));
            boolean lastLine = i == missing.size() - 1;
            if (!lastLine || offset < bytes.length) {
                text.append(lineBreak);
            }
        }
        return new ScalarRewriter.Insertion(offset, text.toString().getBytes(StandardCharsets.UTF_8), start,
                List.copyOf(missing));
    }

    private static String firstLineBreak(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return "\n";
            }
            if (bytes[i] == '\r') {
                return i + 1 < bytes.length && bytes[i + 1] == '\n' ? "\r\n" : "\r";
            }
        }
        return "\n";
    }
}
