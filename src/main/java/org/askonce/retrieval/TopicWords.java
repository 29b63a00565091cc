package org.askonce.retrieval;

/**
 * What the index knows of a question's topic words (its words but the cue words): {@code
 * knownShare}, the weight of those some wording has over the weight of all (unknown words weigh the
 * most; 1 when there are none) — "招商银行信用卡丢了" knows little of its topic, "社保卡丢了" all of it;
 * {@code unknown}, how many of two characters or more no wording has (中考, 笔试, 酒店: something the
 * knowledge base does not hold); {@code count}, how many there are.
 */
public record TopicWords(double knownShare, int unknown, int count) {
}
