package io.mcpruntime.bench.suite;

import io.mcpruntime.bench.BenchContext;
import io.mcpruntime.bench.report.Figure;
import java.util.List;

/** One group of figures, measured with servers the suite starts and stops itself. */
public interface Suite {
    /** A short id for {@code --suites=...}. */
    String id();

    String name();

    List<Figure> run(BenchContext context) throws Exception;
}
