package org.askonce.knowledge;

/**
 * The knowledge base could not be read or stored. The message names the file and the field.
 */
public class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
