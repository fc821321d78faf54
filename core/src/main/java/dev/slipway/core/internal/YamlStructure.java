package dev.slipway.core.internal;

import java.util.List;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;

/**
 * The role of every node event of a {@link YamlFile} (mapping key, mapping value, sequence item, document
 * root), whether it lies in a flow collection, and the {@code key: value} pair a marker comment sits on.
 */
public final class YamlStructure {

    /** Not a node event. */
    public static final byte NONE = 0;
    /** A document's root node. */
    public static final byte ROOT = 1;
    /** A mapping key. */
    public static final byte KEY = 2;
    /** A mapping value. */
    public static final byte VALUE = 3;
    /** A sequence item. */
    public static final byte ITEM = 4;

    /**
     * The value a marker comment marks: a single-line flow scalar (plain, single- or double-quoted) that is
     * the value of a block mapping key on the comment's line.
     *
     * @param line the 0-based line
     * @param keyEvent the index of the key's event
     * @param valueEvent the index of the value's scalar event
     * @param key the key
     * @param value the value, unquoted
     * @param style the value's quoting style
     */
    public record Slot(int line, int keyEvent, int valueEvent, String key, String value, ScalarStyle style)
            implements Result {
    }

    /**
     * Why a marker comment's line holds no editable value.
     *
     * @param line the 0-based line
     * @param reason what the line holds instead, and what to do
     */
    public record Refusal(int line, String reason) implements Result {
    }

    /** A {@link Slot} or a {@link Refusal}. */
    public sealed interface Result permits Slot, Refusal {
    }

    private final YamlFile file;
    private final List<Event> events;
    private final byte[] role;
    private final boolean[] inFlow;
    /** For a node event: the index of its parent collection's start event, or -1. */
    private final int[] parent;

