package io.mcpruntime.sql.guard;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * The two readings every guarded statement gets: the tokens a server would execute (checked for denied names)
 * and JSqlParser's parse tree (checked for its shape). Both must succeed; anything unreadable is refused.
 */
final class StatementReader {
    private static final int MAX_LENGTH = 100_000;

    private StatementReader() {
    }

    /** The single statement, or the reason it is refused. */
    static Statement single(String sql, boolean bracketQuoting, Set<String> deniedKeywords) throws Refusal {
        if (sql == null || sql.isBlank()) {
            throw new Refusal("the statement is empty");
        }
        if (sql.length() > MAX_LENGTH) {
            throw new Refusal("the statement is longer than " + MAX_LENGTH + " characters");
        }
        List<SqlTokens.Token> tokens;
        try {
            tokens = SqlTokens.scan(sql, bracketQuoting);
        } catch (SqlTokens.UnreadableSql e) {
            throw new Refusal("it contains " + e.getMessage());
        }
        Optional<String> denied = DeniedNames.find(tokens, deniedKeywords);
        if (denied.isPresent()) {
            throw new Refusal(denied.get() + " is not allowed");
        }
        Statements statements = parse(sql, bracketQuoting);
        if (statements.size() != 1) {
            throw new Refusal("it holds " + statements.size() + " statements; send exactly one");
        }
        return statements.get(0);
    }

    private static Statements parse(String sql, boolean bracketQuoting) throws Refusal {
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(sql,
                    parser -> parser.withSquareBracketQuotation(bracketQuoting));
            if (statements == null || statements.isEmpty()) {
                throw new Refusal("it holds no statement");
            }
            return statements;
        } catch (Refusal e) {
            throw e;
        } catch (Exception | Error e) { // the parser signals some syntax errors with its own Errors
            throw new Refusal("it could not be parsed (statements that cannot be checked are not run)");
        }
    }

    /** Why a statement is refused. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason);
        }
    }
}
