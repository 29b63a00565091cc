package org.askonce.nlp;

import com.hankcs.hanlp.dictionary.CoreSynonymDictionary;
import com.hankcs.hanlp.dictionary.common.CommonSynonymDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps colloquial words to official terms with the knowledge base's lexicon (狗证 → 养犬登记).
 * With {@code core-synonym=true} (default false: it did not help in the evaluation), words the
 * lexicon does not know are also mapped to the first word of their HanLP CoreSynonym group.
 */
final class SynonymStep implements Step {

    private final Vocabulary vocabulary;
    private final boolean coreSynonym;

    SynonymStep(Map<String, String> params, Vocabulary vocabulary) {
        Step.checkParameters("synonyms", params, Set.of("core-synonym"));
        this.coreSynonym = Step.flag("synonyms", params, "core-synonym", false);
        this.vocabulary = vocabulary;
    }

    @Override
    public void apply(Analysis analysis) {
        List<Token> mapped = new ArrayList<>(analysis.tokens().size());
        for (Token token : analysis.tokens()) {
            if (token.stop()) {
                mapped.add(token);
                continue;
            }
            String term = canonical(token);
            List<String> parts = new ArrayList<>();
            for (String part : vocabulary.parts(term)) {
                parts.add(vocabulary.canonical(part));
            }
            String nature = vocabulary.namesItem(term) || vocabulary.namesItem(token.text()) ? Token.KB_NATURE : token.nature();
            mapped.add(token.withTerm(term, nature, parts));
        }
        analysis.tokens(mapped);
    }

    private String canonical(Token token) {
        if (vocabulary.hasOfficial(token.text())) {
            return vocabulary.canonical(token.text());
        }
        if (coreSynonym && !token.fromKnowledgeBase() && token.text().length() > 1) {
            CommonSynonymDictionary.SynonymItem item = CoreSynonymDictionary.get(token.text());
            if (item != null && item.type == com.hankcs.hanlp.corpus.synonym.Synonym.Type.EQUAL && !item.synonymList.isEmpty()) {
                return item.synonymList.get(0).realWord;
            }
        }
        return token.text();
    }

    @Override
    public String toString() {
        return "synonyms(lexicon " + vocabulary.synonymCount() + " terms, core-synonym=" + coreSynonym + ")";
    }
}
