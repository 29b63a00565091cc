package org.askonce.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and validates the knowledge-base folder: {@code items/*.yaml} (one service item a file,
 * its FAQs inside), {@code hall-faqs.yaml} and {@code lexicon.yaml}. Every part is optional, so that
 * a new deployment can start on an empty folder and import its catalogue later: no {@code items/}
 * folder (or an empty one) means no items, no {@code hall-faqs.yaml} no hall FAQs, no
 * {@code lexicon.yaml} an empty lexicon. The folder itself must exist. Everything present is
 * validated before anything is returned; the first problems are reported with file and field.
 */
public final class KnowledgeFolder {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private KnowledgeFolder() {
    }

    record HallFaqsFile(List<Faq> faqs) {
    }

    record LexiconFile(Map<String, List<String>> synonyms, List<String> words) {
    }

    /**
     * Writes a knowledge base as a folder in this format (items/*.yaml, hall-faqs.yaml,
     * lexicon.yaml); reading it back gives the same knowledge base.
     */
    public static void write(KnowledgeSnapshot snapshot, Path folder) {
        ObjectMapper out = Mappers.YAML_OUT;
        try {
            Path items = folder.resolve("items");
            Files.createDirectories(items);
            for (ServiceItem item : snapshot.items()) {
                out.writeValue(items.resolve(item.id() + ".yaml").toFile(),
                        item.withFaqs(item.faqs().stream().map(f -> f.withItemId(null)).toList()));
            }
            if (!snapshot.events().isEmpty()) {
                Path events = folder.resolve("events");
                Files.createDirectories(events);
                for (LifeEvent event : snapshot.events()) {
                    out.writeValue(events.resolve(event.id() + ".yaml").toFile(), event);
                }
            }
            out.writeValue(folder.resolve("hall-faqs.yaml").toFile(), new HallFaqsFile(snapshot.hallFaqs()));
            out.writeValue(folder.resolve("lexicon.yaml").toFile(),
                    new LexiconFile(snapshot.lexicon().synonyms(), snapshot.lexicon().words()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not write the knowledge base to " + folder, e);
        }
    }

    /**
     * Reads the whole folder; the files that are missing count as empty (see the class comment).
     *
     * @throws KnowledgeBaseException when the folder does not exist, or naming every bad file and field (up to 20 problems)
     */
    public static KnowledgeSnapshot read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new KnowledgeBaseException("Knowledge-base folder not found: " + folder.toAbsolutePath()
                    + " (set askonce.knowledge-base)");
        }
        List<String> problems = new ArrayList<>();
        List<ServiceItem> items = new ArrayList<>();
        Path itemsDir = folder.resolve("items");
        for (Path file : yamlFiles(itemsDir, problems)) {
            ServiceItem item = parse(file, ServiceItem.class, problems);
            if (item == null) {
                continue;
            }
            String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            int before = problems.size();
            validate(file, item, problems);
            if (item.id() != null && !item.id().equals(expectedId)) {
                problems.add(file + ": field 'id': '" + item.id() + "' must equal the file name '" + expectedId + "'");
            }
            if (problems.size() == before) {
                items.add(item.withFaqs(item.faqs().stream().map(f -> f.withItemId(item.id())).toList()));
            }
        }
        List<Faq> hallFaqs = new ArrayList<>();
        Path hallFile = folder.resolve("hall-faqs.yaml");
        if (Files.exists(hallFile)) {
            HallFaqsFile hall = parse(hallFile, HallFaqsFile.class, problems);
            if (hall != null && hall.faqs() != null) {
                for (int i = 0; i < hall.faqs().size(); i++) {
                    Faq faq = hall.faqs().get(i);
                    int before = problems.size();
                    validate(hallFile, faq, "faqs[" + i + "].", problems);
                    if (problems.size() == before) {
                        hallFaqs.add(faq.withItemId(null));
                    }
                }
            }
        }
        Lexicon lexicon = Lexicon.EMPTY;
        Path lexiconFile = folder.resolve("lexicon.yaml");
        if (Files.exists(lexiconFile)) {
            LexiconFile lex = parse(lexiconFile, LexiconFile.class, problems);
            if (lex != null) {
                lexicon = new Lexicon(lex.synonyms() == null ? Map.of() : new LinkedHashMap<>(lex.synonyms()), lex.words());
                checkLexicon(lexiconFile, lexicon, problems);
            }
        }
        checkUnique(items, hallFaqs, problems);
        List<LifeEvent> events = readEvents(folder.resolve("events"), items, problems);
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException("Knowledge base in " + folder + " is invalid; nothing was loaded. "
                    + problems.size() + " problem(s):\n  " + problems.stream().limit(20).collect(Collectors.joining("\n  ")));
        }
        return new KnowledgeSnapshot(items, hallFaqs, lexicon, events);
    }

    /**
     * The life events of {@code events/*.yaml}: each validated, its id the file's name, its name
     * unique and no item's, and every step an item of the folder (a step naming an unknown item is
     * refused in Chinese, naming the event and the item: editors read it).
     */
    private static List<LifeEvent> readEvents(Path dir, List<ServiceItem> items, List<String> problems) {
        Map<String, String> itemIds = items.stream().collect(Collectors.toMap(ServiceItem::id, ServiceItem::name));
        Set<String> itemNames = items.stream().map(ServiceItem::name).collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        List<LifeEvent> events = new ArrayList<>();
        for (Path file : yamlFiles(dir, problems)) {
            LifeEvent event = parse(file, LifeEvent.class, problems);
            if (event == null) {
                continue;
            }
            String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            int before = problems.size();
            validate(file, event, problems);
            if (event.id() != null && !event.id().equals(expectedId)) {
                problems.add(file + ": field 'id': '" + event.id() + "' must equal the file name '" + expectedId + "'");
            }
            problems.addAll(eventProblems(file.toString(), event, itemIds, itemNames, names));
            if (problems.size() == before) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * What is wrong with an event among these items, in Chinese (empty: nothing); adds its name to {@code names}. The
     * folder asks for at least one step: a file may hold an event of a single item.
     */
    public static List<String> eventProblems(String where, LifeEvent event, Map<String, String> itemIds, Set<String> itemNames,
                                      Set<String> names) {
        return eventProblems(where, event, itemIds, itemNames, names, 1);
    }

    /**
     * Every rule a life event must keep, in Chinese, each naming the field (empty: nothing wrong): a name (at most
     * 100 characters) no other event and no item has, at least one wording and none twice, at least {@code minSteps}
     * steps, each with an item of {@code itemIds} (the live items, id to name) that no other step has, written for
     * the item's present name when it names one, and with why it is needed. The folder and the event editor both
     * use these rules. Adds the event's name to {@code names} (the names taken so far).
     */
    public static List<String> eventProblems(String where, LifeEvent event, Map<String, String> itemIds, Set<String> itemNames,
                                      Set<String> names, int minSteps) {
        String at = where == null || where.isEmpty() ? "" : where + "：";
        List<String> problems = new ArrayList<>();
        String name = event.name() == null ? "" : event.name().strip();
        if (name.isEmpty()) {
            problems.add(at + "名称（name）不能为空");
        } else if (name.length() > 100) {
            problems.add(at + "名称（name）不能超过 100 个字，现在是 " + name.length() + " 个字");
        }
        if (!name.isEmpty() && !names.add(name)) {
            problems.add(at + "一件事名称“" + name + "”重复");
        }
        if (!name.isEmpty() && itemNames.contains(name)) {
            problems.add(at + "一件事名称“" + name + "”与事项同名");
        }
        Set<String> wordings = new HashSet<>();
        if (event.wordings().isEmpty()) {
            problems.add(at + "市民的说法（wordings）至少要写一条");
        }
        for (int i = 0; i < event.wordings().size(); i++) {
            String wording = event.wordings().get(i) == null ? "" : event.wordings().get(i).strip();
            if (wording.isEmpty()) {
                problems.add(at + "市民的说法第" + (i + 1) + "条是空的（wordings[" + i + "]）");
            } else if (!wordings.add(wording)) {
                problems.add(at + "市民的说法“" + wording + "”重复（wordings[" + i + "]）");
            }
        }
        if (event.steps().size() < minSteps) {
            problems.add(at + "步骤（steps）至少要有 " + minSteps + " 个，现在有 " + event.steps().size() + " 个");
        }
        Set<String> seen = new HashSet<>();
        String which = at + (name.isEmpty() ? "" : "一件事“" + name + "”");
        for (int i = 0; i < event.steps().size(); i++) {
            LifeEvent.Step step = event.steps().get(i);
            if (step == null) {
                continue;
            }
            if (step.why() == null || step.why().isBlank()) {
                problems.add(which + "第" + (i + 1) + "步的“为什么要办”不能为空（steps[" + i + "].why）");
            }
            if (step.item() == null || step.item().isBlank()) {
                problems.add(which + "第" + (i + 1) + "步没有选择事项（steps[" + i + "].item）");
            } else if (!itemIds.containsKey(step.item())) {
                problems.add(which + "第" + (i + 1) + "步的事项“" + step.item() + "”不存在或尚未发布（steps[" + i
                        + "].item）");
            } else if (step.itemName() != null && !step.itemName().equals(itemIds.get(step.item()))) {
                problems.add(which + "第" + (i + 1) + "步写的事项名称“" + step.itemName() + "”与事项“"
                        + itemIds.get(step.item()) + "”不一致，事项改名后请更新这一步（steps[" + i + "].itemName）");
            } else if (!seen.add(step.item())) {
                problems.add(which + "第" + (i + 1) + "步的事项“" + itemIds.get(step.item()) + "”重复出现（steps[" + i
                        + "].item）");
            }
        }
        return problems;
    }

    /** The YAML files in the folder, none if there is no such folder. */
    private static List<Path> yamlFiles(Path dir, List<String> problems) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": not a folder");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static <T> T parse(Path file, Class<T> type, List<String> problems) {
        try {
            T value = Mappers.YAML_IN.readValue(file.toFile(), type);
            if (value == null) {
                problems.add(file + ": empty file");
            }
            return value;
        } catch (JsonMappingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            problems.add(file + ": field '" + path(e) + "'" + line + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            problems.add(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    private static void validate(Path file, Object value, List<String> problems) {
        validate(file, value, "", problems);
    }

    private static void validate(Path file, Object value, String prefix, List<String> problems) {
        Validator validator = VALIDATION.getValidator();
        validator.validate(value).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach((ConstraintViolation<Object> v) -> problems.add(file + ": field '" + prefix + v.getPropertyPath()
                        .toString().replaceAll("\\.<[^>]+>", "") + "': " + v.getMessage()));
    }

    private static void checkLexicon(Path file, Lexicon lexicon, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        lexicon.synonyms().forEach((official, terms) -> {
            if (official == null || official.isBlank()) {
                problems.add(file + ": field 'synonyms': blank official term");
                return;
            }
            if (terms == null) {
                problems.add(file + ": field 'synonyms." + official + "': must list the colloquial terms");
                return;
            }
            for (String term : terms) {
                if (term == null || term.isBlank()) {
                    problems.add(file + ": field 'synonyms." + official + "': blank term");
                    continue;
                }
                String previous = seen.put(term, official);
                if (previous != null && !previous.equals(official)) {
                    problems.add(file + ": field 'synonyms." + official + "': '" + term + "' already maps to '" + previous + "'");
                }
            }
        });
        for (String word : lexicon.words()) {
            if (word == null || word.isBlank()) {
                problems.add(file + ": field 'words': blank word");
            }
        }
    }

    private static void checkUnique(List<ServiceItem> items, List<Faq> hallFaqs, List<String> problems) {
        Set<String> names = new HashSet<>();
        Set<String> faqIds = new HashSet<>();
        for (ServiceItem item : items) {
            if (!names.add(item.name())) {
                problems.add("items/" + item.id() + ".yaml: field 'name': duplicate item name '" + item.name() + "'");
            }
            for (int i = 0; i < item.faqs().size(); i++) {
                if (!faqIds.add(item.faqs().get(i).id())) {
                    problems.add("items/" + item.id() + ".yaml: field 'faqs[" + i + "].id': duplicate FAQ id '" + item.faqs().get(i).id() + "'");
                }
            }
        }
        for (int i = 0; i < hallFaqs.size(); i++) {
            if (!faqIds.add(hallFaqs.get(i).id())) {
                problems.add("hall-faqs.yaml: field 'faqs[" + i + "].id': duplicate FAQ id '" + hallFaqs.get(i).id() + "'");
            }
        }
    }
}
