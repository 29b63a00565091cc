package org.askonce.knowledge.editing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.knowledge.store.KnowledgeRepository;

/**
 * The life events of a folder import, written as published versions: refused as a whole when one
 * is named like another live event, an unchanged event gets no new version, events not imported are kept.
 * It runs inside the import's transaction ({@link EventEditor#importAll}).
 */
final class EventImport {

    private final EventVersionStore versions;
    private final KnowledgeRepository repository;
    private final KnowledgeBase knowledgeBase;
    private final ChangeLog changes;
    private final Clock clock;

    EventImport(EventVersionStore versions, KnowledgeRepository repository, KnowledgeBase knowledgeBase, ChangeLog changes, Clock clock) {
        this.versions = versions;
        this.repository = repository;
        this.knowledgeBase = knowledgeBase;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Adds or replaces the imported events and returns how many changed.
     *
     * @throws KnowledgeBaseException an imported event has the name of another live event
     */
    int importAll(List<LifeEvent> imported, String user, String source) {
        Set<String> importing = imported.stream().map(LifeEvent::id).collect(Collectors.toSet());
        Map<String, String> others = knowledgeBase.snapshot().events().stream().filter(e -> !importing.contains(e.id()))
                .collect(Collectors.toMap(LifeEvent::name, LifeEvent::id));
        List<String> clashes = imported.stream().filter(e -> others.containsKey(e.name()))
                .map(e -> "一件事“" + e.name() + "”（" + e.id() + "）与一件事 " + others.get(e.name()) + " 重名").toList();
        if (!clashes.isEmpty()) {
            throw new KnowledgeBaseException(source + " 有 " + clashes.size() + " 处一件事重名，什么都没有导入：\n  " + String.join("\n  ", clashes));
        }
        Instant now = clock.instant();
        int changed = 0;
        for (LifeEvent event : imported) {
            if (knowledgeBase.snapshot().event(event.id()).filter(event::equals).isPresent()) {
                continue;
            }
            versions.ensureHistory(event.id());
            int version = versions.nextVersion(event.id());
            versions.supersedePublished(event.id());
            versions.insertPublished(event.id(), version, event, EventVersion.State.PUBLISHED, user, now, "导入：" + source);
            repository.replaceEvent(event);
            changes.record(user, "IMPORT", EventEditor.AUDIT_PREFIX + event.id(), version, "来自 " + source);
            changed++;
        }
        return changed;
    }
}
