package io.mcpruntime.sql.dialect;

/** H2 (the demo database runs it in SQL Server mode, so brackets quote). */
public final class H2Dialect extends InformationSchemaDialect {

    public H2Dialect() {
        super("'INFORMATION_SCHEMA'");
    }

    @Override
    public String product() {
        return "H2";
    }

    @Override
    public boolean bracketQuoting() {
        return true;
    }
}
