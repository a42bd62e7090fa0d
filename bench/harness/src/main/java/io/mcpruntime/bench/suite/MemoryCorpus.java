package io.mcpruntime.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Synthetic memory entries and searches, the same for every contender and every run: entry {@code n} and query
 * {@code n} depend on {@code n} alone. Words come from a vocabulary of pronounceable made-up words, drawn with a
 * skew (a few words are in most entries, most words in few), as in natural text; a quarter of the searches also
 * filter by a tag.
 */
final class MemoryCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "do", "fe",
        "gu", "ha", "ji", "ko", "la", "me", "ni", "or", "pe", "qu", "ri", "so", "tu", "ul", "va", "we", "xi", "yo"};
    private static final int WORDS = 5_000;
    private static final int TAGS = 40;

    private final List<String> vocabulary = new ArrayList<>(WORDS);

    MemoryCorpus() {
        Random random = new Random(15);
        while (vocabulary.size() < WORDS) {
            StringBuilder word = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (!vocabulary.contains(word.toString())) {
                vocabulary.add(word.toString());
            }
        }
    }

    /** Entry n's text: 15 to 40 words. */
    String text(long n) {
        SplittableRandom random = new SplittableRandom(n);
        StringBuilder text = new StringBuilder();
        for (int w = 15 + random.nextInt(26); w > 0; w--) {
            text.append(text.isEmpty() ? "" : " ").append(word(random, 3));
        }
        return text.toString();
    }

    /** Entry n's one or two tags. */
    List<String> tags(long n) {
        SplittableRandom random = new SplittableRandom(~n);
        String first = "tag-" + random.nextInt(TAGS);
        return random.nextBoolean() ? List.of(first) : List.of(first, "tag-" + random.nextInt(TAGS));
    }

    /** Search n's query: two words, less skewed than the texts (people search for what is specific). */
    String query(long n) {
        SplittableRandom random = new SplittableRandom(n * 31 + 7);
        return word(random, 1.5) + " " + word(random, 1.5);
    }

    /** Search n's tag filter: one tag for every fourth search, else none. */
    List<String> queryTags(long n) {
        return n % 4 == 0 ? List.of("tag-" + Math.floorMod(n * 7, TAGS)) : null;
    }

    private String word(SplittableRandom random, double skew) {
        return vocabulary.get((int) (Math.pow(random.nextDouble(), skew) * WORDS));
    }
}
