package dev.slipway.cli.internal;

import dev.slipway.core.config.SlipwayConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code slipway config}: prints the effective configuration, as YAML or (with {@code --json}) as JSON.
 */
@Command(
        name = "config",
        description = {
            "Prints the effective configuration: slipway.yaml at the repository root (or --config FILE)"
                    + " with every default filled in and the discovered services.",
            "YAML by default, JSON with --json."})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    ConfigCommand() {
    }

    @Override
    public Integer call() {
        SlipwayConfig config = slipway.slipway().effectiveConfig();
        // render completely before printing: a failure leaves the output stream empty
        String text = slipway.json() ? JsonWriter.write(config.toTree()) : endLine(config.toYaml());
        return slipway.print(text);
    }

    private static String endLine(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
