package io.mcpruntime.sql.guard;

import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The first layer of read-only: fails closed. It allows exactly one statement that parses as a query (SELECT,
 * WITH … SELECT, set operations) and contains no denied word or function (see {@link DeniedNames}), and refuses
 * everything else, including whatever it cannot parse. The statement then still runs in a transaction that is
 * always rolled back, with a row cap; and a least-privilege login is the layer that holds when all else fails.
 */
public final class ReadOnlyClassifier {

    private ReadOnlyClassifier() {
    }

    /**
     * @param bracketQuoting whether the database quotes identifiers with square brackets (SQL Server, H2 in its
     *     SQL Server mode)
     */
    public static Verdict check(String sql, boolean bracketQuoting) {
        try {
            Statement statement = StatementReader.single(sql, bracketQuoting, DeniedNames.READ_ONLY_KEYWORDS);
            if (!(statement instanceof Select)) {
                return Verdict.refuse("it is not a query (" + statement.getClass().getSimpleName() + ")");
            }
            return Verdict.allow();
        } catch (StatementReader.Refusal e) {
            return Verdict.refuse(e.getMessage());
        }
    }
}
