package io.mcpruntime.sql.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into the words, quoted identifiers and symbols that a server would execute, skipping string
 * literals and comments. Block comments are taken not to nest and backslashes never escape: where dialects
 * disagree, this reading sees at least as much executable text as any server does, so a denied name cannot hide.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED, SYMBOL }

    record Token(Kind kind, String text) {
        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && text.charAt(0) == symbol;
        }
    }

    /** The text cannot be read to its end (an unterminated literal, identifier or comment). */
    static final class UnreadableSql extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableSql(String message) {
            super(message);
        }
    }

    private SqlTokens() {
    }

    /**
     * @param bracketQuoting whether {@code [..]} quotes an identifier (SQL Server, H2 in its mode); elsewhere a
     *     bracket is a symbol, so an array subscript cannot pass for a quoted name
     */
    static List<Token> scan(String sql, boolean bracketQuoting) throws UnreadableSql {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new UnreadableSql("an unterminated /* comment");
                }
                i = end + 2;
            } else if (c == '\'') {
                i = endOfQuoted(sql, i, '\'', "string literal");
            } else if (c == '"' || (c == '[' && bracketQuoting)) {
                char close = c == '[' ? ']' : c;
                int end = endOfQuoted(sql, i, close, "quoted identifier");
                String doubled = "" + close + close;
                tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, end - 1).replace(doubled, "" + close)));
                i = end;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** The index just past the closing quote; a doubled quote is an escaped one. */
    private static int endOfQuoted(String sql, int open, char close, String what) throws UnreadableSql {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new UnreadableSql("an unterminated " + what);
    }

    /** Letters, digits, _, $, @ and # (T-SQL variables and temporary tables) form words. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
    }
}
