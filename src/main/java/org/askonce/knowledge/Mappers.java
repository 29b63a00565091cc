package org.askonce.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one configuration of how AskOnce writes and reads JSON and YAML: knowledge as JSON in the
 * database (items, events, the lexicon and their versions) and as YAML in a knowledge-base folder and
 * the editor's YAML view; other modules' stored JSON (the WeChat outbox and journal) and the YAML files
 * people write to configure them (WeChat texts, bookable halls) through {@link #json()} and
 * {@link #readYaml}. Dates are ISO text, never timestamps. Reading YAML is strict — an unknown field, a
 * missing number or a key given twice is an error, since a person wrote it. Configured once;
 * thread-safe. (Spring's own ObjectMapper, for the web API, is configured the same way by Spring Boot.)
 */
public final class Mappers {

    /** Knowledge as JSON, for the database. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Knowledge written as YAML: no document marker, quotes only where needed. */
    static final ObjectMapper YAML_OUT = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Knowledge read from YAML that a person wrote: strict. */
    static final ObjectMapper YAML_IN = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Mappers() {
    }

    /** JSON as the database stores it: to write and read other modules' stored values. */
    public static ObjectMapper json() {
        return JSON.copy();
    }

    /** Knowledge as YAML, as a folder and the editor's YAML view show it. */
    public static String toYaml(Object value) throws JsonProcessingException {
        return YAML_OUT.writeValueAsString(value);
    }

    /** YAML a person wrote (the editor's YAML view), read strictly into {@code type}. */
    public static <T> T fromYaml(String yaml, Class<T> type) throws JsonProcessingException {
        return YAML_IN.readValue(yaml, type);
    }

    /** A YAML file a person wrote, read strictly into {@code type}. */
    public static <T> T readYaml(Path file, Class<T> type) throws IOException {
        return YAML_IN.readValue(file.toFile(), type);
    }

    /** A YAML file a person wrote, as a tree (a key given twice is an error). */
    public static JsonNode readYamlTree(Path file) throws IOException {
        return YAML_IN.readTree(file.toFile());
    }

    /** Knowledge as the database stores it. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Knowledge the database stored; a body that does not read is a broken store, not a caller's mistake. */
    public static <T> T fromJson(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException("Stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** As {@link #fromJson(String, Class)}, for a generic type (a list of items). */
    public static <T> T fromJson(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException("Stored knowledge is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
