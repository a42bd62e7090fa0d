package io.mcpruntime.sql.query;

import java.util.List;

/**
 * Rows read from a result set, within the caps.
 *
 * @param rows each row's values in column order: strings, numbers, booleans or null; dates and times as ISO text,
 *     binary as {@code 0x…} hex
 * @param truncatedBy why rows are missing ("row cap 1000", "byte cap 10485760"), or {@code null} when complete
 */
public record Rows(List<Column> columns, List<List<Object>> rows, String truncatedBy) {

    public boolean truncated() {
        return truncatedBy != null;
    }
}
