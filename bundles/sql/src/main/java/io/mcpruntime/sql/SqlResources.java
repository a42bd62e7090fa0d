package io.mcpruntime.sql;

import io.mcpruntime.api.Completion;
import io.mcpruntime.api.McpPlugin;
import io.mcpruntime.api.Resource;
import io.mcpruntime.api.ResourceTemplate;
import io.mcpruntime.sql.Results.SourceInfo;
import io.mcpruntime.sql.catalog.ObjectSearch;
import io.mcpruntime.sql.catalog.ObjectSearch.DbObject;
import io.mcpruntime.sql.catalog.TableDescriber;
import io.mcpruntime.sql.catalog.TableDetails;
import io.mcpruntime.sql.dialect.ObjectKind;
import io.mcpruntime.sql.source.Source;
import io.mcpruntime.sql.source.Sources;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Three resources, as Markdown: every source's health ({@code sql://health}), a source's schema overview
 * ({@code sql://{source}/schema}, its tables and views with their columns, at most {@value #OVERVIEW_LIMIT}) and
 * one table's details ({@code sql://{source}/tables/{table}}).
 */
@Component
public class SqlResources implements McpPlugin {
    static final int OVERVIEW_LIMIT = 200;

    @Reference
    private Sources sources;

    @Resource(uri = "sql://health", description = "Health of every database source: state, breaker, last error",
            mimeType = "text/markdown")
    public String health() {
        StringBuilder text = new StringBuilder("# SQL sources\n\n| source | database | health | breaker | detail |\n"
                + "|---|---|---|---|---|\n");
        for (Source source : sources.all()) {
            SourceInfo info = SourceInfo.of(source);
            text.append("| ").append(info.name()).append(info.demo() ? " (demo)" : "").append(" | ")
                    .append(info.database()).append(" | ").append(info.health()).append(" | ").append(info.breaker())
                    .append(" | ").append(info.healthMessage()).append(" |\n");
        }
        sources.problems().forEach((name, problem) ->
                text.append("| ").append(name).append(" | ? | NOT USABLE | - | ").append(problem).append(" |\n"));
        return text.toString();
    }

    @ResourceTemplate(uriTemplate = "sql://{source}/schema", description = "A source's tables and views with their "
            + "columns", mimeType = "text/markdown")
    public String schema(String source) {
        Source db = sources.resolve(source);
        ObjectSearch.Page page = SqlTools.call(db, () -> ObjectSearch.search(db, null,
                Set.of(ObjectKind.table, ObjectKind.view), ObjectSearch.Detail.full, 0, OVERVIEW_LIMIT, null));
        StringBuilder text = new StringBuilder("# Schema of ").append(db.name()).append(" (")
                .append(db.dialect().product()).append(")\n\n");
        if (db.isDemo()) {
            text.append("> ").append(Results.DEMO_NOTE).append("\n\n");
        }
        for (DbObject object : page.objects()) {
            text.append("- **").append(object.schema()).append('.').append(object.name()).append("** (")
                    .append(object.kind()).append("): ").append(String.join(", ", object.columns())).append('\n');
        }
        if (page.nextOffset() != null) {
            text.append("\nOnly the first ").append(OVERVIEW_LIMIT)
                    .append(" tables and views are shown; use sql_search_objects for the rest.\n");
        }
        return text.toString();
    }

    @ResourceTemplate(uriTemplate = "sql://{source}/tables/{table}", description = "A table's columns, keys and "
            + "indexes", mimeType = "text/markdown")
    public String table(String source, String table) {
        Source db = sources.resolve(source);
        TableDetails details = SqlTools.call(db, () -> TableDescriber.describe(db, table));
        StringBuilder text = new StringBuilder("# ").append(details.schema()).append('.').append(details.name())
                .append(" (").append(details.type()).append(", source ").append(db.name()).append(")\n\n");
        if (db.isDemo()) {
            text.append("> ").append(Results.DEMO_NOTE).append("\n\n");
        }
        text.append("| column | type | nullable | default |\n|---|---|---|---|\n");
        details.columns().forEach(c -> text.append("| ").append(c.name()).append(" | ").append(c.type())
                .append(c.size() == null ? "" : "(" + c.size() + ")").append(" | ").append(c.nullable() ? "yes" : "no")
                .append(" | ").append(c.defaultValue() == null ? "" : c.defaultValue()).append(" |\n"));
        text.append("\nPrimary key: ").append(details.primaryKey().isEmpty() ? "none" : details.primaryKey())
                .append('\n');
        details.foreignKeys().forEach(fk -> text.append("Foreign key ").append(fk.name()).append(": ")
                .append(fk.columns()).append(" → ").append(fk.references()).append(fk.referencedColumns())
                .append('\n'));
        details.indexes().forEach(index -> text.append(index.unique() ? "Unique index " : "Index ")
                .append(index.name()).append(": ").append(index.columns()).append('\n'));
        return text.toString();
    }

    @Completion(resourceTemplate = "sql://{source}/schema", argument = "source")
    public List<String> schemaSources(String typed) {
        return sources.namesStartingWith(typed);
    }

    @Completion(resourceTemplate = "sql://{source}/tables/{table}", argument = "source")
    public List<String> tableSources(String typed) {
        return sources.namesStartingWith(typed);
    }
}