    /**
     * Analyses a parsed file.
     *
     * @param file the file
     */
    public YamlStructure(YamlFile file) {
        this.file = file;
        this.events = file.events();
        int n = events.size();
        role = new byte[n];
        inFlow = new boolean[n];
        parent = new int[n];
        // the stack of open collections: start event index, expecting a key (mappings)
        int[] stack = new int[16];
        boolean[] expectKey = new boolean[16];
        int flowDepth = 0;
        int top = -1;
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            parent[i] = top < 0 ? -1 : stack[top];
            if (e instanceof NodeEvent) {
                if (top < 0) {
                    role[i] = ROOT;
                } else if (events.get(stack[top]) instanceof MappingStartEvent) {
                    role[i] = expectKey[top] ? KEY : VALUE;
                } else {
                    role[i] = ITEM;
                }
                boolean flowStart = e instanceof CollectionStartEvent c && c.isFlow();
                inFlow[i] = flowDepth > 0 || flowStart;
                if (e instanceof CollectionStartEvent c) {
                    if (++top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                        expectKey = java.util.Arrays.copyOf(expectKey, top * 2);
                    }
                    stack[top] = i;
                    expectKey[top] = true;
                    if (c.isFlow()) {
                        flowDepth++;
                    }
                } else if (top >= 0) {
                    expectKey[top] = !expectKey[top];
                }
            } else if (e instanceof CollectionEndEvent) {
                if (events.get(stack[top]) instanceof CollectionStartEvent c && c.isFlow()) {
                    flowDepth--;
                }
                top--;
                if (top >= 0) {
                    expectKey[top] = !expectKey[top];
                }
            }
        }
    }

    /**
     * The file analysed.
     *
     * @return the file
     */
    public YamlFile file() {
        return file;
    }

    /**
     * The role of an event.
     *
     * @param event the event's index
     * @return {@link #NONE}, {@link #ROOT}, {@link #KEY}, {@link #VALUE} or {@link #ITEM}
     */
    public byte role(int event) {
        return role[event];
    }

    /**
     * Whether a node event lies in a flow collection (or starts one).
     *
     * @param event the event's index
     * @return true in flow context
     */
    public boolean inFlow(int event) {
        return inFlow[event];
    }

    /**
     * The collection a node belongs to.
     *
     * @param event the event's index
     * @return the index of its parent's start event, or -1 for a document root
     */
    public int parent(int event) {
        return parent[event];
    }

    /**
     * The 0-based line an event starts on.
     *
     * @param event the event's index
     * @return the line
     */
    public int line(int event) {
        return events.get(event).getStartMark().orElseThrow().getLine();
    }

    /**
     * The trimmed text of a comment event.
     *
     * @param event the event's index
     * @return the text after {@code #}, trimmed, or null when the event is not a comment
     */
    public String commentText(int event) {
        return events.get(event) instanceof CommentEvent c ? c.getValue().trim() : null;
    }

    /**
     * The index of the comment at the end of a line ({@code key: value # comment}), if there is one.
     *
     * @param line the 0-based line
     * @return the comment event's index, or -1
     */
    public int inlineComment(int line) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof CommentEvent c && c.getCommentType() == CommentType.IN_LINE
                    && line(i) == line) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The value a comment marks, or why there is none.
     *
     * @param comment the index of a comment event
     * @return the slot or the refusal
     */
    public Result markedValue(int comment) {
        CommentEvent c = (CommentEvent) events.get(comment);
        int line = line(comment);
        if (c.getCommentType() != CommentType.IN_LINE) {
            return new Refusal(line, "the marker is on a line of its own; put it at the end of the value's line"
                    + " (key: value  # marker)");
        }
        int key = -1;
        for (int i = comment - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (!(e instanceof NodeEvent)) {
                continue;
            }
            if (line(i) < line) {
                break;
            }
            if (role[i] == KEY) {
                key = i;
                break;
            }
        }
        if (key < 0) {
            return new Refusal(line, noKeyReason(comment, line));
        }
        if (inFlow[key]) {
            return new Refusal(line, "the value is inside a flow collection ([...] or {...}); write the"
                    + " collection in block style to mark a value in it");
        }
        if (!(events.get(key) instanceof ScalarEvent keyScalar)) {
            return new Refusal(line, "the key is not a scalar (a complex key)");
        }
        int value = key + 1;
        while (value < events.size() && events.get(value) instanceof CommentEvent) {
            value++;
        }
        Event v = events.get(value);
        if (v instanceof AliasEvent a) {
            return new Refusal(line, "the value of '" + keyScalar.getValue() + "' is an alias (*"
                    + a.getAnchor().map(Object::toString).orElse("") + "); mark the anchored value instead");
        }
        if (v instanceof CollectionStartEvent cs) {
            if (cs.isFlow() && line(value) == line) {
                return new Refusal(line, "the value of '" + keyScalar.getValue() + "' is a flow collection"
                        + " ([...] or {...}), not a single value");
            }
            return new Refusal(line, "the key '" + keyScalar.getValue() + "' has no value on this line (its value"
                    + " is a nested block); put the marker on the line of the value to change");
        }
        ScalarEvent s = (ScalarEvent) v;
        String k = keyScalar.getValue();
        if (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED) {
            return new Refusal(line, "the value of '" + k + "' is a block scalar (| or >), not a single-line value");
        }
        if (s.getAnchor().isPresent()) {
            return new Refusal(line, "the value of '" + k + "' carries an anchor (&" + s.getAnchor().get()
                    + ") that other nodes may refer to; move the anchor or the marker");
        }
        if (s.getTag().isPresent()) {
            return new Refusal(line, "the value of '" + k + "' carries an explicit tag (" + s.getTag().get()
                    + "); drop the tag or the marker");
        }
        int start = line(value);
        int end = s.getEndMark().orElseThrow().getLine();
        boolean empty = s.getScalarStyle() == ScalarStyle.PLAIN && s.getValue().isEmpty();
        if (empty || start != line) {
            return new Refusal(line, "the key '" + k + "' has no value on this line; write key: value  # marker");
        }
        if (end != line) {
            return new Refusal(line, "the value of '" + k + "' continues on the next line; write it on one line");
        }
        return new Slot(line, key, value, k, s.getValue(), s.getScalarStyle());
    }

    private String noKeyReason(int comment, int line) {
        for (int i = comment - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (!(e instanceof NodeEvent)) {
                continue;
            }
            if (line(i) < line) {
                break;
            }
            if (inFlow[i]) {
                return "the marker ends a line inside a flow collection ([...] or {...}), not a key: value line";
            }
            if (role[i] == ITEM) {
                return "the marker ends a sequence item (- value), not a key: value line";
            }
        }
        return "the marker's line holds no key: value (write key: value  # marker)";
    }
}
