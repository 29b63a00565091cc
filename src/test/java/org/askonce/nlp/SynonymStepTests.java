package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.askonce.MiniKnowledge;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.junit.jupiter.api.Test;

/** The synonym step alone, over a literal lexicon: colloquial tokens in, official terms out. */
class SynonymStepTests {

    private static final Vocabulary VOCABULARY = Vocabulary.of(new KnowledgeSnapshot(List.of(), List.of(),
            new Lexicon(Map.of("养犬登记", List.of("狗证", "养狗证"), "社会保障卡", List.of("社保卡片")), List.of())));

    private final SynonymStep step = new SynonymStep(Map.of(), VOCABULARY);

    private static Token token(String text) {
        return new Token(text, "n", text, List.of(), false, false);
    }

    private List<Token> mapped(SynonymStep synonyms, Token... tokens) {
        Analysis analysis = new Analysis("");
        analysis.tokens(List.of(tokens));
        synonyms.apply(analysis);
        return analysis.tokens();
    }

    @Test
    void mapsAColloquialWordToItsOfficialTerm() {
        assertThat(mapped(step, token("狗证"))).extracting(Token::text, Token::term)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("狗证", "养犬登记"));
    }

    @Test
    void mapsEveryColloquialWordOfTheSameTerm() {
        assertThat(mapped(step, token("养狗证"), token("社保卡片"))).extracting(Token::term).containsExactly("养犬登记", "社会保障卡");
    }

    @Test
    void givesTheOfficialTermItsPartsInTheCoreDictionary() {
        assertThat(mapped(step, token("狗证")).get(0).parts()).containsExactly("登记");
    }

    @Test
    void leavesAWordTheLexiconDoesNotKnow() {
        assertThat(mapped(step, token("护照"))).containsExactly(token("护照"));
    }

    @Test
    void leavesStopwordsAlone() {
        Token stop = new Token("狗证", "n", "狗证", List.of(), true, false);
        assertThat(mapped(step, stop)).containsExactly(stop);
    }

    @Test
    void tagsAColloquialWordForAnItemAsNamingTheItem() {
        SynonymStep mini = new SynonymStep(Map.of(), Vocabulary.of(MiniKnowledge.snapshot()));
        assertThat(mapped(mini, token("养狗证"))).extracting(Token::term, Token::nature)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("养犬登记", Token.KB_NATURE));
    }

    @Test
    void statesItsLexiconAndCoreSynonymDefaultInToString() {
        assertThat(step).hasToString("synonyms(lexicon 3 terms, core-synonym=false)");
    }

    @Test
    void rejectsUnknownParametersNamingTheKnownOne() {
        assertThatThrownBy(() -> new SynonymStep(Map.of("colour", "blue"), VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'synonyms': [colour] (known: [core-synonym])");
    }
}
