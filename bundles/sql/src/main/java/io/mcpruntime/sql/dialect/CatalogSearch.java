package io.mcpruntime.sql.dialect;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assembles an object search from one catalog query per kind (each with one {@code ?} for the name pattern),
 * ordered and paged with the standard OFFSET … FETCH that SQL Server, PostgreSQL and H2 all accept.
 */
final class CatalogSearch {
    private CatalogSearch() {
    }

    static String union(Map<ObjectKind, String> branches, Set<ObjectKind> kinds) {
        String union = branches.entrySet().stream()
                .filter(branch -> kinds.contains(branch.getKey()))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining("\nUNION ALL\n"));
        return "SELECT schema_name, object_name, object_type, parent_name, data_type FROM (\n" + union
                + "\n) found\nORDER BY object_type, schema_name, parent_name, object_name\n"
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }
}
