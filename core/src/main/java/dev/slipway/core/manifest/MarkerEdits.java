package dev.slipway.core.manifest;

import dev.slipway.api.ImageTag;
import dev.slipway.core.internal.ScalarRewriter;
import dev.slipway.core.internal.YamlFile;
import dev.slipway.core.internal.YamlStructure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sets the value at marker locations, changing only the value's bytes.
 *
 * <p>Rules:
 * <ol>
 * <li>Only the bytes of each marked value change: the key, the spacing before the comment, the comment,
 *     line breaks (LF or CRLF), a BOM, a missing final newline, other documents of the file and every other
 *     byte stay as they were. (The comment keeps its distance to the value, so it keeps its column when the
 *     new value has the old one's length, as successive {@code X.Y.Z-rcNNNN-gSHA} versions do.)</li>
 * <li>The quoting style is kept: plain stays plain, {@code '...'} and {@code "..."} keep their quotes. A value
 *     that would not load back as a string when plain ({@code 1.20}, {@code on}, {@code null},
 *     {@code 0x1F}) is written double-quoted.</li>
 * <li>The new value must be a valid image tag ({@link ImageTag}).</li>
 * <li>A location whose line holds no single-line plain or quoted value (a block scalar, a flow collection,
 *     an alias, an anchored or tagged value, a key with no value) is refused, naming {@code path:line} and
 *     the reason; so is a location whose line no longer holds the marked key and the scanned value (the file
 *     changed since the scan: scan again).</li>
 * <li>The result is parsed again: the edited nodes must hold the new value and every other node, comment,
 *     style, anchor and tag must be unchanged; otherwise the edit is refused and nothing is returned.</li>
 * <li>Setting the value a location already holds changes nothing: the input array itself is returned.</li>
 * </ol>
 */
public final class MarkerEdits {

    private MarkerEdits() {
    }

    /**
     * New bytes of {@code content} with the value at each given location set to {@code newValue}.
     *
     * @param path the file's repo-relative path (every location must name it)
     * @param content the file's bytes
     * @param locations locations in this file, from a {@link MarkerIndex} of this content
     * @param newValue the value to set, a valid image tag
     * @return the new bytes; {@code content} itself when every value already equals {@code newValue}
     * @throws dev.slipway.api.InvalidImageTagException if {@code newValue} is not a valid image tag
     * @throws ManifestEditException naming {@code path:line} and the reason, when a location cannot be edited
     *     or the result would not verify
     * @throws IllegalArgumentException if a location names another file
     */
    public static byte[] setValue(String path, byte[] content, List<MarkerLocation> locations, String newValue) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        ImageTag.of(newValue);
        if (locations.isEmpty()) {
            return content;
        }
        for (MarkerLocation l : locations) {
            if (!l.path().equals(path)) {
                throw new IllegalArgumentException("the location " + l.where() + " is not in " + path);
            }
        }
        YamlFile file = YamlFile.parse(path, content);
        YamlStructure structure = new YamlStructure(file);
        Map<Integer, ScalarRewriter.Replacement> replacements = new TreeMap<>();
        int firstLine = Integer.MAX_VALUE;
        for (MarkerLocation l : locations) {
            int comment = structure.inlineComment(l.line() - 1);
            if (comment < 0) {
                throw new ManifestEditException(path, l.line(), "no marker comment at the end of this line (the file"
                        + " changed since it was scanned: scan again)");
            }
            YamlStructure.Result result = structure.markedValue(comment);
            if (result instanceof YamlStructure.Refusal r) {
                throw new ManifestEditException(path, l.line(), r.reason());
            }
            YamlStructure.Slot slot = (YamlStructure.Slot) result;
            if (!slot.key().equals(l.key()) || !slot.value().equals(l.value())) {
                throw new ManifestEditException(path, l.line(), "the line holds " + slot.key() + ": " + slot.value()
                        + ", not the scanned " + l.key() + ": " + l.value() + " (the file changed since it was"
                        + " scanned: scan again)");
            }
            replacements.put(slot.valueEvent(), new ScalarRewriter.Replacement(slot.valueEvent(), newValue));
            firstLine = Math.min(firstLine, l.line());
        }
        return ScalarRewriter.rewrite(file, new ArrayList<>(replacements.values()), null, firstLine);
    }

    /**
     * Sets the value at every location, file by file, reading each file once from the source.
     *
     * @param source where the files are read
     * @param locations locations from a {@link MarkerIndex} of this source
     * @param newValue the value to set, a valid image tag
     * @return the new content of each file that changes, by path in the locations' order; empty when every
     *     value already equals {@code newValue}
     * @throws dev.slipway.api.InvalidImageTagException if {@code newValue} is not a valid image tag
     * @throws ManifestEditException as {@link #setValue} does, for the first file that cannot be edited
     */
    public static Map<String, byte[]> setValues(ManifestSource source, Collection<MarkerLocation> locations,
            String newValue) {
        ImageTag.of(newValue);
        Map<String, List<MarkerLocation>> byFile = new LinkedHashMap<>();
        for (MarkerLocation l : locations) {
            byFile.computeIfAbsent(l.path(), p -> new ArrayList<>()).add(l);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<MarkerLocation>> e : byFile.entrySet()) {
            byte[] before = source.read(e.getKey());
            byte[] after = setValue(e.getKey(), before, e.getValue(), newValue);
            if (after != before) {
                out.put(e.getKey(), after);
            }
        }
        return out;
    }
}
