package org.askonce.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.knowledge-base}: the folder with the human-editable knowledge base (items/*.yaml,
 * hall-faqs.yaml, lexicon.yaml, wechat/channel.yaml, wechat/menu.json), loaded into the database on
 * first start. The folder must exist; every file in it is optional, so a new deployment can start
 * on an empty folder and import its catalogue.
 * {@code askonce.knowledge-poll}: how often an instance checks whether another one published.
 */
@ConfigurationProperties("askonce")
public record KnowledgeSettings(@DefaultValue("./knowledge-base") Path knowledgeBase, @DefaultValue("2s") Duration knowledgePoll) {
}
