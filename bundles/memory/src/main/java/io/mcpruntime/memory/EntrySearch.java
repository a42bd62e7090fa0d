package io.mcpruntime.memory;

import io.mcpruntime.api.ToolException;
import io.mcpruntime.memory.Results.Hit;
import io.mcpruntime.memory.Results.SearchPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * One search: the query text parsed over title and text (BM25, a title match counts double), the filters as
 * non-scoring clauses, one page of hits with highlighted snippets ({@code **match**}).
 */
final class EntrySearch {
    private static final String[] FIELDS = {EntryDocuments.TITLE, EntryDocuments.TEXT};
    private static final Map<String, Float> BOOSTS = Map.of(EntryDocuments.TITLE, 2f, EntryDocuments.TEXT, 1f);
    private static final Sort NEWEST_FIRST = new Sort(new SortField(EntryDocuments.UPDATED, SortField.Type.LONG, true));
    private static final int SNIPPET_PASSAGES = 2;
    private static final int PLAIN_SNIPPET_CHARS = 200;

    private final Analyzer analyzer;

    EntrySearch(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    SearchPage run(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query text = request.matchesAll() ? new MatchAllDocsQuery() : parse(request.query());
        Query query = withFilters(text, request);
        int wanted = request.offset() + request.limit();
        TopDocs top;
        try {
            top = request.matchesAll() ? searcher.search(query, wanted, NEWEST_FIRST) : searcher.search(query, wanted);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new ToolException("The query expands to too many terms (a wildcard or fuzzy term matches too "
                    + "much); make it more specific");
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length),
                top.scoreDocs.length);
        String[] snippets = request.matchesAll() ? new String[page.length] : highlight(searcher, text, top, page);
        List<Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Entry entry = EntryDocuments.fromDocument(searcher.storedFields().document(page[i].doc));
            String snippet = snippets[i] != null ? snippets[i] : plainSnippet(entry.text());
            hits.add(new Hit(entry.id(), entry.title(), snippet, entry.tags(), entry.source(), entry.importance(),
                    entry.updated(), request.matchesAll() ? null : page[i].score));
        }
        long total = top.totalHits.value;
        boolean more = wanted < total;
        return new SearchPage(hits, total, top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
                more ? wanted : null);
    }

    private Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new ToolException("The query is not valid search syntax (" + firstLine(e.getMessage()) + "). "
                    + "Use plain words, \"quoted phrases\", AND/OR/NOT, +required -excluded, prefix* or title:word; "
                    + "put a backslash before any of + - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ / meant literally.");
        } catch (IndexSearcher.TooManyClauses e) {
            throw new ToolException("The query has too many terms; shorten it");
        }
    }

    private static Query withFilters(Query text, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        request.tags().forEach(tag -> query.add(new TermQuery(
                new Term(EntryDocuments.TAG, tag)), Occur.FILTER));
        if (request.source() != null) {
            query.add(new TermQuery(new Term(EntryDocuments.SOURCE, request.source())),
                    Occur.FILTER);
        }
        if (request.minImportance() > Entries.MIN_IMPORTANCE) {
            query.add(IntPoint.newRangeQuery(EntryDocuments.IMPORTANCE, request.minImportance(),
                    Entries.MAX_IMPORTANCE), Occur.FILTER);
        }
        return query.build();
    }

    private String[] highlight(IndexSearcher searcher, Query text, TopDocs top, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("**", "**", " … ", false))
                .build();
        return highlighter.highlight(EntryDocuments.TEXT, text, new TopDocs(top.totalHits, page), SNIPPET_PASSAGES);
    }

    private static String plainSnippet(String text) {
        return text.length() <= PLAIN_SNIPPET_CHARS ? text : text.substring(0, PLAIN_SNIPPET_CHARS) + " …";
    }

    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
