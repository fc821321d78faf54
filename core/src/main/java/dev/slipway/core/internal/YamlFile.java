package dev.slipway.core.internal;

import dev.slipway.core.manifest.ManifestEditException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML file as bytes and as SnakeYAML Engine's event stream with comments, and the mapping from the
 * parser's positions (code point indexes) to byte offsets.
 *
 * <p>The parser treats {@code #} inside block scalars and quoted scalars as content, so a comment event
 * is a real YAML comment. Duplicate keys are allowed (events carry no mapping semantics) and there is no
 * size limit: values files of any size are read.
 */
public final class YamlFile {

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setParseComments(true)
            .setAllowDuplicateKeys(true)
            .setCodePointLimit(Integer.MAX_VALUE)
            .build();

    private final String path;
    private final byte[] bytes;
    private final List<Event> events;
    /** Cursor for {@link #byteOffset(int)}: the code point index and byte offset last reached. */
    private int cursorIndex;
    private int cursorOffset;

    private YamlFile(String path, byte[] bytes, List<Event> events) {
        this.path = path;
        this.bytes = bytes;
        this.events = events;
    }

    /**
     * Parses a file.
     *
     * @param path the repo-relative path, for messages
     * @param bytes the content, UTF-8 (a BOM is allowed)
     * @return the parsed file
     * @throws ManifestEditException if the bytes are not UTF-8 or not valid YAML
     */
    public static YamlFile parse(String path, byte[] bytes) {
        Objects.requireNonNull(path, "path");
        String text = decode(path, bytes);
        List<Event> events = new ArrayList<>();
        try {
            ParserImpl parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
            while (parser.hasNext()) {
                events.add(parser.next());
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new ManifestEditException(path, mark == null ? 0 : mark.getLine() + 1,
                    "not valid YAML (" + firstLine(problem) + "); fix the file, then run again");
        } catch (YamlEngineException e) {
            throw new ManifestEditException(path, 0,
                    "not valid YAML (" + firstLine(e.getMessage()) + "); fix the file, then run again");
        }
        return new YamlFile(path, bytes, List.copyOf(events));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * Decodes strict UTF-8 (the BOM, if any, stays as U+FEFF: the parser counts it as a code point).
     *
     * @param path the path, for messages
     * @param bytes the content
     * @return the text
     * @throws ManifestEditException if the bytes are not UTF-8
     */
    public static String decode(String path, byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ManifestEditException(path, 0, "not UTF-8 text; manifests are edited as UTF-8 only"
                    + " (re-encode the file as UTF-8)");
        }
    }

    /**
     * The path given to {@link #parse}.
     *
     * @return the repo-relative path
     */
    public String path() {
        return path;
    }

    /**
     * The content.
     *
     * @return the bytes, not copied
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * The events, comments included, in stream order.
     *
     * @return the events
     */
    public List<Event> events() {
        return events;
    }

    /**
     * The byte offset of a parser position. Fast for increasing positions (a cursor walks forward).
     *
     * @param codePointIndex a mark's index: code points from the start of the stream, the BOM included
     * @return the offset in {@link #bytes()}
     */
    public int byteOffset(int codePointIndex) {
        if (codePointIndex < cursorIndex) {
            cursorIndex = 0;
            cursorOffset = 0;
        }
        int index = cursorIndex;
        int offset = cursorOffset;
        while (index < codePointIndex) {
            if (offset >= bytes.length) {
                throw new IllegalArgumentException("position " + codePointIndex + " is past the end of " + path);
            }
            offset += sequenceLength(bytes[offset]);
            index++;
        }
        cursorIndex = index;
        cursorOffset = offset;
        return offset;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xff;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xf0) {
            return 4;
        }
        if (b >= 0xe0) {
            return 3;
        }
        return 2;
    }
}
