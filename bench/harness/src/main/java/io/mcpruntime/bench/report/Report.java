package io.mcpruntime.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** All figures of one run with the machine they ran on: printed as a Markdown table and written as JSON. */
public record Report(String mode, Instant started, Machine machine, List<Figure> figures) {

    public void printTable(PrintStream out) {
        out.println("| group | figure | runtime | peer | runtime/peer | goal | met | note |");
        out.println("|---|---|---:|---:|---:|---|---|---|");
        for (Figure f : figures) {
            out.println("| " + String.join(" | ", f.group(), f.metric(), value(f.runtime(), f.unit()),
                    value(f.peer(), f.unit()), f.ratio() == null ? "" : format(f.ratio()) + "×",
                    orEmpty(f.goal()), f.met() == null ? "" : f.met() ? "yes" : "**no**", cell(f.note())) + " |");
        }
    }

    public void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode);
        json.put("started", started.toString());
        json.put("machine", machine);
        json.put("figures", figures.stream().map(Report::asMap).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static Map<String, Object> asMap(Figure f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", f.group());
        row.put("metric", f.metric());
        row.put("unit", f.unit());
        row.put("runtime", finite(f.runtime()));
        row.put("peer", finite(f.peer()));
        row.put("ratio", finite(f.ratio()));
        row.put("goal", f.goal());
        row.put("met", f.met());
        row.put("note", f.note());
        return row;
    }

    /** JSON has no NaN: a figure that could not be measured (no call answered) is null. */
    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }

    private static String value(Double value, String unit) {
        if (value == null) {
            return "";
        }
        if (value.isNaN()) {
            return "n/a";
        }
        String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : format(value);
        return number + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Three significant digits or so: the machine is too noisy for more. */
    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A note in a table cell: a server's complaint or an exception may hold a '|', which would split it. */
    private static String cell(String text) {
        return orEmpty(text).replace("|", "\\|");
    }
}
