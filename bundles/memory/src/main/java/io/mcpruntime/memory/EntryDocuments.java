package io.mcpruntime.memory;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/**
 * Entries to Lucene documents and back. The stored fields are the record store: a document holds everything an
 * entry has, so the index alone can be rebuilt from itself ({@code memory_reindex}).
 */
final class EntryDocuments {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String TAG = "tag";
    static final String SOURCE = "source";
    static final String IMPORTANCE = "importance";
    static final String CREATED = "created";
    static final String UPDATED = "updated";

    /** Full text with offsets in the postings, so highlighting need not re-analyze the stored text. */
    private static final FieldType SEARCHABLE_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        SEARCHABLE_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SEARCHABLE_TEXT.freeze();
    }

    private EntryDocuments() {
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    static Document toDocument(Entry entry) {
        Document doc = new Document();
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        if (entry.title() != null) {
            doc.add(new Field(TITLE, entry.title(), SEARCHABLE_TEXT));
        }
        doc.add(new Field(TEXT, entry.text(), SEARCHABLE_TEXT));
        entry.tags().forEach(tag -> doc.add(new StringField(TAG, tag, Field.Store.YES)));
        if (entry.source() != null) {
            doc.add(new StringField(SOURCE, entry.source(), Field.Store.YES));
        }
        doc.add(new IntPoint(IMPORTANCE, entry.importance()));
        doc.add(new StoredField(IMPORTANCE, entry.importance()));
        doc.add(new StoredField(CREATED, entry.created()));
        doc.add(new StoredField(UPDATED, entry.updated()));
        doc.add(new NumericDocValuesField(UPDATED, Instant.parse(entry.updated()).toEpochMilli()));
        return doc;
    }

    static Entry fromDocument(Document doc) {
        List<String> tags = Arrays.stream(doc.getValues(TAG)).sorted().toList();
        return new Entry(doc.get(ID), doc.get(TITLE), doc.get(TEXT), tags, doc.get(SOURCE),
                doc.getField(IMPORTANCE).numericValue().intValue(), doc.get(CREATED), doc.get(UPDATED));
    }
}
