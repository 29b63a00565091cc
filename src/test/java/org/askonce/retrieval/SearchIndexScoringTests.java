package org.askonce.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.askonce.MiniKnowledge;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.NlpSettings;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.SearchIndex.Level;
import org.askonce.retrieval.SearchIndex.Scored;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How the lexical index scores, on a tiny literal knowledge base (five items, one FAQ, seventeen
 * wordings, no vectors), in the style of Lucene's scoring tests. Where the formula is deterministic
 * the expected number is computed from it: a key's weight is {@code ln(1 + (N + 1) / (df + 0.5))}
 * ({@link KeyWeights}, N = 17 wordings here, df = how many wordings have the key; an unknown key has
 * df = 0), and a level's score is {@code factor × (share × wording coverage + (1 − share) × question
 * coverage) × kind weight} ({@link SearchIndex.Level}, {@link QuestionKeys#score}). The document
 * frequencies in the comments are counted by hand from the wordings below.
 */
class SearchIndexScoringTests {

    private static final int WORDINGS = 17;
    private static final double EPSILON = 1e-9;

    private static final Faq CARD_LOST = new Faq("card-lost", "social-security-card", null, "市民卡丢了怎么补办",
            List.of("社保卡掉了咋办"), "先挂失，再补办。");

    /** Wordings: 5 + 3 + 4 + 3 + 2 = 17 (names, aliases, keywords, the FAQ question and its similar question). */
    private static final List<ServiceItem> ITEMS = List.of(
            item("social-security-card", "社会保障卡申领", List.of("社保卡", "市民卡"), List.of(), CARD_LOST),
            item("dog-registration", "养犬登记", List.of("狗证"), List.of("养狗")),
            item("passport", "普通护照签发", List.of("护照", "办护照"), List.of("出入境")),
            item("travel-permit", "往来港澳通行证签发", List.of("港澳通行证"), List.of("出入境")),
            item("driving-licence", "驾驶证换证", List.of("驾驶证到期换证"), List.of()));

    private static final Lexicon LEXICON = new Lexicon(Map.of(), List.of("市民卡", "社保卡", "驾驶证", "行驶证"));

    private static final List<SearchIndex> OPENED = new ArrayList<>();
    private static final TextPipeline PIPELINE = TextPipeline.create(snapshot(ITEMS), NlpSettings.defaults(MiniKnowledge.TRAINING));
    private static final SearchIndex INDEX = index(ITEMS);

    private static ServiceItem item(String id, String name, List<String> aliases, List<String> keywords, Faq... faqs) {
        return new ServiceItem(id, name, aliases, keywords, "某局", "个人", null, null, List.of(), null, null, null,
                List.of(), null, null, null, List.of(), List.of(), null, null, null, "测试", List.of(faqs));
    }

    private static KnowledgeSnapshot snapshot(List<ServiceItem> items) {
        return new KnowledgeSnapshot(items, List.of(), LEXICON);
    }

    private static SearchIndex index(List<ServiceItem> items) {
        SearchIndex index = SearchIndexBuilder.build(snapshot(items), PIPELINE, null, null);
        OPENED.add(index);
        return index;
    }

    @AfterAll
    static void close() {
        OPENED.forEach(SearchIndex::close);
    }

    /** The weight of a key that {@code df} of the fixture's wordings have (see {@link KeyWeights}). */
    private static double idf(int df) {
        return Math.log(1 + (WORDINGS + 1.0) / (df + 0.5));
    }

    private static Analysis analyze(String question) {
        return PIPELINE.analyze(question);
    }

    private static List<Scored> search(String question) {
        return INDEX.search(analyze(question), 20);
    }

    private static SearchResult rank(SearchIndex index, String question) {
        return LexicalRanking.rank(index, analyze(question), 20);
    }

    /** The scored wording with this text, for this question. */
    private static Scored scored(String question, String wording) {
        return search(question).stream().filter(s -> s.wording().text().equals(wording)).findFirst().orElseThrow();
    }

    @Test
    void exactNameScoresOneAtTheWordLevel() {
        Scored top = search("养犬登记").get(0);
        assertThat(top.wording().itemId()).isEqualTo("dog-registration");
        assertThat(top.level()).isEqualTo(Level.WORD);
        assertThat(top.score()).isEqualTo(1.0);
        assertThat(top.questionCoverage()).isEqualTo(1.0);
        assertThat(top.wordingCoverage()).isEqualTo(1.0);
        assertThat(rank(INDEX, "养犬登记").topItem().orElseThrow().score()).isEqualTo(1.0);
    }

    @Test
    void aRarerWordExplainsMoreOfTheQuestion() {
        // 驾驶证 is in 2 wordings, 护照 in 3: each wording shares one of the two words
        String question = "驾驶证护照";
        assertThat(scored(question, "驾驶证换证").questionCoverage()).isCloseTo(idf(2) / (idf(2) + idf(3)), within(EPSILON));
        assertThat(scored(question, "护照").questionCoverage()).isCloseTo(idf(3) / (idf(2) + idf(3)), within(EPSILON));
        assertThat(idf(2)).isGreaterThan(idf(3));
    }

    @Test
    void theWordingTheQuestionCoversBestRanksFirst() {
        // 护照 (df 3) is all of 护照, part of 办护照 (办护照 df 1) and less of 普通护照签发
        List<String> texts = search("护照").stream().map(s -> s.wording().text()).toList();
        assertThat(texts).containsExactly("护照", "办护照", "普通护照签发");
        assertThat(scored("护照", "办护照").score()).isCloseTo(0.5 + 0.5 * idf(3) / (idf(3) + idf(1)), within(EPSILON));
    }

    @Test
    void coverageOfTheQuestionAndOfTheWordingCountEquallyForWords() {
        // the word level weighs both coverages 0.5: the question 护照 half-covering 办护照 scores
        // what the question 办护照 scores on the wording 护照, which covers it half
        Scored wordingHalfCovered = scored("护照", "办护照");
        Scored questionHalfCovered = scored("办护照", "护照");
        assertThat(wordingHalfCovered.wordingCoverage()).isLessThan(1.0);
        assertThat(questionHalfCovered.questionCoverage()).isLessThan(1.0);
        assertThat(questionHalfCovered.score()).isCloseTo(wordingHalfCovered.score(), within(EPSILON));
    }

    @Test
    void anElementCueWordWeighsLessThanATopicWord() {
        // 证件 is an element cue no wording has: it weighs 0.3 of an unknown key (df 0); 出入境 is in
        // 2 keywords, which are worth 0.72 of a name
        Scored keyword = scored("出入境证件", "出入境");
        double questionCoverage = idf(2) / (idf(2) + SearchIndex.CUE_WEIGHT * idf(0));
        assertThat(keyword.questionCoverage()).isCloseTo(questionCoverage, within(EPSILON));
        assertThat(keyword.score()).isCloseTo(0.72 * (0.5 * 1.0 + 0.5 * questionCoverage), within(EPSILON));
    }

    @Test
    void aFaqsSimilarQuestionFindsTheFaqAndCountsForItsItem() {
        SearchResult result = rank(INDEX, "社保卡掉了咋办");
        Candidate faq = result.topFaq().orElseThrow();
        assertThat(faq.faqId()).isEqualTo("card-lost");
        assertThat(faq.score()).isCloseTo(0.97, within(EPSILON));
        Candidate item = result.topItem().orElseThrow();
        assertThat(item.itemId()).isEqualTo("social-security-card");
        assertThat(item.score()).isCloseTo(0.97 * Retriever.FAQ_AS_ITEM_EVIDENCE, within(EPSILON));
    }

    @Test
    void pinyinFindsAMisspeltName() {
        // 养全 sounds like 养犬: every pinyin bigram of the question and of the name is shared
        Scored top = search("养全登记").get(0);
        assertThat(top.wording().itemId()).isEqualTo("dog-registration");
        assertThat(top.level()).isEqualTo(Level.PINYIN);
        assertThat(top.shared()).containsExactly("yang_quan", "quan_deng", "deng_ji");
        assertThat(top.score()).isCloseTo(Level.PINYIN.factor, within(EPSILON));
        assertThat(rank(INDEX, "社宝卡").topItem().orElseThrow().itemId()).isEqualTo("social-security-card");
    }

    @Test
    void characterBigramsFindAWordingInsideAnUnseenCompound() {
        // 通行证件 is no word of the index: the character bigrams 港澳 澳通 通行 行证 (df 2 each) of
        // 港澳通行证 are all in the question, whose fifth, 证件, no wording has
        Scored top = search("港澳通行证件").get(0);
        assertThat(top.wording().text()).isEqualTo("港澳通行证");
        assertThat(top.level()).isEqualTo(Level.CHAR);
        assertThat(top.wordingCoverage()).isEqualTo(1.0);
        double questionCoverage = 4 * idf(2) / (4 * idf(2) + idf(0));
        assertThat(top.score()).isCloseTo(0.88 * (0.6 * 1.0 + 0.4 * questionCoverage), within(EPSILON));
    }

    @Test
    void theTypoLevelsOpenOnlyForAWordTheIndexDoesNotKnow() {
        assertThat(search("护照签发")).extracting(Scored::level).containsOnly(Level.WORD);
        // a lone character (处) opens them, and the character level then scores 普通护照签发 best
        assertThat(scored("护照签发处", "普通护照签发").level()).isEqualTo(Level.CHAR);
    }

    @Test
    void aBankCardIsNotTakenForTheCitizenCard() {
        Analysis bankCard = analyze("银行卡丢了");
        assertThat(rank(INDEX, "银行卡丢了").topItem().orElseThrow().itemId()).isEqualTo("social-security-card");
        assertThat(INDEX.looksAlike(bankCard, "social-security-card")).isTrue();
        assertThat(INDEX.looksAlike(analyze("市民卡丢了"), "social-security-card")).isFalse();
        // 丢 is in 1 wording (the FAQ question), 银行卡 in none
        assertThat(INDEX.topicWords(bankCard).knownShare()).isCloseTo(idf(1) / (idf(1) + idf(0)), within(EPSILON));
        assertThat(INDEX.topicWords(analyze("市民卡丢了")).knownShare()).isEqualTo(1.0);
        // 银行卡: a topic word of two characters no wording has
        assertThat(INDEX.topicWords(bankCard).unknown()).isEqualTo(1);
        assertThat(INDEX.topicWords(analyze("市民卡丢了")).unknown()).isZero();
    }

    @Test
    void aVehicleLicenceIsNotTakenForADrivingLicence() {
        Analysis question = analyze("行驶证换证");
        assertThat(rank(INDEX, "行驶证换证").topItem().orElseThrow().itemId()).isEqualTo("driving-licence");
        assertThat(INDEX.looksAlike(question, "driving-licence")).isTrue();
        assertThat(INDEX.looksAlike(analyze("驾驶证换证"), "driving-licence")).isFalse();
    }

    @Test
    void equalScoresKeepTheOrderOfTheKnowledgeBase() {
        // both items have the keyword 出入境; the question is neither keyword exactly
        List<Candidate> items = rank(INDEX, "出入境证件").items();
        assertThat(items).extracting(Candidate::itemId).containsExactly("passport", "travel-permit");
        assertThat(items.get(0).score()).isEqualTo(items.get(1).score());

        List<ServiceItem> reversedItems = new ArrayList<>(ITEMS);
        Collections.reverse(reversedItems);
        SearchIndex reversed = index(reversedItems);
        assertThat(rank(reversed, "出入境证件").items()).extracting(Candidate::itemId).containsExactly("travel-permit", "passport");
    }
}
