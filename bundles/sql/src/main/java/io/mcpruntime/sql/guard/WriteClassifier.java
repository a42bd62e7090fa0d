package io.mcpruntime.sql.guard;

import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * What the write tool runs on a read-write source: exactly one INSERT, UPDATE, DELETE, MERGE or UPSERT, without
 * dynamic SQL, other servers, transaction control or the functions {@link DeniedNames} lists. Schema changes are
 * refused: they belong to migrations, not to a model.
 */
public final class WriteClassifier {

    private WriteClassifier() {
    }

    public static Verdict check(String sql, boolean bracketQuoting) {
        try {
            Statement statement = StatementReader.single(sql, bracketQuoting, DeniedNames.WRITE_KEYWORDS);
            boolean dataChange = statement instanceof Insert || statement instanceof Update
                    || statement instanceof Delete || statement instanceof Merge || statement instanceof Upsert;
            return dataChange ? Verdict.allow()
                    : Verdict.refuse("only INSERT, UPDATE, DELETE and MERGE are allowed here, not "
                            + statement.getClass().getSimpleName());
        } catch (StatementReader.Refusal e) {
            return Verdict.refuse(e.getMessage());
        }
    }
}
