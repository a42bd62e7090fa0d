package io.mcpruntime.sql.query;

/**
 * A result column.
 *
 * @param type the database's type name (nvarchar, int4, DECIMAL…)
 * @param jdbcType the portable JDBC type (VARCHAR, INTEGER, DECIMAL…)
 */
public record Column(String name, String type, String jdbcType) {
}
