package org.askonce.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * A large knowledge base for scale benchmarks: the sample's items plus {@code count} generated FAQs
 * whose questions mix an item's names with words drawn from the sample's own texts, so that word
 * frequencies look like a real catalogue's. Deterministic (fixed seed).
 */
final class GeneratedKnowledge {

    private static final String[] TAILS = {"怎么办", "需要注意什么", "可以吗", "有什么要求", "在哪里查询", "能不能代办", "有没有限制",
        "要多久", "怎么申请", "是否收费", "如何办理", "需要本人去吗"};

    private GeneratedKnowledge() {
    }

    static KnowledgeSnapshot withFaqs(KnowledgeSnapshot sample, int count) {
        Random random = new Random(42);
        List<String> words = vocabulary(sample);
        List<ServiceItem> items = sample.items();
        List<List<Faq>> faqs = new ArrayList<>();
        items.forEach(i -> faqs.add(new ArrayList<>(i.faqs())));
        for (int n = 0; n < count; n++) {
            int index = n % items.size();
            ServiceItem item = items.get(index);
            List<String> names = new ArrayList<>(item.aliases());
            names.add(item.name());
            String question = pick(names, random) + pick(words, random) + pick(words, random) + TAILS[random.nextInt(TAILS.length)];
            List<String> similar = List.of(
                    pick(words, random) + pick(names, random) + pick(words, random) + TAILS[random.nextInt(TAILS.length)],
                    pick(names, random) + pick(words, random) + TAILS[random.nextInt(TAILS.length)],
                    pick(words, random) + pick(words, random) + pick(names, random));
            faqs.get(index).add(new Faq("generated-" + n, item.id(), null, question, similar, "生成的答案 " + n));
        }
        List<ServiceItem> withFaqs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            withFaqs.add(items.get(i).withFaqs(faqs.get(i)));
        }
        return new KnowledgeSnapshot(withFaqs, sample.hallFaqs(), sample.lexicon());
    }

    private static List<String> vocabulary(KnowledgeSnapshot sample) {
        Set<String> words = new LinkedHashSet<>();
        for (ServiceItem item : sample.items()) {
            for (String text : List.of(item.conditions(), String.join("，", item.process()), String.join("，", item.legalBasis()))) {
                for (String part : text.split("[，。；：、（）《》\\s0-9.]+")) {
                    for (int i = 0; i + 2 <= part.length(); i += 2) {
                        words.add(part.substring(i, i + 2));
                    }
                }
            }
        }
        return new ArrayList<>(words);
    }

    private static String pick(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
