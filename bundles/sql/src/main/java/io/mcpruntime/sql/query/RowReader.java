package io.mcpruntime.sql.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a result set into JSON-friendly rows, stopping at a row cap and a byte cap (an estimate of the rows' size
 * as JSON), and says which cap cut the result short.
 */
final class RowReader {
    /** Binary values are shown up to this many bytes. */
    private static final int MAX_BINARY = 1024;

    private RowReader() {
    }

    static Rows read(ResultSet resultSet, int maxRows, long maxBytes) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i), jdbcType(meta.getColumnType(i))));
        }
        List<List<Object>> rows = new ArrayList<>();
        long bytes = 0;
        while (resultSet.next()) {
            if (rows.size() == maxRows) {
                return new Rows(columns, rows, "row cap " + maxRows);
            }
            List<Object> row = new ArrayList<>(columns.size());
            long rowBytes = 2;
            for (int i = 1; i <= columns.size(); i++) {
                Object value = value(resultSet, i);
                row.add(value);
                rowBytes += utf8Length(String.valueOf(value)) + 3;
            }
            if (bytes + rowBytes > maxBytes) {
                return new Rows(columns, rows, "byte cap " + maxBytes);
            }
            bytes += rowBytes;
            rows.add(row);
        }
        return new Rows(columns, rows, null);
    }

    /**
     * The text's size in UTF-8, as it travels (a char of Greek is two bytes, of Chinese three), counted without
     * encoding it: one byte below U+0080, two below U+0800, three above, and four per surrogate pair.
     */
    static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800 && !Character.isSurrogate(c)) {
                bytes += 2;
            } else if (c >= 0x80) {
                bytes += 1;
            }
        }
        return bytes;
    }

    private static String jdbcType(int type) {
        try {
            return JDBCType.valueOf(type).getName();
        } catch (IllegalArgumentException e) {
            return "OTHER";
        }
    }

    private static Object value(ResultSet resultSet, int column) throws SQLException {
        Object value = resultSet.getObject(column);
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? value : Double.toString(number);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Time time) {
            return time.toLocalTime().toString();
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value instanceof Blob blob) {
            return hex(blob.getBytes(1, (int) Math.min(blob.length(), MAX_BINARY + 1)));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(clob.length(), Integer.MAX_VALUE));
        }
        return value.toString();
    }

    private static String hex(byte[] bytes) {
        String hex = "0x" + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, MAX_BINARY));
        return bytes.length > MAX_BINARY ? hex + "…" : hex;
    }
}
