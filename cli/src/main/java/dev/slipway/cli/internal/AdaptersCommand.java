package dev.slipway.cli.internal;

import dev.slipway.core.Adapter;
import dev.slipway.core.Slipway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code slipway adapters}: the backends discovery finds, with id, version and jar.
 */
@Command(name = "adapters", description = "Lists the backends found on the class path: SPI, id, version and jar.")
final class AdaptersCommand implements Callable<Integer> {

    @ParentCommand
    private SlipwayCommand slipway;

    AdaptersCommand() {
    }

    @Override
    public Integer call() {
        List<Adapter> adapters = Slipway.adapters();
        String text;
        if (slipway.json()) {
            List<Object> list = new ArrayList<>();
            for (Adapter a : adapters) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("spi", a.spi());
                m.put("id", a.id().orElse(null));
                m.put("implementation", a.implementation());
                m.put("version", a.version().orElse(null));
                m.put("jar", a.location().orElse(null));
                m.put("problem", a.problem().orElse(null));
                list.add(m);
            }
            text = JsonWriter.write(list);
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SPI", "ID", "VERSION", "JAR"});
            for (Adapter a : adapters) {
                rows.add(new String[] {a.spi(), a.id().orElse("(broken)"), a.version().orElse("-"),
                        a.problem().orElse(a.location().orElse("-"))});
            }
            text = table(rows);
        }
        return slipway.print(text);
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
