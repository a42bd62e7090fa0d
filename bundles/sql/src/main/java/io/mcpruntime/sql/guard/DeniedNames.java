package io.mcpruntime.sql.guard;

import io.mcpruntime.sql.guard.SqlTokens.Kind;
import io.mcpruntime.sql.guard.SqlTokens.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words and functions a guarded statement may not contain, found on the tokens a server would execute.
 * Functions are denied when called, whatever their schema or quoting; they are the ones that write files, run
 * code, reach other servers, change sequences or sessions, or read the server's files, in SQL Server, H2 and
 * PostgreSQL.
 */
final class DeniedNames {
    /** Never in a read-only query: statements, dynamic SQL, transaction and session control, other servers. */
    static final Set<String> READ_ONLY_KEYWORDS = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "DROP", "ALTER", "CREATE", "RENAME",
            "GRANT", "REVOKE", "DENY", "EXEC", "EXECUTE", "CALL", "DO", "INTO", "WAITFOR", "BEGIN", "COMMIT",
            "ROLLBACK", "SAVE", "SAVEPOINT", "TRANSACTION", "DECLARE", "SET", "USE", "SHUTDOWN", "KILL", "BACKUP",
            "RESTORE", "DBCC", "BULK", "RECONFIGURE", "RUNSCRIPT", "SCRIPT", "OPENQUERY", "OPENROWSET",
            "OPENDATASOURCE", "LOCK");
    /** Never in a write statement either: dynamic SQL, other servers, transaction and session control. */
    static final Set<String> WRITE_KEYWORDS = Set.of(
            "EXEC", "EXECUTE", "CALL", "DO", "WAITFOR", "BEGIN", "COMMIT", "ROLLBACK", "SAVE", "SAVEPOINT",
            "TRANSACTION", "DECLARE", "USE", "SHUTDOWN", "KILL", "BACKUP", "RESTORE", "DBCC", "BULK", "RECONFIGURE",
            "RUNSCRIPT", "SCRIPT", "OPENQUERY", "OPENROWSET", "OPENDATASOURCE", "GRANT", "REVOKE", "DENY");

    private static final Set<String> FUNCTIONS = Set.of(
            "SP_EXECUTESQL", "OPENQUERY", "OPENROWSET", "OPENDATASOURCE",
            "FILE_WRITE", "FILE_READ", "CSVWRITE", "CSVREAD", "LINK_SCHEMA", "NEXTVAL", "SETVAL",
            "CANCEL_SESSION", "ABORT_SESSION", "SET_CONFIG", "PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_STAT_FILE",
            "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND", "PG_RELOAD_CONF", "PG_ROTATE_LOGFILE", "PG_NOTIFY",
            "PG_LOGICAL_EMIT_MESSAGE", "PG_SWITCH_WAL", "PG_PROMOTE", "PG_IMPORT_SYSTEM_COLLATIONS");
    private static final List<String> FUNCTION_PREFIXES = List.of(
            "XP_", "SP_", "FT_", "FTL_", "PG_LS_", "PG_CREATE_", "PG_DROP_", "PG_REPLICATION_", "PG_ADVISORY_",
            "PG_TRY_ADVISORY_", "PG_BACKUP_", "PG_FILE_", "LO_", "DBLINK", "QUERY_TO_XML", "CURSOR_TO_XML",
            "TABLE_TO_XML", "SCHEMA_TO_XML", "DATABASE_TO_XML");

    private DeniedNames() {
    }

    /** The first denied word, called function or locking clause, as the refusal should name it. */
    static Optional<String> find(List<Token> tokens, Set<String> keywords) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String name = token.text().trim().toUpperCase(Locale.ROOT);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.kind() == Kind.WORD && keywords.contains(name)) {
                return Optional.of(name);
            }
            if (token.kind() != Kind.SYMBOL && next != null && next.isSymbol('(') && isDeniedFunction(name)) {
                return Optional.of("the function " + token.text().trim());
            }
            if (token.kind() == Kind.WORD && name.startsWith("XP_")) {
                return Optional.of("the extended procedure " + token.text());
            }
            if (next != null && next.kind() == Kind.WORD) {
                String second = next.text().toUpperCase(Locale.ROOT);
                if (name.equals("NEXT") && second.equals("VALUE")) {
                    return Optional.of("NEXT VALUE FOR (it advances a sequence)");
                }
                if (name.equals("FOR") && Set.of("UPDATE", "SHARE", "NO", "KEY").contains(second)) {
                    return Optional.of("FOR " + second + " (a locking clause)");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDeniedFunction(String name) {
        return FUNCTIONS.contains(name) || FUNCTION_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
