/**
 * The {@code slipway} command line: a thin layer of picocli commands over {@link dev.slipway.core.Slipway}.
 */
module dev.slipway.cli {
    requires dev.slipway.core;
    requires dev.slipway.git.jgit;
    requires info.picocli;
    requires java.logging;

    exports dev.slipway.cli;

    // picocli reads the command classes' annotations and sets their fields reflectively
    opens dev.slipway.cli.internal to info.picocli;
}
